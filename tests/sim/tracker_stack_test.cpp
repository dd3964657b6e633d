// The impact predictor a run plans with flies its sigma points with a loose
// integration tolerance (1e-6 relative, for speed). Its prediction must
// agree with the same unscented transform flown to 1e-12 within metres and
// milliseconds, far inside the kilometres of a track's own impact
// uncertainty (and the 5 to 20 km radii of the defended assets it is
// weighed against).

#include "rampart/sim/tracker_stack.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/track/impact_prediction.hpp"

namespace rampart::sim {
namespace {

constexpr double kDeg = constants::kDegToRad;

/// A midcourse MRBM-like state (apogee region over eastern Turkey heading
/// north-west) with a track-like covariance: 1 km and 10 m/s per axis.
track::GaussianState midcourse_state(const earth::EarthModel& earth, double altitude_m, double down_mps) {
  const flight::State6 y = flight::eci_state_from_geodetic_ned(
      earth, {{40.0 * kDeg, 38.0 * kDeg, altitude_m}, Vec3(2200.0, -2400.0, down_mps)}, 100.0);
  track::GaussianState g;
  g.t_s = 100.0;
  g.x = y;
  g.P = track::StateMatrix::Zero(6, 6);
  g.P.topLeftCorner<3, 3>() = 1e6 * Mat3::Identity();
  g.P.bottomRightCorner<3, 3>() = 100.0 * Mat3::Identity();
  return g;
}

TEST(TrackerStack, LooseImpactPredictionAgreesWithTightOne) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const TrackerConfig config;
  const TrackerStack stack(config, earth, atmosphere);
  track::ImpactPredictionOptions tight;
  tight.nominal_inverse_beta_m2pkg = config.nominal_inverse_beta_m2pkg;
  tight.relative_tolerance = 1e-12;
  tight.absolute_tolerance = 1e-7;
  const track::ImpactPredictor reference(earth, atmosphere, tight);

  // Rising, at the top and falling through 150 km: 200 to 700 s of flight left.
  for (const auto& [altitude_m, down_mps] : {std::pair{300e3, -1500.0}, {550e3, 0.0}, {150e3, 2500.0}}) {
    const auto state = midcourse_state(earth, altitude_m, down_mps);
    const auto loose = stack.impact_predictor().predict(state);
    const auto exact = reference.predict(state);
    ASSERT_EQ(loose.status, track::ImpactStatus::kPredicted);
    ASSERT_EQ(exact.status, track::ImpactStatus::kPredicted);
    const Vec3 a = earth.ecef_from_geodetic(loose.impact_point);
    const Vec3 b = earth.ecef_from_geodetic(exact.impact_point);
    EXPECT_LT((a - b).norm(), 20.0) << altitude_m;
    EXPECT_NEAR(loose.impact_time_s, exact.impact_time_s, 0.01) << altitude_m;
    // The ellipse (kilometres) to a few metres.
    EXPECT_NEAR(loose.threatened_area.semi_major_m, exact.threatened_area.semi_major_m, 20.0) << altitude_m;
    EXPECT_NEAR(loose.threatened_area.semi_minor_m, exact.threatened_area.semi_minor_m, 20.0) << altitude_m;
    EXPECT_GT(exact.threatened_area.semi_minor_m, 1000.0) << altitude_m;
  }
}

}  // namespace
}  // namespace rampart::sim
