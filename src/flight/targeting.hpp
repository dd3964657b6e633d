#pragma once
#include "rampart/flight/trajectory.hpp"

namespace rampart::flight::detail {

/// Free flight (instantaneous burnout at the launch point) to request.aim.
Trajectory solve_free_flight(const TrajectoryRequest& request, const earth::EarthModel& earth,
                             const earth::Us76Atmosphere& atmosphere);

/// A catalog missile to request.aim.
Trajectory solve_missile(const TrajectoryRequest& request, const earth::EarthModel& earth,
                         const earth::Us76Atmosphere& atmosphere);

}  // namespace rampart::flight::detail
