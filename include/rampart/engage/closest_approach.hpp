#pragma once
// Closest approach of two objects inside one integration step, located
// between the step edges: from the relative position and velocity
// (optionally acceleration) at both ends, the relative position is modelled
// by a cubic (quintic) Hermite polynomial in time and its distance minimised
// on the step. Also the closed form for constant relative velocity.
// docs/models.md, "Homing guidance and intercept resolution".

#include "rampart/core/vector.hpp"

namespace rampart::engage {

/// Time of minimum separation (s from the start of the step, in
/// [0, step_s]) and the separation there (m).
struct ClosestApproach {
  double time_s = 0.0;
  double miss_distance_m = 0.0;
};

/// Straight-line relative motion r(t) = r0 + v t: t* = -r0.v/|v|^2 clamped
/// to [0, step_s] (t* = 0 if v = 0). Throws std::invalid_argument unless
/// step_s is finite and >= 0.
ClosestApproach closest_approach_linear(const Vec3& r0_m, const Vec3& v_mps, double step_s);

/// Cubic Hermite model of the relative position through (r0, v0) at t = 0 and
/// (r1, v1) at t = step_s (exact for relative motion of degree <= 3 in t);
/// the global minimum of the distance on [0, step_s], step edges included.
/// Throws std::invalid_argument unless step_s is finite and > 0.
ClosestApproach closest_approach_hermite(const Vec3& r0_m, const Vec3& v0_mps, const Vec3& r1_m,
                                         const Vec3& v1_mps, double step_s);

/// Quintic Hermite model adding the relative accelerations a0, a1 at the step
/// ends (exact for motion of degree <= 5 in t). Same range and throws.
ClosestApproach closest_approach_hermite(const Vec3& r0_m, const Vec3& v0_mps, const Vec3& a0_mps2,
                                         const Vec3& r1_m, const Vec3& v1_mps, const Vec3& a1_mps2,
                                         double step_s);

}  // namespace rampart::engage
