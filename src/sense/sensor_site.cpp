#include "rampart/sense/sensor_site.hpp"

#include <cmath>

#include "rampart/core/constants.hpp"

namespace rampart::sense {

SensorSite::SensorSite(const earth::EarthModel& earth, const earth::Geodetic& site)
    : site_(site), r_E_(earth.ecef_from_geodetic(site)), R_EL_(earth.R_EL(site)), horizon_geometry_(earth, site) {}

Rae SensorSite::rae_from_ecef(const Vec3& target_E) const {
  const Vec3 d_L = R_EL_.transpose() * (target_E - r_E_);
  const double horizontal = std::hypot(d_L.x(), d_L.y());
  double azimuth = std::atan2(d_L.x(), d_L.y());  // clockwise from north: atan2(east, north)
  if (azimuth < 0.0) azimuth += 2.0 * constants::kPi;
  return Rae(d_L.norm(), azimuth, std::atan2(d_L.z(), horizontal));
}

Vec3 SensorSite::ecef_from_rae(const Rae& rae) const {
  const double r = rae(0), az = rae(1), el = rae(2);
  const Vec3 d_L(r * std::cos(el) * std::sin(az), r * std::cos(el) * std::cos(az), r * std::sin(el));
  return r_E_ + R_EL_ * d_L;
}

Mat3 SensorSite::rae_jacobian(const Vec3& target_E) const {
  const Vec3 d = R_EL_.transpose() * (target_E - r_E_);  // east, north, up
  const double e = d.x(), n = d.y(), u = d.z();
  const double rho2 = e * e + n * n;
  const double rho = std::sqrt(rho2);
  const double r2 = rho2 + u * u;
  const double r = std::sqrt(r2);
  Mat3 J_L;  // d(r, az, el) / d(e, n, u)
  J_L << e / r, n / r, u / r,
         n / rho2, -e / rho2, 0.0,
         -e * u / (r2 * rho), -n * u / (r2 * rho), rho / r2;
  return J_L * R_EL_.transpose();
}

double wrap_angle(double a_minus_b_rad) {
  double x = std::remainder(a_minus_b_rad, 2.0 * constants::kPi);  // in [-pi, pi]
  if (x <= -constants::kPi) x += 2.0 * constants::kPi;
  return x;
}

}  // namespace rampart::sense
