// Interceptor flyout and intercept: the launch arc reaches the predicted
// intercept point (checked by integrating the two-body equations here, not
// by the code's Kepler propagation), a midcourse re-aim costs the velocity
// change of an independent Lambert solution, the end game hits a target
// that coasts through the PIP and removes an offset within its divert and
// acceleration limits (or misses by at least what those limits cannot
// remove), and the kill draws follow the single-shot kill probability.

#include "rampart/engage/interceptor_flight.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "rampart/core/constants.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/lambert.hpp"
#include "rampart/io/interceptor_catalog.hpp"

namespace rampart::engage {
namespace {

constexpr double kLaunch_s = 100.0;
constexpr double kIntercept_s = 300.0;

InterceptorType sm3_ib_type() {
  const auto catalog = io::load_interceptor_catalog(io::default_interceptor_catalog_path());
  return io::find_interceptor(catalog, "sm3-ib", {});
}

/// A site near Deveselu and a PIP 250 km up, about 300 km to the north-east,
/// with a threat descending through it from the north-east at 3.5 km/s.
struct Geometry {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  Vec3 site_E;
  Vec3 pip_I;
  Vec3 v_target_I;
  Vec3 east_at_pip_I;
  Geometry() {
    const double deg = constants::kDegToRad;
    site_E = earth.ecef_from_geodetic({44.08 * deg, 24.35 * deg, 0.0});
    const earth::Geodetic pip{46.0 * deg, 27.0 * deg, 250e3};
    const Vec3 pip_E = earth.ecef_from_geodetic(pip);
    pip_I = earth.eci_from_ecef(pip_E, kIntercept_s);
    const Mat3 R_EL = earth.R_EL(pip);
    const Vec3 v_E = R_EL * Vec3(-2500.0, -2000.0, -1200.0);
    v_target_I = earth.eci_velocity_from_ecef(pip_E, v_E, kIntercept_s);
    east_at_pip_I = earth.R_EI(kIntercept_s).transpose() * R_EL.col(0);
  }
  double mu() const { return earth.gm(); }
  /// A target coasting on the two-body arc through `point_I` at the planned intercept.
  TargetMotion target_through(const Vec3& point_I) const {
    const double mu_m3ps2 = mu();
    const Vec3 v_I = v_target_I;
    return [point_I, v_I, mu_m3ps2](double t_s) {
      const flight::KeplerState s = flight::propagate_kepler(point_I, v_I, t_s - kIntercept_s, mu_m3ps2);
      return TargetState{s.r, s.v, -mu_m3ps2 / std::pow(s.r.norm(), 3) * s.r};
    };
  }
};

/// Fixed-step RK4 of r'' = -mu r / |r|^3, independent of propagate_kepler.
Vec3 integrate_two_body(Vec3 r, Vec3 v, double duration_s, double mu) {
  const int n = 4000;
  const double h = duration_s / n;
  const auto acc = [mu](const Vec3& x) { return Vec3(-mu / std::pow(x.norm(), 3) * x); };
  for (int i = 0; i < n; ++i) {
    const Vec3 k1r = v, k1v = acc(r);
    const Vec3 k2r = v + 0.5 * h * k1v, k2v = acc(r + 0.5 * h * k1r);
    const Vec3 k3r = v + 0.5 * h * k2v, k3v = acc(r + 0.5 * h * k2r);
    const Vec3 k4r = v + h * k3v, k4v = acc(r + h * k3r);
    r += h / 6.0 * (k1r + 2.0 * k2r + 2.0 * k3r + k4r);
    v += h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
  }
  return r;
}

/// The arc's velocity at r1 in the sense of motion of angular momentum h.
Vec3 lambert_v1(const Vec3& r1, const Vec3& r2, double tof_s, double mu, bool prograde) {
  const auto arc = flight::solve_lambert(r1, r2, tof_s, mu, prograde);
  EXPECT_TRUE(arc.has_value());
  return arc ? arc->v1 : Vec3::Zero();
}

/// Unit vector perpendicular to the relative velocity at the PIP (so an
/// offset along it is a miss, not a timing error).
Vec3 cross_track_unit(const Geometry& g, const InterceptorFlight& flight) {
  const Vec3 v_rel = g.v_target_I - flight.state_at(kIntercept_s).v_I;
  return v_rel.cross(g.east_at_pip_I).normalized();
}

TEST(InterceptorFlight, LaunchArcPassesThroughSiteAtLaunchAndPipAtIntercept) {
  const Geometry g;
  const Interceptor interceptor(sm3_ib_type());
  const auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  const PursuerState s0 = flight->state_at(kLaunch_s);
  EXPECT_LT((s0.r_I - g.earth.eci_from_ecef(g.site_E, kLaunch_s)).norm(), 1.0);
  const Vec3 r_end = integrate_two_body(s0.r_I, s0.v_I, kIntercept_s - kLaunch_s, g.mu());
  EXPECT_LT((r_end - g.pip_I).norm(), 1.0);
  EXPECT_LT((flight->state_at(kIntercept_s).r_I - g.pip_I).norm(), 1.0);
  EXPECT_DOUBLE_EQ(flight->divert_left_mps(), interceptor.type().kill_vehicle.divert_delta_v_mps);
}

TEST(InterceptorFlight, LaunchIsRefusedAboveElevenTenthsOfTheBurnoutSpeed) {
  const Geometry g;
  // The Earth-relative launch speed the arc needs, solved here.
  const Vec3 site_I = g.earth.eci_from_ecef(g.site_E, kLaunch_s);
  const Vec3 site_v_I = g.earth.omega_I().cross(site_I);
  const double tof_s = kIntercept_s - kLaunch_s;
  const double needed_mps = std::min((lambert_v1(site_I, g.pip_I, tof_s, g.mu(), true) - site_v_I).norm(),
                                     (lambert_v1(site_I, g.pip_I, tof_s, g.mu(), false) - site_v_I).norm());
  InterceptorType type = sm3_ib_type();
  type.published_burnout_speed_mps = needed_mps / 1.1 * 0.999;
  const Interceptor too_slow(type);
  EXPECT_FALSE(InterceptorFlight::launch(too_slow, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s));
  type.published_burnout_speed_mps = needed_mps / 1.1 * 1.001;
  const Interceptor just_enough(type);
  EXPECT_TRUE(InterceptorFlight::launch(just_enough, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s));
  // 300 km in 20 s is far beyond any interceptor.
  const Interceptor sm3(sm3_ib_type());
  EXPECT_FALSE(InterceptorFlight::launch(sm3, g.earth, g.site_E, kIntercept_s - 20.0, g.pip_I, kIntercept_s));
  EXPECT_FALSE(InterceptorFlight::launch(sm3, g.earth, g.site_E, kIntercept_s, g.pip_I, kIntercept_s));
}

TEST(InterceptorFlight, RetargetChargesTheLambertVelocityChangeAndRefusesBeyondTheBudget) {
  const Geometry g;
  const Interceptor interceptor(sm3_ib_type());
  auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  const double budget_mps = interceptor.type().kill_vehicle.divert_delta_v_mps;

  // Independent: the launch arc by our own Lambert call, propagated to t.
  const double t_s = 200.0;
  const Vec3 site_I = g.earth.eci_from_ecef(g.site_E, kLaunch_s);
  const Vec3 v_launch = lambert_v1(site_I, g.pip_I, kIntercept_s - kLaunch_s, g.mu(),
                                   site_I.cross(g.pip_I).z() >= 0.0);
  const flight::KeplerState now = flight::propagate_kepler(site_I, v_launch, t_s - kLaunch_s, g.mu());
  const bool prograde = now.r.cross(now.v).z() >= 0.0;

  const Vec3 new_pip_I = g.pip_I + 5e3 * g.east_at_pip_I;
  const Vec3 v_new = lambert_v1(now.r, new_pip_I, kIntercept_s - t_s, g.mu(), prograde);
  const double dv_mps = (v_new - now.v).norm();
  ASSERT_LT(dv_mps, budget_mps);
  ASSERT_TRUE(flight->retarget(t_s, new_pip_I, kIntercept_s));
  EXPECT_NEAR(flight->divert_left_mps(), budget_mps - dv_mps, 1e-3);
  EXPECT_LT((flight->state_at(kIntercept_s).r_I - new_pip_I).norm(), 1.0);
  EXPECT_LT((integrate_two_body(now.r, v_new, kIntercept_s - t_s, g.mu()) - new_pip_I).norm(), 1.0);

  // 200 km in the last 50 s needs about 4 km/s: refused, course and budget kept.
  const double left_mps = flight->divert_left_mps();
  EXPECT_FALSE(flight->retarget(250.0, new_pip_I + 200e3 * g.east_at_pip_I, kIntercept_s));
  EXPECT_DOUBLE_EQ(flight->divert_left_mps(), left_mps);
  EXPECT_LT((flight->state_at(kIntercept_s).r_I - new_pip_I).norm(), 1.0);
  EXPECT_EQ(flight->planned_intercept_point_I(), new_pip_I);
  // Outside (launch, intercept): refused.
  EXPECT_FALSE(flight->retarget(kLaunch_s, new_pip_I, kIntercept_s));
  EXPECT_FALSE(flight->retarget(kIntercept_s, new_pip_I, kIntercept_s));
}

TEST(InterceptorFlight, TargetCoastingThroughThePipIsHit) {
  const Geometry g;
  const Interceptor interceptor(sm3_ib_type());
  const auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  RandomStream rng(7, 1);
  const InterceptResult r = flight->end_game(g.target_through(g.pip_I), EndGameOptions{}, rng);
  EXPECT_LT(r.miss_distance_m, interceptor.type().kill_vehicle.lethal_radius_m);
  EXPECT_TRUE(r.within_lethal_radius);
  EXPECT_NEAR(r.time_s, kIntercept_s, 1e-3);
  EXPECT_LT((r.r_I - g.pip_I).norm(), 1.0);
  // On a collision course only the differential gravity between target and
  // kill vehicle (gradient ~ 2 mu / r^3 = 3e-6 s^-2 times a range of at most
  // 75 km: < 0.25 m/s^2, over 15 s) bends the line of sight: a few m/s at most.
  EXPECT_LT(r.divert_used_mps, 5.0);
}

TEST(InterceptorFlight, HomingRemovesATwoKilometreOffsetOnlyWithDivertBudget) {
  const Geometry g;
  InterceptorType type = sm3_ib_type();
  const Interceptor full(type);
  const auto flight = InterceptorFlight::launch(full, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  const Vec3 offset_I = 2e3 * cross_track_unit(g, *flight);
  const TargetMotion target = g.target_through(g.pip_I + offset_I);

  // PN against a 2 km miss with 15 s to go needs N'/(N'-1) * 2 km / 15 s =
  // 178 m/s (Zarchan ch. 2) and 4 * 2 km / 15^2 s^2 = 36 m/s^2 at most:
  // within 400 m/s and 5 g.
  RandomStream rng(7, 2);
  const InterceptResult hit = flight->end_game(target, EndGameOptions{}, rng);
  EXPECT_LT(hit.miss_distance_m, 1.0);
  EXPECT_GT(hit.divert_used_mps, 150.0);
  EXPECT_LT(hit.divert_used_mps, type.kill_vehicle.divert_delta_v_mps + 5.0 * 9.81 * 5e-3);

  // A 1 m/s budget cannot move the kill vehicle more than 1 m/s * 15 s.
  type.kill_vehicle.divert_delta_v_mps = 1.0;
  type.validate();
  const Interceptor starved(type);
  const auto flight2 = InterceptorFlight::launch(starved, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight2.has_value());
  const InterceptResult miss = flight2->end_game(target, EndGameOptions{}, rng);
  EXPECT_GT(miss.miss_distance_m, 2e3 - 20.0);
  EXPECT_FALSE(miss.within_lethal_radius);
  EXPECT_FALSE(miss.kill);
}

TEST(InterceptorFlight, HomingStartsOnlyWhenTheSeekerAcquires) {
  const Geometry g;
  InterceptorType type = sm3_ib_type();
  type.kill_vehicle.seeker_acquisition_range_m = 20e3;
  type.validate();
  const Interceptor interceptor(type);
  const auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  const Vec3 offset_I = 2e3 * cross_track_unit(g, *flight);
  RandomStream rng(7, 3);
  const InterceptResult r = flight->end_game(g.target_through(g.pip_I + offset_I), EndGameOptions{}, rng);
  // Acquisition at 20 km leaves tau = sqrt(20^2 - 2^2) km / |v_rel| to go;
  // at most a_max tau^2 / 2 of the 2 km can then be removed (with 15 s of
  // homing it would all be removed, previous test).
  const double v_rel_mps = (g.v_target_I - flight->state_at(kIntercept_s).v_I).norm();
  const double tau_s = std::sqrt(20e3 * 20e3 - 2e3 * 2e3) / v_rel_mps;
  const double a_max = type.kill_vehicle.max_lateral_acceleration_mps2;
  const double correctable_m = 0.5 * a_max * tau_s * tau_s;
  ASSERT_LT(correctable_m, 1.5e3);
  EXPECT_GT(r.miss_distance_m, 2e3 - correctable_m - 1.0);
  // ... and saturated guidance removes nearly that much (it started at acquisition, not later).
  EXPECT_LT(r.miss_distance_m, 2e3 - 0.8 * correctable_m);
}

TEST(InterceptorFlight, KillFractionOfHitsMatchesTheSingleShotKillProbability) {
  const Geometry g;
  const Interceptor interceptor(sm3_ib_type());
  const auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  const TargetMotion target = g.target_through(g.pip_I);
  EndGameOptions options;
  options.max_homing_time_s = 0.5;  // on a collision course: a short end game is enough, and cheap
  const int n = 2000;
  int kills = 0;
  for (int i = 0; i < n; ++i) {
    RandomStream rng(2026, static_cast<std::uint64_t>(i));
    const InterceptResult r = flight->end_game(target, options, rng);
    ASSERT_TRUE(r.within_lethal_radius);
    kills += r.kill ? 1 : 0;
  }
  const double p = interceptor.type().kill_vehicle.single_shot_kill_probability;
  const double sigma = std::sqrt(p * (1.0 - p) / n);
  EXPECT_NEAR(static_cast<double>(kills) / n, p, 4.0 * sigma);
}

TEST(InterceptorFlight, EndGameDrawsExactlyOneNumberWhetherOrNotItHits) {
  const Geometry g;
  const Interceptor interceptor(sm3_ib_type());
  const auto flight = InterceptorFlight::launch(interceptor, g.earth, g.site_E, kLaunch_s, g.pip_I, kIntercept_s);
  ASSERT_TRUE(flight.has_value());
  EndGameOptions options;
  options.max_homing_time_s = 0.5;
  const Vec3 offset_I = 2e3 * cross_track_unit(g, *flight);
  for (const Vec3& through : {g.pip_I, Vec3(g.pip_I + offset_I)}) {
    RandomStream used(99, 5);
    RandomStream reference(99, 5);
    const InterceptResult r = flight->end_game(g.target_through(through), options, used);
    EXPECT_EQ(r.within_lethal_radius, through == g.pip_I);
    reference.uniform();
    EXPECT_EQ(used.next_u64(), reference.next_u64());
    if (!r.within_lethal_radius) {
      EXPECT_FALSE(r.kill);
    }
  }
}

}  // namespace
}  // namespace rampart::engage
