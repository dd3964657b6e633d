// Verification of closest approach inside a step: analytic relative motions
// whose minimum separation and its time are known in closed form, placed
// strictly inside the step so that the step edges are metres away from it.

#include "rampart/engage/closest_approach.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace rampart::engage {
namespace {

// Two interceptor-like objects crossing at right angles, 3 km/s and 2 km/s,
// built so that their relative position at t* = 13.7 ms is d n with n
// perpendicular to the relative velocity: the analytic minimum is (t*, d).
// Straight-line motion is a cubic (of degree 1), so the cubic Hermite is
// exact and the only error is round-off: 1 mm and 1 us are far above it.
TEST(ClosestApproach, CrossingGeometryFoundInsideTheStepByHermite) {
  const double h = 0.05;       // step, s
  const double t_star = 0.0137;
  const double d = 0.25;       // analytic miss, m
  const Vec3 v_A(3000.0, 0.0, 0.0);
  const Vec3 v_B(0.0, 2000.0, 0.0);
  const Vec3 v = v_B - v_A;                 // relative velocity of B wrt A
  const Vec3 n = v.cross(Vec3::UnitZ()).normalized();  // perpendicular to v
  const Vec3 r_star = d * n;
  const Vec3 r_A0(1000.0, -200.0, 50.0);
  const Vec3 r_B0 = r_A0 + r_star - v * t_star;
  const Vec3 r_A1 = r_A0 + v_A * h;
  const Vec3 r_B1 = r_B0 + v_B * h;

  const Vec3 r0 = r_B0 - r_A0;
  const Vec3 r1 = r_B1 - r_A1;
  // The edges are tens of metres off the minimum: the search is not trivial.
  ASSERT_GT(r0.norm(), 40.0);
  ASSERT_GT(r1.norm(), 100.0);

  const ClosestApproach ca = closest_approach_hermite(r0, v, r1, v, h);
  EXPECT_NEAR(ca.time_s, t_star, 1e-6);
  EXPECT_NEAR(ca.miss_distance_m, d, 1e-3);

  const ClosestApproach lin = closest_approach_linear(r0, v, h);
  EXPECT_NEAR(lin.time_s, t_star, 1e-9);
  EXPECT_NEAR(lin.miss_distance_m, d, 1e-6);
}

// Constant relative acceleration: r(s) = (V s, d + a s^2/2, 0), s = t - t0.
// d|r|^2/ds = 2 s (V^2 + a d + a^2 s^2 / 2) vanishes only at s = 0 when
// V^2 + a d > 0, so the minimum is (t0, d). A quadratic is reproduced
// exactly by the cubic Hermite: tolerance 1 mm / 1 us as above.
TEST(ClosestApproach, ConstantRelativeAccelerationCubicIsExact) {
  const double V = 3000.0, a = 50.0, d = 0.3, t0 = 0.0123, h = 0.02;
  const auto r = [&](double t) { const double s = t - t0; return Vec3(V * s, d + 0.5 * a * s * s, 0.0); };
  const auto v = [&](double t) { const double s = t - t0; return Vec3(V, a * s, 0.0); };
  const ClosestApproach ca = closest_approach_hermite(r(0.0), v(0.0), r(h), v(h), h);
  EXPECT_NEAR(ca.time_s, t0, 1e-6);
  EXPECT_NEAR(ca.miss_distance_m, d, 1e-3);
}

// Quartic relative motion r(s) = (V s, d + c s^4, 0): d|r|^2/ds =
// 2 s (V^2 + 4 c s^2 (d + c s^4)) > 0 for s > 0 (< 0 for s < 0), so the
// minimum is (t0, d). The quintic Hermite (with the accelerations
// (0, 12 c s^2, 0)) reproduces degree <= 5 exactly; the cubic one is off by
// c (s0 - 0)^2 (s1 - 0)^2 = ~9 cm at s = 0 (Hermite remainder
// f''''/4! (s - s0)^2 (s - s1)^2), which shows the accelerations matter.
TEST(ClosestApproach, QuarticMotionNeedsTheAccelerationsQuinticIsExact) {
  const double V = 3000.0, c = 1e7, d = 0.3, t0 = 0.0123, h = 0.02;
  const auto r = [&](double t) { const double s = t - t0; return Vec3(V * s, d + c * s * s * s * s, 0.0); };
  const auto v = [&](double t) { const double s = t - t0; return Vec3(V, 4.0 * c * s * s * s, 0.0); };
  const auto a = [&](double t) { const double s = t - t0; return Vec3(0.0, 12.0 * c * s * s, 0.0); };
  const ClosestApproach quintic = closest_approach_hermite(r(0.0), v(0.0), a(0.0), r(h), v(h), a(h), h);
  EXPECT_NEAR(quintic.time_s, t0, 1e-6);
  EXPECT_NEAR(quintic.miss_distance_m, d, 1e-3);

  const ClosestApproach cubic = closest_approach_hermite(r(0.0), v(0.0), r(h), v(h), h);
  const double remainder = c * t0 * t0 * (h - t0) * (h - t0);  // ~0.09 m
  EXPECT_GT(std::abs(cubic.miss_distance_m - d), 0.5 * remainder);
}

// Edges: opening at the start -> the start; closing all through the step ->
// the end; zero relative velocity -> the start; bad steps throw.
TEST(ClosestApproach, EdgesAndInvalidSteps) {
  const Vec3 r0(100.0, 5.0, 0.0);
  const Vec3 v_open(10.0, 0.0, 0.0);
  const double h = 0.1;
  const ClosestApproach open = closest_approach_hermite(r0, v_open, r0 + v_open * h, v_open, h);
  EXPECT_EQ(open.time_s, 0.0);
  EXPECT_NEAR(open.miss_distance_m, r0.norm(), 1e-9);

  const Vec3 v_close(-10.0, 0.0, 0.0);
  const ClosestApproach closing = closest_approach_hermite(r0, v_close, r0 + v_close * h, v_close, h);
  EXPECT_NEAR(closing.time_s, h, 1e-12);
  EXPECT_NEAR(closing.miss_distance_m, (r0 + v_close * h).norm(), 1e-9);
  EXPECT_NEAR(closest_approach_linear(r0, v_close, h).time_s, h, 1e-15);

  const ClosestApproach still = closest_approach_linear(r0, Vec3::Zero(), h);
  EXPECT_EQ(still.time_s, 0.0);
  EXPECT_EQ(still.miss_distance_m, r0.norm());

  EXPECT_THROW(closest_approach_hermite(r0, v_close, r0, v_close, 0.0), std::invalid_argument);
  EXPECT_THROW(closest_approach_hermite(r0, v_close, r0, v_close, std::nan("")), std::invalid_argument);
  EXPECT_THROW(closest_approach_linear(r0, v_close, -1.0), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
