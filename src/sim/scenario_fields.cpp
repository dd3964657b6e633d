// The typed reads of single scenario fields (scenario_fields.hpp).

#include "scenario_fields.hpp"

#include <cmath>

namespace rampart::sim::scenario_fields {

/// The entries of an optional list (none when the key is absent; the key is
/// still marked as known so that a misspelling of it gets a suggestion).
std::vector<io::YamlMap> optional_list(io::YamlMap& map, const std::string& key) {
  if (!map.has(key)) {
    map.optional_string(key);
    return {};
  }
  return map.list(key);
}

bool read_bool(io::YamlMap& map, const std::string& key) {
  const std::string text = map.string(key);
  if (text == "true") return true;
  if (text == "false") return false;
  throw InputError(map.where(key), "expected true or false for " + key + ", got \"" + text + "\"");
}

/// A plain number if the key is present (the key is marked as known either way).
std::optional<double> optional_number(io::YamlMap& map, const std::string& key) {
  if (!map.has(key)) {
    map.optional_string(key);
    return std::nullopt;
  }
  return map.number(key);
}

/// An integer >= `low`; `fallback` when the key is absent (no fallback: required).
int read_integer(io::YamlMap& map, const std::string& key, int low, std::optional<int> fallback) {
  if (fallback && !map.has(key)) {
    map.optional_string(key);
    return *fallback;
  }
  const double x = map.number(key);
  if (!(x >= low && x <= 1e9 && x == std::floor(x))) {
    throw InputError(map.where(key), key + " must be an integer >= " + std::to_string(low));
  }
  return static_cast<int>(x);
}

/// A quantity that must be >= 0 (or > 0); `fallback` when the key is absent.
double read_bounded(io::YamlMap& map, const std::string& key, Dimension dimension, Bound bound, double fallback) {
  const auto value = map.optional_quantity(key, dimension);
  if (!value) return fallback;
  if (bound == Bound::kPositive && !(*value > 0.0 && std::isfinite(*value))) {
    throw InputError(map.where(key), key + " must be positive");
  }
  if (bound == Bound::kNonNegative && !(*value >= 0.0 && std::isfinite(*value))) {
    throw InputError(map.where(key), key + " must not be negative");
  }
  return *value;
}

/// Exactly one of two alternative keys. When neither is there, finish() runs
/// first, so that a misspelling of either gets its did-you-mean; otherwise
/// the error names both. Returns true when `first` is the one given.
bool one_of(io::YamlMap& map, const std::string& first, const std::string& second) {
  const bool has_first = map.has(first);
  const bool has_second = map.has(second);
  if (has_first && has_second) {
    throw InputError(map.where(second), "give either " + first + " or " + second + ", not both");
  }
  if (!has_first && !has_second) {
    map.optional_string(first);
    map.optional_string(second);
    map.finish();
    throw InputError(map.where(), "missing key \"" + first + "\" (or \"" + second + "\") in " + map.key_path());
  }
  return has_first;
}

/// Reads the `name` of a list entry and remembers it (even if the rest of the
/// entry then fails), so that references to it are not reported as unknown.
std::string remember_name(io::YamlMap& entry, std::vector<std::string>& names) {
  std::string name = entry.string("name");
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return name;
}

}  // namespace rampart::sim::scenario_fields
