#include "rampart/earth/horizon.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rampart::earth {

namespace {

// Parameter t in [0, 1] of the point of segment a + t (b - a) closest to the origin.
double closest_to_origin(const Vec3& a, const Vec3& d) {
  const double dd = d.squaredNorm();
  if (dd == 0.0) return 0.0;
  return std::clamp(-a.dot(d) / dd, 0.0, 1.0);
}

void check_k(double k) {
  if (!(k > 0.0) || !std::isfinite(k)) throw std::invalid_argument("effective Earth-radius factor k must be finite and > 0");
}

// The effective-Earth picture of a sensor-target pair: heights above the
// surface, and the ground distance between them (arc on a sphere of the mean
// radius R), chosen so that on that sphere the target lies along the true
// geometric line of sight (elevation el_geo) at height h_t. On the spherical
// model this is the exact geometry; on the ellipsoid it carries the exact
// elevation and heights over to the mean sphere. The 4/3-Earth model then
// keeps heights and ground distance and swaps R for kR.
struct EffectiveGeometry {
  double h_s_m;
  double h_t_m;
  double ground_m;
  double el_geo_rad;
};

EffectiveGeometry effective_geometry(const EarthModel& earth, const Vec3& s_E, const Vec3& up_E, double sensor_alt_m,
                                     const Vec3& target_E) {
  const Vec3 d_E = target_E - s_E;
  const double range = d_E.norm();
  EffectiveGeometry g{sensor_alt_m, earth.altitude_m(target_E), 0.0, 0.0};
  if (range == 0.0) return g;
  const double sin_el = std::clamp(up_E.dot(d_E) / range, -1.0, 1.0);
  g.el_geo_rad = std::asin(sin_el);
  if (earth.parameters().flattening == 0.0) {
    // Sphere: the central angle is the angle between the position vectors.
    g.ground_m = earth.mean_radius_m() * std::atan2(s_E.cross(target_E).norm(), s_E.dot(target_E));
    return g;
  }
  // Ellipsoid: on the sphere of radius R, the ray from height h_s at
  // elevation el reaches height h_t at range rho with
  //   rho^2 + 2 rho (R + h_s) sin(el) + (R + h_s)^2 - (R + h_t)^2 = 0;
  // of the two roots take the one nearer the true range.
  const double R = earth.mean_radius_m();
  const double rs = R + g.h_s_m, rt = R + g.h_t_m;
  const double half_b = rs * sin_el;
  const double disc = std::max(half_b * half_b + rt * rt - rs * rs, 0.0);
  const double root = std::sqrt(disc);
  const double rho_far = -half_b + root, rho_near = -half_b - root;
  const double rho = (rho_near > 0.0 && std::abs(rho_near - range) < std::abs(rho_far - range)) ? rho_near
                                                                                                    : std::max(rho_far, 0.0);
  const double cos_el = std::cos(g.el_geo_rad);
  g.ground_m = R * std::atan2(rho * cos_el, rs + rho * sin_el);
  return g;
}

EffectiveGeometry effective_geometry(const EarthModel& earth, const Geodetic& sensor, const Vec3& target_E) {
  return effective_geometry(earth, earth.ecef_from_geodetic(sensor), earth.R_EL(sensor).col(2), sensor.alt_m, target_E);
}

EffectiveGeometry effective_geometry(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E) {
  return effective_geometry(earth, sensor.r_E(), sensor.up_E(), sensor.geodetic().alt_m, target_E);
}

// Elevation of the target seen from the sensor when both stand above a sphere
// of radius Re, ground_m apart along it: straight rays over that sphere.
// The central angle gamma = ground_m / Re enters only by its sine and cosine,
// which visible_elevation_rad() works out once for both of its tests.
double elevation_over_sphere(double Re, double h_s, double h_t, double sin_gamma, double cos_gamma) {
  const double rt = Re + h_t;
  return std::atan2(rt * cos_gamma - (Re + h_s), rt * sin_gamma);
}

double elevation_over_sphere(double Re, double h_s, double h_t, double ground_m) {
  const double gamma = ground_m / Re;
  return elevation_over_sphere(Re, h_s, h_t, std::sin(gamma), std::cos(gamma));
}

// True when the straight segment between the two points (in the plane of
// the two) stays at or above the sphere of radius Re. A point on the surface
// itself (a ship, a ground site: height 0 up to rounding of ~1e-9 m) must
// count as above it, hence the micrometre of slack.
bool clears_sphere(double Re, double h_s, double h_t, double sin_gamma, double cos_gamma) {
  constexpr double kSlackM = 1e-6;
  const Vec3 s(0.0, Re + h_s, 0.0);
  const Vec3 t((Re + h_t) * sin_gamma, (Re + h_t) * cos_gamma, 0.0);
  const Vec3 d = t - s;
  return (s + closest_to_origin(s, d) * d).norm() >= Re - kSlackM;
}

bool clears_sphere(double Re, double h_s, double h_t, double ground_m) {
  const double gamma = ground_m / Re;
  return clears_sphere(Re, h_s, h_t, std::sin(gamma), std::cos(gamma));
}

}  // namespace

bool line_of_sight(const EarthModel& earth, const Vec3& a_E, const Vec3& b_E, double clearance_m) {
  if (!std::isfinite(clearance_m)) throw std::invalid_argument("line_of_sight: clearance must be finite");
  const double a = earth.parameters().equatorial_radius_m;
  const double b = a * (1.0 - earth.parameters().flattening);
  const Vec3 d = b_E - a_E;
  // The surface raised by c lies between the spheres of radii b + c and
  // a + c about the centre: a segment that keeps out of the larger sphere is
  // clear, one that enters the smaller is blocked, with no geodesy at all.
  const double closest = (a_E + closest_to_origin(a_E, d) * d).norm();
  if (closest >= a + clearance_m) return true;
  if (closest < b + clearance_m) return false;
  // In between, the height above the ellipsoid along the segment is the
  // signed distance to a convex body, a convex function of t: a golden-section
  // search finds its minimum. It stops when the bracket is 0.1 mm long; the
  // height there exceeds the minimum by (0.1 mm)^2 / (2 x radius of
  // curvature), far below the precision of altitude_m() itself. A segment of
  // 10,000 km takes about 55 steps (0.618^55 ~ 1e-11).
  auto height = [&](double t) { return earth.altitude_m(a_E + t * d); };
  constexpr double kInvPhi = 0.6180339887498949;
  constexpr double kBracketM = 1e-4;
  const double length = d.norm();
  double lo = 0.0, hi = 1.0;
  double x1 = hi - kInvPhi * (hi - lo), x2 = lo + kInvPhi * (hi - lo);
  double f1 = height(x1), f2 = height(x2);
  for (int i = 0; i < 200 && (hi - lo) * length > kBracketM; ++i) {
    if (f1 < clearance_m || f2 < clearance_m) return false;
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - kInvPhi * (hi - lo);
      f1 = height(x1);
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + kInvPhi * (hi - lo);
      f2 = height(x2);
    }
  }
  return std::min({f1, f2, height(0.0), height(1.0)}) >= clearance_m;
}

double radar_horizon_range_m(const EarthModel& earth, double sensor_alt_m, double target_alt_m, double k) {
  check_k(k);
  if (!std::isfinite(sensor_alt_m) || !std::isfinite(target_alt_m)) {
    throw std::invalid_argument("radar_horizon_range_m: altitudes must be finite");
  }
  const double kR = k * earth.mean_radius_m();
  // A point below the mean sphere sees no horizon beyond itself: count it as 0 m.
  const double h1 = std::max(sensor_alt_m, 0.0), h2 = std::max(target_alt_m, 0.0);
  // sqrt((kR+h)^2 - (kR)^2) written as sqrt(h (2 kR + h)), free of cancellation.
  return std::sqrt(h1 * (2.0 * kR + h1)) + std::sqrt(h2 * (2.0 * kR + h2));
}

namespace {

double apparent_elevation(const EarthModel& earth, const EffectiveGeometry& g, double k) {
  if (k == 1.0) return g.el_geo_rad;
  // Refraction as the 4/3-Earth model has it: straight rays over a sphere of
  // radius kR, same heights and central angle. The bending is added to the
  // exact geometric elevation so that k = 1 stays exact on the ellipsoid.
  const double R = earth.mean_radius_m();
  return g.el_geo_rad + elevation_over_sphere(k * R, g.h_s_m, g.h_t_m, g.ground_m) -
         elevation_over_sphere(R, g.h_s_m, g.h_t_m, g.ground_m);
}

bool visible(const EarthModel& earth, const EffectiveGeometry& g, double min_elevation_rad, double k) {
  const double R = earth.mean_radius_m();
  if (!clears_sphere(k * R, g.h_s_m, g.h_t_m, g.ground_m)) return false;
  const double el = g.el_geo_rad + elevation_over_sphere(k * R, g.h_s_m, g.h_t_m, g.ground_m) -
                    elevation_over_sphere(R, g.h_s_m, g.h_t_m, g.ground_m);
  return el >= min_elevation_rad;
}

}  // namespace

double apparent_elevation_rad(const EarthModel& earth, const Geodetic& sensor, const Vec3& target_E, double k) {
  check_k(k);
  return apparent_elevation(earth, effective_geometry(earth, sensor, target_E), k);
}

double apparent_elevation_rad(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E, double k) {
  check_k(k);
  return apparent_elevation(earth, effective_geometry(earth, sensor, target_E), k);
}

bool visible(const EarthModel& earth, const Geodetic& sensor, const Vec3& target_E, double min_elevation_rad,
             double k) {
  check_k(k);
  return visible(earth, effective_geometry(earth, sensor, target_E), min_elevation_rad, k);
}

bool visible(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E, double min_elevation_rad,
             double k) {
  check_k(k);
  return visible(earth, effective_geometry(earth, sensor, target_E), min_elevation_rad, k);
}

std::optional<double> visible_elevation_rad(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E,
                                            double k) {
  check_k(k);
  const EffectiveGeometry g = effective_geometry(earth, sensor, target_E);
  const double R = earth.mean_radius_m();
  const double kR = k * R;
  const double gamma = g.ground_m / kR;
  const double sin_gamma = std::sin(gamma), cos_gamma = std::cos(gamma);
  if (!clears_sphere(kR, g.h_s_m, g.h_t_m, sin_gamma, cos_gamma)) return std::nullopt;
  if (k == 1.0) return g.el_geo_rad;
  // As apparent_elevation(), with the sine and cosine of the kR sphere's angle reused.
  return g.el_geo_rad + elevation_over_sphere(kR, g.h_s_m, g.h_t_m, sin_gamma, cos_gamma) -
         elevation_over_sphere(R, g.h_s_m, g.h_t_m, g.ground_m);
}

SiteGeometry::SiteGeometry(const EarthModel& earth, const Geodetic& site)
    : geodetic_(site), r_E_(earth.ecef_from_geodetic(site)), up_E_(earth.R_EL(site).col(2)) {}

}  // namespace rampart::earth
