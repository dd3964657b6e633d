#pragma once
// Unpowered flight from a given inertial state to impact: gravity (point mass
// + J2) and drag on a body of given ballistic coefficient.

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/flight_path.hpp"
#include "rampart/flight/point_mass.hpp"

namespace rampart::flight {

/// Flies from `start` until the ground (altitude 0 above the ellipsoid) or
/// options.max_flight_time_s, filling path.apogee, path.reentry_100km,
/// path.impact, path.status and (from `samples`) path.samples. Events are
/// located by root-finding on the integrator's dense output.
void fly_ballistic(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                   const FlightPoint& start, const DragBody& body, const FlightOptions& options,
                   SampleRecorder& samples, FlightPath& path);

}  // namespace rampart::flight
