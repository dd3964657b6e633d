#pragma once
// Lambert's problem: the two-body arc from r1 to r2 in a given time.

#include <optional>

#include "rampart/core/vector.hpp"

namespace rampart::flight {

struct LambertSolution {
  Vec3 v1;  ///< velocity at r1, m/s
  Vec3 v2;  ///< velocity at r2, m/s
};

/// Izzo's algorithm (Izzo 2015, "Revisiting Lambert's problem", Celest.
/// Mech. Dyn. Astr. 121), zero revolutions. `prograde`: motion in the sense
/// of r1 x r2 having positive z (true) or the other way. nullopt when there
/// is no solution (non-positive time, r1 or r2 zero, r1 and r2 collinear, or
/// no convergence).
std::optional<LambertSolution> solve_lambert(const Vec3& r1, const Vec3& r2, double tof_s, double mu,
                                             bool prograde = true);

}  // namespace rampart::flight
