// Readers of the scenario sections that say how the defence fights: doctrine,
// command and control, batteries, the tracker, and the top-level settings
// (scenario_sections.hpp).

#include "scenario_sections.hpp"

#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/io/interceptor_catalog.hpp"
#include "rampart/io/iso_time.hpp"
#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/sensor_catalog.hpp"
#include "scenario_fields.hpp"

namespace rampart::sim::scenario_sections {

using namespace scenario_fields;

// --- engagement --------------------------------------------------------------

static FiringMode parse_firing_mode(const std::string& text, const SourceLocation& where) {
  if (text == "shoot-look-shoot") return FiringMode::kShootLookShoot;
  if (text == "salvo") return FiringMode::kSalvo;
  io::throw_unknown_name(where, "firing mode", text, {"shoot-look-shoot", "salvo"});
}

void read_doctrine(io::YamlMap& map, DoctrineConfig& d) {
  if (const auto mode = map.optional_string("mode")) d.mode = parse_firing_mode(*mode, map.where("mode"));
  d.salvo_size = read_integer(map, "salvo_size", 1, d.salvo_size);
  d.kill_assessment_delay_s =
      read_bounded(map, "kill_assessment_delay", Dimension::kTime, Bound::kNonNegative, d.kill_assessment_delay_s);
  if (const auto p = optional_number(map, "kill_assessment_probability")) {
    if (!(*p >= 0.0 && *p <= 1.0)) {
      throw InputError(map.where("kill_assessment_probability"), "kill_assessment_probability must lie in [0, 1]");
    }
    d.kill_assessment_probability = *p;
  }
  d.reserve = read_integer(map, "reserve", 0, d.reserve);
  d.min_intercept_altitude_m = read_bounded(map, "min_intercept_altitude", Dimension::kLength, Bound::kNonNegative,
                                            d.min_intercept_altitude_m);
  d.commit_position_sigma_m =
      read_bounded(map, "commit_position_sigma", Dimension::kLength, Bound::kPositive, d.commit_position_sigma_m);
  d.max_shots_per_threat = read_integer(map, "max_shots_per_threat", 1, d.max_shots_per_threat);
  if (const auto guidance = map.optional_string("guidance")) {
    const std::vector<std::string> laws{"pn", "apn", "zem"};
    if (std::find(laws.begin(), laws.end(), *guidance) == laws.end()) {
      io::throw_unknown_name(map.where("guidance"), "guidance law", *guidance, laws);
    }
    d.guidance = *guidance;
  }
  if (const auto ratio = optional_number(map, "navigation_ratio")) {
    if (!(*ratio > 0.0 && std::isfinite(*ratio))) {
      throw InputError(map.where("navigation_ratio"), "navigation_ratio must be positive");
    }
    d.navigation_ratio = *ratio;
  }
  map.finish();
}

void read_c2(io::YamlMap& map, C2Config& c2) {
  c2.decision_latency_s =
      read_bounded(map, "decision_latency", Dimension::kTime, Bound::kNonNegative, c2.decision_latency_s);
  c2.planning_interval_s =
      read_bounded(map, "planning_interval", Dimension::kTime, Bound::kPositive, c2.planning_interval_s);
  map.finish();
}

/// A battery's own keys; its site and radar are references (`site`, `radar`)
/// resolved once every list is read.
BatteryConfig read_battery(io::YamlMap& entry, const std::vector<engage::InterceptorType>& interceptors,
                           Reference& site, std::optional<Reference>& radar) {
  BatteryConfig battery;
  battery.name = entry.string("name");
  battery.site = entry.string("site");
  site.name = battery.site;
  site.where = entry.where("site");
  battery.interceptor = io::find_interceptor(interceptors, entry.string("interceptor"), entry.where("interceptor"));
  battery.launchers = read_integer(entry, "launchers", 1, 1);
  battery.inventory = read_integer(entry, "inventory", 0, std::nullopt);
  battery.reload_time_s = read_bounded(entry, "reload_time", Dimension::kTime, Bound::kNonNegative, 0.0);
  battery.radar = entry.optional_string("radar");
  if (battery.radar) radar = Reference{0, *battery.radar, entry.where("radar")};
  entry.finish();
  return battery;
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

/// The top-level keys that are single values or small maps.
void read_settings(io::YamlMap& top, Scenario& scenario, Errors& errors) {
  collect(errors, [&] {
    if (const auto earth = top.optional_string("earth")) {
      scenario.earth = earth::parse_earth_kind(*earth, top.where("earth"));
    }
  });
  collect(errors, [&] {
    if (const auto epoch = top.optional_string("epoch")) {
      scenario.epoch_rotation_angle_rad = epoch_rotation_angle(*epoch, top.where("epoch"));
      scenario.epoch = *epoch;
    }
  });
  collect(errors, [&] {
    const auto seed = optional_number(top, "seed");
    if (!seed) return;
    if (!(*seed >= 0.0 && *seed == static_cast<double>(static_cast<std::uint64_t>(*seed)) && *seed < 1.8e19)) {
      throw InputError(top.where("seed"), "seed must be a non-negative integer");
    }
    scenario.seed = static_cast<std::uint64_t>(*seed);
  });
  collect(errors, [&] {
    scenario.duration_s = top.optional_quantity("duration", Dimension::kTime);
    if (scenario.duration_s && !(*scenario.duration_s > 0.0)) {
      throw InputError(top.where("duration"), "duration must be positive");
    }
  });
  collect(errors, [&] {
    if (top.has("false_alarms")) {
      scenario.false_alarms = read_bool(top, "false_alarms");
    } else {
      top.optional_string("false_alarms");
    }
  });
  collect(errors, [&] {
    if (!top.has("stage_debris")) {
      top.optional_string("stage_debris");
      return;
    }
    auto debris = top.map("stage_debris");
    const double beta = debris.quantity("ballistic_coefficient", Dimension::kArealDensity);
    if (!(beta > 0.0)) {
      throw InputError(debris.where("ballistic_coefficient"), "ballistic_coefficient must be positive");
    }
    scenario.stage_debris_ballistic_coefficient_kgpm2 = beta;
    if (const auto speed = debris.optional_quantity("separation_speed", Dimension::kSpeed)) {
      if (!(*speed >= 0.0)) throw InputError(debris.where("separation_speed"), "separation_speed must not be negative");
      scenario.stage_debris_separation_speed_mps = *speed;
    }
    debris.finish();
  });
}

}  // namespace rampart::sim::scenario_sections
