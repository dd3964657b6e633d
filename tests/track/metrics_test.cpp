// Verification of the tracking metrics: chi-square quantiles against
// printed tables and closed forms, NEES of a correctly specified Gaussian
// within its bounds, OSPA and GOSPA against hand-computed cases, brute-force
// assignment and the metric axioms, RMSE and track continuity on scripted
// histories whose answers are counted by hand.

#include "rampart/track/metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/core/random.hpp"

namespace rampart::track {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// ---------------------------------------------------------------- chi-square

struct TableValue {
  double probability;  // P(chi2 <= x)
  double dof;
  double x;
  double half_unit;  // half a unit of the last printed digit: the table's own rounding
};

// Validates: the quantile against printed tables (five-decimal table of
// right-tail areas, and the six-significant-digit table of Appendix D of
// common statistics texts; the brief's chi2_150(0.95) ~ 179.58). Tolerance:
// half a unit in the last printed digit, the table's rounding, plus the
// solver's 1e-12 relative.
TEST(ChiSquare, QuantileMatchesPrintedTables) {
  const std::vector<TableValue> table = {
      {0.975, 3, 9.34840, 5e-6},    {0.025, 6, 1.23734, 5e-6},    {0.99, 10, 23.20925, 5e-6},
      {0.95, 1, 3.84146, 5e-6},     {0.5, 1, 0.45494, 5e-6},      {0.005, 1, 0.0000393, 5e-8},
      {0.95, 2, 5.99146, 5e-6},     {0.025, 300, 253.912, 5e-4},  {0.05, 150, 122.692, 5e-4},
      {0.025, 100, 74.2219, 5e-5},  {0.01, 500, 429.388, 5e-4},   {0.95, 150, 179.58, 5e-3},
      {0.995, 4, 14.86026, 5e-6},   {0.75, 8, 10.21885, 5e-6},
  };
  for (const TableValue& row : table) {
    EXPECT_NEAR(chi_square_quantile(row.probability, row.dof), row.x, row.half_unit + 1e-12 * row.x)
        << "p = " << row.probability << ", dof = " << row.dof;
  }
}

// Validates: the closed forms the regularised gamma function must reproduce:
// P(1, x) = 1 - e^-x, P(1/2, x) = erf(sqrt x), Q(n, x) = e^-x sum_{k<n} x^k/k!
// (the Poisson tail), on both sides of the series/fraction switch at x = a + 1.
// Tolerance: 1e-13 absolute, ~500 eps, the error of a few hundred rounded
// terms and of lgamma.
TEST(ChiSquare, RegularizedGammaMatchesClosedForms) {
  for (double x : {1e-6, 0.1, 0.9, 1.5, 2.0, 5.0, 20.0, 60.0}) {
    EXPECT_NEAR(regularized_gamma_p(1.0, x), -std::expm1(-x), 1e-13) << x;
    EXPECT_NEAR(regularized_gamma_p(0.5, x), std::erf(std::sqrt(x)), 1e-13) << x;
    for (int n : {2, 5, 12}) {
      double term = std::exp(-x);
      double sum = 0.0;
      for (int k = 0; k < n; ++k) {
        sum += term;
        term *= x / (k + 1);
      }
      EXPECT_NEAR(regularized_gamma_q(n, x), sum, 1e-13) << "n = " << n << ", x = " << x;
      EXPECT_NEAR(regularized_gamma_p(n, x) + regularized_gamma_q(n, x), 1.0, 4 * kEps);
    }
  }
  EXPECT_EQ(regularized_gamma_p(3.0, 0.0), 0.0);
  EXPECT_EQ(regularized_gamma_q(3.0, 0.0), 1.0);
  EXPECT_THROW(regularized_gamma_p(0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(regularized_gamma_p(1.0, -1.0), std::invalid_argument);
  EXPECT_THROW(regularized_gamma_p(std::nan(""), 1.0), std::invalid_argument);
}

// Validates: for two degrees of freedom the quantile is closed-form,
// x = -2 ln(1 - p), across eleven decades of tail probability, and in the
// far tails the solver still converges. Tolerance: 1e-12 relative, the
// Newton iteration's stopping rule with margin.
TEST(ChiSquare, TwoDegreesOfFreedomIsClosedForm) {
  for (double p : {1e-12, 1e-6, 0.01, 0.3, 0.5, 0.9, 0.999, 1.0 - 1e-9}) {
    const double expected = -2.0 * std::log1p(-p);
    EXPECT_NEAR(chi_square_quantile(p, 2.0), expected, 1e-12 * expected) << p;
  }
  EXPECT_THROW(chi_square_quantile(0.0, 3.0), std::invalid_argument);
  EXPECT_THROW(chi_square_quantile(1.0, 3.0), std::invalid_argument);
  EXPECT_THROW(chi_square_quantile(0.5, 0.0), std::invalid_argument);
}

// Validates: the average-NEES bounds of Bar-Shalom et al. (5.4.2): 50 runs
// of a 6-state error give a chi2_300 sum, whose 2.5 % point is 253.912 in the
// table above, so the lower bound is 253.912 / 50; the upper bound exceeds
// the mean 6 and the lower falls below it. Tolerance: the table's rounding / 50.
TEST(ChiSquare, AverageNeesBoundsFromTheSumOfRuns) {
  const ChiSquareInterval bounds = average_nees_bounds(6, 50, 0.95);
  EXPECT_NEAR(bounds.lower, 253.912 / 50.0, 5e-4 / 50.0);
  EXPECT_GT(bounds.upper, 6.0);
  EXPECT_LT(bounds.lower, 6.0);
  // Single run, three dof: the 95 % interval of chi2_3 itself (table: 0.21580, 9.34840).
  const ChiSquareInterval single = average_nees_bounds(3, 1, 0.95);
  EXPECT_NEAR(single.lower, 0.21580, 5e-6);
  EXPECT_NEAR(single.upper, 9.34840, 5e-6);
  EXPECT_THROW(average_nees_bounds(0, 5, 0.95), std::invalid_argument);
  EXPECT_THROW(average_nees_bounds(3, 5, 1.0), std::invalid_argument);
}

// ---------------------------------------------------------------- NEES, NIS

// Validates: e^T P^-1 e by hand (diagonal and a 2x2 with correlation, whose
// inverse is written out), and that a P that is not positive definite gives
// no value rather than a number. Tolerance: a few eps.
TEST(Nees, HandComputedValues) {
  Eigen::VectorXd e(2);
  e << 1.0, 2.0;
  Eigen::MatrixXd P(2, 2);
  P << 1.0, 0.0, 0.0, 4.0;
  EXPECT_NEAR(*nees(e, P), 2.0, 4 * kEps);
  // P = [[2, 1], [1, 2]]: P^-1 = [[2, -1], [-1, 2]] / 3, e^T P^-1 e = (2 - 4 + 8) / 3 = 2.
  P << 2.0, 1.0, 1.0, 2.0;
  EXPECT_NEAR(*nees(e, P), 2.0, 8 * kEps);
  P << 1.0, 2.0, 2.0, 1.0;  // eigenvalues 3 and -1
  EXPECT_FALSE(nees(e, P).has_value());
  EXPECT_FALSE(nees(e, Eigen::MatrixXd::Identity(3, 3)).has_value());
  const MeasurementVector nu(10.0, 0.001, -0.002);
  const MeasurementMatrix S = Eigen::Vector3d(25.0, 1e-6, 4e-6).asDiagonal();
  EXPECT_NEAR(*nis(nu, S), 4.0 + 1.0 + 1.0, 16 * kEps);
}

// A correlated 6x6 covariance (position m^2, velocity m^2/s^2) with the
// cross terms of a tracked ballistic object.
StateMatrix correlated_covariance() {
  StateMatrix A(6, 6);
  A << 40, 0, 0, 0, 0, 0,  //
      5, 30, 0, 0, 0, 0,   //
      -3, 8, 60, 0, 0, 0,  //
      0.4, 0.1, 0, 2, 0, 0,  //
      0, 0.3, 0.1, 0.2, 1.5, 0,  //
      0.1, 0, 0.5, 0.1, -0.2, 3;
  return A * A.transpose();
}

// Validates: errors drawn from exactly the Gaussian the "filter" reports give
// an average NEES inside the two-sided 99 % bounds for 2000 samples of 6 dof
// (the statement is the test's confidence: a consistent estimate fails it
// with probability 1 %; the seed is fixed, so the outcome is reproducible),
// and that a covariance too large by a factor 2 - an overconfident-in-reverse
// filter - is caught: its average NEES, ~3, is far below the lower bound.
TEST(Nees, CorrectlySpecifiedGaussianIsWithinBounds) {
  const StateMatrix P = correlated_covariance();
  const StateMatrix L = Eigen::LLT<StateMatrix>(P).matrixL();
  RandomStream random(2024, 7);
  const int runs = 2000;
  double sum = 0.0;
  double sum_misspecified = 0.0;
  for (int k = 0; k < runs; ++k) {
    Eigen::VectorXd w(6);
    for (int i = 0; i < 6; ++i) w(i) = random.normal();
    const Eigen::VectorXd e = L * w;
    sum += *nees(e, Eigen::MatrixXd(P));
    sum_misspecified += *nees(e, Eigen::MatrixXd(2.0 * P));
  }
  const ChiSquareInterval bounds = average_nees_bounds(6, runs, 0.99);
  EXPECT_GT(sum / runs, bounds.lower);
  EXPECT_LT(sum / runs, bounds.upper);
  EXPECT_LT(sum_misspecified / runs, bounds.lower);
}

// ---------------------------------------------------------------- OSPA

Vec3 at(double x, double y = 0.0, double z = 0.0) { return Vec3(x, y, z); }

// Validates: OSPA in the cases the definition settles by hand (Schuhmacher,
// Vo & Vo 2008, eq. 3): two empty sets are at 0; an empty set against any
// non-empty one is at c; one pair at 5 m (3-4-5) is at 5; a pair beyond c
// saturates at c; one point against two is ((d^p + c^p) / 2)^(1/p).
// Tolerance: a few eps relative.
TEST(Ospa, HandComputedCases) {
  const OspaParameters c10p2{10.0, 2.0};
  EXPECT_EQ(ospa({}, {}, c10p2).distance_m, 0.0);
  EXPECT_NEAR(ospa({}, {at(1), at(2), at(3)}, c10p2).distance_m, 10.0, 8 * kEps * 10);
  EXPECT_NEAR(ospa({at(1), at(2)}, {}, OspaParameters{10.0, 1.0}).distance_m, 10.0, 8 * kEps * 10);
  EXPECT_NEAR(ospa({at(0)}, {at(3, 4)}, c10p2).distance_m, 5.0, 8 * kEps * 5);
  EXPECT_NEAR(ospa({at(0)}, {at(30)}, c10p2).distance_m, 10.0, 8 * kEps * 10);
  const OspaResult r = ospa({at(0), at(100)}, {at(1)}, c10p2);
  EXPECT_NEAR(r.distance_m, std::sqrt((1.0 + 100.0) / 2.0), 8 * kEps * 10);
  EXPECT_NEAR(r.localisation_m, std::sqrt(1.0 / 2.0), 8 * kEps);
  EXPECT_NEAR(r.cardinality_m, std::sqrt(100.0 / 2.0), 8 * kEps * 10);
  EXPECT_NEAR(ospa({at(0), at(100)}, {at(1)}, OspaParameters{10.0, 1.0}).distance_m, 5.5, 8 * kEps * 10);
  EXPECT_THROW(ospa({}, {}, OspaParameters{0.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(ospa({}, {}, OspaParameters{10.0, 0.5}), std::invalid_argument);
}

// Validates: the assignment is optimal, not greedy. X = {0, 2.1},
// Y = {2, 4} on a line, p = 1: greedy takes the closest pair (2.1, 2) first
// and then pays 4, total 4.1; the optimum pairs (0, 2) and (2.1, 4), total
// 3.9, so OSPA = 3.9 / 2 = 1.95.
TEST(Ospa, AssignmentIsOptimalNotGreedy) {
  EXPECT_NEAR(ospa({at(0), at(2.1)}, {at(2), at(4)}, OspaParameters{10.0, 1.0}).distance_m, 1.95, 1e-14);
}

std::vector<Vec3> random_set(RandomStream& random, int size, double spread_m) {
  std::vector<Vec3> set;
  for (int i = 0; i < size; ++i) {
    set.push_back(Vec3(random.uniform(0.0, spread_m), random.uniform(0.0, spread_m), random.uniform(0.0, spread_m)));
  }
  return set;
}

// The OSPA^p and GOSPA^p of small sets by enumerating every injection of the
// smaller set into the larger one (permutations of the larger), the
// definitions taken literally: an independent oracle for the assignment.
double brute_force_ospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, double c, double p) {
  const std::vector<Vec3>& small = X.size() <= Y.size() ? X : Y;
  const std::vector<Vec3>& large = X.size() <= Y.size() ? Y : X;
  const std::size_t m = small.size(), n = large.size();
  if (n == 0) return 0.0;
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  double best = std::numeric_limits<double>::infinity();
  do {
    double sum = 0.0;
    for (std::size_t i = 0; i < m; ++i) sum += std::pow(std::min(c, (small[i] - large[perm[i]]).norm()), p);
    best = std::min(best, sum);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return std::pow((best + std::pow(c, p) * static_cast<double>(n - m)) / static_cast<double>(n), 1.0 / p);
}

// GOSPA (alpha = 2) by enumerating every partial assignment: each x either
// unassigned or paired with a distinct y at distance < c.
double brute_force_gospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, double c, double p) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<char> used(Y.size(), 0);
  const auto recurse = [&](auto&& self, std::size_t i, double cost, int pairs) -> void {
    if (i == X.size()) {
      const double unassigned = static_cast<double>(X.size() + Y.size()) - 2.0 * pairs;
      best = std::min(best, cost + 0.5 * std::pow(c, p) * unassigned);
      return;
    }
    self(self, i + 1, cost, pairs);
    for (std::size_t j = 0; j < Y.size(); ++j) {
      const double d = (X[i] - Y[j]).norm();
      if (used[j] || d >= c) continue;
      used[j] = 1;
      self(self, i + 1, cost + std::pow(d, p), pairs + 1);
      used[j] = 0;
    }
  };
  recurse(recurse, 0, 0.0, 0);
  return std::pow(best, 1.0 / p);
}

// Validates: OSPA and GOSPA equal the brute-force minimum over all
// assignments on 300 random pairs of sets of 0 to 6 points spread over about
// twice the cut-off (so that saturated and unsaturated pairs mix), for p = 1,
// 2 and 3. Tolerance: 1e-12 relative, the rounding of sums of a few terms.
TEST(OspaGospa, MatchBruteForceOnRandomSets) {
  RandomStream random(11, 3);
  for (int trial = 0; trial < 300; ++trial) {
    const auto X = random_set(random, static_cast<int>(random.uniform() * 7), 2000.0);
    const auto Y = random_set(random, static_cast<int>(random.uniform() * 7), 2000.0);
    for (double p : {1.0, 2.0, 3.0}) {
      const double c = 1000.0;
      const double expected_ospa = brute_force_ospa(X, Y, c, p);
      EXPECT_NEAR(ospa(X, Y, {c, p}).distance_m, expected_ospa, 1e-12 * c) << trial;
      const GospaResult g = gospa(X, Y, {c, p});
      EXPECT_NEAR(g.distance_m, brute_force_gospa(X, Y, c, p), 1e-12 * c * 4) << trial;
      EXPECT_EQ(g.missed, static_cast<int>(X.size()) - g.assigned);
      EXPECT_EQ(g.false_targets, static_cast<int>(Y.size()) - g.assigned);
    }
  }
}

// Validates: the metric axioms (Schuhmacher et al. 2008, Prop. 1; for GOSPA
// with alpha = 2, Rahmathullah et al. 2017): d(X, X) = 0, d(X, Y) > 0 for
// X != Y, symmetry, and the triangle inequality on 200 random triples of
// sets. Tolerance: 1e-9 m on distances of ~1 km, rounding in pow and sums.
TEST(OspaGospa, MetricAxiomsOnRandomSets) {
  RandomStream random(5, 9);
  const double tol = 1e-9;
  for (int trial = 0; trial < 200; ++trial) {
    const auto X = random_set(random, static_cast<int>(random.uniform() * 6), 1500.0);
    const auto Y = random_set(random, 1 + static_cast<int>(random.uniform() * 5), 1500.0);
    const auto Z = random_set(random, static_cast<int>(random.uniform() * 6), 1500.0);
    for (double p : {1.0, 2.0}) {
      const OspaParameters o{800.0, p};
      const GospaParameters g{800.0, p};
      EXPECT_NEAR(ospa(X, X, o).distance_m, 0.0, tol);
      EXPECT_NEAR(gospa(X, X, g).distance_m, 0.0, tol);
      if (X.size() != Y.size() || X.empty()) {
        EXPECT_GT(ospa(X, Y, o).distance_m, 0.0);
        EXPECT_GT(gospa(X, Y, g).distance_m, 0.0);
      }
      EXPECT_NEAR(ospa(X, Y, o).distance_m, ospa(Y, X, o).distance_m, tol);
      EXPECT_NEAR(gospa(X, Y, g).distance_m, gospa(Y, X, g).distance_m, tol);
      EXPECT_LE(ospa(X, Z, o).distance_m, ospa(X, Y, o).distance_m + ospa(Y, Z, o).distance_m + tol);
      EXPECT_LE(gospa(X, Z, g).distance_m, gospa(X, Y, g).distance_m + gospa(Y, Z, g).distance_m + tol);
    }
  }
}

// Validates: GOSPA's decomposition by hand (Rahmathullah et al. 2017, eq. 2
// with alpha = 2): empty sets give 0; two missed truths cost c^p/2 each;
// three false tracks likewise; a pair at 5 m costs 25 (p = 2); a pair beyond
// c is one missed plus one false (c^p in all, distance c); a mixed case
// counts each term. Tolerance: a few eps relative.
TEST(Gospa, HandComputedDecomposition) {
  const GospaParameters c10p2{10.0, 2.0};
  EXPECT_EQ(gospa({}, {}, c10p2).distance_m, 0.0);
  GospaResult r = gospa({at(0), at(50)}, {}, c10p2);
  EXPECT_EQ(r.missed, 2);
  EXPECT_NEAR(r.missed_cost, 100.0, 1e-13);
  EXPECT_NEAR(r.distance_m, 10.0, 1e-13);
  r = gospa({}, {at(0), at(50), at(99)}, c10p2);
  EXPECT_EQ(r.false_targets, 3);
  EXPECT_NEAR(r.distance_m, std::sqrt(150.0), 1e-13);
  r = gospa({at(0)}, {at(3, 4)}, c10p2);
  EXPECT_EQ(r.assigned, 1);
  EXPECT_NEAR(r.localisation_cost, 25.0, 1e-13);
  EXPECT_NEAR(r.distance_m, 5.0, 1e-14);
  r = gospa({at(0)}, {at(30)}, c10p2);
  EXPECT_EQ(r.assigned, 0);
  EXPECT_EQ(r.missed, 1);
  EXPECT_EQ(r.false_targets, 1);
  EXPECT_NEAR(r.distance_m, 10.0, 1e-13);
  // Truths {0, 100, 200}, estimates {1, 203, 500}: pairs (0,1) d=1 and
  // (200,203) d=3 are assigned; truth 100 is missed and estimate 500 is false:
  // d^2 = 1 + 9 + 50 + 50 = 110.
  r = gospa({at(0), at(100), at(200)}, {at(1), at(203), at(500)}, c10p2);
  EXPECT_EQ(r.assigned, 2);
  EXPECT_EQ(r.missed, 1);
  EXPECT_EQ(r.false_targets, 1);
  EXPECT_NEAR(r.localisation_cost, 10.0, 1e-13);
  EXPECT_NEAR(r.distance_m, std::sqrt(110.0), 1e-13);
  EXPECT_THROW(gospa({}, {}, GospaParameters{-1.0, 2.0}), std::invalid_argument);
}

// ---------------------------------------------------------------- frames, RMSE

TrackEstimate track_at(std::uint64_t id, const Vec3& r, const Vec3& v, bool confirmed = true) {
  TrackEstimate t;
  t.id = id;
  t.state.x = StateVector(6);
  t.state.x << r, v;
  t.state.P = StateMatrix::Identity(6, 6);
  t.confirmed = confirmed;
  return t;
}

TruthObject truth_at(sense::TruthId id, const Vec3& r, const Vec3& v = Vec3::Zero()) {
  TruthObject t;
  t.id = id;
  t.r_I_m = r;
  t.v_I_mps = v;
  return t;
}

// Validates: matching pairs each truth with the track that minimises the
// total squared distance (here the crossed pairing would cost more), drops
// pairs beyond the gate, and ignores tentative tracks when asked.
TEST(Match, OptimalGatedAndConfirmedOnly) {
  MetricFrame frame;
  frame.truths = {truth_at(1, at(0)), truth_at(2, at(1000)), truth_at(3, at(1e6))};
  frame.tracks = {track_at(20, at(990), Vec3::Zero()), track_at(10, at(15), Vec3::Zero()),
                  track_at(30, at(1e6 + 5), Vec3::Zero(), false)};
  auto pairs = match_tracks_to_truth(frame, {100.0, true});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].truth_index, 0);
  EXPECT_EQ(pairs[0].track_index, 1);
  EXPECT_NEAR(pairs[0].distance_m, 15.0, 1e-12);
  EXPECT_EQ(pairs[1].truth_index, 1);
  EXPECT_EQ(pairs[1].track_index, 0);
  pairs = match_tracks_to_truth(frame, {100.0, false});
  EXPECT_EQ(pairs.size(), 3u);
  pairs = match_tracks_to_truth(frame, {8.0, false});  // only the 5 m pair is inside (others 10, 15 m)
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].truth_index, 2);
  EXPECT_THROW(match_tracks_to_truth(frame, {0.0, true}), std::invalid_argument);
}

// Validates: RMSE per time and overall by hand. At t = 1: errors 5 m and 0 m
// (RMSE sqrt(25/2)); at t = 2: 12 m (RMSE 12); overall sqrt((25 + 0 + 144)/3).
// Velocity likewise. Tolerance: a few eps.
TEST(Rmse, PerTimeAndOverallByHand) {
  std::vector<ErrorSample> samples(3);
  samples[0] = {1.0, at(3, 4), at(1), std::nullopt};
  samples[1] = {1.0, at(0), at(0), std::nullopt};
  samples[2] = {2.0, at(0, 0, 12), at(0, 2), std::nullopt};
  const RmseSummary s = rmse(samples);
  ASSERT_EQ(s.over_time.size(), 2u);
  EXPECT_EQ(s.over_time[0].count, 2);
  EXPECT_NEAR(s.over_time[0].position_rmse_m, std::sqrt(12.5), 1e-14);
  EXPECT_NEAR(s.over_time[0].velocity_rmse_mps, std::sqrt(0.5), 1e-15);
  EXPECT_NEAR(s.over_time[1].position_rmse_m, 12.0, 1e-14);
  EXPECT_EQ(s.overall.count, 3);
  EXPECT_NEAR(s.overall.position_rmse_m, std::sqrt(169.0 / 3.0), 1e-14);
  EXPECT_NEAR(s.overall.velocity_rmse_mps, std::sqrt(5.0 / 3.0), 1e-14);
  EXPECT_TRUE(rmse({}).over_time.empty());
}

// Validates: error samples come from the matched pairs with the 6-state
// NEES (identity P: the squared error norm), and the consistency summary of
// 50 Monte Carlo runs x 40 times with errors drawn from the reported P puts
// the time-averaged NEES inside its 99 % bounds, and the fraction of times
// inside their 95 % bounds near 0.95: with 40 times, binomial sd
// sqrt(0.95 0.05 / 40) = 0.034, so >= 0.80 holds with ~99.9 % confidence.
TEST(Consistency, MonteCarloRunsOfACorrectGaussian) {
  MetricFrame frame;
  frame.t_s = 3.0;
  frame.truths = {truth_at(1, at(0), at(0))};
  frame.tracks = {track_at(4, at(1, 2, 2), at(0, 0, 1))};
  const auto one = error_samples({frame}, {100.0, true});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NEAR(*one[0].nees, 9.0 + 1.0, 1e-13);

  const StateMatrix P = correlated_covariance();
  const StateMatrix L = Eigen::LLT<StateMatrix>(P).matrixL();
  RandomStream random(77, 1);
  std::vector<ErrorSample> samples;
  for (int run = 0; run < 50; ++run) {
    for (int k = 0; k < 40; ++k) {
      StateVector w(6);
      for (int i = 0; i < 6; ++i) w(i) = random.normal();
      const StateVector e = L * w;
      ErrorSample s;
      s.t_s = k;
      s.position_error_m = e.head<3>();
      s.velocity_error_mps = e.segment<3>(3);
      s.nees = nees(Eigen::VectorXd(e), Eigen::MatrixXd(P));
      samples.push_back(s);
    }
  }
  const ConsistencySummary c99 = nees_consistency(samples, 6, 0.99);
  EXPECT_TRUE(c99.overall.inside) << c99.overall.mean_nees;
  EXPECT_EQ(c99.overall.count, 2000);
  const ConsistencySummary c95 = nees_consistency(samples, 6, 0.95);
  ASSERT_EQ(c95.over_time.size(), 40u);
  EXPECT_EQ(c95.over_time[0].count, 50);
  EXPECT_GE(c95.fraction_inside, 0.80);
}

// ---------------------------------------------------------------- continuity

// Validates: swaps, breaks, time to the first confirmed track and the
// impact-point error on a scripted history counted by hand:
//   t=0  truth 1 present, only a tentative track 10     -> tracked (tentative allowed), not confirmed
//   t=1  track 10 confirmed                             -> first confirmed at 1 (1 s after first seen)
//   t=2  no track near truth 1                          -> break 1
//   t=3  track 11 follows truth 1                       -> track change 1 (10 -> 11, across the gap), no swap
//   t=4  track 11 again, truth 2 appears, track 12 on it
//   t=5  tracks exchange: 12 on truth 1, 11 on truth 2  -> track change 2 for truth 1, 1 for truth 2;
//                                                          a swap for each (12 followed truth 2, 11 truth 1)
//   t=6  truth 1 gone (impact): not a break
// Impact errors: on the sphere, two ground points 0.01 rad apart in latitude
// at the same longitude are a chord 2 R sin(0.005) apart.
TEST(TrackContinuity, ScriptedHistoryCountedByHand) {
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const earth::Geodetic true_impact{0.3, 0.5, 0.0};
  const earth::Geodetic predicted{0.31, 0.5, 0.0};
  const auto frame = [&](double t, std::vector<TruthObject> truths, std::vector<TrackEstimate> tracks) {
    MetricFrame f;
    f.t_s = t;
    f.truths = std::move(truths);
    for (auto& truth : f.truths) truth.impact_point = true_impact;
    f.tracks = std::move(tracks);
    return f;
  };
  const Vec3 r1 = at(0), r2 = at(5000);
  TrackEstimate with_impact = track_at(11, r1 + at(10), at(0));
  with_impact.predicted_impact = predicted;
  TrackEstimate swapped_11 = track_at(11, r2 + at(10), at(0));
  std::vector<MetricFrame> frames = {
      frame(0, {truth_at(1, r1)}, {track_at(10, r1 + at(5), at(0), false)}),
      frame(1, {truth_at(1, r1)}, {track_at(10, r1 + at(5), at(0))}),
      frame(2, {truth_at(1, r1)}, {track_at(10, r1 + at(900), at(0))}),
      frame(3, {truth_at(1, r1)}, {with_impact}),
      frame(4, {truth_at(1, r1), truth_at(2, r2)}, {with_impact, track_at(12, r2, at(0))}),
      frame(5, {truth_at(1, r1), truth_at(2, r2)}, {track_at(12, r1, at(0)), swapped_11}),
      frame(6, {truth_at(2, r2)}, {swapped_11}),
  };
  const ContinuitySummary s = track_continuity(frames, sphere, {100.0, false});
  ASSERT_EQ(s.truths.size(), 2u);
  const TruthContinuity& t1 = s.truths[0];
  EXPECT_EQ(t1.id, 1u);
  EXPECT_EQ(t1.first_seen_s, 0.0);
  ASSERT_TRUE(t1.first_confirmed_track_s.has_value());
  EXPECT_EQ(*t1.first_confirmed_track_s, 1.0);
  EXPECT_EQ(*t1.time_to_first_confirmed_track_s, 1.0);
  EXPECT_EQ(t1.frames_present, 6);
  EXPECT_EQ(t1.frames_tracked, 5);
  EXPECT_EQ(t1.breaks, 1);
  EXPECT_EQ(t1.track_changes, 2);
  EXPECT_EQ(t1.swaps, 1);
  EXPECT_EQ(t1.track_ids, (std::vector<std::uint64_t>{10, 11, 12}));
  ASSERT_EQ(t1.impact_error.size(), 2u);  // t = 3 and 4, where track 11 carries a prediction
  const double chord = 2.0 * constants::kSphereRadius * std::sin(0.005);
  EXPECT_NEAR(t1.impact_error[0].error_m, chord, 1e-9 * chord);
  EXPECT_EQ(t1.impact_error[1].t_s, 4.0);
  const TruthContinuity& t2 = s.truths[1];
  EXPECT_EQ(t2.first_seen_s, 4.0);
  EXPECT_EQ(*t2.time_to_first_confirmed_track_s, 0.0);
  EXPECT_EQ(t2.track_changes, 1);
  EXPECT_EQ(t2.swaps, 1);
  EXPECT_EQ(t2.breaks, 0);
  EXPECT_EQ(s.track_changes, 3);
  EXPECT_EQ(s.swaps, 2);
  EXPECT_EQ(s.breaks, 1);

  // With only confirmed tracks the tentative frame at t = 0 is untracked.
  const ContinuitySummary confirmed = track_continuity(frames, sphere, {100.0, true});
  EXPECT_EQ(confirmed.truths[0].frames_tracked, 4);
  EXPECT_EQ(confirmed.truths[0].breaks, 1);

  std::swap(frames[1], frames[2]);
  frames[1].t_s = 5.0;
  EXPECT_THROW(track_continuity(frames, sphere, {100.0, true}), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::track
