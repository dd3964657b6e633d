#pragma once
// Two-body motion.

#include "rampart/core/vector.hpp"

namespace rampart::flight {

struct KeplerState {
  Vec3 r;  ///< m, inertial
  Vec3 v;  ///< m/s, inertial
};

/// Propagates a two-body state by dt_s (either sign) with universal
/// variables and Stumpff functions (Vallado, Fundamentals of Astrodynamics,
/// 4th ed., Alg. 8; Curtis, Orbital Mechanics, 3.7). Elliptic, parabolic
/// and hyperbolic orbits. mu in m^3/s^2.
KeplerState propagate_kepler(const Vec3& r0, const Vec3& v0, double dt_s, double mu);

/// Specific orbital energy v^2/2 - mu/r, J/kg.
double specific_energy(const Vec3& r, const Vec3& v, double mu);

}  // namespace rampart::flight
