#include "rampart/earth/earth_model.hpp"

#include <GeographicLib/Geocentric.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

#include "rampart/core/constants.hpp"

namespace rampart::earth {

namespace {

// NaN-safe range checks: a NaN fails every comparison, so each check is
// written as "not (valid)".
void require(bool valid, const char* what) {
  if (!valid) throw std::invalid_argument(std::string("EarthModel: ") + what);
}

}  // namespace

EarthKind parse_earth_kind(std::string_view text, const SourceLocation& where) {
  if (text == "wgs84") return EarthKind::kWgs84;
  if (text == "spherical") return EarthKind::kSpherical;
  throw InputError(where, "unknown earth model \"" + std::string(text) + "\" (expected wgs84 or spherical)");
}

std::string_view earth_kind_name(EarthKind kind) {
  switch (kind) {
    case EarthKind::kWgs84:
      return "wgs84";
    case EarthKind::kSpherical:
      return "spherical";
  }
  return "unknown";
}

EarthParameters EarthParameters::wgs84() {
  EarthParameters p{};
  p.equatorial_radius_m = constants::kWgs84A;
  p.flattening = constants::kWgs84F;
  p.gm_m3ps2 = constants::kWgs84GM;
  p.j2 = constants::kJ2;
  p.rotation_rate_radps = constants::kEarthRotationRate;
  p.rotation_angle_at_epoch_rad = 0.0;
  p.has_atmosphere = true;
  return p;
}

EarthParameters EarthParameters::spherical() {
  EarthParameters p{};
  p.equatorial_radius_m = constants::kSphereRadius;
  p.flattening = 0.0;
  p.gm_m3ps2 = constants::kWgs84GM;
  p.j2 = 0.0;
  p.rotation_rate_radps = 0.0;
  p.rotation_angle_at_epoch_rad = 0.0;
  p.has_atmosphere = false;
  return p;
}

EarthModel::EarthModel(EarthKind kind)
    : EarthModel(kind == EarthKind::kWgs84 ? EarthParameters::wgs84() : EarthParameters::spherical(), kind) {}

EarthModel::EarthModel(const EarthParameters& parameters, EarthKind kind) : parameters_(parameters), kind_(kind) {
  const EarthParameters& p = parameters_;
  require(std::isfinite(p.equatorial_radius_m) && p.equatorial_radius_m > 0.0,
          "equatorial radius must be finite and positive");
  // Oblate or spherical only: Bowring's formula in altitude_m() and the
  // horizon bounds assume b <= a. f < 0.5 keeps the ellipsoid far from
  // degenerate (the Earth's is 0.0034).
  require(p.flattening >= 0.0 && p.flattening < 0.5, "flattening must be in [0, 0.5)");
  require(std::isfinite(p.gm_m3ps2) && p.gm_m3ps2 > 0.0, "GM must be finite and positive");
  // |J2| < 0.1 is generous (the Earth's is 1.08e-3) yet rejects unit slips
  // such as 1082.63 given without its 1e-6.
  require(std::isfinite(p.j2) && std::abs(p.j2) < 0.1, "J2 must be finite and |J2| < 0.1");
  require(std::isfinite(p.rotation_rate_radps), "rotation rate must be finite");
  require(std::isfinite(p.rotation_angle_at_epoch_rad), "rotation angle at epoch must be finite");

  const double a = p.equatorial_radius_m;
  const double f = p.flattening;
  b_m_ = a * (1.0 - f);
  e2_ = f * (2.0 - f);
  ep2_ = e2_ / ((1.0 - f) * (1.0 - f));
  e2_a_m_ = e2_ * a;
  ep2_b_m_ = ep2_ * b_m_;
  a_over_b_ = 1.0 / (1.0 - f);
  j2_term_m2_ = 1.5 * p.j2 * a * a;
}

double EarthModel::mean_radius_m() const {
  // IUGG mean radius R1 = (2a + b) / 3 (Moritz, GRS 80); a itself for a sphere.
  return (2.0 * parameters_.equatorial_radius_m + b_m_) / 3.0;
}

Vec3 EarthModel::ecef_from_geodetic(const Geodetic& position) const {
  // Built per call: the constructor only stores a few constants, and keeping
  // GeographicLib out of the public header keeps EarthModel a plain value.
  const GeographicLib::Geocentric geocentric(parameters_.equatorial_radius_m, parameters_.flattening);
  double x = 0.0, y = 0.0, z = 0.0;
  geocentric.Forward(position.lat_rad * constants::kRadToDeg, position.lon_rad * constants::kRadToDeg,
                     position.alt_m, x, y, z);
  return Vec3(x, y, z);
}

Geodetic EarthModel::geodetic_from_ecef(const Vec3& r_E) const {
  const GeographicLib::Geocentric geocentric(parameters_.equatorial_radius_m, parameters_.flattening);
  double lat_deg = 0.0, lon_deg = 0.0, h = 0.0;
  geocentric.Reverse(r_E.x(), r_E.y(), r_E.z(), lat_deg, lon_deg, h);
  return Geodetic{lat_deg * constants::kDegToRad, lon_deg * constants::kDegToRad, h};
}

double EarthModel::altitude_m(const Vec3& r_E) const {
  // Bowring (1976) with one iteration, written with square roots instead of
  // trig: the parametric latitude beta from tan(beta) = (a z)/(b p), then
  // tan(phi) = (z + e'^2 b sin^3 beta) / (p - e^2 a cos^3 beta), then the
  // height h = p cos(phi) + z sin(phi) - a sqrt(1 - e^2 sin^2 phi), which is
  // exact for the true phi and only second-order sensitive to an error in phi
  // (the height is stationary along the normal), valid at the poles too.
  //
  // Written for a short chain of dependent square roots and divisions (this
  // is the drag's altitude in every flight step: its latency, not its
  // instruction count, was 14 % of an engagement run). With q = |(p, a z/b)|,
  // sin(beta) = (a z/b)/q and cos(beta) = p/q; only the direction of
  // (num, den) matters, so both are scaled by q^3 and need no division:
  //   num = z q^3 + e'^2 b (a z/b)^3,  den = p q^3 - e^2 a p^3 = p D,
  //   D = q^3 - e^2 a p^2.
  // With s = |(num, den)|, cos(phi) = den/s, sin(phi) = num/s, and
  //   a sqrt(1 - e^2 sin^2 phi) = a sqrt(den^2 + (1 - e^2) num^2) / s,
  // so h = (p^2 D + z num - a sqrt(p^2 D^2 + (1 - e^2) num^2)) / s, where
  // p itself (a square root) is never needed: one square root, then two
  // independent ones and one division. The scaled terms stay far inside
  // double range for any |r| below 1e38 m.
  const double x = r_E.x(), y = r_E.y(), z = r_E.z();
  const double a = parameters_.equatorial_radius_m;
  const double p2 = x * x + y * y;
  if (e2_ == 0.0) return std::sqrt(p2 + z * z) - a;

  const double tz = z * a_over_b_;  // a z / b, proportional to sin(beta)
  const double q2 = p2 + tz * tz;
  const double q3 = q2 * std::sqrt(q2);
  const double num = z * q3 + ep2_b_m_ * tz * tz * tz;
  const double D = q3 - e2_a_m_ * p2;
  const double den2 = p2 * D * D;
  const double s = std::sqrt(num * num + den2);
  if (!(s > 0.0)) return -b_m_;  // the centre: no defined normal
  const double surface = a * std::sqrt(den2 + (1.0 - e2_) * num * num);
  return (p2 * D + z * num - surface) / s;
}

Mat3 EarthModel::R_EL(const Geodetic& site) const {
  const double sl = std::sin(site.lat_rad), cl = std::cos(site.lat_rad);
  const double so = std::sin(site.lon_rad), co = std::cos(site.lon_rad);
  Mat3 R;
  // Columns: east, north, up (the ellipsoid normal) in ECEF components.
  R << -so, -sl * co, cl * co,
        co, -sl * so, cl * so,
       0.0,       cl,      sl;
  return R;
}

Mat3 EarthModel::R_EI(double t_s) const {
  // E is I turned by theta about z; a vector fixed in I appears turned by
  // -theta in E, hence the passive rotation.
  const double theta = parameters_.rotation_angle_at_epoch_rad + parameters_.rotation_rate_radps * t_s;
  const double c = std::cos(theta), s = std::sin(theta);
  Mat3 R;
  R << c, s, 0.0,
      -s, c, 0.0,
      0.0, 0.0, 1.0;
  return R;
}

Vec3 EarthModel::ecef_from_eci(const Vec3& r_I, double t_s) const { return R_EI(t_s) * r_I; }

Vec3 EarthModel::eci_from_ecef(const Vec3& r_E, double t_s) const { return R_EI(t_s).transpose() * r_E; }

Vec3 EarthModel::ecef_velocity_from_eci(const Vec3& r_I, const Vec3& v_I, double t_s) const {
  // Transport theorem: v_E = R_EI (v_I - omega x r_I).
  return R_EI(t_s) * (v_I - omega_I().cross(r_I));
}

Vec3 EarthModel::eci_velocity_from_ecef(const Vec3& r_E, const Vec3& v_E, double t_s) const {
  // v_I = R_IE (v_E + omega x r_E); omega lies along z, so it has the same
  // components in E and I and the cross product may be taken in E.
  return R_EI(t_s).transpose() * (v_E + omega_I().cross(r_E));
}

Vec3 EarthModel::gravity(const Vec3& r) const {
  // g = -grad U, U = -mu/r [1 - J2 (a/r)^2 (3 sin^2(phi) - 1)/2], phi the
  // geocentric latitude (sin(phi) = z/r). One sqrt and one division.
  const double r2 = r.squaredNorm();
  const double inv_r2 = 1.0 / r2;
  const double inv_r = std::sqrt(inv_r2);
  const double mu_r3 = parameters_.gm_m3ps2 * inv_r2 * inv_r;
  const double k = j2_term_m2_ * inv_r2;           // 1.5 J2 (a/r)^2
  const double s2 = r.z() * r.z() * inv_r2;         // sin^2(phi)
  const double horizontal = -mu_r3 * (1.0 + k * (1.0 - 5.0 * s2));
  const double vertical = -mu_r3 * (1.0 + k * (3.0 - 5.0 * s2));
  return Vec3(horizontal * r.x(), horizontal * r.y(), vertical * r.z());
}

}  // namespace rampart::earth
