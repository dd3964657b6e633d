// Unit checks of the guidance laws against hand-computed commands: the
// planar PN form n_c = N' V_c lambda_dot, APN's N'/2 a_T,perp term, ZEM's
// relation to PN for straight-line relative motion, perpendicularity to the
// line of sight, the opening/zero-range edges, saturation and validation.

#include "rampart/engage/guidance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "rampart/core/random.hpp"

namespace rampart::engage {
namespace {

// Planar case worked by hand: r = (1000, 0, 0) m, v = (-300, 30, 0) m/s.
// V_c = 300 m/s, lambda_dot = (x v_y - y v_x)/R^2 = 0.03 rad/s, so
// n_c = N' V_c lambda_dot = 9 N' m/s^2 along +y (toward the LOS rotation).
// Tolerance: a few ulps of the 36 m/s^2 result.
TEST(Guidance, PnMatchesThePlanarTextbookForm) {
  const RelativeState rel{Vec3(1000.0, 0.0, 0.0), Vec3(-300.0, 30.0, 0.0)};
  EXPECT_DOUBLE_EQ(closing_velocity_mps(rel), 300.0);
  EXPECT_NEAR(los_rate_radps(rel).z(), 0.03, 1e-15);
  EXPECT_NEAR(time_to_go_s(rel), 300.0 * 1000.0 / (300.0 * 300.0 + 30.0 * 30.0), 1e-12);
  const ProportionalNavigation pn(4.0);
  const Vec3 a = pn.acceleration_command(rel, Vec3(0.0, 50.0, 0.0));  // PN ignores a_T
  EXPECT_NEAR(a.x(), 0.0, 1e-12);
  EXPECT_NEAR(a.y(), 36.0, 1e-12);
  EXPECT_NEAR(a.z(), 0.0, 1e-12);
}

// APN = PN + N'/2 a_T,perp: a target acceleration along the LOS adds
// nothing; across the LOS it adds N'/2 of itself (Zarchan ch. 8).
TEST(Guidance, ApnAddsHalfNTimesPerpendicularTargetAcceleration) {
  const RelativeState rel{Vec3(1000.0, 0.0, 0.0), Vec3(-300.0, 30.0, 0.0)};
  const AugmentedProportionalNavigation apn(4.0);
  const Vec3 along = apn.acceleration_command(rel, Vec3(70.0, 0.0, 0.0));
  EXPECT_NEAR((along - Vec3(0.0, 36.0, 0.0)).norm(), 0.0, 1e-12);
  const Vec3 across = apn.acceleration_command(rel, Vec3(70.0, 0.0, -10.0));
  EXPECT_NEAR((across - Vec3(0.0, 36.0, -20.0)).norm(), 0.0, 1e-12);
}

// For straight-line relative motion, ZEM_perp = v_perp t_go, so
// a_ZEM = N' v_perp / t_go while a_PN = N' V_c v_perp / R; with
// t_go = -r.v/|v|^2 = R V_c/|v|^2, a_ZEM = a_PN |v|^2 / V_c^2. On random
// 3-D closing states every law's command is perpendicular to the LOS and
// this ratio holds to round-off (relative 1e-12).
TEST(Guidance, ZemRelatesToPnAndAllCommandsArePerpendicularToTheLos) {
  RandomStream rng(2024, 4);
  const ProportionalNavigation pn(3.0);
  const AugmentedProportionalNavigation apn(3.0);
  const ZeroEffortMissGuidance zem(3.0);
  int tested = 0;
  for (int i = 0; i < 200; ++i) {
    const RelativeState rel{Vec3(rng.normal(0, 5e3), rng.normal(0, 5e3), rng.normal(0, 5e3)),
                            Vec3(rng.normal(0, 2e3), rng.normal(0, 2e3), rng.normal(0, 2e3))};
    const Vec3 a_T(rng.normal(0, 50), rng.normal(0, 50), rng.normal(0, 50));
    if (closing_velocity_mps(rel) <= 0.0) {
      EXPECT_EQ(pn.acceleration_command(rel, a_T), Vec3::Zero());
      EXPECT_EQ(apn.acceleration_command(rel, a_T), Vec3::Zero());
      EXPECT_EQ(zem.acceleration_command(rel, a_T), Vec3::Zero());
      continue;
    }
    ++tested;
    const Vec3 u = rel.r_TM_I.normalized();
    const Vec3 a_pn = pn.acceleration_command(rel, a_T);
    const Vec3 a_apn = apn.acceleration_command(rel, a_T);
    const Vec3 a_zem_no_aT = zem.acceleration_command(rel, Vec3::Zero());
    for (const Vec3& a : {a_pn, a_apn, a_zem_no_aT, zem.acceleration_command(rel, a_T)}) {
      EXPECT_LE(std::abs(a.dot(u)), 1e-12 * (1.0 + a.norm()));
    }
    const double Vc = closing_velocity_mps(rel);
    const Vec3 expected = a_pn * rel.v_TM_I.squaredNorm() / (Vc * Vc);
    EXPECT_LE((a_zem_no_aT - expected).norm(), 1e-12 * expected.norm() + 1e-12);
  }
  EXPECT_GT(tested, 50);  // about half the random states close
}

// Edges: zero range and zero relative velocity give no command (no NaN).
TEST(Guidance, ZeroRangeAndZeroVelocityGiveZero) {
  const AugmentedProportionalNavigation apn(4.0);
  const ZeroEffortMissGuidance zem(4.0);
  const RelativeState at_target{Vec3::Zero(), Vec3(-100.0, 1.0, 0.0)};
  const RelativeState frozen{Vec3(100.0, 1.0, 0.0), Vec3::Zero()};
  for (const RelativeState& rel : {at_target, frozen}) {
    EXPECT_EQ(apn.acceleration_command(rel, Vec3(0.0, 10.0, 0.0)), Vec3::Zero());
    EXPECT_EQ(zem.acceleration_command(rel, Vec3(0.0, 10.0, 0.0)), Vec3::Zero());
  }
}

TEST(Guidance, SaturationKeepsDirection) {
  const Vec3 a(30.0, 40.0, 0.0);  // 50 m/s^2
  EXPECT_EQ(saturate(a, 100.0), a);
  EXPECT_NEAR((saturate(a, 10.0) - Vec3(6.0, 8.0, 0.0)).norm(), 0.0, 1e-14);
  EXPECT_EQ(saturate(a, std::numeric_limits<double>::infinity()), a);
  EXPECT_EQ(saturate(a, 0.0), Vec3::Zero());
  EXPECT_THROW(saturate(a, -1.0), std::invalid_argument);
  EXPECT_THROW(saturate(a, std::nan("")), std::invalid_argument);
}

TEST(Guidance, ConstructionValidatesAndFactoryNames) {
  EXPECT_THROW(ProportionalNavigation(0.0), std::invalid_argument);
  EXPECT_THROW(AugmentedProportionalNavigation(-3.0), std::invalid_argument);
  EXPECT_THROW(ZeroEffortMissGuidance(std::nan("")), std::invalid_argument);
  EXPECT_THROW(ProportionalNavigation(std::numeric_limits<double>::infinity()), std::invalid_argument);
  EXPECT_EQ(make_guidance_law("pn", 3.0)->name(), "pn");
  EXPECT_EQ(make_guidance_law("apn", 3.0)->name(), "apn");
  EXPECT_EQ(make_guidance_law("zem", 4.0)->navigation_ratio(), 4.0);
  EXPECT_THROW(make_guidance_law("pure-pursuit", 3.0), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
