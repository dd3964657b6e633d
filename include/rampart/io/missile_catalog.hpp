#pragma once
// The missile catalog (data/missiles.yaml): generic classes with notional
// parameters from open sources.

#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/flight/missile.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::io {

/// The catalog shipped with rampart: $RAMPART_DATA_DIR/missiles.yaml when
/// that environment variable is set, else the data folder of the source tree.
std::string default_missile_catalog_path();

/// Reads and validates every missile in `path`; InputError at the line and
/// column of the first problem (unknown key, missing field, wrong unit,
/// invalid parameter).
std::vector<flight::MissileType> load_missile_catalog(const std::string& path);

/// The `stages` list of a catalog entry (a missile's, or an interceptor's
/// booster), each stage checked for unknown keys.
std::vector<flight::StageConfig> read_stages(YamlMap& entry);
/// The `pitch_program` mapping of a catalog entry.
flight::PitchProgramConfig read_pitch_program(YamlMap& entry);

/// The missile called `name`; InputError at `where` listing the known names otherwise.
const flight::MissileType& find_missile(const std::vector<flight::MissileType>& catalog, const std::string& name,
                                        const SourceLocation& where);

}  // namespace rampart::io
