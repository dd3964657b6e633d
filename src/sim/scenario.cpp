#include "rampart/sim/scenario.hpp"

#include <algorithm>
#include <stdexcept>

#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/sensor_catalog.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::sim {
namespace {

/// A name given twice in one list is an error at its second place.
template <class T, class NameOf>
void require_unique(const std::vector<T>& items, const std::string& name, NameOf name_of, const SourceLocation& where,
                    const std::string& what) {
  const auto same = std::count_if(items.begin(), items.end(), [&](const T& item) { return name_of(item) == name; });
  if (same > 0) throw InputError(where, "duplicate " + what + " name \"" + name + "\"");
}

bool read_bool(io::YamlMap& map, const std::string& key) {
  const std::string text = map.string(key);
  if (text == "true") return true;
  if (text == "false") return false;
  throw InputError(map.where(key), "expected true or false for " + key + ", got \"" + text + "\"");
}

void read_tracker(io::YamlMap& map, TrackerConfig& tracker) {
  if (const auto filter = map.optional_string("filter")) {
    const auto names = track::filter_names();
    if (std::find(names.begin(), names.end(), *filter) == names.end()) {
      throw InputError(map.where("filter"), "unknown filter \"" + *filter + "\": expected ekf, ukf or imm");
    }
    tracker.filter = *filter;
  }
  if (const auto model = map.optional_string("model")) tracker.model = *model;
  if (const auto association = map.optional_string("association")) {
    if (*association != "gnn" && *association != "jpda") {
      throw InputError(map.where("association"), "unknown association \"" + *association + "\": expected gnn or jpda");
    }
    tracker.association = *association;
  }
  if (map.has("gate_probability")) {
    tracker.gate_probability = map.number("gate_probability");
    if (!(tracker.gate_probability > 0.0 && tracker.gate_probability < 1.0)) {
      throw InputError(map.where("gate_probability"), "gate_probability must lie in (0, 1)");
    }
  } else {
    map.optional_string("gate_probability");  // mark as known for did-you-mean
  }
  const auto integer = [&](const std::string& key, int& value, int low, int high) {
    if (!map.has(key)) {
      map.optional_string(key);
      return;
    }
    const double x = map.number(key);
    if (!(x == static_cast<int>(x) && x >= low && x <= high)) {
      throw InputError(map.where(key), key + " must be an integer in [" + std::to_string(low) + ", " +
                                           std::to_string(high) + "]");
    }
    value = static_cast<int>(x);
  };
  integer("confirm_hits", tracker.manager.confirm_hits, 1, 64);
  integer("confirm_window", tracker.manager.confirm_window, 1, 64);
  integer("max_misses", tracker.manager.max_misses_confirmed, 1, 1000);
  if (tracker.manager.confirm_hits > tracker.manager.confirm_window) {
    throw InputError(map.where(), "confirm_hits must not exceed confirm_window");
  }
  if (const auto speed = map.optional_quantity("initiator_max_speed", Dimension::kSpeed)) {
    tracker.initiator_max_speed_mps = *speed;
  }
  if (const auto q = map.optional_quantity("process_noise", Dimension::kAcceleration)) {
    // Written as the acceleration spread over one second, sqrt(q): q = a^2 x 1 s.
    tracker.filter_settings.ballistic_q_m2ps3 = (*q) * (*q);
  }
  if (const auto beta = map.optional_quantity("nominal_ballistic_coefficient", Dimension::kArealDensity)) {
    if (!(*beta > 0.0)) throw InputError(map.where("nominal_ballistic_coefficient"), "must be positive");
    tracker.nominal_inverse_beta_m2pkg = 1.0 / *beta;
  }
  map.finish();
}

}  // namespace

std::vector<std::string> Scenario::radar_names() const {
  std::vector<std::string> names;
  for (const auto& radar : radars) names.push_back(radar.name);
  return names;
}

Scenario load_scenario(const std::string& path) {
  const YAML::Node root = io::load_yaml_file(path);
  io::YamlMap top(root, path, "scenario");
  Scenario scenario;
  scenario.path = path;
  if (const auto earth = top.optional_string("earth")) {
    scenario.earth = earth::parse_earth_kind(*earth, top.where("earth"));
  }
  if (top.has("seed")) {
    const double seed = top.number("seed");
    if (!(seed >= 0.0 && seed == static_cast<double>(static_cast<std::uint64_t>(seed)) && seed < 1.8e19)) {
      throw InputError(top.where("seed"), "seed must be a non-negative integer");
    }
    scenario.seed = static_cast<std::uint64_t>(seed);
  } else {
    top.optional_string("seed");
  }
  scenario.duration_s = top.optional_quantity("duration", Dimension::kTime);
  if (scenario.duration_s && !(*scenario.duration_s > 0.0)) {
    throw InputError(top.where("duration"), "duration must be positive");
  }
  if (top.has("false_alarms")) {
    scenario.false_alarms = read_bool(top, "false_alarms");
  } else {
    top.optional_string("false_alarms");
  }

  if (top.has("stage_debris")) {
    auto debris = top.map("stage_debris");
    const double beta = debris.quantity("ballistic_coefficient", Dimension::kArealDensity);
    if (!(beta > 0.0)) throw InputError(debris.where("ballistic_coefficient"), "ballistic_coefficient must be positive");
    scenario.stage_debris_ballistic_coefficient_kgpm2 = beta;
    if (const auto speed = debris.optional_quantity("separation_speed", Dimension::kSpeed)) {
      if (!(*speed >= 0.0)) throw InputError(debris.where("separation_speed"), "separation_speed must not be negative");
      scenario.stage_debris_separation_speed_mps = *speed;
    }
    debris.finish();
  } else {
    top.optional_string("stage_debris");
  }

  const io::SensorCatalog sensors = io::load_sensor_catalog(io::default_sensor_catalog_path());
  const auto missiles = io::load_missile_catalog(io::default_missile_catalog_path());

  for (auto& entry : top.list("radars")) {
    const std::string name = entry.string("name");
    require_unique(scenario.radars, name, [](const auto& r) { return r.name; }, entry.where("name"), "radar");
    sense::RadarConfig config;
    if (const auto type = entry.optional_string("type")) {
      config = io::find_radar(sensors, *type, entry.where("type"));
      io::read_radar_overrides(entry, config);
    } else {
      config = io::read_radar_config(entry);
    }
    config.name = name;
    entry.finish();
    scenario.radars.push_back(config);
  }
  if (scenario.radars.empty()) throw InputError(top.where("radars"), "a scenario needs at least one radar");

  if (top.has("ir_sensors")) {
    for (auto& entry : top.list("ir_sensors")) {
      const std::string name = entry.string("name");
      require_unique(scenario.ir_sensors, name, [](const auto& s) { return s.name; }, entry.where("name"),
                     "infrared sensor");
      sense::IrSensorConfig config;
      if (const auto type = entry.optional_string("type")) {
        config = io::find_ir_sensor(sensors, *type, entry.where("type"));
      } else {
        config = io::read_ir_sensor_config(entry);
      }
      config.name = name;
      entry.finish();
      scenario.ir_sensors.push_back(config);
    }
  } else {
    top.optional_string("ir_sensors");
  }

  // Radar cross-sections by phase of flight: catalog entries by name.
  std::string rcs_boost = "boost-body", rcs_midcourse = "reentry-vehicle", rcs_reentry = "reentry-vehicle",
              rcs_debris = "tank-debris";
  SourceLocation rcs_where = top.where();
  if (top.has("rcs")) {
    auto rcs = top.map("rcs");
    rcs_where = rcs.where();
    rcs_boost = rcs.optional_string("boost").value_or(rcs_boost);
    rcs_midcourse = rcs.optional_string("midcourse").value_or(rcs_midcourse);
    rcs_reentry = rcs.optional_string("reentry").value_or(rcs_reentry);
    rcs_debris = rcs.optional_string("debris").value_or(rcs_debris);
    rcs.finish();
  } else {
    top.optional_string("rcs");
  }
  scenario.rcs = {io::find_rcs(sensors, rcs_boost, rcs_where), io::find_rcs(sensors, rcs_midcourse, rcs_where),
                  io::find_rcs(sensors, rcs_reentry, rcs_where), io::find_rcs(sensors, rcs_debris, rcs_where)};

  for (auto& entry : top.list("threats")) {
    ThreatConfig threat;
    threat.where = entry.where();
    threat.name = entry.string("name");
    require_unique(scenario.threats, threat.name, [](const auto& t) { return t.name; }, entry.where("name"),
                   "threat");
    threat.missile = io::find_missile(missiles, entry.string("missile"), entry.where("missile"));
    threat.launch = entry.geodetic("launch");
    threat.aim = entry.geodetic("aim");
    threat.launch_time_s = entry.optional_quantity("launch_time", Dimension::kTime).value_or(0.0);
    if (const auto shape = entry.optional_string("shape")) {
      threat.shape = flight::parse_trajectory_shape(*shape, entry.where("shape"));
    }
    threat.apogee_altitude_m = entry.optional_quantity("apogee", Dimension::kLength);
    entry.finish();
    scenario.threats.push_back(threat);
  }
  if (scenario.threats.empty()) throw InputError(top.where("threats"), "a scenario needs at least one threat");

  if (top.has("tracker")) {
    auto tracker = top.map("tracker");
    read_tracker(tracker, scenario.tracker);
  } else {
    top.optional_string("tracker");
  }
  top.finish();
  return scenario;
}

}  // namespace rampart::sim
