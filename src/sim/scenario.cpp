#include "rampart/sim/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/io/interceptor_catalog.hpp"
#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/sensor_catalog.hpp"
#include "rampart/io/iso_time.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::sim {
namespace {

using Errors = std::vector<InputError>;

/// Runs `read`, keeping the InputError(s) it throws in `errors` instead of
/// stopping: the loader reports every mistake of a file in one pass.
template <class Read>
void collect(Errors& errors, Read&& read) {
  try {
    read();
  } catch (const InputErrors& e) {
    errors.insert(errors.end(), e.errors().begin(), e.errors().end());
  } catch (const InputError& e) {
    errors.push_back(e);
  }
}

/// A name written in one entry that must name an entry of another list;
/// checked once every list is read, so that the order of sections is free.
struct Reference {
  std::size_t index = 0;  ///< the referring entry in its own (successfully read) list
  std::string name;
  SourceLocation where;
};

/// A name given twice in one list is an error at its second place.
template <class T, class NameOf>
void require_unique(const std::vector<T>& items, const std::string& name, NameOf name_of, const SourceLocation& where,
                    const std::string& what) {
  const auto same = std::count_if(items.begin(), items.end(), [&](const T& item) { return name_of(item) == name; });
  if (same > 0) throw InputError(where, "duplicate " + what + " name \"" + name + "\"");
}

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

enum class Bound { kNonNegative, kPositive };

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

// --- epoch -----------------------------------------------------------------

/// Greenwich mean sidereal angle (rad, [0, 2 pi)) at `days_j2000` days of
/// UT1 after J2000.0 (2000-01-01 12:00), IAU 1982 (Vallado 2013, eq. 3-47):
///   GMST = 67310.54841 s + (876600 h + 8640184.812866 s) T + 0.093104 s T^2 - 6.2e-6 s T^3,
/// T in Julian centuries. The 876600 h T term is 86400 s per day of
/// days_j2000 (876600 = 24 x 36525), so only its fraction of a day is kept,
/// which keeps the sum small and its rounding below a microsecond.
double gmst_rad(double days_j2000) {
  const double t = days_j2000 / 36525.0;
  const double whole_days = std::floor(days_j2000);
  double seconds = 67310.54841 + 86400.0 * (days_j2000 - whole_days) + 8640184.812866 * t + 0.093104 * t * t -
                   6.2e-6 * t * t * t;
  seconds = std::fmod(seconds, 86400.0);
  if (seconds < 0.0) seconds += 86400.0;
  return seconds * (2.0 * constants::kPi / 86400.0);
}

/// The sidereal angle of an ISO 8601 UTC instant "YYYY-MM-DDTHH:MM:SS[.fff]Z"
/// (io::parse_iso8601_utc_ms, to the millisecond). UTC stands in for UT1
/// (|UT1 - UTC| < 0.9 s, under 14 arcseconds of rotation).
double epoch_rotation_angle(const std::string& text, const SourceLocation& where) {
  std::int64_t unix_ms = 0;
  try {
    unix_ms = io::parse_iso8601_utc_ms(text);
  } catch (const std::invalid_argument&) {
    throw InputError(where, "epoch \"" + text + "\" is not an ISO 8601 UTC time such as 2026-11-29T03:00:00Z");
  }
  // 1970-01-01 00:00 is 10957.5 days before J2000.0 (2000-01-01 12:00).
  const double days_j2000 = static_cast<double>(unix_ms) / 86'400'000.0 - 10957.5;
  return gmst_rad(days_j2000);
}

// --- places and defended assets ----------------------------------------------

/// A place written as {lat, lon, alt} (alt optional) as an element of a list;
/// the same rules as YamlMap::geodetic, which reads one under a key.
earth::Geodetic read_place(io::YamlMap& place) {
  earth::Geodetic g;
  g.lat_rad = place.quantity("lat", Dimension::kAngle);
  g.lon_rad = place.quantity("lon", Dimension::kAngle);
  g.alt_m = place.optional_quantity("alt", Dimension::kLength).value_or(0.0);
  if (!(std::abs(g.lat_rad) <= constants::kPi / 2.0 * (1.0 + 1e-15))) {
    throw InputError(place.where("lat"), "latitude outside [-90, 90] degrees");
  }
  if (!(std::abs(g.lon_rad) <= constants::kPi * (1.0 + 1e-15))) {
    throw InputError(place.where("lon"), "longitude outside [-180, 180] degrees");
  }
  place.finish();
  return g;
}

/// A point inside a simple polygon, to aim at and to stand for the asset:
/// on the parallel through the vertices' mean latitude, the middle of the
/// widest stretch inside the polygon (even-odd crossings), so that a concave
/// outline still gets a point inside (its centroid might not be).
/// Longitudes are unwrapped about the first vertex, so an outline across the
/// antimeridian works. Latitude and longitude are treated as plane
/// coordinates: right for the small areas assets are.
earth::Geodetic interior_point(const std::vector<earth::Geodetic>& polygon) {
  const double lon0 = polygon.front().lon_rad;
  const auto unwrapped = [&](const earth::Geodetic& g) {
    return lon0 + std::remainder(g.lon_rad - lon0, 2.0 * constants::kPi);
  };
  earth::Geodetic point;
  for (const auto& g : polygon) {
    point.lat_rad += g.lat_rad / static_cast<double>(polygon.size());
    point.alt_m += g.alt_m / static_cast<double>(polygon.size());
  }
  std::vector<double> crossings;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const earth::Geodetic& a = polygon[i];
    const earth::Geodetic& b = polygon[(i + 1) % polygon.size()];
    if ((a.lat_rad > point.lat_rad) == (b.lat_rad > point.lat_rad)) continue;
    const double fraction = (point.lat_rad - a.lat_rad) / (b.lat_rad - a.lat_rad);
    crossings.push_back(unwrapped(a) + fraction * (unwrapped(b) - unwrapped(a)));
  }
  std::sort(crossings.begin(), crossings.end());
  double best_width = -1.0;
  for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
    if (crossings[k + 1] - crossings[k] > best_width) {
      best_width = crossings[k + 1] - crossings[k];
      point.lon_rad = std::remainder(0.5 * (crossings[k] + crossings[k + 1]), 2.0 * constants::kPi);
    }
  }
  return point;
}

/// Twice the signed area of the polygon in the (lon, lat) plane (rad^2).
double twice_area(const std::vector<earth::Geodetic>& polygon) {
  const double lon0 = polygon.front().lon_rad;
  double sum = 0.0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const earth::Geodetic& a = polygon[i];
    const earth::Geodetic& b = polygon[(i + 1) % polygon.size()];
    const double xa = std::remainder(a.lon_rad - lon0, 2.0 * constants::kPi);
    const double xb = std::remainder(b.lon_rad - lon0, 2.0 * constants::kPi);
    sum += xa * b.lat_rad - xb * a.lat_rad;
  }
  return sum;
}

engage::DefendedAsset read_defended_asset(io::YamlMap& entry) {
  engage::DefendedAsset asset;
  asset.name = entry.string("name");
  const std::string what = "defended asset \"" + asset.name + "\"";
  if (const auto value = optional_number(entry, "value")) {
    if (!(*value >= 0.0 && std::isfinite(*value))) {
      throw InputError(entry.where("value"), what + ": value must be a finite number >= 0");
    }
    asset.value = *value;
  }
  if (one_of(entry, "point", "polygon")) {
    asset.point = entry.geodetic("point");
    asset.radius_m = entry.quantity("radius", Dimension::kLength);
    if (!(asset.radius_m > 0.0 && std::isfinite(asset.radius_m))) {
      throw InputError(entry.where("radius"), what + ": radius must be positive");
    }
  } else {
    if (entry.has("radius")) {
      throw InputError(entry.where("radius"), what + ": radius applies to a point asset, not a polygon");
    }
    for (auto& vertex : entry.list("polygon")) asset.polygon.push_back(read_place(vertex));
    // A closed outline (last vertex = first) is taken as the open one.
    if (asset.polygon.size() > 1 && asset.polygon.front().lat_rad == asset.polygon.back().lat_rad &&
        asset.polygon.front().lon_rad == asset.polygon.back().lon_rad) {
      asset.polygon.pop_back();
    }
    if (asset.polygon.size() < 3) {
      throw InputError(entry.where("polygon"), what + ": a polygon needs at least 3 vertices, got " +
                                                   std::to_string(asset.polygon.size()));
    }
    if (twice_area(asset.polygon) == 0.0) {
      throw InputError(entry.where("polygon"), what + ": the polygon encloses no area");
    }
    asset.point = interior_point(asset.polygon);
  }
  entry.finish();
  return asset;
}

// --- sensors ---------------------------------------------------------------

/// A radar entry: a catalog type with overrides, or every field. It may
/// stand at a named site (`site: NAME`, returned in `site_name` for the
/// references) instead of giving its own {lat, lon, alt}: the sensor readers
/// leave a key already taken to the caller.
sense::RadarConfig read_radar(io::YamlMap& entry, const io::SensorCatalog& sensors,
                              std::optional<std::pair<std::string, SourceLocation>>& site_name) {
  if (entry.is_scalar("site")) site_name.emplace(entry.string("site"), entry.where("site"));
  sense::RadarConfig config;
  if (const auto type = entry.optional_string("type")) {
    config = io::find_radar(sensors, *type, entry.where("type"));
    io::read_radar_overrides(entry, config);
  } else {
    config = io::read_radar_config(entry);
  }
  entry.finish();
  return config;
}

// --- threats and raids -------------------------------------------------------

/// The keys a threat and a raid share but the aim: missile, launch area,
/// shape. Leaves entry.finish() to the caller.
void read_flight(io::YamlMap& entry, const std::vector<flight::MissileType>& missiles, ThreatConfig& threat) {
  threat.missile = io::find_missile(missiles, entry.string("missile"), entry.where("missile"));
  threat.launch = entry.geodetic("launch");
  threat.launch_radius_m = read_bounded(entry, "launch_radius", Dimension::kLength, Bound::kNonNegative, 0.0);
  if (const auto shape = entry.optional_string("shape")) {
    threat.shape = flight::parse_trajectory_shape(*shape, entry.where("shape"));
  }
  threat.apogee_altitude_m = entry.optional_quantity("apogee", Dimension::kLength);
}

/// The aim: a place, or a defended asset (its point filled in later). Read
/// after every other key of the entry: when neither is given, one_of()
/// checks the entry for misspelt keys first.
void read_aim(io::YamlMap& entry, ThreatConfig& threat) {
  if (one_of(entry, "aim", "aim_asset")) {
    threat.aim = entry.geodetic("aim");
  } else {
    threat.aim_asset = entry.string("aim_asset");
  }
}

/// "<raid>-01", "<raid>-02", ...: numbered with at least two digits, more when the count needs them.
std::string raid_threat_name(const std::string& raid, int number, int count) {
  const std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  std::string digits = std::to_string(number);
  digits.insert(0, width - digits.size(), '0');
  return raid + "-" + digits;
}

/// A raid: `count` copies of one threat launched `spacing` apart from `time`.
std::vector<ThreatConfig> read_raid(io::YamlMap& entry, const std::vector<flight::MissileType>& missiles) {
  ThreatConfig first;
  first.where = entry.where();
  const std::string name = entry.string("name");
  read_flight(entry, missiles, first);
  const double time_s = entry.optional_quantity("time", Dimension::kTime).value_or(0.0);
  const int count = read_integer(entry, "count", 1, std::nullopt);
  const double spacing_s = read_bounded(entry, "spacing", Dimension::kTime, Bound::kNonNegative, 0.0);
  read_aim(entry, first);
  entry.finish();
  std::vector<ThreatConfig> threats;
  for (int k = 0; k < count; ++k) {
    ThreatConfig threat = first;
    threat.name = raid_threat_name(name, k + 1, count);
    threat.launch_time_s = time_s + k * spacing_s;
    threat.raid = name;
    threats.push_back(threat);
  }
  return threats;
}

// --- engagement --------------------------------------------------------------

FiringMode parse_firing_mode(const std::string& text, const SourceLocation& where) {
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

/// Resolves each reference to the entry of `items` with that name:
/// on_found(reference, item) for each, an InputError with did-you-mean for
/// names nobody defined. Names in `defined` whose entries failed to read are
/// skipped silently (their own error is already reported).
template <class T, class OnFound>
void resolve(const std::vector<Reference>& references, const std::vector<T>& items,
             const std::vector<std::string>& defined, const std::string& kind, Errors& errors, OnFound on_found) {
  for (const auto& reference : references) {
    collect(errors, [&] {
      const auto item = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == reference.name; });
      if (item != items.end()) {
        on_found(reference, *item);
      } else if (std::find(defined.begin(), defined.end(), reference.name) == defined.end()) {
        io::throw_unknown_name(reference.where, kind, reference.name, defined);
      }
    });
  }
}

/// Reads the `name` of a list entry and remembers it (even if the rest of the
/// entry then fails), so that references to it are not reported as unknown.
std::string remember_name(io::YamlMap& entry, std::vector<std::string>& names) {
  std::string name = entry.string("name");
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return name;
}

}  // namespace

std::vector<std::string> Scenario::radar_names() const {
  std::vector<std::string> names;
  for (const auto& radar : radars) names.push_back(radar.name);
  return names;
}

earth::EarthModel make_earth(const Scenario& scenario) {
  earth::EarthParameters parameters = scenario.earth == earth::EarthKind::kWgs84 ? earth::EarthParameters::wgs84()
                                                                                 : earth::EarthParameters::spherical();
  parameters.rotation_angle_at_epoch_rad = scenario.epoch_rotation_angle_rad;
  return earth::EarthModel(parameters, scenario.earth);
}

Scenario load_scenario(const std::string& path) {
  const YAML::Node root = io::load_yaml_file(path);  // a syntax error stays a single error
  io::YamlMap top(root, path, "scenario");
  Scenario scenario;
  scenario.path = path;
  Errors errors;

  const io::SensorCatalog sensors = io::load_sensor_catalog(io::default_sensor_catalog_path());
  const auto missiles = io::load_missile_catalog(io::default_missile_catalog_path());
  const auto interceptors = top.has("batteries") ? io::load_interceptor_catalog(io::default_interceptor_catalog_path())
                                                 : std::vector<engage::InterceptorType>{};

  read_settings(top, scenario, errors);

  // Lists. Names are remembered as soon as they are read, for the references.
  std::vector<std::string> site_names, radar_names, asset_names;
  collect(errors, [&] {
    for (auto& entry : optional_list(top, "sites")) {
      collect(errors, [&] {
        const std::string name = remember_name(entry, site_names);
        require_unique(scenario.sites, name, [](const auto& s) { return s.name; }, entry.where("name"), "site");
        SiteConfig site{name, entry.geodetic("location")};
        entry.finish();
        scenario.sites.push_back(site);
      });
    }
  });

  std::vector<Reference> radar_site_references;
  collect(errors, [&] {
    auto entries = top.list("radars");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      collect(errors, [&] {
        const std::string name = remember_name(entries[i], radar_names);
        require_unique(scenario.radars, name, [](const auto& r) { return r.name; }, entries[i].where("name"),
                       "radar");
        std::optional<std::pair<std::string, SourceLocation>> site_name;
        sense::RadarConfig config = read_radar(entries[i], sensors, site_name);
        config.name = name;
        if (site_name) radar_site_references.push_back(Reference{scenario.radars.size(), site_name->first, site_name->second});
        scenario.radars.push_back(config);
      });
    }
    if (entries.empty()) throw InputError(top.where("radars"), "a scenario needs at least one radar");
  });

  collect(errors, [&] {
    for (auto& entry : optional_list(top, "ir_sensors")) {
      collect(errors, [&] {
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
      });
    }
  });

  // Radar cross-sections by phase of flight: catalog entries by name.
  collect(errors, [&] {
    std::string boost = "boost-body", midcourse = "reentry-vehicle", reentry = "reentry-vehicle",
                debris = "tank-debris";
    SourceLocation where = top.where();
    if (top.has("rcs")) {
      auto rcs = top.map("rcs");
      where = rcs.where();
      boost = rcs.optional_string("boost").value_or(boost);
      midcourse = rcs.optional_string("midcourse").value_or(midcourse);
      reentry = rcs.optional_string("reentry").value_or(reentry);
      debris = rcs.optional_string("debris").value_or(debris);
      rcs.finish();
    } else {
      top.optional_string("rcs");
    }
    scenario.rcs = {io::find_rcs(sensors, boost, where), io::find_rcs(sensors, midcourse, where),
                    io::find_rcs(sensors, reentry, where), io::find_rcs(sensors, debris, where)};
  });

  // Threats, one by one and by raid; the name of each, with where it was
  // written, for the uniqueness check across both lists.
  std::vector<SourceLocation> threat_name_places, aim_asset_places;
  std::size_t threat_entries = 0;
  collect(errors, [&] {
    auto entries = optional_list(top, "threats");
    threat_entries += entries.size();
    for (auto& entry : entries) {
      collect(errors, [&] {
        ThreatConfig threat;
        threat.where = entry.where();
        threat.name = entry.string("name");
        read_flight(entry, missiles, threat);
        threat.launch_time_s = entry.optional_quantity("launch_time", Dimension::kTime).value_or(0.0);
        read_aim(entry, threat);
        entry.finish();
        scenario.threats.push_back(threat);
        threat_name_places.push_back(entry.where("name"));
        aim_asset_places.push_back(threat.aim_asset ? entry.where("aim_asset") : SourceLocation{});
      });
    }
  });
  collect(errors, [&] {
    auto entries = optional_list(top, "raids");
    threat_entries += entries.size();
    std::vector<std::string> raid_names;
    for (auto& entry : entries) {
      collect(errors, [&] {
        const std::string name = entry.string("name");
        if (std::find(raid_names.begin(), raid_names.end(), name) != raid_names.end()) {
          throw InputError(entry.where("name"), "duplicate raid name \"" + name + "\"");
        }
        raid_names.push_back(name);
        const auto threats = read_raid(entry, missiles);
        for (std::size_t k = 0; k < threats.size(); ++k) {
          scenario.threats.push_back(threats[k]);
          threat_name_places.push_back(entry.where("name"));
          const bool report_aim = k == 0 && threats[k].aim_asset;
          aim_asset_places.push_back(report_aim ? entry.where("aim_asset") : SourceLocation{});
        }
      });
    }
  });
  if (threat_entries == 0) {
    errors.emplace_back(top.where(), "a scenario needs at least one threat (under threats or raids)");
  }

  std::vector<Reference> battery_sites, battery_radars;
  collect(errors, [&] {
    std::vector<std::string> names;
    for (auto& entry : optional_list(top, "batteries")) {
      collect(errors, [&] {
        const std::string name = entry.string("name");
        if (std::find(names.begin(), names.end(), name) != names.end()) {
          throw InputError(entry.where("name"), "duplicate battery name \"" + name + "\"");
        }
        names.push_back(name);
        Reference site;
        std::optional<Reference> radar;
        BatteryConfig battery = read_battery(entry, interceptors, site, radar);
        site.index = scenario.batteries.size();
        battery_sites.push_back(site);
        if (radar) {
          radar->index = site.index;
          battery_radars.push_back(*radar);
        }
        scenario.batteries.push_back(battery);
      });
    }
  });

  collect(errors, [&] {
    for (auto& entry : optional_list(top, "defended_assets")) {
      collect(errors, [&] {
        const std::string name = remember_name(entry, asset_names);
        require_unique(scenario.defended_assets, name, [](const auto& a) { return a.name; }, entry.where("name"),
                       "defended asset");
        scenario.defended_assets.push_back(read_defended_asset(entry));
      });
    }
  });

  collect(errors, [&] {
    if (top.has("doctrine")) {
      auto doctrine = top.map("doctrine");
      read_doctrine(doctrine, scenario.doctrine);
    } else {
      top.optional_string("doctrine");
    }
  });
  collect(errors, [&] {
    if (top.has("c2")) {
      auto c2 = top.map("c2");
      read_c2(c2, scenario.c2);
    } else {
      top.optional_string("c2");
    }
  });
  collect(errors, [&] {
    if (top.has("tracker")) {
      auto tracker = top.map("tracker");
      read_tracker(tracker, scenario.tracker);
    } else {
      top.optional_string("tracker");
    }
  });
  collect(errors, [&] { top.finish(); });

  // References, now that every list is read.
  resolve(radar_site_references, scenario.sites, site_names, "site", errors,
          [&](const Reference& r, const SiteConfig& site) { scenario.radars[r.index].site = site.location; });
  resolve(battery_sites, scenario.sites, site_names, "site", errors, [&](const Reference& r, const SiteConfig& site) {
    scenario.batteries[r.index].location = site.location;
  });
  resolve(battery_radars, scenario.radars, radar_names, "radar", errors, [](const Reference&, const auto&) {});
  // Aims at defended assets: reported once per entry (a raid's threats share
  // theirs), then every threat gets its asset's point.
  std::vector<Reference> aims;
  for (std::size_t i = 0; i < scenario.threats.size(); ++i) {
    if (scenario.threats[i].aim_asset && !aim_asset_places[i].file.empty()) {
      aims.push_back(Reference{i, *scenario.threats[i].aim_asset, aim_asset_places[i]});
    }
  }
  resolve(aims, scenario.defended_assets, asset_names, "defended asset", errors, [](const Reference&, const auto&) {});
  for (auto& threat : scenario.threats) {
    for (const auto& asset : scenario.defended_assets) {
      if (threat.aim_asset == asset.name) threat.aim = asset.point;
    }
  }
  for (std::size_t i = 0; i < scenario.threats.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (scenario.threats[j].name == scenario.threats[i].name) {
        errors.emplace_back(threat_name_places[i], "duplicate threat name \"" + scenario.threats[i].name + "\"");
        break;
      }
    }
  }

  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const InputError& a, const InputError& b) {
      return std::make_pair(a.where().line, a.where().column) < std::make_pair(b.where().line, b.where().column);
    });
    throw InputErrors(std::move(errors));
  }
  return scenario;
}

}  // namespace rampart::sim
