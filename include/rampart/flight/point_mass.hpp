#pragma once
// 3-DOF point-mass equations of motion in ECI over the Earth model: gravity
// (point mass + J2), drag along the air-relative velocity (the atmosphere
// turns with the Earth), and thrust.

#include "rampart/core/vector.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/state.hpp"

namespace rampart::flight {

/// What drag needs to know of the body: Cd * A / m, m^2/kg (the inverse
/// ballistic coefficient). 0 for no drag.
struct DragBody {
  double cd_area_per_mass_m2pkg = 0.0;
};

/// Drag acceleration in ECI of a body with Cd A / m = cd_area_per_mass_m2pkg
/// at r_I moving at v_I: -(rho/2) (CdA/m) |v_air| v_air, v_air = v_I - omega x r_I
/// (the atmosphere turns with the Earth). Zero without an atmosphere or above
/// its top; below the standard's -5 km floor the density is held there (trial
/// stages of the step that crosses the ground probe below it).
Vec3 drag_acceleration(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere, const Vec3& r_I,
                       const Vec3& v_I, double cd_area_per_mass_m2pkg);

/// dy/dt of [r_I; v_I] at time t_s for an unpowered body: gravity plus drag
/// (drag only when the Earth has an atmosphere). Altitude for density is the
/// height above the ellipsoid.
State6 ballistic_derivative(double t_s, const State6& y, const earth::EarthModel& earth,
                            const earth::Us76Atmosphere& atmosphere, const DragBody& body);

/// A point mass described at the edges of the program: geodetic position and
/// Earth-relative velocity in local North-East-Down axes, m/s.
struct GeodeticNedState {
  earth::Geodetic position;
  Vec3 v_ned_mps = Vec3::Zero();  ///< (north, east, down), relative to the Earth
};

/// [r_I; v_I] at t_s from a geodetic position and Earth-relative NED velocity
/// (the inertial velocity includes the Earth's rotation, omega x r).
State6 eci_state_from_geodetic_ned(const earth::EarthModel& earth, const GeodeticNedState& state,
                                   double t_s);

/// The inverse: geodetic position and Earth-relative NED velocity of [r_I; v_I]
/// at t_s (the ECEF velocity rotated into NED at the current position).
GeodeticNedState geodetic_ned_from_eci_state(const earth::EarthModel& earth, const State6& y, double t_s);

}  // namespace rampart::flight
