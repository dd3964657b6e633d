#pragma once
// The interceptor catalog (data/interceptors.yaml): generic interceptor
// classes with notional parameters from open sources.

#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/engage/interceptor.hpp"

namespace rampart::io {

/// $RAMPART_DATA_DIR/interceptors.yaml when that environment variable is
/// set, else the data folder of the source tree.
std::string default_interceptor_catalog_path();

/// Reads and validates every interceptor in `path`; InputError at the line
/// and column of the first problem (unknown key, missing field, wrong unit,
/// unknown regime or kill mechanism, invalid parameter, duplicate name).
std::vector<engage::InterceptorType> load_interceptor_catalog(const std::string& path);

/// The interceptor called `name`; InputError at `where` listing the known names otherwise.
const engage::InterceptorType& find_interceptor(const std::vector<engage::InterceptorType>& catalog,
                                                const std::string& name, const SourceLocation& where);

}  // namespace rampart::io
