#include "rampart/flight/trajectory_summary.hpp"

#include "rampart/core/constants.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace rampart::flight {
namespace {

Vec3 earth_relative_velocity(const earth::EarthModel& earth, const State6& y_I) {
  return velocity(y_I) - earth.omega_I().cross(position(y_I));
}

}  // namespace

double flight_path_angle_rad(const earth::EarthModel& earth, const Vec3& r_I, const Vec3& v, double t_s) {
  const earth::Geodetic where = earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s));
  const Vec3 up_I = earth.R_EI(t_s).transpose() * earth.R_EL(where).col(2);
  return std::asin(std::clamp(v.normalized().dot(up_I), -1.0, 1.0));
}

TrajectorySummary summarize(const Trajectory& trajectory, const earth::EarthModel& earth,
                            const earth::Geodetic& launch) {
  const FlightPath& path = trajectory.path;
  assert(path.impact);
  TrajectorySummary s{};
  const FlightPoint& impact = *path.impact;
  s.impact = earth.geodetic_from_ecef(earth.ecef_from_eci(position(impact.y_I), impact.t_s));
  const GroundArc arc = ground_arc(earth, launch, s.impact);
  s.ground_range_m = arc.distance_m;
  s.launch_azimuth_rad = arc.azimuth_rad < 0.0 ? arc.azimuth_rad + 2.0 * constants::kPi : arc.azimuth_rad;
  s.flight_time_s = impact.t_s - path.launch.t_s;

  const FlightPoint& burnout = path.burnout;
  s.burnout_time_s = burnout.t_s;
  s.burnout_altitude_m = earth.altitude_m(position(burnout.y_I));
  s.burnout_speed_mps = velocity(burnout.y_I).norm();
  s.burnout_flight_path_angle_rad = flight_path_angle_rad(earth, position(burnout.y_I), velocity(burnout.y_I), burnout.t_s);

  const FlightPoint& apogee = path.apogee ? *path.apogee : burnout;
  s.apogee_altitude_m = earth.altitude_m(position(apogee.y_I));
  s.apogee_time_s = apogee.t_s;
  if (path.reentry_100km) s.reentry_speed_100km_mps = earth_relative_velocity(earth, path.reentry_100km->y_I).norm();
  const Vec3 v_impact = earth_relative_velocity(earth, impact.y_I);
  s.impact_speed_mps = v_impact.norm();
  s.impact_flight_path_angle_rad = -flight_path_angle_rad(earth, position(impact.y_I), v_impact, impact.t_s);
  s.miss_m = trajectory.miss_m;
  return s;
}

}  // namespace rampart::flight
