#pragma once
// Ballistic trajectories from A to B: trajectory shaping (minimum-energy,
// lofted, depressed, or a given apogee) and range targeting on the rotating
// Earth, for a catalog missile or for a free flight that starts with an
// instantaneous burnout at the launch point.

#include <optional>
#include <string_view>

#include "rampart/core/error.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/boost.hpp"
#include "rampart/flight/flight_path.hpp"
#include "rampart/flight/missile.hpp"

namespace rampart::flight {

enum class TrajectoryShape { kMinEnergy, kLofted, kDepressed };

/// "min-energy", "lofted" or "depressed"; InputError at `where` otherwise.
TrajectoryShape parse_trajectory_shape(std::string_view text, const SourceLocation& where);
std::string_view trajectory_shape_name(TrajectoryShape shape);

/// What the user asks for. Exactly one of `missile` and free flight; for
/// free flight `burnout_speed_mps` picks a speed (then the shape must be
/// lofted or depressed) and otherwise the least speed is used.
struct TrajectoryRequest {
  earth::Geodetic launch;
  earth::Geodetic aim;
  TrajectoryShape shape = TrajectoryShape::kMinEnergy;
  const MissileType* missile = nullptr;
  std::optional<double> burnout_speed_mps;  ///< free flight only
  std::optional<double> apogee_altitude_m;  ///< shape by apogee instead
  /// Shape by the burnout flight-path angle instead (inertial velocity above
  /// the geodetic horizontal, as TrajectorySummary reports it).
  std::optional<double> burnout_flight_path_angle_rad;
  double miss_tolerance_m = 1.0;            ///< the targeting stops below this miss
  FlightOptions flight;
};

/// What targeting found and the flight it commands.
struct Trajectory {
  FlightPath path;
  std::optional<LaunchCommand> command;  ///< for a missile
  double miss_m = 0.0;                   ///< impact point to aim point, along the ellipsoid
  int iterations = 0;                    ///< targeting iterations
};

/// Solves the launch so that the impact lands on request.aim and flies it.
/// At most one of burnout_speed_mps, apogee_altitude_m and
/// burnout_flight_path_angle_rad may be set. Throws InputError (naming the
/// command-line option) when the request cannot be met: aim beyond the
/// missile's maximum range (the message gives the maximum), a burnout speed
/// too low, an apogee or angle out of reach, or when targeting does not
/// converge to request.miss_tolerance_m.
Trajectory solve_trajectory(const TrajectoryRequest& request, const earth::EarthModel& earth,
                            const earth::Us76Atmosphere& atmosphere);

/// Greatest ground range the missile reaches from `launch` on `azimuth_rad`
/// with full burn, over all pitch-over angles, and the flight achieving it.
struct MaxRange {
  double range_m;
  LaunchCommand command;
  FlightPath path;
};
MaxRange max_range(const MissileType& missile, const earth::Geodetic& launch, double azimuth_rad,
                   const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                   const FlightOptions& options = {});

/// Geodesic distance and forward azimuth on the model's ellipsoid (or sphere).
struct GroundArc {
  double distance_m;
  double azimuth_rad;  ///< at `from`, clockwise from north
};
GroundArc ground_arc(const earth::EarthModel& earth, const earth::Geodetic& from, const earth::Geodetic& to);

}  // namespace rampart::flight
