#include "rampart/io/map_geometry.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/earth/horizon.hpp"

namespace rampart::io {
namespace {

constexpr double kArcStep_rad = 2.0 * constants::kDegToRad;

/// Longitudes of a sequence made continuous: each differs from the previous by at most 180 deg.
std::vector<LonLatAlt> unwrapped(const std::vector<LonLatAlt>& points) {
  std::vector<LonLatAlt> out = points;
  for (std::size_t i = 1; i < out.size(); ++i) {
    double lon = out[i].lon_deg;
    while (lon - out[i - 1].lon_deg > 180.0) lon -= 360.0;
    while (lon - out[i - 1].lon_deg < -180.0) lon += 360.0;
    out[i].lon_deg = lon;
  }
  return out;
}

LonLatAlt at_longitude(const LonLatAlt& a, const LonLatAlt& b, double lon_deg) {
  const double f = (lon_deg - a.lon_deg) / (b.lon_deg - a.lon_deg);
  return {lon_deg, a.lat_deg + f * (b.lat_deg - a.lat_deg), a.alt_m + f * (b.alt_m - a.alt_m)};
}

/// Sutherland-Hodgman clip of a closed polygon (open list) to lon <= edge
/// (keep_below) or lon >= edge.
std::vector<LonLatAlt> clip(const std::vector<LonLatAlt>& ring, double edge, bool keep_below) {
  const auto inside = [&](const LonLatAlt& p) { return keep_below ? p.lon_deg <= edge : p.lon_deg >= edge; };
  std::vector<LonLatAlt> out;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const LonLatAlt& current = ring[i];
    const LonLatAlt& previous = ring[(i + ring.size() - 1) % ring.size()];
    if (inside(current)) {
      if (!inside(previous)) out.push_back(at_longitude(previous, current, edge));
      out.push_back(current);
    } else if (inside(previous)) {
      out.push_back(at_longitude(previous, current, edge));
    }
  }
  return out;
}

std::vector<LonLatAlt> shifted(std::vector<LonLatAlt> ring, double by_deg) {
  for (auto& p : ring) p.lon_deg += by_deg;
  return ring;
}

}  // namespace

LonLatAlt lon_lat_alt(const earth::Geodetic& g) {
  return {g.lon_rad * constants::kRadToDeg, g.lat_rad * constants::kRadToDeg, g.alt_m};
}

double round_degrees(double deg) { return std::round(deg * 1e6) / 1e6 + 0.0; }
double round_metres(double m) { return std::round(m) + 0.0; }

LonLatAlt geodesic_destination(const earth::EarthModel& earth, const earth::Geodetic& from, double azimuth_rad,
                               double distance_m) {
  const GeographicLib::Geodesic geodesic(earth.parameters().equatorial_radius_m, earth.parameters().flattening);
  double lat = 0.0;
  double lon = 0.0;
  geodesic.Direct(from.lat_rad * constants::kRadToDeg, from.lon_rad * constants::kRadToDeg,
                  azimuth_rad * constants::kRadToDeg, distance_m, lat, lon);
  // GeographicLib returns longitudes in [-180, 180].
  return {lon, lat, 0.0};
}

std::vector<LonLatAlt> geodesic_circle(const earth::EarthModel& earth, const earth::Geodetic& centre,
                                       double radius_m, int points) {
  std::vector<LonLatAlt> ring;
  ring.reserve(static_cast<std::size_t>(points));
  for (int k = 0; k < points; ++k) {
    // Azimuth decreasing (north, west, south, east): counter-clockwise on the map.
    const double azimuth = 2.0 * constants::kPi * (1.0 - static_cast<double>(k) / points);
    ring.push_back(geodesic_destination(earth, centre, azimuth, radius_m));
  }
  return ring;
}

RadarFootprint radar_footprint(const earth::EarthModel& earth, const sense::RadarConfig& radar,
                               double reference_altitude_m) {
  RadarFootprint f;
  f.reference_altitude_m = reference_altitude_m;
  const double horizon_m = earth::radar_horizon_range_m(earth, radar.site.alt_m, reference_altitude_m,
                                                        radar.effective_earth_radius_factor);
  f.limited_by_horizon = horizon_m < radar.max_range_m;
  f.slant_range_m = std::min(horizon_m, radar.max_range_m);
  // Law of cosines in the triangle (Earth's centre, radar, target) on the
  // sphere of the mean radius: the central angle, then the arc on the ground.
  const double r = earth.mean_radius_m();
  const double a = r + std::max(radar.site.alt_m, 0.0);
  const double b = r + reference_altitude_m;
  const double cos_angle = (a * a + b * b - f.slant_range_m * f.slant_range_m) / (2.0 * a * b);
  f.ground_range_m = r * std::acos(std::clamp(cos_angle, -1.0, 1.0));
  if (f.ground_range_m < 1.0) {
    f.ground_range_m = 0.0;
    return f;
  }
  if (radar.azimuth_span_rad >= 2.0 * constants::kPi - 1e-9) {
    f.ring = geodesic_circle(earth, radar.site, f.ground_range_m, 180);
    return f;
  }
  // The sector: the radar, then its far arc from the right edge to the left
  // (azimuth decreasing), which winds counter-clockwise.
  f.ring.push_back(lon_lat_alt(earth::Geodetic{radar.site.lat_rad, radar.site.lon_rad, 0.0}));
  const int steps = std::max(1, static_cast<int>(std::ceil(radar.azimuth_span_rad / kArcStep_rad)));
  const double right = radar.boresight_azimuth_rad + 0.5 * radar.azimuth_span_rad;
  for (int k = 0; k <= steps; ++k) {
    const double azimuth = right - radar.azimuth_span_rad * static_cast<double>(k) / steps;
    f.ring.push_back(geodesic_destination(earth, radar.site, azimuth, f.ground_range_m));
  }
  return f;
}

double signed_area2_deg2(const std::vector<LonLatAlt>& ring) {
  const auto p = unwrapped(ring);
  double sum = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const auto& u = p[i];
    const auto& v = p[(i + 1) % p.size()];
    sum += u.lon_deg * v.lat_deg - v.lon_deg * u.lat_deg;
  }
  return sum;
}

std::vector<LonLatAlt> counter_clockwise(std::vector<LonLatAlt> ring) {
  if (signed_area2_deg2(ring) < 0.0) std::reverse(ring.begin(), ring.end());
  return ring;
}

std::vector<std::vector<LonLatAlt>> split_line_at_antimeridian(const std::vector<LonLatAlt>& line) {
  std::vector<std::vector<LonLatAlt>> pieces(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      const LonLatAlt& a = line[i - 1];
      LonLatAlt b = line[i];
      const double step = b.lon_deg - a.lon_deg;
      if (std::abs(step) > 180.0) {
        // Eastward over +180 (the next longitude jumps down) or westward over -180.
        const double edge = step < 0.0 ? 180.0 : -180.0;
        b.lon_deg += step < 0.0 ? 360.0 : -360.0;
        const LonLatAlt crossing = at_longitude(a, b, edge);
        pieces.back().push_back(crossing);
        pieces.push_back({LonLatAlt{-edge, crossing.lat_deg, crossing.alt_m}});
      }
    }
    pieces.back().push_back(line[i]);
  }
  return pieces;
}

std::vector<std::vector<LonLatAlt>> split_ring_at_antimeridian(const std::vector<LonLatAlt>& ring) {
  const auto p = unwrapped(ring);
  double lo = 0.0;
  double hi = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    lo = i == 0 ? p[i].lon_deg : std::min(lo, p[i].lon_deg);
    hi = i == 0 ? p[i].lon_deg : std::max(hi, p[i].lon_deg);
  }
  if (p.empty() || (lo >= -180.0 && hi <= 180.0)) return {p};
  std::vector<std::vector<LonLatAlt>> parts;
  if (hi > 180.0) {
    parts = {clip(p, 180.0, true), shifted(clip(p, 180.0, false), -360.0)};
  } else {
    parts = {clip(p, -180.0, false), shifted(clip(p, -180.0, true), 360.0)};
  }
  std::erase_if(parts, [](const auto& part) { return part.size() < 3; });
  return parts;
}

}  // namespace rampart::io
