#include "rampart/flight/point_mass.hpp"

#include <algorithm>

namespace rampart::flight {
namespace {

// Us76Atmosphere's range: density is zero above 1000 km and the standard is
// not defined below -5 km (atmosphere.hpp).
constexpr double kAtmosphereTop_m = 1000e3;
constexpr double kAtmosphereBottom_m = -5e3;

}  // namespace

Vec3 drag_acceleration(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere, const Vec3& r_I,
                       const Vec3& v_I, double cd_area_per_mass_m2pkg) {
  if (!(cd_area_per_mass_m2pkg > 0.0) || !earth.has_atmosphere()) return Vec3::Zero();
  // Every point of the ellipsoid lies within the equatorial radius, so
  // |r| > a + top means an altitude above the top: no air, and no need
  // for the (costlier) altitude.
  const double top_radius_m = earth.parameters().equatorial_radius_m + kAtmosphereTop_m;
  if (r_I.squaredNorm() >= top_radius_m * top_radius_m) return Vec3::Zero();
  // The ellipsoid is symmetric about z, so the height above it is the same
  // from ECI as from ECEF components. Trial stages of the step that crosses
  // the ground may probe below it: the standard's own extension to -5 km
  // keeps the density smooth there for the root-finder, and deeper probes
  // see the -5 km density.
  const double altitude_m = std::max(earth.altitude_m(r_I), kAtmosphereBottom_m);
  const double rho_kgpm3 = atmosphere.density_kgpm3(altitude_m);
  if (!(rho_kgpm3 > 0.0)) return Vec3::Zero();
  const Vec3 v_air_I = v_I - earth.omega_I().cross(r_I);
  return -(0.5 * rho_kgpm3 * cd_area_per_mass_m2pkg * v_air_I.norm()) * v_air_I;
}

State6 ballistic_derivative(double /*t_s: gravity and air turn with the Earth, symmetric about z*/,
                            const State6& y, const earth::EarthModel& earth,
                            const earth::Us76Atmosphere& atmosphere, const DragBody& body) {
  const Vec3 r_I = y.head<3>();
  const Vec3 v_I = y.segment<3>(3);
  State6 dy;
  dy.head<3>() = v_I;
  dy.segment<3>(3) = earth.gravity(r_I) + drag_acceleration(earth, atmosphere, r_I, v_I, body.cd_area_per_mass_m2pkg);
  return dy;
}

State6 eci_state_from_geodetic_ned(const earth::EarthModel& earth, const GeodeticNedState& state,
                                   double t_s) {
  const Vec3 r_E = earth.ecef_from_geodetic(state.position);
  const Vec3& v_ned = state.v_ned_mps;
  const Vec3 v_enu(v_ned.y(), v_ned.x(), -v_ned.z());
  const Vec3 v_E = earth.R_EL(state.position) * v_enu;
  State6 y;
  y.head<3>() = earth.eci_from_ecef(r_E, t_s);
  y.segment<3>(3) = earth.eci_velocity_from_ecef(r_E, v_E, t_s);
  return y;
}

GeodeticNedState geodetic_ned_from_eci_state(const earth::EarthModel& earth, const State6& y, double t_s) {
  const Vec3 r_I = y.head<3>();
  const Vec3 v_I = y.segment<3>(3);
  GeodeticNedState out;
  out.position = earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s));
  const Vec3 v_E = earth.ecef_velocity_from_eci(r_I, v_I, t_s);
  const Vec3 v_enu = earth.R_EL(out.position).transpose() * v_E;
  out.v_ned_mps = Vec3(v_enu.y(), v_enu.x(), -v_enu.z());
  return out;
}

}  // namespace rampart::flight
