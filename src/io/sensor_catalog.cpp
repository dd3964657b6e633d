#include "rampart/io/sensor_catalog.hpp"

#include <cstdlib>
#include <stdexcept>

namespace rampart::io {

std::string default_sensor_catalog_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/sensors.yaml";
  }
  return std::string(RAMPART_DATA_DIR) + "/sensors.yaml";
}

namespace {

// One function visits every radar key, either demanding each (a complete
// definition) or taking those present (overrides), so that the two readers
// cannot drift apart.
enum class Presence { kRequired, kOptional };

class FieldReader {
 public:
  FieldReader(YamlMap& map, Presence presence) : map_(map), presence_(presence) {}

  void quantity(const std::string& key, Dimension dimension, double& out) {
    if (presence_ == Presence::kRequired) {
      out = map_.quantity(key, dimension);
    } else if (auto value = map_.optional_quantity(key, dimension)) {
      out = *value;
    }
  }
  void number(const std::string& key, double& out, bool required_when_complete = true) {
    if (presence_ == Presence::kRequired && required_when_complete) {
      out = map_.number(key);
    } else if (map_.has(key)) {
      out = map_.number(key);
    } else {
      map_.optional_string(key);  // marks the key asked for, for did-you-mean
    }
  }
  void string(const std::string& key, std::string& out) {
    if (presence_ == Presence::kRequired) {
      out = map_.string(key);
    } else if (auto value = map_.optional_string(key)) {
      out = *value;
    }
  }
  /// Visits the sub-map `key` (always when complete; when present otherwise).
  template <typename Visit>
  void sub_map(const std::string& key, Visit&& visit) {
    // A key the caller has taken already is the caller's (a scenario's
    // radar may name its site instead of giving a place).
    if (map_.was_read(key)) return;
    if (presence_ == Presence::kOptional && !map_.has(key)) {
      map_.optional_string(key);  // asked for: a misspelling of it gets a suggestion
      return;
    }
    YamlMap sub = map_.map(key);
    FieldReader reader(sub, presence_);
    visit(reader);
    sub.finish();
  }
  YamlMap& map() { return map_; }

 private:
  YamlMap& map_;
  Presence presence_;
};

sense::SwerlingCase parse_swerling(const std::string& text, const SourceLocation& where) {
  for (auto swerling : {sense::SwerlingCase::kSwerling0, sense::SwerlingCase::kSwerling1,
                        sense::SwerlingCase::kSwerling3}) {
    if (text == sense::swerling_case_name(swerling)) return swerling;
  }
  std::string message = "unknown Swerling case \"" + text + "\"";
  const std::vector<std::string> names{"swerling0", "swerling1", "swerling3"};
  if (const auto suggestion = did_you_mean(text, names)) message += " (did you mean \"" + *suggestion + "\"?)";
  message += "; expected swerling0, swerling1 or swerling3";
  throw InputError(where, message);
}

void visit_radar(FieldReader& f, sense::RadarConfig& c) {
  f.string("name", c.name);
  f.string("description", c.description);
  f.string("source", c.source);
  f.sub_map("site", [&](FieldReader& site) {
    site.quantity("lat", Dimension::kAngle, c.site.lat_rad);
    site.quantity("lon", Dimension::kAngle, c.site.lon_rad);
    site.quantity("alt", Dimension::kLength, c.site.alt_m);
  });
  f.sub_map("field_of_regard", [&](FieldReader& fov) {
    fov.quantity("boresight_azimuth", Dimension::kAngle, c.boresight_azimuth_rad);
    fov.quantity("azimuth_span", Dimension::kAngle, c.azimuth_span_rad);
    fov.quantity("elevation_min", Dimension::kAngle, c.elevation_min_rad);
    fov.quantity("elevation_max", Dimension::kAngle, c.elevation_max_rad);
  });
  f.quantity("min_range", Dimension::kLength, c.min_range_m);
  f.quantity("max_range", Dimension::kLength, c.max_range_m);
  f.quantity("reference_snr", Dimension::kRatio, c.reference_snr);
  f.quantity("reference_rcs", Dimension::kArea, c.reference_rcs_m2);
  f.quantity("reference_range", Dimension::kLength, c.reference_range_m);
  f.number("pfa", c.pfa);
  std::string swerling(sense::swerling_case_name(c.swerling));
  f.string("swerling", swerling);
  if (f.map().has("swerling")) c.swerling = parse_swerling(swerling, f.map().where("swerling"));
  f.quantity("search_frame_time", Dimension::kTime, c.search_frame_time_s);
  f.quantity("track_revisit_interval", Dimension::kTime, c.track_revisit_interval_s);
  f.quantity("range_resolution", Dimension::kLength, c.range_resolution_m);
  f.quantity("azimuth_beamwidth", Dimension::kAngle, c.azimuth_beamwidth_rad);
  f.quantity("elevation_beamwidth", Dimension::kAngle, c.elevation_beamwidth_rad);
  f.number("monopulse_slope", c.monopulse_slope);
  f.quantity("range_sigma_floor", Dimension::kLength, c.range_sigma_floor_m);
  f.quantity("angle_sigma_floor", Dimension::kAngle, c.angle_sigma_floor_rad);
  f.number("effective_earth_radius_factor", c.effective_earth_radius_factor, false);
  f.number("search_beam_positions", c.search_beam_positions, false);
}

template <typename Config>
void validate_at(const Config& config, const YamlMap& map) {
  try {
    config.validate();
  } catch (const std::invalid_argument& e) {
    throw InputError(map.where(), e.what());
  }
}

template <typename Config>
const Config& find_named(const std::vector<Config>& entries, const std::string& name, const SourceLocation& where,
                         const std::string& kind) {
  std::vector<std::string> names;
  for (const auto& entry : entries) {
    if (entry.name == name) return entry;
    names.push_back(entry.name);
  }
  throw_unknown_name(where, kind, name, names);
}

template <typename Config>
void add_unique(std::vector<Config>& entries, Config config, const YamlMap& map) {
  for (const auto& other : entries) {
    if (other.name == config.name) throw InputError(map.where("name"), "duplicate name \"" + config.name + "\"");
  }
  entries.push_back(std::move(config));
}

}  // namespace

sense::RadarConfig read_radar_config(YamlMap& map) {
  sense::RadarConfig config;
  FieldReader reader(map, Presence::kRequired);
  visit_radar(reader, config);
  validate_at(config, map);
  return config;
}

void read_radar_overrides(YamlMap& map, sense::RadarConfig& config) {
  FieldReader reader(map, Presence::kOptional);
  visit_radar(reader, config);
  validate_at(config, map);
}

sense::RcsConfig read_rcs_config(YamlMap& map) {
  sense::RcsConfig config;
  config.name = map.string("name");
  config.description = map.string("description");
  config.source = map.string("source");
  for (auto& point_map : map.list("table")) {
    sense::RcsPoint point;
    point.aspect_rad = point_map.quantity("aspect", Dimension::kAngle);
    point.rcs_m2 = point_map.quantity("rcs", Dimension::kArea);
    point_map.finish();
    config.table.push_back(point);
  }
  map.finish();
  try {
    sense::RcsModel check(config);
  } catch (const std::invalid_argument& e) {
    throw InputError(map.where("table"), e.what());
  }
  return config;
}

sense::IrSensorConfig read_ir_sensor_config(YamlMap& map) {
  sense::IrSensorConfig config;
  config.name = map.string("name");
  config.description = map.string("description");
  config.source = map.string("source");
  config.cloud_top_altitude_m = map.quantity("cloud_top_altitude", Dimension::kLength);
  config.report_delay_s = map.quantity("report_delay", Dimension::kTime);
  config.position_sigma_m = map.quantity("position_sigma", Dimension::kLength);
  config.azimuth_sigma_rad = map.quantity("azimuth_sigma", Dimension::kAngle);
  validate_at(config, map);
  return config;
}

SensorCatalog load_sensor_catalog(const std::string& path) {
  const YAML::Node root = load_yaml_file(path);
  YamlMap top(root, path, "catalog");
  SensorCatalog catalog;
  for (auto& entry : top.list("radars")) {
    sense::RadarConfig radar = read_radar_config(entry);
    entry.finish();
    add_unique(catalog.radars, std::move(radar), entry);
  }
  for (auto& entry : top.list("rcs")) add_unique(catalog.rcs, read_rcs_config(entry), entry);
  for (auto& entry : top.list("ir_sensors")) {
    sense::IrSensorConfig sensor = read_ir_sensor_config(entry);
    entry.finish();
    add_unique(catalog.ir_sensors, std::move(sensor), entry);
  }
  top.finish();
  return catalog;
}

const sense::RadarConfig& find_radar(const SensorCatalog& catalog, const std::string& name, const SourceLocation& where) {
  return find_named(catalog.radars, name, where, "radar");
}

const sense::RcsConfig& find_rcs(const SensorCatalog& catalog, const std::string& name, const SourceLocation& where) {
  return find_named(catalog.rcs, name, where, "RCS model");
}

const sense::IrSensorConfig& find_ir_sensor(const SensorCatalog& catalog, const std::string& name,
                                            const SourceLocation& where) {
  return find_named(catalog.ir_sensors, name, where, "infrared sensor");
}

}  // namespace rampart::io
