#pragma once
// Strict reading of YAML configuration: every value is read through a
// YamlMap that knows its file, converts quantities with their units, and at
// finish() rejects keys nobody asked for (with a did-you-mean). Every error
// is an InputError at the file, line and column of the offending text.

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"
#include "rampart/earth/earth_model.hpp"

namespace rampart::io {

/// Loads a YAML file; InputError at the parse error's line and column, or
/// naming the file when it cannot be read.
YAML::Node load_yaml_file(const std::string& path);

/// Where `node` starts in `file` (yaml-cpp marks are 0-based; ours 1-based).
SourceLocation location_of(const std::string& file, const YAML::Node& node);

class YamlMap {
 public:
  /// `node` must be a mapping (InputError otherwise); `key_path` names it in messages.
  YamlMap(const YAML::Node& node, std::string file, std::string key_path);

  bool has(const std::string& key) const;
  /// Whether `key` is present with a single value (not a mapping or list).
  bool is_scalar(const std::string& key) const;
  /// Whether `key` has been asked for already (by any reader of this map).
  bool was_read(const std::string& key) const { return read_.count(key) > 0; }
  std::string string(const std::string& key);
  double number(const std::string& key);
  double quantity(const std::string& key, Dimension dimension);
  std::optional<double> optional_quantity(const std::string& key, Dimension dimension);
  std::optional<std::string> optional_string(const std::string& key);
  YamlMap map(const std::string& key);
  /// The elements of a sequence of mappings.
  std::vector<YamlMap> list(const std::string& key);
  /// A place written as a mapping {lat: 44.1 deg, lon: 24.3 deg, alt: 200 m};
  /// alt may be left out for a point on the ellipsoid (0 m). InputError for a
  /// latitude outside [-90, 90] or a longitude outside [-180, 180] degrees.
  earth::Geodetic geodetic(const std::string& key);

  /// InputError for the first key present but never read.
  void finish() const;
  SourceLocation where() const { return location_of(file_, node_); }
  SourceLocation where(const std::string& key) const;
  const std::string& key_path() const { return key_path_; }

 private:
  YAML::Node scalar(const std::string& key);
  [[noreturn]] void throw_missing(const std::string& key) const;
  YAML::Node node_;
  std::string file_;
  std::string key_path_;
  std::set<std::string> read_;
};

/// Throws InputError at `where`: unknown KIND "name" (did you mean "x"?); known KINDs: a b c.
[[noreturn]] void throw_unknown_name(const SourceLocation& where, const std::string& kind, const std::string& name,
                                     const std::vector<std::string>& known);

/// The closest of `candidates` to `word` by edit distance, if close enough to suggest.
std::optional<std::string> did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rampart::io
