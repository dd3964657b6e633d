// Infrared early warning: the cue comes at the cloud-top crossing (exact
// for a path whose altitude is linear in time) plus the delay, and its
// launch-point and azimuth errors have the configured sigmas (chi-square
// bounds); a missile that burns out below the clouds is never reported.

#include "rampart/sense/ir_sensor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/sense/sensor_site.hpp"

namespace rampart::sense {
namespace {

using constants::kDegToRad;

constexpr double kZ = 4.5;  // 4.5-sigma bounds, as in the radar tests

const earth::EarthModel& wgs84() {
  static const earth::EarthModel earth(earth::EarthKind::kWgs84);
  return earth;
}

IrSensorConfig config() {
  return IrSensorConfig{"ew", "", "", 10e3, 30.0, 1500.0, 3.0 * kDegToRad};
}

// A climb due north from (35 N, 51 E): altitude 200 m/s x t, latitude rising,
// sampled every 7 s from t0 = 100 s to burnout at t0 + `burn_s`. Along a
// meridian the chord to any later point points due north (azimuth 0).
std::vector<TruthSample> climb(double burn_s) {
  std::vector<TruthSample> path;
  for (double t = 0.0; t <= burn_s + 1e-9; t += 7.0) {
    const earth::Geodetic g{35.0 * kDegToRad + 2e-5 * t, 51.0 * kDegToRad, 200.0 * t};
    path.push_back({100.0 + t, wgs84().ecef_from_geodetic(g)});
  }
  return path;
}

TEST(IrSensor, CueTimeIsCloudTopCrossingPlusDelay) {
  // 10 km at 200 m/s is 50 s after launch (between the samples at 49 and
  // 56 s: interpolation is exact for altitude linear in time, up to the
  // nanometre-level altitude round trip).
  const IrSensor sensor(config(), wgs84());
  const auto path = climb(120.0);
  RandomStream rng(3, 1);
  const auto cue = sensor.observe_launch(9, path, rng);
  ASSERT_TRUE(cue.has_value());
  EXPECT_NEAR(cue->t_s, 100.0 + 50.0 + 30.0, 1e-9);
  EXPECT_EQ(cue->truth_id, std::optional<TruthId>(9));
  EXPECT_DOUBLE_EQ(cue->position_sigma_m, 1500.0);
}

TEST(IrSensor, BurnoutBelowTheCloudsIsNotSeen) {
  const IrSensor sensor(config(), wgs84());
  RandomStream rng(3, 2);
  EXPECT_FALSE(sensor.observe_launch(1, climb(42.0), rng).has_value());  // 8.4 km at burnout
}

TEST(IrSensor, CueErrorsHaveTheConfiguredSigmas) {
  // East and north launch-point errors (in the launch point's ENU) and the
  // azimuth error: means within kZ sigma/sqrt(n), s^2/sigma^2 within
  // 1 +- kZ sqrt(2/(n-1)) (chi-square). The azimuth truth is 0, so the
  // noise wraps through north and is unwrapped with wrap_angle.
  const IrSensor sensor(config(), wgs84());
  const auto path = climb(120.0);
  const earth::Geodetic launch = wgs84().geodetic_from_ecef(path.front().r_E);
  const SensorSite site(wgs84(), launch);
  RandomStream rng(3, 3);
  const int n = 10000;
  double sum[3] = {0, 0, 0}, sum2[3] = {0, 0, 0};
  for (int i = 0; i < n; ++i) {
    const auto cue = sensor.observe_launch(1, path, rng);
    ASSERT_TRUE(cue.has_value());
    ASSERT_GE(cue->azimuth_rad, 0.0);
    ASSERT_LT(cue->azimuth_rad, 2.0 * constants::kPi);
    const Vec3 d_L = site.R_EL().transpose() * (wgs84().ecef_from_geodetic(cue->launch_point) - site.r_E());
    const double e[3] = {d_L.x(), d_L.y(), wrap_angle(cue->azimuth_rad)};
    for (int k = 0; k < 3; ++k) sum[k] += e[k], sum2[k] += e[k] * e[k];
  }
  const double sigma[3] = {1500.0, 1500.0, 3.0 * kDegToRad};
  for (int k = 0; k < 3; ++k) {
    const double mean = sum[k] / n, var = (sum2[k] - n * mean * mean) / (n - 1);
    EXPECT_NEAR(mean, 0.0, kZ * sigma[k] / std::sqrt(n)) << k;
    EXPECT_NEAR(var / (sigma[k] * sigma[k]), 1.0, kZ * std::sqrt(2.0 / (n - 1))) << k;
  }
}

TEST(IrSensor, RejectsBadParameters) {
  IrSensorConfig bad = config();
  bad.report_delay_s = -1.0;
  EXPECT_THROW(IrSensor(bad, wgs84()), std::invalid_argument);
  const IrSensor sensor(config(), wgs84());
  RandomStream rng(1, 1);
  EXPECT_THROW(sensor.observe_launch(1, climb(0.0), rng), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::sense
