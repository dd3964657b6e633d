#pragma once
// Powered flight of a ballistic missile and the rest of its flight: boost
// along the pitch program, thrust cut-off, reentry-vehicle separation, then
// unpowered flight to impact.

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/flight_path.hpp"
#include "rampart/flight/missile.hpp"

namespace rampart::flight {

/// The three numbers that steer one launch: the targeting solves for them.
struct LaunchCommand {
  double azimuth_rad;     ///< launch azimuth, clockwise from geodetic north at the site
  double kick_angle_rad;  ///< tilt from the local vertical held during the pitch-over
  double cutoff_time_s;   ///< thrust termination, at most MissileType::total_burn_time_s()
};

/// Flies `missile` from `launch_site` (t = 0 at lift-off, ECI = ECEF rotated
/// by the Earth model's epoch angle). Thrust along the local vertical for
/// the vertical rise, at kick_angle from it toward the azimuth for the
/// pitch-over, then along the Earth-relative velocity (gravity turn), stage
/// after stage until the cut-off; the reentry vehicle then separates and
/// flies with its ballistic coefficient.
FlightPath fly_missile(const MissileType& missile, const earth::EarthModel& earth,
                       const earth::Us76Atmosphere& atmosphere, const earth::Geodetic& launch_site,
                       const LaunchCommand& command, const FlightOptions& options = {});

}  // namespace rampart::flight
