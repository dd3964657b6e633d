// Weapon-target assignment: the exact solver against exhaustive enumeration
// (written here, independent of the solvers), the heuristic's gap to the
// exact optimum, the bound when a limit stops the search, and the edges.

#include "rampart/engage/wta.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <vector>

#include "rampart/core/random.hpp"

namespace rampart::engage {
namespace {

struct Instance {
  std::vector<double> values;
  std::vector<int> counts;
  std::vector<std::vector<double>> p;
  WtaProblem problem() const { return WtaProblem(values, counts, p); }
};

// With `edges`: values in [0, 10) (one in ten exactly 0), p in [0.05, 0.95)
// with one entry in ten exactly 0 and one in ten exactly 1, so that the edges
// occur throughout. Without: values in [1, 10), p in [0.05, 0.95).
Instance random_instance(RandomStream& random, int types, int targets, bool unit_counts, bool edges = true) {
  Instance in;
  for (int j = 0; j < targets; ++j) {
    in.values.push_back(edges && random.uniform() < 0.1 ? 0.0 : random.uniform(edges ? 0.0 : 1.0, 10.0));
  }
  for (int i = 0; i < types; ++i) {
    const double u = random.uniform();
    in.counts.push_back(unit_counts ? 1 : u < 0.1 ? 0 : u < 0.75 ? 1 : 2);
    std::vector<double> row;
    for (int j = 0; j < targets; ++j) {
      const double v = random.uniform();
      row.push_back(edges && v < 0.1 ? 0.0 : edges && v < 0.2 ? 1.0 : random.uniform(0.05, 0.95));
    }
    in.p.push_back(row);
  }
  return in;
}

// The objective written out: sum_j V_j prod_i (1 - p_ij)^x_ij.
double objective(const Instance& in, const ShotMatrix& x) {
  double F = 0.0;
  for (std::size_t j = 0; j < in.values.size(); ++j) {
    double survive = in.values[j];
    for (std::size_t i = 0; i < in.counts.size(); ++i) {
      for (int k = 0; k < x[i][j]; ++k) survive *= 1.0 - in.p[i][j];
    }
    F += survive;
  }
  return F;
}

// Feasible: the right shape, no negative entry, no type over its count.
bool feasible(const Instance& in, const ShotMatrix& x) {
  if (x.size() != in.counts.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].size() != in.values.size()) return false;
    int fired = 0;
    for (const int k : x[i]) {
      if (k < 0) return false;
      fired += k;
    }
    if (fired > in.counts[i]) return false;
  }
  return true;
}

// Exhaustive minimum over EVERY x with sum_j x_ij <= c_i (firing fewer rounds
// allowed, so it does not assume that every round is fired).
double brute_force_minimum(const Instance& in) {
  const std::size_t m = in.counts.size();
  const std::size_t n = in.values.size();
  std::vector<double> S = in.values;
  double best = INFINITY;
  std::function<void(std::size_t, std::size_t, int)> cell = [&](std::size_t i, std::size_t j, int left) {
    if (i == m) {
      double F = 0.0;
      for (const double s : S) F += s;
      best = std::min(best, F);
      return;
    }
    if (j == n) {
      cell(i + 1, 0, i + 1 < m ? in.counts[i + 1] : 0);
      return;
    }
    const double saved = S[j];
    for (int x = 0; x <= left; ++x) {
      cell(i, j + 1, left - x);
      S[j] *= 1.0 - in.p[i][j];
    }
    S[j] = saved;
  };
  cell(0, 0, m > 0 ? in.counts[0] : 0);
  return best;
}

// The objective's rounding error is a few ulps of the total value per
// product; 1e-9 of the total value is far above it and far below any real
// difference between assignments of these instances.
double tolerance(const Instance& in) {
  double total = 0.0;
  for (const double v : in.values) total += v;
  return 1e-9 * std::max(total, 1.0);
}

// Validates: the exact solver is optimal on every size from 1x1 to 6 types x
// 5 targets (20 random instances per size, counts 0-2, edge probabilities
// included), its reported objective is the objective of its shots, and it
// claims proof. Also: the heuristic is feasible and never below the optimum.
TEST(WtaExact, EqualsBruteForceOnAllSizesUpToSixByFive) {
  RandomStream random(2024, 4);
  int instances = 0;
  for (int types = 1; types <= 6; ++types) {
    for (int targets = 1; targets <= 5; ++targets) {
      for (int k = 0; k < 20; ++k, ++instances) {
        const Instance in = random_instance(random, types, targets, false);
        const double optimum = brute_force_minimum(in);
        const WtaSolution exact = solve_wta_exact(in.problem());
        SCOPED_TRACE(testing::Message() << types << "x" << targets << " #" << k);
        ASSERT_TRUE(feasible(in, exact.shots));
        EXPECT_NEAR(objective(in, exact.shots), optimum, tolerance(in));
        EXPECT_NEAR(exact.expected_surviving_value, optimum, tolerance(in));
        EXPECT_TRUE(exact.proven_optimal);
        EXPECT_LE(exact.best_bound, optimum + tolerance(in));
        const WtaSolution heuristic = solve_wta_heuristic(in.problem());
        ASSERT_TRUE(feasible(in, heuristic.shots));
        EXPECT_GE(heuristic.expected_surviving_value, optimum - tolerance(in));
        EXPECT_LE(heuristic.best_bound, optimum + tolerance(in));  // a valid bound
        EXPECT_LE(wta_lower_bound(in.problem()), optimum + tolerance(in));
      }
    }
  }
  EXPECT_EQ(instances, 600);
}

// Validates the heuristic's quality: on 500 random 10x10 instances with one
// round per type, its mean relative excess over the proven optimum is below
// 1 % (the issue's requirement; the sample is fixed by the seed, so this is a
// deterministic regression bound, and the mean is printed).
TEST(WtaHeuristic, MeanGapToExactBelowOnePercentOn10x10) {
  RandomStream random(77, 10);
  double sum_gap = 0.0;
  double worst_gap = 0.0;
  int optimal = 0;
  int counted = 0;
  for (int k = 0; k < 500; ++k) {
    const Instance in = random_instance(random, 10, 10, true, false);
    const WtaSolution exact = solve_wta_exact(in.problem());
    ASSERT_TRUE(exact.proven_optimal) << k;
    const WtaSolution heuristic = solve_wta_heuristic(in.problem());
    ASSERT_TRUE(feasible(in, heuristic.shots));
    const double F_opt = objective(in, exact.shots);
    const double F_h = objective(in, heuristic.shots);
    ASSERT_GE(F_h, F_opt - tolerance(in));
    if (F_opt <= 0.0) continue;  // a zero optimum: the relative gap is undefined
    const double gap = (F_h - F_opt) / F_opt;
    sum_gap += gap;
    worst_gap = std::max(worst_gap, gap);
    optimal += gap <= 1e-9 ? 1 : 0;
    ++counted;
  }
  const double mean_gap = sum_gap / counted;
  std::printf("[ heuristic ] 10x10, %d instances: mean gap %.4f %%, worst %.3f %%, optimal on %d\n", counted,
              100.0 * mean_gap, 100.0 * worst_gap, optimal);
  EXPECT_LT(mean_gap, 0.01);
}

// Validates the limits: a node limit (deterministic) and a tiny time limit
// stop the search on a 30x30 instance with two rounds per type; the answer
// is feasible, its objective is that of its shots, no worse than the
// heuristic's, and the bound lies below it. On the small instances the bound
// after a few nodes must lie below the brute-force optimum (it is a bound on
// the optimum, not only on the answer).
TEST(WtaExact, LimitsReturnAFeasibleAnswerWithAValidBound) {
  RandomStream random(5, 30);
  Instance big = random_instance(random, 30, 30, true, false);
  for (auto& c : big.counts) c = 2;
  const WtaSolution heuristic = solve_wta_heuristic(big.problem());
  for (const WtaExactOptions options : {WtaExactOptions{10.0, 50}, WtaExactOptions{1e-9, 0}}) {
    const WtaSolution s = solve_wta_exact(big.problem(), options);
    ASSERT_TRUE(feasible(big, s.shots));
    EXPECT_FALSE(s.proven_optimal);
    EXPECT_NEAR(s.expected_surviving_value, objective(big, s.shots), tolerance(big));
    EXPECT_LE(s.expected_surviving_value, heuristic.expected_surviving_value + tolerance(big));
    EXPECT_LE(s.best_bound, s.expected_surviving_value);
    EXPECT_GE(s.best_bound, 0.0);
    EXPECT_GT(s.gap, 0.0);
    EXPECT_NEAR(s.gap, (s.expected_surviving_value - s.best_bound) / s.expected_surviving_value, 1e-12);
  }
  RandomStream small(6, 6);
  for (int k = 0; k < 50; ++k) {
    const Instance in = random_instance(small, 6, 5, false);
    const double optimum = brute_force_minimum(in);
    const WtaSolution s = solve_wta_exact(in.problem(), {10.0, 3});
    ASSERT_TRUE(feasible(in, s.shots));
    EXPECT_LE(s.best_bound, optimum + tolerance(in)) << k;
    EXPECT_GE(s.expected_surviving_value, optimum - tolerance(in)) << k;
  }
  EXPECT_THROW(solve_wta_exact(big.problem(), {0.0, 0}), std::invalid_argument);
  // Beyond 4096 rounds no search (the recursion would be that deep): still a
  // feasible answer and a valid bound. One type, so MMR is optimal (Manne 1958)
  // and the bound, greedy on the same single type, closes: proven.
  const WtaSolution deep = solve_wta_exact(WtaProblem({5.0, 3.0}, {5000}, {{0.001, 0.002}}));
  EXPECT_TRUE(deep.proven_optimal);
  EXPECT_EQ(deep.shots[0][0] + deep.shots[0][1], 5000);
  const WtaSolution deep2 = solve_wta_exact(WtaProblem({5.0, 3.0}, {3000, 2000}, {{0.001, 0.002}, {0.002, 0.0005}}));
  EXPECT_LE(deep2.best_bound, deep2.expected_surviving_value);
  EXPECT_EQ(deep2.shots[0][0] + deep2.shots[0][1], 3000);
}

// Validates the edges against their obvious answers: no weapons leaves all
// value; no targets leaves none; zero values give zero; p = 0 changes
// nothing; p = 1 kills outright, so two sure rounds kill the two most
// valuable of targets worth 1, 2, 3 and leave 1.
TEST(WtaEdges, ObviousAnswers) {
  for (const WtaMethod method : {WtaMethod::kExact, WtaMethod::kHeuristic, WtaMethod::kAuto}) {
    const WtaSolution none = solve_wta(WtaProblem({1.0, 2.5}, {}, {}), method);
    EXPECT_EQ(none.expected_surviving_value, 3.5);
    EXPECT_TRUE(none.proven_optimal);
    EXPECT_EQ(solve_wta(WtaProblem({}, {3}, {{}}), method).expected_surviving_value, 0.0);
    const WtaSolution zero = solve_wta(WtaProblem({0.0, 0.0}, {2}, {{0.5, 0.9}}), method);
    EXPECT_EQ(zero.expected_surviving_value, 0.0);
    EXPECT_EQ(zero.gap, 0.0);
    const WtaSolution useless = solve_wta(WtaProblem({4.0, 5.0}, {3, 1}, {{0.0, 0.0}, {0.0, 0.0}}), method);
    EXPECT_EQ(useless.expected_surviving_value, 9.0);
    const WtaSolution sure = solve_wta(WtaProblem({1.0, 2.0, 3.0}, {1, 1}, {{1.0, 1.0, 1.0}, {1.0, 1.0, 1.0}}), method);
    EXPECT_EQ(sure.expected_surviving_value, 1.0);
    EXPECT_TRUE(sure.proven_optimal);
    // One weapon type, MMR is optimal (Manne 1958): 3 rounds of p = 0.5 on
    // values 8 and 2 go 8 -> 4 -> 2, then either: F = 2 + 1 = 3.
    EXPECT_DOUBLE_EQ(solve_wta(WtaProblem({8.0, 2.0}, {3}, {{0.5, 0.5}}), method).expected_surviving_value, 3.0);
  }
  EXPECT_THROW(WtaProblem({-1.0}, {1}, {{0.5}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({NAN}, {1}, {{0.5}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({1.0}, {-1}, {{0.5}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({1.0}, {1}, {{1.5}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({1.0}, {1}, {{NAN}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({1.0}, {1}, {{0.5, 0.5}}), std::invalid_argument);
  EXPECT_THROW(WtaProblem({1.0}, {1, 1}, {{0.5}}), std::invalid_argument);
  EXPECT_THROW(expected_surviving_value(WtaProblem({1.0}, {1}, {{0.5}}), {{2}}), std::invalid_argument);
}

// The auto rule as documented: exact while rounds x targets <= 256.
TEST(WtaAuto, RuleAsDocumented) {
  EXPECT_TRUE(wta_auto_uses_exact(WtaProblem({1.0, 1.0}, {128}, {{0.5, 0.5}})));
  EXPECT_FALSE(wta_auto_uses_exact(WtaProblem({1.0, 1.0}, {129}, {{0.5, 0.5}})));
  EXPECT_TRUE(wta_auto_uses_exact(WtaProblem({}, {1000}, {{}})));
}

}  // namespace
}  // namespace rampart::engage
