// The radar model: the radar equation's scaling, the horizon against its
// closed form, the field-of-regard edges, and the statistics of observe()
// and false_alarms() against the model they claim (binomial, chi-square and
// Poisson bounds, each stated).

#include "rampart/sense/radar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/earth/horizon.hpp"

namespace rampart::sense {
namespace {

using constants::kDegToRad;
using constants::kPi;

// Statistical tests use 4.5-sigma bounds: a correct model fails one of them
// with probability ~7e-6 (two-sided normal), and the seeds are fixed.
constexpr double kZ = 4.5;

RadarConfig test_config() {
  RadarConfig c;
  c.name = "test";
  c.site = earth::Geodetic{0.0, 0.0, 30.0};
  c.boresight_azimuth_rad = 0.0;
  c.azimuth_span_rad = 2.0 * kPi;
  c.elevation_min_rad = -5.0 * kDegToRad;
  c.elevation_max_rad = 90.0 * kDegToRad;
  c.min_range_m = 0.0;
  c.max_range_m = 1e7;
  c.reference_snr = 100.0;
  c.reference_rcs_m2 = 1.0;
  c.reference_range_m = 500e3;
  c.pfa = 1e-6;
  c.swerling = SwerlingCase::kSwerling1;
  c.search_frame_time_s = 10.0;
  c.track_revisit_interval_s = 1.0;
  c.range_resolution_m = 30.0;
  c.azimuth_beamwidth_rad = 1.0 * kDegToRad;
  c.elevation_beamwidth_rad = 2.0 * kDegToRad;
  c.monopulse_slope = 1.6;
  c.range_sigma_floor_m = 0.5;
  c.angle_sigma_floor_rad = 1e-5;
  c.effective_earth_radius_factor = 1.0;
  return c;
}

const earth::EarthModel& sphere() {
  static const earth::EarthModel earth(earth::EarthKind::kSpherical);
  return earth;
}

TEST(Radar, SnrFollowsTheRadarEquation) {
  // SNR = SNR_ref (rcs / rcs_ref) (R_ref / R)^4: the reference point itself,
  // a factor 16 down per doubling of range, linear in RCS (to rounding).
  const Radar radar(test_config(), sphere(), 0);
  EXPECT_NEAR(radar.snr(500e3, 1.0), 100.0, 1e-12);
  EXPECT_NEAR(radar.snr(1000e3, 1.0), 100.0 / 16.0, 1e-12);
  EXPECT_NEAR(radar.snr(250e3, 0.01), 100.0 * 16.0 * 0.01, 1e-10);
  EXPECT_NEAR(radar.snr(700e3, 3.0) / radar.snr(700e3, 1.0), 3.0, 1e-14);
}

// Puts a target at ground distance `ground_m` north of the site at altitude h (sphere).
Vec3 target_north(double ground_m, double h_m) {
  return sphere().ecef_from_geodetic(earth::Geodetic{ground_m / sphere().mean_radius_m(), 0.0, h_m});
}

TEST(Radar, HorizonIsTheAnalyticRangeWithAndWithoutRefraction) {
  // Over a sphere of effective radius kR, the grazing ray from height h1 to
  // height h2 spans the central angle acos(kR/(kR+h1)) + acos(kR/(kR+h2)),
  // i.e. the ground distance G = kR x that angle, and its length is the
  // closed form sqrt(h1(2kR+h1)) + sqrt(h2(2kR+h2)). A target 1e-4 of G inside
  // (~100 m) is seen, one 1e-4 outside is not: the tolerance is far above
  // the micrometre slack of the line-of-sight test and far below anything a
  // wrong radius (k = 1 vs 4/3 moves G by ~15%) could hide in.
  const double R = sphere().mean_radius_m();
  const double h1 = 30.0;
  for (double k : {1.0, constants::kFourThirdsEarth}) {
    for (double h2 : {1e3, 100e3}) {
      RadarConfig config = test_config();
      config.effective_earth_radius_factor = k;
      const Radar radar(config, sphere(), 0);
      const double kR = k * R;
      const double gamma = std::acos(kR / (kR + h1)) + std::acos(kR / (kR + h2));
      const double G = kR * gamma;
      // The chord on the kR sphere is the closed-form horizon range.
      const double chord = std::sqrt(std::pow(kR + h1, 2) + std::pow(kR + h2, 2) -
                                     2.0 * (kR + h1) * (kR + h2) * std::cos(gamma));
      EXPECT_NEAR(chord, earth::radar_horizon_range_m(sphere(), h1, h2, k), 1e-6 * chord);
      EXPECT_TRUE(radar.can_see(target_north(G * (1.0 - 1e-4), h2))) << "k=" << k << " h=" << h2;
      EXPECT_FALSE(radar.can_see(target_north(G * (1.0 + 1e-4), h2))) << "k=" << k << " h=" << h2;
    }
  }
}

TEST(Radar, FieldOfRegardEdgesAcrossNorth) {
  // A 40 deg sector centred on 350 deg covers 330..10 deg through north;
  // elevations 5..60 deg; ranges 1..500 km. With k = 1 the apparent
  // elevation is the geometric one, so the edges are exact; 0.1 deg and
  // 1 km either side of each edge.
  RadarConfig config = test_config();
  config.boresight_azimuth_rad = 350.0 * kDegToRad;
  config.azimuth_span_rad = 40.0 * kDegToRad;
  config.elevation_min_rad = 5.0 * kDegToRad;
  config.elevation_max_rad = 60.0 * kDegToRad;
  config.min_range_m = 1e3;
  config.max_range_m = 500e3;
  const Radar radar(config, sphere(), 0);
  const auto at = [&](double range_km, double az_deg, double el_deg) {
    return radar.can_see(radar.site().ecef_from_rae(Rae(range_km * 1e3, az_deg * kDegToRad, el_deg * kDegToRad)));
  };
  EXPECT_TRUE(at(100, 9.9, 20));
  EXPECT_FALSE(at(100, 10.1, 20));
  EXPECT_TRUE(at(100, 330.1, 20));
  EXPECT_FALSE(at(100, 329.9, 20));
  EXPECT_TRUE(at(100, 0.0, 20));
  EXPECT_TRUE(at(100, 350, 5.1));
  EXPECT_FALSE(at(100, 350, 4.9));
  EXPECT_TRUE(at(100, 350, 59.9));
  EXPECT_FALSE(at(100, 350, 60.1));
  EXPECT_TRUE(at(499, 350, 20));
  EXPECT_FALSE(at(501, 350, 20));
  EXPECT_FALSE(at(0.5, 350, 20));
}

TEST(Radar, ObserveDetectsWithTheModelProbability) {
  // Target at the range where Pd = 0.5 (Swerling 1: SNR = ln pfa / ln 0.5 - 1);
  // the detection count over N looks is binomial: within kZ sqrt(p(1-p)/N).
  const Radar radar(test_config(), sphere(), 7);
  const double snr = std::log(1e-6) / std::log(0.5) - 1.0;
  const double range = 500e3 * std::pow(100.0 / snr, 0.25);
  const Vec3 target = radar.site().ecef_from_rae(Rae(range, 1.0, 0.3));
  const double pd = radar.detection_probability(radar.snr(range, 1.0));
  ASSERT_NEAR(pd, 0.5, 1e-9);
  RandomStream rng(42, 1);
  const int n = 20000;
  int hits = 0;
  for (int i = 0; i < n; ++i) {
    if (const auto d = radar.observe(0.0, 3, target, 1.0, rng)) {
      ++hits;
      EXPECT_EQ(d->sensor, 7u);
      EXPECT_EQ(d->truth_id, std::optional<TruthId>(3));
    }
  }
  EXPECT_NEAR(static_cast<double>(hits) / n, pd, kZ * std::sqrt(pd * (1.0 - pd) / n));
}

TEST(Radar, ObserveNoiseHasTheReportedSigmas) {
  // A strong target (Pd ~ 1) just east of north so that azimuth noise wraps
  // through 0. Reported sigmas against the formulas written out here
  // (range dR/sqrt(2 SNR), angles bw/(k_m sqrt(2 SNR)), azimuth / cos el);
  // sample variances against them: (n-1) s^2 / sigma^2 ~ chi2(n-1), so
  // s^2/sigma^2 lies within 1 +- kZ sqrt(2/(n-1)).
  const Radar radar(test_config(), sphere(), 0);
  const Rae truth(300e3, 1e-4, 0.5);
  const Vec3 target = radar.site().ecef_from_rae(truth);
  const double S = 100.0 * std::pow(500.0 / 300.0, 4);
  const double root = std::sqrt(2.0 * S);
  const double sigma_r = 30.0 / root;
  const double sigma_el = 2.0 * kDegToRad / (1.6 * root);
  const double sigma_az = 1.0 * kDegToRad / (1.6 * root) / std::cos(0.5);
  RandomStream rng(42, 2);
  const int n = 20000;
  double sum[3] = {0, 0, 0}, sum2[3] = {0, 0, 0};
  int count = 0;
  for (int i = 0; i < n; ++i) {
    const auto d = radar.observe(0.0, 1, target, 1.0, rng);
    if (!d) continue;
    ++count;
    ASSERT_GE(d->z(1), 0.0);
    ASSERT_LT(d->z(1), 2.0 * kPi);
    EXPECT_NEAR(d->snr, S, 1e-9 * S);
    EXPECT_NEAR(std::sqrt(d->R(0, 0)), sigma_r, 1e-12 * sigma_r);
    EXPECT_NEAR(std::sqrt(d->R(1, 1)), sigma_az, 1e-12 * sigma_az);
    EXPECT_NEAR(std::sqrt(d->R(2, 2)), sigma_el, 1e-12 * sigma_el);
    EXPECT_EQ(d->R(0, 1), 0.0);
    const double e[3] = {d->z(0) - truth(0), wrap_angle(d->z(1) - truth(1)), d->z(2) - truth(2)};
    for (int k = 0; k < 3; ++k) sum[k] += e[k], sum2[k] += e[k] * e[k];
  }
  ASSERT_GT(count, n * 0.9);
  const double sigmas[3] = {sigma_r, sigma_az, sigma_el};
  for (int k = 0; k < 3; ++k) {
    const double mean = sum[k] / count;
    const double var = (sum2[k] - count * mean * mean) / (count - 1);
    EXPECT_NEAR(mean, 0.0, kZ * sigmas[k] / std::sqrt(count)) << k;
    EXPECT_NEAR(var / (sigmas[k] * sigmas[k]), 1.0, kZ * std::sqrt(2.0 / (count - 1))) << k;
  }
}

TEST(Radar, SigmasHaveFloorsAndGrowAsSnrFalls) {
  const Radar radar(test_config(), sphere(), 0);
  const RaeSigmas strong = radar.sigmas(1e12, 0.0);
  EXPECT_DOUBLE_EQ(strong.range_m, 0.5);
  EXPECT_DOUBLE_EQ(strong.elevation_rad, 1e-5);
  const RaeSigmas a = radar.sigmas(20.0, 0.0), b = radar.sigmas(80.0, 0.0);
  EXPECT_NEAR(a.range_m / b.range_m, 2.0, 1e-12);  // 1/sqrt(SNR)
}

TEST(Radar, FalseAlarmsArePoissonAndUniformInTheVolume) {
  // Sector 100 +- 30 deg, elevations 0..20 deg, ranges 100..1000 km. Cells:
  // ceil(900 km / 30 m) x ceil(60/1) x ceil(20/2) = 30000 x 60 x 10 = 1.8e7;
  // pfa 1e-6 -> 18 per frame. Total over F frames is Poisson(18 F): within
  // kZ sqrt(18 F). Each coordinate's histogram in 10 bins against uniform:
  // Pearson chi-square with 9 dof below its 0.9999 quantile 33.72.
  RadarConfig config = test_config();
  config.boresight_azimuth_rad = 100.0 * kDegToRad;
  config.azimuth_span_rad = 60.0 * kDegToRad;
  config.elevation_min_rad = 0.0;
  config.elevation_max_rad = 20.0 * kDegToRad;
  config.min_range_m = 100e3;
  config.max_range_m = 1000e3;
  const Radar radar(config, sphere(), 2);
  EXPECT_DOUBLE_EQ(radar.resolution_cells(), 30000.0 * 60.0 * 10.0);
  EXPECT_NEAR(radar.mean_false_alarms_per_frame(), 18.0, 1e-9);
  RandomStream rng(42, 3);
  const int frames = 2000;
  long total = 0;
  int bins[3][10] = {};
  const double threshold = -std::log(1e-6);
  const double sigma_r = std::max(0.5, 30.0 / std::sqrt(2.0 * threshold));
  for (int f = 0; f < frames; ++f) {
    for (const Detection& d : radar.false_alarms(5.0, rng)) {
      ++total;
      EXPECT_FALSE(d.truth_id.has_value());
      EXPECT_EQ(d.sensor, 2u);
      EXPECT_DOUBLE_EQ(d.t_s, 5.0);
      EXPECT_NEAR(std::sqrt(d.R(0, 0)), sigma_r, 1e-12);
      const double u[3] = {(d.z(0) - 100e3) / 900e3, (wrap_angle(d.z(1) - 100.0 * kDegToRad) + 30.0 * kDegToRad) / (60.0 * kDegToRad),
                           d.z(2) / (20.0 * kDegToRad)};
      for (int k = 0; k < 3; ++k) {
        ASSERT_GE(u[k], 0.0);
        ASSERT_LT(u[k], 1.0);
        ++bins[k][static_cast<int>(u[k] * 10.0)];
      }
    }
  }
  const double expected = 18.0 * frames;
  EXPECT_NEAR(static_cast<double>(total), expected, kZ * std::sqrt(expected));
  for (int k = 0; k < 3; ++k) {
    double chi2 = 0.0;
    for (int b = 0; b < 10; ++b) chi2 += std::pow(bins[k][b] - total / 10.0, 2) / (total / 10.0);
    EXPECT_LT(chi2, 33.72) << "coordinate " << k;
  }
}

TEST(Radar, ConstructorRejectsBadParameters) {
  const auto bad = [](auto change) {
    RadarConfig config = test_config();
    change(config);
    return config;
  };
  EXPECT_THROW(Radar(bad([](RadarConfig& c) { c.pfa = 0.0; }), sphere(), 0), std::invalid_argument);
  EXPECT_THROW(Radar(bad([](RadarConfig& c) { c.max_range_m = -1.0; }), sphere(), 0), std::invalid_argument);
  EXPECT_THROW(Radar(bad([](RadarConfig& c) { c.azimuth_span_rad = 7.0; }), sphere(), 0), std::invalid_argument);
  EXPECT_THROW(Radar(bad([](RadarConfig& c) { c.elevation_max_rad = -0.2; }), sphere(), 0), std::invalid_argument);
  EXPECT_THROW(Radar(bad([](RadarConfig& c) { c.reference_snr = std::nan(""); }), sphere(), 0), std::invalid_argument);
  EXPECT_NO_THROW(Radar(bad([](RadarConfig& c) { c.azimuth_span_rad = 360.0 * kDegToRad; }), sphere(), 0));
}

}  // namespace
}  // namespace rampart::sense
