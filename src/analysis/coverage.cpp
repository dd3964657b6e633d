#include "rampart/analysis/coverage.hpp"

#include <fmt/core.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace rampart::analysis {

namespace {

constexpr double kTwoPi = 2.0 * constants::kPi;
// A radar this close to its battery is taken to stand at the battery's site.
constexpr double kCollocatedDistance_m = 100.0;
// Marching out along a geodesic for a radar that stands elsewhere.
constexpr double kMarchStep_m = 1000.0;
constexpr double kBisectionTolerance_m = 1.0;

double wrap_two_pi(double angle_rad) {
  double a = std::fmod(angle_rad, kTwoPi);
  if (a < 0.0) a += kTwoPi;
  return a >= kTwoPi ? 0.0 : a;
}

double wrap_pi(double angle_rad) {
  const double a = wrap_two_pi(angle_rad + constants::kPi) - constants::kPi;
  return a;
}

GeographicLib::Geodesic geodesic_of(const earth::EarthModel& earth) {
  return GeographicLib::Geodesic(earth.parameters().equatorial_radius_m, earth.parameters().flattening);
}

earth::Geodetic direct(const GeographicLib::Geodesic& geodesic, const earth::Geodetic& from, double azimuth_rad,
                       double distance_m) {
  double lat_deg = 0.0, lon_deg = 0.0;
  geodesic.Direct(from.lat_rad * constants::kRadToDeg, from.lon_rad * constants::kRadToDeg,
                  azimuth_rad * constants::kRadToDeg, distance_m, lat_deg, lon_deg);
  return {lat_deg * constants::kDegToRad, lon_deg * constants::kDegToRad, 0.0};
}

struct DistanceAzimuth {
  double distance_m;
  double azimuth_rad;  // [0, 2 pi)
};

DistanceAzimuth inverse(const GeographicLib::Geodesic& geodesic, const earth::Geodetic& from,
                        const earth::Geodetic& to) {
  double s12 = 0.0, azi1 = 0.0, azi2 = 0.0;
  geodesic.Inverse(from.lat_rad * constants::kRadToDeg, from.lon_rad * constants::kRadToDeg,
                   to.lat_rad * constants::kRadToDeg, to.lon_rad * constants::kRadToDeg, s12, azi1, azi2);
  return {s12, wrap_two_pi(azi1 * constants::kDegToRad)};
}

AzimuthSector sector_of(const sense::RadarConfig& radar) {
  return {radar.boresight_azimuth_rad, radar.azimuth_span_rad};
}

void check_step(double azimuth_step_rad) {
  if (!(azimuth_step_rad > 0.0) || !(azimuth_step_rad <= constants::kPi / 4.0)) {
    throw std::invalid_argument("coverage azimuth step must be in (0, 45] deg");
  }
}

// Regular azimuths every step, plus the sector's two edges so that a wedge
// has exact straight sides; sorted, in [0, 2 pi).
std::vector<double> sample_azimuths(double step_rad, const AzimuthSector& sector) {
  const int n = std::max(8, static_cast<int>(std::lround(kTwoPi / step_rad)));
  std::vector<double> azimuths;
  azimuths.reserve(static_cast<std::size_t>(n) + 2);
  for (int i = 0; i < n; ++i) azimuths.push_back(kTwoPi * i / n);
  if (!sector.all_round()) {
    azimuths.push_back(wrap_two_pi(sector.boresight_rad - 0.5 * sector.span_rad));
    azimuths.push_back(wrap_two_pi(sector.boresight_rad + 0.5 * sector.span_rad));
  }
  std::sort(azimuths.begin(), azimuths.end());
  azimuths.erase(std::unique(azimuths.begin(), azimuths.end(), [](double a, double b) { return b - a < 1e-12; }),
                 azimuths.end());
  return azimuths;
}

// Outline (counter-clockwise: decreasing azimuth), its area on the ellipsoid
// and the largest reach, from the samples.
void outline(const GeographicLib::Geodesic& geodesic, CoverageFootprint& fp) {
  fp.max_reach_m = 0.0;
  for (const auto& s : fp.samples) fp.max_reach_m = std::max(fp.max_reach_m, s.reach_m);
  fp.ring.clear();
  fp.area_m2 = 0.0;
  if (fp.max_reach_m <= 0.0) return;
  const earth::Geodetic site{fp.site.lat_rad, fp.site.lon_rad, 0.0};
  bool last_was_site = false;
  for (auto it = fp.samples.rbegin(); it != fp.samples.rend(); ++it) {
    if (it->reach_m > 0.0) {
      fp.ring.push_back(direct(geodesic, site, it->azimuth_rad, it->reach_m));
      last_was_site = false;
    } else if (!last_was_site) {
      fp.ring.push_back(site);
      last_was_site = true;
    }
  }
  // The ring closes on itself: a site vertex at both ends is one vertex.
  if (fp.ring.size() > 1 && last_was_site && fp.samples.back().reach_m <= 0.0) {
    const auto& first = fp.ring.front();
    if (first.lat_rad == site.lat_rad && first.lon_rad == site.lon_rad) fp.ring.pop_back();
  }
  GeographicLib::PolygonArea polygon(geodesic);
  for (const auto& v : fp.ring) polygon.AddPoint(v.lat_rad * constants::kRadToDeg, v.lon_rad * constants::kRadToDeg);
  double perimeter_m = 0.0, area_m2 = 0.0;
  polygon.Compute(false, true, perimeter_m, area_m2);
  fp.area_m2 = area_m2;
}

std::string km(double m) { return fmt::format("{:g} km", m / 1000.0); }

}  // namespace

double horizon_ground_range_m(double mean_radius_m, double sensor_alt_m, double target_alt_m, double k) {
  if (!(mean_radius_m > 0.0) || !(k > 0.0) || !std::isfinite(k) || !std::isfinite(mean_radius_m)) {
    throw std::invalid_argument("horizon: radius and k must be finite and > 0");
  }
  const double kr = k * mean_radius_m;
  // Central angle from a height h to its tangent point: atan(sqrt(h (2kR + h)) / kR),
  // written so that it keeps its precision for heights of metres.
  const auto angle = [kr](double h) {
    h = std::max(0.0, h);
    return std::atan(std::sqrt(h * (2.0 * kr + h)) / kr);
  };
  return kr * (angle(sensor_alt_m) + angle(target_alt_m));
}

double ground_range_at_slant_m(double mean_radius_m, double sensor_alt_m, double target_alt_m, double slant_range_m) {
  const double r1 = mean_radius_m + std::max(0.0, sensor_alt_m);
  const double r2 = mean_radius_m + std::max(0.0, target_alt_m);
  const double dr = r2 - r1;
  if (slant_range_m <= std::abs(dr)) return 0.0;
  if (slant_range_m >= r1 + r2) return constants::kPi * mean_radius_m;
  // Law of cosines in half-angle form: sin^2(theta/2) = (s^2 - dr^2) / (4 r1 r2).
  const double half = std::sqrt((slant_range_m * slant_range_m - dr * dr) / (4.0 * r1 * r2));
  return mean_radius_m * 2.0 * std::asin(std::min(1.0, half));
}

bool AzimuthSector::all_round() const { return span_rad >= kTwoPi - 1e-12; }

bool AzimuthSector::contains(double azimuth_rad) const {
  if (all_round()) return true;
  return std::abs(wrap_pi(azimuth_rad - boresight_rad)) <= 0.5 * span_rad + 1e-9;
}

double radar_reach_m(const sense::RadarConfig& radar, double mean_radius_m, double altitude_m, double azimuth_rad) {
  if (!sector_of(radar).contains(azimuth_rad)) return 0.0;
  const double horizon_m =
      horizon_ground_range_m(mean_radius_m, radar.site.alt_m, altitude_m, radar.effective_earth_radius_factor);
  const double range_m = ground_range_at_slant_m(mean_radius_m, radar.site.alt_m, altitude_m, radar.max_range_m);
  return std::min(horizon_m, range_m);
}

std::string_view system_kind_name(SystemKind kind) { return kind == SystemKind::kBattery ? "battery" : "radar"; }

double CoverageFootprint::reach_at_m(double azimuth_rad) const {
  if (samples.empty()) return 0.0;
  const double az = wrap_two_pi(azimuth_rad);
  if (!sector.contains(az)) return 0.0;
  auto upper = std::lower_bound(samples.begin(), samples.end(), az,
                                [](const ReachSample& s, double a) { return s.azimuth_rad < a; });
  if (upper != samples.end() && upper->azimuth_rad == az) return upper->reach_m;
  const ReachSample& hi = upper == samples.end() ? samples.front() : *upper;
  const ReachSample& lo = upper == samples.begin() ? samples.back() : *(upper - 1);
  const double span = wrap_two_pi(hi.azimuth_rad - lo.azimuth_rad);
  if (span <= 0.0) return lo.reach_m;
  const double t = wrap_two_pi(az - lo.azimuth_rad) / span;
  return lo.reach_m + t * (hi.reach_m - lo.reach_m);
}

CoverageFootprint battery_coverage(const earth::EarthModel& earth, const sim::BatteryConfig& battery,
                                   const sense::RadarConfig* radar, double altitude_m, double azimuth_step_rad) {
  check_step(azimuth_step_rad);
  const auto geodesic = geodesic_of(earth);
  const double mean_radius_m = earth.mean_radius_m();
  const auto& interceptor = battery.interceptor;

  CoverageFootprint fp;
  fp.system = battery.name;
  fp.kind = SystemKind::kBattery;
  fp.site = battery.location;
  fp.altitude_m = altitude_m;
  if (radar != nullptr) fp.fire_control_radar = radar->name;

  const bool in_band =
      altitude_m >= interceptor.min_intercept_altitude_m && altitude_m <= interceptor.max_intercept_altitude_m;
  const bool collocated =
      radar != nullptr && inverse(geodesic, battery.location, radar->site).distance_m <= kCollocatedDistance_m;
  if (collocated) fp.sector = sector_of(*radar);

  if (!in_band) {
    fp.note = fmt::format("altitude outside the interceptor's {}-{} band", km(interceptor.min_intercept_altitude_m),
                          km(interceptor.max_intercept_altitude_m));
  } else if (radar == nullptr) {
    fp.note = "no fire-control radar: interceptor range only";
  } else if (!collocated) {
    fp.note = "radar " + radar->name + " stands apart from the battery: reach marched along each azimuth";
  }

  // Reach along one azimuth from the battery when the radar stands elsewhere:
  // the first ground range at which the radar no longer sees the altitude.
  const auto marched_reach = [&](double azimuth_rad) {
    const auto seen = [&](double s_m) {
      const earth::Geodetic p = direct(geodesic, battery.location, azimuth_rad, s_m);
      const auto from_radar = inverse(geodesic, radar->site, p);
      return from_radar.distance_m <= radar_reach_m(*radar, mean_radius_m, altitude_m, from_radar.azimuth_rad);
    };
    const double limit_m = interceptor.max_intercept_range_m;
    if (!seen(0.0)) return 0.0;
    double inside_m = 0.0;
    for (double s = kMarchStep_m;; s += kMarchStep_m) {
      const double probe = std::min(s, limit_m);
      if (!seen(probe)) {
        double outside_m = probe;
        while (outside_m - inside_m > kBisectionTolerance_m) {
          const double mid = 0.5 * (inside_m + outside_m);
          (seen(mid) ? inside_m : outside_m) = mid;
        }
        return inside_m;
      }
      inside_m = probe;
      if (probe >= limit_m) return limit_m;
    }
  };

  for (double az : sample_azimuths(azimuth_step_rad, fp.sector)) {
    double reach = 0.0;
    if (in_band) {
      if (radar == nullptr) {
        reach = interceptor.max_intercept_range_m;
      } else if (collocated) {
        reach = std::min(interceptor.max_intercept_range_m, radar_reach_m(*radar, mean_radius_m, altitude_m, az));
      } else {
        reach = marched_reach(az);
      }
    }
    fp.samples.push_back({az, reach});
  }
  outline(geodesic, fp);
  return fp;
}

CoverageFootprint radar_coverage(const earth::EarthModel& earth, const sense::RadarConfig& radar, double altitude_m,
                                 double azimuth_step_rad) {
  check_step(azimuth_step_rad);
  const auto geodesic = geodesic_of(earth);
  CoverageFootprint fp;
  fp.system = radar.name;
  fp.kind = SystemKind::kRadar;
  fp.site = radar.site;
  fp.altitude_m = altitude_m;
  fp.sector = sector_of(radar);
  for (double az : sample_azimuths(azimuth_step_rad, fp.sector)) {
    fp.samples.push_back({az, radar_reach_m(radar, earth.mean_radius_m(), altitude_m, az)});
  }
  outline(geodesic, fp);
  return fp;
}

std::vector<CoverageFootprint> scenario_coverage(const sim::Scenario& scenario, const std::vector<double>& altitudes_m,
                                                 double azimuth_step_rad) {
  const earth::EarthModel earth = sim::make_earth(scenario);
  std::vector<CoverageFootprint> out;
  for (const auto& battery : scenario.batteries) {
    const sense::RadarConfig* radar = nullptr;
    if (battery.radar) {
      for (const auto& r : scenario.radars) {
        if (r.name == *battery.radar) radar = &r;
      }
    }
    for (double h : altitudes_m) out.push_back(battery_coverage(earth, battery, radar, h, azimuth_step_rad));
  }
  for (const auto& radar : scenario.radars) {
    for (double h : altitudes_m) out.push_back(radar_coverage(earth, radar, h, azimuth_step_rad));
  }
  return out;
}

std::vector<ReachRow> reach_table(const earth::EarthModel& earth, const std::vector<CoverageFootprint>& footprints,
                                  const std::vector<NamedPlace>& places) {
  const auto geodesic = geodesic_of(earth);
  std::vector<ReachRow> rows;
  rows.reserve(places.size() * footprints.size());
  for (const auto& place : places) {
    for (const auto& fp : footprints) {
      const auto da = inverse(geodesic, fp.site, place.location);
      ReachRow row;
      row.place = place.name;
      row.system = fp.system;
      row.kind = fp.kind;
      row.altitude_m = fp.altitude_m;
      row.distance_m = da.distance_m;
      row.azimuth_rad = da.azimuth_rad;
      row.reach_m = fp.reach_at_m(da.azimuth_rad);
      row.covered = row.reach_m > 0.0 && da.distance_m <= row.reach_m;
      rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace rampart::analysis
