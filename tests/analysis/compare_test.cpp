// Comparing postures against independent truth: Newcombe's hybrid score
// interval against the published values of Newcombe (1998) Table II, the
// Welch interval against a hand computation, a posture compared with itself
// (nothing gained or lost, no significant difference), the areas adding up
// (A - B = lost - gained) when a battery moves, and a posture without its
// only battery losing all the defended area.

#include "rampart/analysis/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "rampart/core/constants.hpp"

namespace rampart::analysis {
namespace {

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

earth::Geodetic deg(double lat, double lon) { return {lat * constants::kDegToRad, lon * constants::kDegToRad, 0.0}; }

/// Radars far more sensitive than the catalog's: detection is certain where
/// the geometry allows (as in footprint_test.cpp).
sim::Scenario sharp(sim::Scenario scenario) {
  for (auto& radar : scenario.radars) radar.reference_snr *= 1e4;
  scenario.false_alarms = false;
  return scenario;
}

FootprintResult footprint_of(const sim::Scenario& scenario) {
  FootprintRequest request;
  request.grid.box = {40.0, 20.0, 48.0, 32.0};
  request.grid.step_deg = 2.0;
  request.fixed_point = deg(38.1, 46.3);
  request.missile = scenario.threats.front().missile;
  const sim::WorldModels models(scenario);
  return compute_footprint(models, request);
}

TEST(NewcombeDifference, MatchesNewcombe1998TableTwoMethodTen) {
  // Newcombe (1998), Stat Med 17:873, Table II, method 10 (hybrid score):
  // intervals for p1 - p2. Here A is the second sample and B the first.
  struct Example {
    std::size_t x1, n1, x2, n2;
    double low, high;
  };
  const Example examples[] = {
      {56, 70, 48, 80, 0.0524, 0.3339}, {9, 10, 3, 10, 0.1705, 0.8090}, {6, 7, 2, 7, 0.0582, 0.8062},
      {5, 56, 0, 29, -0.0381, 0.1926},  {0, 10, 0, 20, -0.1611, 0.2775}, {0, 10, 0, 10, -0.2775, 0.2775},
      {10, 10, 0, 20, 0.6791, 1.0000},  {10, 10, 0, 10, 0.6075, 1.0000},
  };
  for (const auto& e : examples) {
    SCOPED_TRACE(testing::Message() << e.x1 << "/" << e.n1 << " - " << e.x2 << "/" << e.n2);
    const auto d = newcombe_difference(e.x2, e.n2, e.x1, e.n1);
    EXPECT_NEAR(d.difference, double(e.x1) / double(e.n1) - double(e.x2) / double(e.n2), 1e-12);
    EXPECT_NEAR(d.low, e.low, 6e-5);
    EXPECT_NEAR(d.high, e.high, 6e-5);
    EXPECT_EQ(d.significant, e.low > 0.0 || e.high < 0.0);
  }
  EXPECT_THROW(newcombe_difference(1, 0, 1, 2), std::invalid_argument);
  EXPECT_THROW(newcombe_difference(3, 2, 1, 2), std::invalid_argument);
}

TEST(NewcombeDifference, AProportionComparedWithItselfIsNeverSignificant) {
  for (std::size_t n : {1u, 5u, 100u}) {
    for (std::size_t x = 0; x <= n; x += (n > 10 ? 10 : 1)) {
      const auto d = newcombe_difference(x, n, x, n);
      EXPECT_EQ(d.difference, 0.0);
      EXPECT_LT(d.low, 0.0);
      EXPECT_GT(d.high, 0.0);
      EXPECT_FALSE(d.significant);
    }
  }
}

TEST(WelchDifference, MatchesAHandComputation) {
  // Means 2 and 5, variances 1 and 1, n = 3 each: standard error sqrt(2/3),
  // Welch-Satterthwaite df = (2/3)^2 / (2 (1/3)^2 / 2) = 4, t(0.975, 4) = 2.776445.
  const auto d = welch_difference({1.0, 2.0, 3.0}, {4.0, 5.0, 6.0});
  EXPECT_NEAR(d.value, 3.0, 1e-12);
  EXPECT_NEAR(d.high - d.value, 2.776445 * std::sqrt(2.0 / 3.0), 1e-5);
  EXPECT_NEAR(d.value - d.low, 2.776445 * std::sqrt(2.0 / 3.0), 1e-5);
  const auto same = welch_difference({2.0, 2.0}, {2.0});
  EXPECT_EQ(same.value, 0.0);
  EXPECT_EQ(same.low, 0.0);
  EXPECT_EQ(same.high, 0.0);
  EXPECT_THROW(welch_difference({}, {1.0}), std::invalid_argument);
}

TEST(CompareStudies, TheSameRunsGiveNoDifference) {
  std::vector<RunRecord> runs;
  for (std::uint64_t k = 0; k < 6; ++k) {
    RunRecord r;
    r.run_index = k;
    r.leakers = k % 3 == 0 ? 1 : 0;
    r.interceptors_used = static_cast<int>(2 + k % 2);
    r.asset_damage = {0.0};
    runs.push_back(r);
  }
  std::vector<RunRecord> shuffled(runs.rbegin(), runs.rend());
  const auto c = compare_studies(runs, {"bucharest"}, shuffled, {"bucharest"});
  EXPECT_EQ(c.zero_leaker_runs_a, 4u);
  EXPECT_EQ(c.zero_leaker_runs_b, 4u);
  EXPECT_EQ(c.p_zero_leakers.difference, 0.0);
  EXPECT_FALSE(c.p_zero_leakers.significant);
  EXPECT_NEAR(c.a.interceptors_used.value, 2.5, 1e-12);
  EXPECT_EQ(c.interceptors_used.value, 0.0);
  EXPECT_LT(c.interceptors_used.low, 0.0);
}

TEST(UnionBox, HoldsBothBoxes) {
  const GeoBox u = union_box({40, 20, 48, 32}, {36, 25, 44, 40});
  EXPECT_EQ(u.lat0_deg, 36);
  EXPECT_EQ(u.lon0_deg, 20);
  EXPECT_EQ(u.lat1_deg, 48);
  EXPECT_EQ(u.lon1_deg, 40);
}

class CompareFootprints : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new sim::Scenario(sharp(sim::load_scenario(kSmall)));
    base_ = new FootprintResult(footprint_of(*scenario_));
  }
  static void TearDownTestSuite() {
    delete base_;
    delete scenario_;
  }
  static sim::Scenario* scenario_;
  static FootprintResult* base_;
};
sim::Scenario* CompareFootprints::scenario_ = nullptr;
FootprintResult* CompareFootprints::base_ = nullptr;

TEST_F(CompareFootprints, APostureComparedWithItselfGainsAndLosesNothing) {
  ASSERT_GT(base_->defended_area_m2, 0.0);  // Deveselu defends part of this grid
  const auto c = compare_footprints(*base_, *base_);
  EXPECT_EQ(c.gained_m2, 0.0);
  EXPECT_EQ(c.lost_m2, 0.0);
  EXPECT_NEAR(c.kept_m2, base_->defended_area_m2, 1e-6 * base_->defended_area_m2);
  for (const auto& cell : c.cells) {
    EXPECT_TRUE(cell.change == CellChange::kBoth || cell.change == CellChange::kNeither);
    EXPECT_EQ(cell.negation_a, cell.negation_b);
  }
  ASSERT_EQ(c.battery_area_a_m2.size(), 1u);
  EXPECT_EQ(c.battery_area_a_m2, c.battery_area_b_m2);
}

TEST_F(CompareFootprints, RemovingTheOnlyBatteryLosesAllTheDefendedArea) {
  sim::Scenario without = *scenario_;
  without.batteries.clear();
  const auto c = compare_footprints(*base_, footprint_of(without));
  EXPECT_EQ(c.defended_area_b_m2, 0.0);
  EXPECT_EQ(c.gained_m2, 0.0);
  EXPECT_NEAR(c.lost_m2, base_->defended_area_m2, 1e-6 * base_->defended_area_m2);
  EXPECT_TRUE(c.battery_area_b_m2.empty());
  for (const auto& cell : c.cells) EXPECT_EQ(cell.negation_b, 0.0);
}

TEST_F(CompareFootprints, AreasAddUpWhenTheBatteryMoves) {
  // Deveselu's battery moved to Kogalniceanu on the coast: some cells
  // change hands both ways. Independently of the bookkeeping, the defended
  // areas of the two footprints must differ by gained - lost.
  sim::Scenario moved = *scenario_;
  moved.batteries.front().location = deg(44.36, 28.49);
  moved.batteries.front().location.alt_m = 50.0;
  const FootprintResult b = footprint_of(moved);
  const auto c = compare_footprints(*base_, b);
  EXPECT_NEAR(b.defended_area_m2 - base_->defended_area_m2, c.gained_m2 - c.lost_m2, 1.0);
  EXPECT_GT(c.gained_m2 + c.lost_m2, 0.0);  // the move changes something
  double total = 0.0;
  for (const auto& cell : c.cells) total += cell.area_m2;
  EXPECT_NEAR(total, base_->total_area_m2, 1.0);
}

TEST(CompareFootprintsGrid, RefusesFootprintsOnDifferentGrids) {
  FootprintResult a;
  a.grid.step_deg = 1.0;
  FootprintResult b;
  b.grid.step_deg = 2.0;
  EXPECT_THROW(compare_footprints(a, b), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::analysis
