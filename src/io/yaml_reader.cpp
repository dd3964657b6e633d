#include "rampart/io/yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "rampart/core/constants.hpp"

namespace rampart::io {

YAML::Node load_yaml_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path}, "cannot open the file");
  try {
    return YAML::Load(in);
  } catch (const YAML::Exception& e) {
    throw InputError(SourceLocation{path, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
}

SourceLocation location_of(const std::string& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceLocation{file};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

YamlMap::YamlMap(const YAML::Node& node, std::string file, std::string key_path)
    : node_(node), file_(std::move(file)), key_path_(std::move(key_path)) {
  if (!node_.IsMap()) {
    throw InputError(location_of(file_, node_), "expected a mapping of keys to values at " + key_path_);
  }
}

bool YamlMap::has(const std::string& key) const { return static_cast<bool>(node_[key]); }

bool YamlMap::is_scalar(const std::string& key) const {
  const YAML::Node value = node_[key];
  return value && value.IsScalar();
}

SourceLocation YamlMap::where(const std::string& key) const {
  for (const auto& entry : node_) {
    if (entry.first.as<std::string>() == key) return location_of(file_, entry.second);
  }
  return where();
}

void YamlMap::throw_missing(const std::string& key) const {
  // A missing key is most often a misspelt one: point at the misspelling.
  for (const auto& entry : node_) {
    const std::string present = entry.first.as<std::string>();
    if (read_.count(present)) continue;
    if (did_you_mean(present, {key})) {
      throw InputError(location_of(file_, entry.first), "unknown key \"" + present + "\" in " + key_path_ +
                                                            " (did you mean \"" + key + "\"?)");
    }
  }
  throw InputError(where(), "missing key \"" + key + "\" in " + key_path_);
}

YAML::Node YamlMap::scalar(const std::string& key) {
  read_.insert(key);
  const YAML::Node value = node_[key];
  if (!value) throw_missing(key);
  if (!value.IsScalar()) {
    throw InputError(location_of(file_, value), "expected a single value for " + key_path_ + "." + key);
  }
  return value;
}

std::string YamlMap::string(const std::string& key) { return scalar(key).Scalar(); }

double YamlMap::number(const std::string& key) {
  const YAML::Node value = scalar(key);
  return parse_number(value.Scalar(), location_of(file_, value));
}

double YamlMap::quantity(const std::string& key, Dimension dimension) {
  const YAML::Node value = scalar(key);
  return parse_quantity(value.Scalar(), dimension, location_of(file_, value));
}

std::optional<double> YamlMap::optional_quantity(const std::string& key, Dimension dimension) {
  read_.insert(key);  // asked for, so a misspelling of it can be suggested
  if (!has(key)) return std::nullopt;
  return quantity(key, dimension);
}

std::optional<std::string> YamlMap::optional_string(const std::string& key) {
  read_.insert(key);
  if (!has(key)) return std::nullopt;
  return string(key);
}

YamlMap YamlMap::map(const std::string& key) {
  read_.insert(key);
  const YAML::Node value = node_[key];
  if (!value) throw_missing(key);
  return YamlMap(value, file_, key_path_ + "." + key);
}

std::vector<YamlMap> YamlMap::list(const std::string& key) {
  read_.insert(key);
  const YAML::Node value = node_[key];
  if (!value) throw_missing(key);
  if (!value.IsSequence()) throw InputError(location_of(file_, value), "expected a list for " + key_path_ + "." + key);
  std::vector<YamlMap> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    out.emplace_back(value[i], file_, key_path_ + "." + key + "[" + std::to_string(i) + "]");
  }
  return out;
}

earth::Geodetic YamlMap::geodetic(const std::string& key) {
  YamlMap place = map(key);
  earth::Geodetic g;
  g.lat_rad = place.quantity("lat", Dimension::kAngle);
  g.lon_rad = place.quantity("lon", Dimension::kAngle);
  g.alt_m = place.optional_quantity("alt", Dimension::kLength).value_or(0.0);
  constexpr double kHalfPi = constants::kPi / 2.0;
  if (!(std::abs(g.lat_rad) <= kHalfPi * (1.0 + 1e-15))) {
    throw InputError(place.where("lat"), "latitude outside [-90, 90] degrees");
  }
  if (!(std::abs(g.lon_rad) <= constants::kPi * (1.0 + 1e-15))) {
    throw InputError(place.where("lon"), "longitude outside [-180, 180] degrees");
  }
  place.finish();
  return g;
}

void YamlMap::finish() const {
  std::vector<std::string> known(read_.begin(), read_.end());
  for (const auto& entry : node_) {
    const std::string key = entry.first.as<std::string>();
    if (read_.count(key)) continue;
    std::string message = "unknown key \"" + key + "\" in " + key_path_;
    if (const auto suggestion = did_you_mean(key, known)) message += " (did you mean \"" + *suggestion + "\"?)";
    throw InputError(location_of(file_, entry.first), message);
  }
}

void throw_unknown_name(const SourceLocation& where, const std::string& kind, const std::string& name,
                        const std::vector<std::string>& known) {
  std::string message = "unknown " + kind + " \"" + name + "\"";
  if (const auto suggestion = did_you_mean(name, known)) message += " (did you mean \"" + *suggestion + "\"?)";
  message += "; known " + kind + "s:";
  for (const auto& k : known) message += " " + k;
  throw InputError(where, message);
}

std::optional<std::string> did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  // Levenshtein distance; suggest when at most a third of the word differs.
  const auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  };
  std::optional<std::string> best;
  std::size_t best_distance = word.size() / 3 + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = distance(word, candidate);
    if (d <= best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace rampart::io
