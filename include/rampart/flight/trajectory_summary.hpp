#pragma once
// The figures of a trajectory that rampart prints: one value type, computed
// once from the flight path so that the table, JSON and CSV agree.

#include <optional>

#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/trajectory.hpp"

namespace rampart::flight {

struct TrajectorySummary {
  double ground_range_m;              ///< launch to impact along the ellipsoid
  double flight_time_s;               ///< launch to impact
  double launch_azimuth_rad;          ///< launch point toward the impact point (geodesic)
  double burnout_time_s;
  double burnout_altitude_m;
  double burnout_speed_mps;           ///< inertial
  double burnout_flight_path_angle_rad;  ///< inertial velocity above the local horizontal
  double apogee_altitude_m;
  double apogee_time_s;
  std::optional<double> reentry_speed_100km_mps;  ///< Earth-relative, descending through 100 km
  double impact_speed_mps;            ///< Earth-relative
  double impact_flight_path_angle_rad;  ///< Earth-relative velocity below the horizontal (positive down)
  earth::Geodetic impact;
  double miss_m;                      ///< impact point to aim point
};

/// Angle of velocity `v` (any frame-consistent velocity in ECI components)
/// above the plane normal to the geodetic vertical at r_I, at t_s.
double flight_path_angle_rad(const earth::EarthModel& earth, const Vec3& r_I, const Vec3& v, double t_s);

/// Summarises a trajectory that reached the ground (path.impact set).
/// Flight-path angles are measured from the plane normal to the geodetic
/// vertical; altitudes are above the ellipsoid.
TrajectorySummary summarize(const Trajectory& trajectory, const earth::EarthModel& earth,
                            const earth::Geodetic& launch);

}  // namespace rampart::flight
