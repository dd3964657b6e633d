#pragma once
// 3-DOF point-mass equations of motion in ECI over the Earth model: gravity
// (point mass + J2), drag along the air-relative velocity (the atmosphere
// turns with the Earth), and thrust.

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/state.hpp"

namespace rampart::flight {

/// What drag needs to know of the body: Cd * A / m, m^2/kg (the inverse
/// ballistic coefficient). 0 for no drag.
struct DragBody {
  double cd_area_per_mass_m2pkg = 0.0;
};

/// dy/dt of [r_I; v_I] at time t_s for an unpowered body: gravity plus drag
/// (drag only when the Earth has an atmosphere). Altitude for density is the
/// height above the ellipsoid.
State6 ballistic_derivative(double t_s, const State6& y, const earth::EarthModel& earth,
                            const earth::Us76Atmosphere& atmosphere, const DragBody& body);

}  // namespace rampart::flight
