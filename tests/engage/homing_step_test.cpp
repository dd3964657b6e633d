// The engagement run homes with a 20 ms RK4 step (src/sim/world.cpp,
// kHomingStepS). In an exo-atmospheric end game like the run's (a kill
// vehicle 10 s from a ballistic reentry vehicle, closing at 7 km/s, 5 g and
// 400 m/s of divert, PN with N' = 4, both under point-mass gravity) PN
// against a non-manoeuvring target nulls the miss in the continuous-time
// theory; the discrete steps must leave it far inside the 0.5 m lethal
// radius of the hit-to-kill interceptors, and as small as with a 1 ms step.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "rampart/engage/homing.hpp"
#include "rampart/flight/kepler.hpp"

namespace rampart::engage {
namespace {

constexpr double kMu = 3.986004418e14;

Vec3 gravity(const Vec3& r) { return -kMu / (r.norm() * r.norm() * r.norm()) * r; }

HomingResult home(double step_s, double heading_error_rad) {
  // The target: 400 km up, falling at 3 km/s on a ballistic arc (Kepler).
  const Vec3 r_T0(6778e3, 0.0, 0.0);
  const Vec3 v_T0(-800.0, 2900.0, 300.0);
  const TargetMotion target = [r_T0, v_T0](double t) {
    const flight::KeplerState s = flight::propagate_kepler(r_T0, v_T0, t, kMu);
    return TargetState{s.r, s.v, gravity(s.r)};
  };
  // The kill vehicle: 10 s before a head-on collision at 4 km/s (70 km of
  // closing), put on that collision course by flying the target's position
  // at t = 10 s back along a straight line, then turned off it.
  const double t_go = 10.0;
  const flight::KeplerState at_hit = flight::propagate_kepler(r_T0, v_T0, t_go, kMu);
  const Vec3 v_M = -4000.0 * at_hit.v.normalized();
  const Vec3 axis = v_T0.cross(r_T0).normalized();
  const Vec3 v_M_off = std::cos(heading_error_rad) * v_M + std::sin(heading_error_rad) * axis.cross(v_M);
  const PursuerState pursuer{at_hit.r - v_M * t_go, v_M_off};

  KillVehicleLimits limits;
  limits.max_lateral_accel_mps2 = 5.0 * 9.80665;
  limits.divert_delta_v_mps = 400.0;
  HomingOptions options;
  options.step_s = step_s;
  options.max_time_s = 12.0;
  options.record_history = false;
  options.gravity = gravity;
  const HomingSimulator simulator(make_guidance_law("pn", 4.0), limits, options);
  return simulator.run(pursuer, target, 0.0);
}

TEST(HomingStep, TwentyMillisecondsStillHitsInTheRunsEndGame) {
  for (const double heading_error : {0.0, 2e-3, 1e-2}) {
    const HomingResult coarse = home(0.02, heading_error);
    const HomingResult fine = home(0.001, heading_error);
    EXPECT_EQ(coarse.status, HomingStatus::kClosestApproach);
    EXPECT_LT(coarse.miss_distance_m, 0.05) << heading_error;
    EXPECT_LT(fine.miss_distance_m, 0.05) << heading_error;
    EXPECT_NEAR(coarse.time_of_closest_approach_s, fine.time_of_closest_approach_s, 1e-3) << heading_error;
    EXPECT_NEAR(coarse.delta_v_used_mps, fine.delta_v_used_mps, 0.02 * fine.delta_v_used_mps + 0.1)
        << heading_error;
  }
}

}  // namespace
}  // namespace rampart::engage
