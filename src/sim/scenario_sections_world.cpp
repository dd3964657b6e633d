// Readers of the scenario sections that place things in the world: the
// epoch, defended assets, radars, threats and raids (scenario_sections.hpp).

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

// --- epoch -----------------------------------------------------------------

/// Greenwich mean sidereal angle (rad, [0, 2 pi)) at `days_j2000` days of
/// UT1 after J2000.0 (2000-01-01 12:00), IAU 1982 (Vallado 2013, eq. 3-47):
///   GMST = 67310.54841 s + (876600 h + 8640184.812866 s) T + 0.093104 s T^2 - 6.2e-6 s T^3,
/// T in Julian centuries. The 876600 h T term is 86400 s per day of
/// days_j2000 (876600 = 24 x 36525), so only its fraction of a day is kept,
/// which keeps the sum small and its rounding below a microsecond.
static double gmst_rad(double days_j2000) {
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
static earth::Geodetic read_place(io::YamlMap& place) {
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
static earth::Geodetic interior_point(const std::vector<earth::Geodetic>& polygon) {
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
static double twice_area(const std::vector<earth::Geodetic>& polygon) {
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
static std::string raid_threat_name(const std::string& raid, int number, int count) {
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

}  // namespace rampart::sim::scenario_sections
