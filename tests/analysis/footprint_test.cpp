// The defended-area footprint against independent truth: the negation
// formula against a brute-force walk of the doctrine's outcomes, cell areas
// against the closed-form area of an ellipsoidal zone, the cheap threat arc
// against the full targeted trajectory (apogee and flight time within 10%),
// cells whose missile stays out of every interceptor's reach undefended,
// shorter interceptor reach never a larger defended area, the result
// independent of the thread count, and the analytic negation probability
// inside the 99% Wilson interval of a Monte Carlo of the engagement run.

#include "rampart/analysis/footprint.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "rampart/analysis/footprint_threat.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/engage/flyout_fan.hpp"
#include "rampart/flight/trajectory.hpp"

namespace rampart::analysis {
namespace {

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

earth::Geodetic deg(double lat, double lon) { return {lat * constants::kDegToRad, lon * constants::kDegToRad, 0.0}; }

/// Radars far more sensitive than the catalog's: detection is certain where
/// the geometry allows, so what remains is the engagement itself.
sim::Scenario sharp(sim::Scenario scenario) {
  for (auto& radar : scenario.radars) radar.reference_snr *= 1e4;
  scenario.false_alarms = false;
  return scenario;
}

FootprintRequest forward_request(const sim::Scenario& scenario, const GeoBox& box, double step_deg) {
  FootprintRequest request;
  request.grid.box = box;
  request.grid.step_deg = step_deg;
  request.fixed_point = deg(38.1, 46.3);
  request.missile = scenario.threats.front().missile;
  return request;
}

TEST(FootprintNegation, MatchesABruteForceWalkOfTheDoctrine) {
  // Enumerate every branch: an engagement kills with P, else the assessment is
  // right (go on if engagements remain) with q or wrong (stop).
  const std::function<double(double, double, int)> walk = [&walk](double P, double q, int left) -> double {
    if (left == 0) return 0.0;
    return P + (1.0 - P) * q * walk(P, q, left - 1);
  };
  for (double p : {0.3, 0.7, 0.95}) {
    for (int n : {1, 2, 3}) {
      for (int k : {0, 1, 2, 4}) {
        for (double q : {1.0, 0.9, 0.5}) {
          double miss_all = 1.0;
          for (int i = 0; i < n; ++i) miss_all *= 1.0 - p;
          EXPECT_NEAR(negation_probability(p, n, k, q), walk(1.0 - miss_all, q, k), 1e-12);
        }
      }
      // Perfect assessment: 1 - (1 - p)^(n k).
      EXPECT_NEAR(negation_probability(p, n, 3, 1.0), 1.0 - std::pow(1.0 - p, 3 * n), 1e-12);
    }
  }
  EXPECT_THROW(negation_probability(1.5, 1, 1, 1.0), std::invalid_argument);
  EXPECT_THROW(negation_probability(0.5, 0, 1, 1.0), std::invalid_argument);
}

TEST(FootprintGrid, CellAreasAddUpToTheClosedFormZoneArea) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const double a = earth.parameters().equatorial_radius_m;
  const double f = earth.parameters().flattening;
  const double b = a * (1.0 - f);
  const double e = std::sqrt(f * (2.0 - f));
  // Area of the ellipsoid between the equator and latitude phi, per radian of longitude.
  const auto zone = [&](double phi_deg) {
    const double s = std::sin(phi_deg * constants::kDegToRad);
    return 0.5 * b * b * (s / (1.0 - e * e * s * s) + std::log((1.0 + e * s) / (1.0 - e * s)) / (2.0 * e));
  };
  const double exact = (zone(50.0) - zone(40.0)) * 6.0 * constants::kDegToRad;
  double sum = 0.0;
  for (double lat = 40.0; lat < 50.0 - 1e-9; lat += 0.5) {
    for (double lon = 10.0; lon < 16.0 - 1e-9; lon += 0.5) sum += cell_area_m2(earth, lat, lat + 0.5, lon, lon + 0.5);
  }
  EXPECT_NEAR(sum / exact, 1.0, 1e-6);

  FootprintGrid grid{{40.0, 10.0, 50.0, 16.0}, 0.5};
  EXPECT_EQ(grid.rows(), 20u);
  EXPECT_EQ(grid.columns(), 12u);
}

TEST(FootprintGrid, RejectsBadRegionsAndTooManyCells) {
  EXPECT_THROW(check_grid({{50.0, 10.0, 40.0, 20.0}, 0.5}, "--region"), InputError);
  EXPECT_THROW(check_grid({{40.0, 10.0, 95.0, 20.0}, 0.5}, "--region"), InputError);
  EXPECT_THROW(check_grid({{40.0, 10.0, 50.0, 20.0}, 0.0}, "--region"), InputError);
  EXPECT_THROW(check_grid({{-90.0, -180.0, 90.0, 180.0}, 0.1}, "--region"), InputError);  // 6.5 million cells
  EXPECT_NO_THROW(check_grid({{40.0, 10.0, 50.0, 20.0}, 0.5}, "--region"));
}

TEST(FootprintThreat, ArcAgreesWithTheTargetedTrajectoryWithinTenPercent) {
  const sim::Scenario scenario = sim::load_scenario(kSmall);
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const auto& missile = scenario.threats.front().missile;
  const earth::Geodetic launch = deg(38.1, 46.3);
  const FootprintThreatModel model(missile, launch, flight::ground_arc(earth, launch, deg(44.0, 26.0)).azimuth_rad,
                                   800e3, 2100e3, earth, atmosphere, 8);
  // Aims off the reference azimuth and between the reference ranges.
  for (const auto& aim : {deg(44.43, 26.10), deg(42.70, 23.32), deg(39.93, 32.86), deg(47.0, 30.0), deg(41.0, 36.0)}) {
    flight::TrajectoryRequest request;
    request.launch = launch;
    request.aim = aim;
    request.missile = &missile;
    const auto truth = flight::solve_trajectory(request, earth, atmosphere).path;
    const auto arc = model.path(launch, aim, 2.0);
    ASSERT_TRUE(arc.has_value());
    double apogee = 0.0;
    for (const auto& p : arc->points) {
      apogee = std::max(apogee, earth.geodetic_from_ecef(earth.ecef_from_eci(p.r_I, p.t_s)).alt_m);
    }
    const double true_apogee =
        earth.geodetic_from_ecef(earth.ecef_from_eci(flight::position(truth.apogee->y_I), truth.apogee->t_s)).alt_m;
    EXPECT_NEAR(apogee / true_apogee, 1.0, 0.10);
    EXPECT_NEAR(arc->points.back().t_s / truth.impact->t_s, 1.0, 0.10);
    // The arc ends on the aim.
    const earth::Geodetic end = earth.geodetic_from_ecef(earth.ecef_from_eci(arc->points.back().r_I, arc->points.back().t_s));
    EXPECT_LT(flight::ground_arc(earth, end, aim).distance_m, 1.0);
  }
}

class FootprintOfSmallScenario : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new sim::Scenario(sharp(sim::load_scenario(kSmall)));
    models_ = new sim::WorldModels(*scenario_);
    result_ = new FootprintResult(compute_footprint(*models_, forward_request(*scenario_, kBox, 1.0)));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete models_;
    delete scenario_;
  }
  static constexpr GeoBox kBox{38.0, 20.0, 48.0, 36.0};
  static sim::Scenario* scenario_;
  static sim::WorldModels* models_;
  static FootprintResult* result_;
};
sim::Scenario* FootprintOfSmallScenario::scenario_ = nullptr;
sim::WorldModels* FootprintOfSmallScenario::models_ = nullptr;
FootprintResult* FootprintOfSmallScenario::result_ = nullptr;

TEST_F(FootprintOfSmallScenario, CellsWhoseMissileStaysOutOfReachAreUndefended) {
  const auto& earth = models_->earth();
  const auto& battery = scenario_->batteries.front();
  const FootprintThreatModel threat(scenario_->threats.front().missile, deg(38.1, 46.3),
                                    flight::ground_arc(earth, deg(38.1, 46.3), deg(43.0, 28.0)).azimuth_rad, 100e3,
                                    3000e3, earth, models_->atmosphere());
  int out_of_reach = 0, engageable = 0;
  for (const auto& cell : result_->cells) {
    if (cell.engageable) ++engageable;
    const auto path = threat.path(deg(38.1, 46.3), deg(cell.lat_deg, cell.lon_deg), 2.0);
    if (!path) continue;
    double nearest = 1e300;
    for (const auto& p : path->points) {
      nearest = std::min(nearest, engage::fan_ground_range_m(earth, battery.location, earth.ecef_from_eci(p.r_I, p.t_s)));
    }
    // A margin for the difference between this model's references and the footprint's.
    if (nearest > battery.interceptor.max_intercept_range_m + 50e3) {
      ++out_of_reach;
      EXPECT_FALSE(cell.engageable) << cell.lat_deg << "," << cell.lon_deg;
      EXPECT_EQ(cell.shots, 0);
      EXPECT_EQ(cell.negation_probability, 0.0);
    }
  }
  // Both kinds occur in this region (Ankara is out of reach, Bucharest in).
  EXPECT_GT(out_of_reach, 10);
  EXPECT_GT(engageable, 10);
  EXPECT_GT(result_->defended_area_m2, 0.0);
  EXPECT_LE(result_->area_negation_90_m2, result_->defended_area_m2);
}

TEST_F(FootprintOfSmallScenario, ShorterInterceptorReachNeverGrowsTheDefendedArea) {
  sim::Scenario shorter = *scenario_;
  shorter.batteries.front().interceptor.max_intercept_range_m *= 0.5;
  const sim::WorldModels models(shorter);
  const auto small = compute_footprint(models, forward_request(shorter, kBox, 1.0));
  ASSERT_EQ(small.cells.size(), result_->cells.size());
  EXPECT_LT(small.defended_area_m2, result_->defended_area_m2);
  for (std::size_t i = 0; i < small.cells.size(); ++i) {
    if (small.cells[i].engageable) {
      EXPECT_TRUE(result_->cells[i].engageable) << i;
    }
    EXPECT_LE(small.cells[i].shots, result_->cells[i].shots) << i;
  }
}

TEST_F(FootprintOfSmallScenario, ResultDoesNotDependOnTheThreadCount) {
  auto request = forward_request(*scenario_, kBox, 1.0);
  request.threads = 1;
  const auto one = compute_footprint(*models_, request);
  request.threads = 3;
  const auto three = compute_footprint(*models_, request);
  ASSERT_EQ(one.cells.size(), three.cells.size());
  for (std::size_t i = 0; i < one.cells.size(); ++i) {
    EXPECT_EQ(one.cells[i].engageable, three.cells[i].engageable);
    EXPECT_EQ(one.cells[i].battery_shots, three.cells[i].battery_shots);
    EXPECT_EQ(one.cells[i].negation_probability, three.cells[i].negation_probability);
    EXPECT_EQ(one.cells[i].earliest_launch_s, three.cells[i].earliest_launch_s);
  }
  EXPECT_EQ(one.defended_area_m2, three.defended_area_m2);
}

/// Wilson score interval of k successes in n at normal quantile z.
std::pair<double, double> wilson(int k, int n, double z) {
  const double p = static_cast<double>(k) / n;
  const double d = 1.0 + z * z / n;
  const double c = (p + z * z / (2.0 * n)) / d;
  const double h = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / d;
  return {c - h, c + h};
}

TEST_F(FootprintOfSmallScenario, AnalyticNegationAgreesWithMonteCarloOnSampledCells) {
  // Two cells deep in the battery's reach; one threat at each, N runs of the
  // full engagement (tracking, planning, flyout, homing, kill draws).
  constexpr int kRuns = 30;
  std::uint64_t seed = 1000;  // fresh seeds for each cell: independent samples
  for (const auto& aim : {deg(44.25, 26.25), deg(43.25, 23.75)}) {
    sim::Scenario one = *scenario_;
    one.threats.resize(1);
    one.threats[0].aim = aim;
    one.threats[0].aim_asset.reset();
    one.threats[0].launch = deg(38.1, 46.3);
    one.threats[0].launch_time_s = 0.0;
    one.defended_assets.clear();  // every threat is worth engaging
    one.batteries.front().interceptor.kill_vehicle.single_shot_kill_probability = 0.6;
    one.doctrine.max_shots_per_threat = 2;
    const sim::WorldModels models(one);

    FootprintRequest request = forward_request(one, {aim.lat_rad * constants::kRadToDeg - 0.25,
                                                      aim.lon_rad * constants::kRadToDeg - 0.25,
                                                      aim.lat_rad * constants::kRadToDeg + 0.25,
                                                      aim.lon_rad * constants::kRadToDeg + 0.25},
                                               0.5);
    const auto cell = compute_footprint(models, request).cells.at(0);
    ASSERT_TRUE(cell.engageable);
    ASSERT_EQ(cell.shots, 2);  // capped by the doctrine, so the planner's timing cannot change it

    int killed = 0;
    for (int run = 0; run < kRuns; ++run) {
      sim::RunOptions options;
      options.seed = seed++;
      options.keep_track_rows = false;
      const auto result = sim::run_world(models, options);
      if (result.threats.front().result == sim::ThreatResult::kKilled) ++killed;
    }
    const auto [lo, hi] = wilson(killed, kRuns, 2.5758);
    SCOPED_TRACE(std::to_string(killed) + " of " + std::to_string(kRuns) + " killed; analytic " +
                 std::to_string(cell.negation_probability));
    EXPECT_GE(cell.negation_probability, lo);
    EXPECT_LE(cell.negation_probability, hi);
  }
}

}  // namespace
}  // namespace rampart::analysis
