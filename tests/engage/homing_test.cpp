// Verification of the homing engagement simulator against Zarchan's
// closed-form solutions of the linearised planar engagement with zero lag
// (P. Zarchan, Tactical and Strategic Missile Guidance, 6th ed., ch. 2 and
// 8). With y the target-minus-pursuer lateral offset, y'' = n_T - n_c and
// the true zero-effort miss Z = y + y' t_go + n_T t_go^2/2 obeys
// dZ/dt = -n_c t_go. Solving that ODE for each law gives:
//   heading error HE, PN/ZEM:  n_c = -V_M HE N'/t_F (1 - t/t_F)^(N'-2)
//   target step n_T, PN:       n_c = n_T N'/(N'-2) (1 - (1 - t/t_F)^(N'-2))
//   target step n_T, APN/ZEM:  n_c = n_T N'/2 (1 - t/t_F)^(N'-2)
// and for the heading error a total delta-V of V_M HE N'/(N'-1).
// The simulator is fully nonlinear and 3-D; the geometry (head-on, heading
// errors of 0.02 rad, LOS turning by < 0.02 rad) keeps the neglected terms
// at the 1e-3 level, below the 2% tolerance of the brief. The comparison
// runs over 5%..90% of the flight, where the closed form is valid and not
// dominated by its zero.

#include "rampart/engage/homing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

namespace rampart::engage {
namespace {

// Head-on geometry: pursuer at the origin flying +x at V_M, target 15 km
// down range flying -x at V_T; V_c = V_M cos HE + V_T and t_F = R0 / V_c
// (3 s at HE = 0).
constexpr double kVm = 3000.0;
constexpr double kVt = 2000.0;
constexpr double kR0 = 15000.0;

struct HeadOn {
  PursuerState pursuer;
  TargetMotion target;
  double t_F;
};

HeadOn head_on(double heading_error_rad, double target_accel_y_mps2) {
  HeadOn g;
  g.pursuer.v_I = kVm * Vec3(std::cos(heading_error_rad), std::sin(heading_error_rad), 0.0);
  g.target = constant_acceleration_target(Vec3(kR0, 0.0, 0.0), Vec3(-kVt, 0.0, 0.0),
                                          Vec3(0.0, target_accel_y_mps2, 0.0));
  g.t_F = kR0 / (kVm * std::cos(heading_error_rad) + kVt);
  return g;
}

HomingResult fly(const std::string& law, double N, const HeadOn& g, KillVehicleLimits limits = {}) {
  const HomingSimulator sim(make_guidance_law(law, N), limits, HomingOptions{});
  return sim.run(g.pursuer, g.target);
}

// Largest relative deviation of the commanded y acceleration from `truth`
// over 5%..90% of t_F.
template <class Truth>
double worst_relative_error(const HomingResult& r, double t_F, const Truth& truth) {
  double worst = 0.0;
  int compared = 0;
  for (const CommandSample& s : r.history) {
    if (s.t_s < 0.05 * t_F || s.t_s > 0.90 * t_F) continue;
    const double expected = truth(s.t_s);
    worst = std::max(worst, std::abs(s.a_command_I.y() - expected) / std::abs(expected));
    ++compared;
  }
  EXPECT_GT(compared, 2000);
  return worst;
}

// PN against a non-manoeuvring target with no lag, in a fully 3-D geometry
// off the collision course (about 6 degrees of heading error): the brief's
// miss bound of 1 m (zero in the linear theory; the residual is the
// integration and closest-approach resolution).
TEST(Homing, PnHitsANonManoeuvringTargetIn3d) {
  const PursuerState pursuer{Vec3::Zero(), Vec3(2500.0, 800.0, 600.0)};
  const TargetMotion target =
      constant_acceleration_target(Vec3(20000.0, 5000.0, 8000.0), Vec3(-1500.0, 300.0, -400.0), Vec3::Zero());
  for (const double N : {3.0, 4.0, 5.0}) {
    const HomingSimulator sim(std::make_shared<ProportionalNavigation>(N), {}, HomingOptions{});
    const HomingResult r = sim.run(pursuer, target);
    EXPECT_EQ(r.status, HomingStatus::kClosestApproach);
    EXPECT_LT(r.miss_distance_m, 1.0) << "N' = " << N;
    EXPECT_GT(r.time_of_closest_approach_s, 4.0);
  }
}

// The heading-error response of PN and ZEM (identical in the linear theory)
// against Zarchan's closed form, within 2%; flight time within 0.1% of
// R0/V_c; the total delta-V within 2% of V_M HE N'/(N'-1); miss < 1 m.
TEST(Homing, HeadingErrorCommandFollowsZarchanClosedForm) {
  const double HE = 0.02;
  const HeadOn g = head_on(HE, 0.0);
  for (const char* law : {"pn", "zem"}) {
    for (const double N : {3.0, 4.0, 5.0}) {
      const HomingResult r = fly(law, N, g);
      SCOPED_TRACE(std::string(law) + " N'=" + std::to_string(N));
      EXPECT_LT(r.miss_distance_m, 1.0);
      EXPECT_NEAR(r.time_of_closest_approach_s, g.t_F, 1e-3 * g.t_F);
      const double worst = worst_relative_error(r, g.t_F, [&](double t) {
        return -kVm * HE * N / g.t_F * std::pow(1.0 - t / g.t_F, N - 2.0);
      });
      EXPECT_LT(worst, 0.02);
      EXPECT_NEAR(r.delta_v_used_mps, kVm * HE * N / (N - 1.0), 0.02 * kVm * HE * N / (N - 1.0));
    }
  }
}

// A constant 3 g target manoeuvre across the LOS from t = 0: PN's command
// grows toward N'/(N'-2) n_T while APN's and ZEM's start at N'/2 n_T and
// decay to zero (they cancel the manoeuvre up front); each within 2% of its
// closed form, all hitting (< 1 m) when unconstrained. The nonlinear
// deviation grows with n_T (the LOS turns by the target's lateral
// displacement) and is largest relative to the small late values of APN at
// N' = 5 (about 1% at 3 g, 1.7% at 5 g).
TEST(Homing, TargetManoeuvreResponsesOfPnApnZem) {
  const double nT = 30.0;
  const HeadOn g = head_on(0.0, nT);
  for (const double N : {3.0, 4.0, 5.0}) {
    SCOPED_TRACE("N'=" + std::to_string(N));
    const HomingResult pn = fly("pn", N, g);
    EXPECT_LT(pn.miss_distance_m, 1.0);
    EXPECT_LT(worst_relative_error(pn, g.t_F, [&](double t) {
      return nT * N / (N - 2.0) * (1.0 - std::pow(1.0 - t / g.t_F, N - 2.0));
    }), 0.02);
    for (const char* law : {"apn", "zem"}) {
      const HomingResult r = fly(law, N, g);
      SCOPED_TRACE(law);
      EXPECT_LT(r.miss_distance_m, 1.0);
      EXPECT_LT(worst_relative_error(r, g.t_F, [&](double t) {
        return nT * N / 2.0 * std::pow(1.0 - t / g.t_F, N - 2.0);
      }), 0.02);
    }
  }
}

// The consequence under saturation (N' = 3, limit 2 n_T): PN needs up to
// 3 n_T near the end, saturates and misses; APN needs at most 1.5 n_T (at
// the start), never saturates and hits. Asserted: APN peak within 2% of
// N'/2 n_T and miss < 1 m; PN reaches the limit and misses by > 1 m and by
// more than ten times APN.
TEST(Homing, ApnCancelsAManoeuvreThatSaturatedPnMisses) {
  const double nT = 50.0, N = 3.0;
  const HeadOn g = head_on(0.0, nT);
  KillVehicleLimits limits;
  limits.max_lateral_accel_mps2 = 2.0 * nT;
  const HomingResult pn = fly("pn", N, g, limits);
  const HomingResult apn = fly("apn", N, g, limits);
  const auto peak = [](const HomingResult& r) {
    double p = 0.0;
    for (const CommandSample& s : r.history) p = std::max(p, s.a_command_I.norm());
    return p;
  };
  EXPECT_NEAR(peak(apn), N / 2.0 * nT, 0.02 * N / 2.0 * nT);
  EXPECT_LT(apn.miss_distance_m, 1.0);
  EXPECT_NEAR(peak(pn), 2.0 * nT, 1e-9);
  EXPECT_GT(pn.miss_distance_m, 1.0);
  EXPECT_GT(pn.miss_distance_m, 10.0 * apn.miss_distance_m);
}

// A heading error too large for the acceleration limit: the most lateral
// correction a_max can make in t_F is a_max t_F^2 / 2, against an offset of
// V_M HE t_F to remove, so (linearised) miss >= V_M HE t_F - a_max t_F^2/2.
// Asserted with a 2% allowance for the linearisation; the same heading
// error with a limit above PN's peak demand V_M HE N'/t_F hits.
TEST(Homing, AccelerationLimitTooLowForTheHeadingErrorMisses) {
  const double HE = 0.05, N = 4.0;
  const HeadOn g = head_on(HE, 0.0);
  const double offset = kVm * HE * g.t_F;
  KillVehicleLimits weak;
  weak.max_lateral_accel_mps2 = 50.0;
  const HomingResult r = fly("pn", N, g, weak);
  const double bound = offset - 0.5 * weak.max_lateral_accel_mps2 * g.t_F * g.t_F;
  ASSERT_GT(bound, 100.0);
  EXPECT_GT(r.miss_distance_m, 0.98 * bound);
  for (const CommandSample& s : r.history) EXPECT_LE(s.a_command_I.norm(), 50.0 + 1e-9);

  KillVehicleLimits ample;
  ample.max_lateral_accel_mps2 = 1.25 * kVm * HE * N / g.t_F;
  EXPECT_LT(fly("pn", N, g, ample).miss_distance_m, 1.0);
}

// Divert budget B below the lateral velocity to remove, V_M HE: the lateral
// offset removed is integral (t_F - t) a(t) dt <= B t_F, so
// miss >= (V_M HE - B) t_F (2% allowance for the linearisation). The budget
// is spent (used within one step's worth, a h, of B) and the achieved
// acceleration is zero afterwards.
TEST(Homing, SpentDivertBudgetStopsManoeuvringAndMisses) {
  const double HE = 0.02, N = 4.0;
  const HeadOn g = head_on(HE, 0.0);
  KillVehicleLimits limits;
  limits.divert_delta_v_mps = 30.0;  // V_M HE = 60 m/s; PN would use 80
  const HomingResult r = fly("pn", N, g, limits);
  EXPECT_GE(r.delta_v_used_mps, 30.0);
  EXPECT_LT(r.delta_v_used_mps, 30.0 + 100.0 * 1e-3);  // |a| < 100 m/s^2, h = 1 ms
  EXPECT_GT(r.miss_distance_m, 0.98 * (kVm * HE - 30.0) * g.t_F);
  // Linear theory spends 30 of PN's 80 m/s by t = 0.145 t_F; at mid-flight
  // the vehicle coasts although the law still commands a turn.
  const auto mid = std::find_if(r.history.begin(), r.history.end(),
                                [&](const CommandSample& s) { return s.t_s >= 0.5 * g.t_F; });
  ASSERT_NE(mid, r.history.end());
  EXPECT_EQ(mid->a_achieved_I, Vec3::Zero());
  EXPECT_GT(mid->a_command_I.norm(), 1.0);
}

// With a first-order lag much shorter than the flight (tau = 0.1 s,
// t_F/tau = 30) the heading-error miss of PN is negligible (Zarchan ch. 3:
// the adjoint heading-error miss vanishes for t_F/tau beyond ~10 at N' = 4);
// the achieved acceleration lags the command: it starts at zero.
TEST(Homing, ShortLagStillHitsAndAchievedStartsAtZero) {
  const HeadOn g = head_on(0.02, 0.0);
  KillVehicleLimits limits;
  limits.lag_time_constant_s = 0.1;
  const HomingResult r = fly("pn", 4.0, g, limits);
  EXPECT_LT(r.miss_distance_m, 1.0);
  ASSERT_GT(r.history.size(), 100u);
  EXPECT_EQ(r.history.front().a_achieved_I, Vec3::Zero());
  EXPECT_GT(r.history.front().a_command_I.norm(), 10.0);
}

// Already opening at the start (t0 = 2 s): closest approach is the start; a limit of
// 0.1 s while closing: time limit. Bad parameters throw at construction.
TEST(Homing, EdgesAndValidation) {
  const auto law = std::make_shared<ProportionalNavigation>(3.0);
  const HomingSimulator sim(law, {}, HomingOptions{});
  const PursuerState pursuer{Vec3::Zero(), Vec3(-100.0, 0.0, 0.0)};
  const TargetMotion away = constant_acceleration_target(Vec3(1000.0, 0.0, 0.0), Vec3(50.0, 0.0, 0.0), Vec3::Zero());
  const HomingResult opening = sim.run(pursuer, away, 2.0);
  EXPECT_EQ(opening.status, HomingStatus::kClosestApproach);
  EXPECT_EQ(opening.time_of_closest_approach_s, 2.0);
  EXPECT_EQ(opening.miss_distance_m, 1100.0);  // the target has flown 2 s at 50 m/s

  HomingOptions short_run;
  short_run.max_time_s = 0.1;
  const HeadOn g = head_on(0.0, 0.0);
  const HomingResult limited = HomingSimulator(law, {}, short_run).run(g.pursuer, g.target);
  EXPECT_EQ(limited.status, HomingStatus::kTimeLimit);
  EXPECT_NEAR(limited.miss_distance_m, kR0 - 0.1 * (kVm + kVt), 1e-6);

  HomingOptions bad_step;
  bad_step.step_s = 0.0;
  EXPECT_THROW(HomingSimulator(law, {}, bad_step), std::invalid_argument);
  EXPECT_THROW(HomingSimulator(nullptr, {}, HomingOptions{}), std::invalid_argument);
  KillVehicleLimits bad;
  bad.lag_time_constant_s = -1.0;
  EXPECT_THROW(HomingSimulator(law, bad, HomingOptions{}), std::invalid_argument);
  bad = {};
  bad.divert_delta_v_mps = std::nan("");
  EXPECT_THROW(HomingSimulator(law, bad, HomingOptions{}), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
