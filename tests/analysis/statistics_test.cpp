// The study's statistics against published values: Wilson score intervals
// from Newcombe (1998, Stat. Med. 17:857, Table I, method 3), Student t
// quantiles from the standard tables (Abramowitz & Stegun, Table 26.10),
// and sample percentiles and means worked by hand.

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "rampart/analysis/statistics.hpp"
#include "rampart/analysis/study_summary.hpp"

namespace rampart::analysis {
namespace {

struct PublishedWilson {
  std::size_t successes, trials;
  double low, high;  // to 4 decimals
};

TEST(Wilson, MatchesNewcombe1998TableI) {
  for (const auto& c : {PublishedWilson{81, 263, 0.2553, 0.3662}, PublishedWilson{15, 148, 0.0624, 0.1605},
                        PublishedWilson{0, 20, 0.0000, 0.1611}, PublishedWilson{1, 29, 0.0061, 0.1718}}) {
    const auto e = wilson_interval(c.successes, c.trials);
    EXPECT_NEAR(e.low, c.low, 0.5e-4) << c.successes << "/" << c.trials;
    EXPECT_NEAR(e.high, c.high, 0.5e-4) << c.successes << "/" << c.trials;
    EXPECT_DOUBLE_EQ(e.value, static_cast<double>(c.successes) / static_cast<double>(c.trials));
  }
}

TEST(Wilson, AllSuccessesMirrorsNoSuccessesAndStaysInsideZeroOne) {
  const auto none = wilson_interval(0, 20), all = wilson_interval(20, 20);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_EQ(all.high, 1.0);
  EXPECT_NEAR(all.low, 1.0 - none.high, 1e-15);
  EXPECT_THROW(wilson_interval(0, 0), std::invalid_argument);
  EXPECT_THROW(wilson_interval(3, 2), std::invalid_argument);
}

TEST(StudentT, MatchesTables) {
  struct Row {
    double p, df, t;
  };
  for (const auto& r : {Row{0.975, 1, 12.7062}, Row{0.975, 2, 4.3027}, Row{0.975, 5, 2.5706}, Row{0.975, 10, 2.2281},
                        Row{0.975, 30, 2.0423}, Row{0.975, 120, 1.9799}, Row{0.95, 10, 1.8125},
                        Row{0.995, 4, 4.6041}}) {
    EXPECT_NEAR(student_t_quantile(r.p, r.df), r.t, 0.5e-4) << r.p << " " << r.df;
    EXPECT_NEAR(student_t_quantile(1.0 - r.p, r.df), -r.t, 0.5e-4);
  }
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
}

TEST(MeanInterval, IsMeanPlusMinusTTimesStandardError) {
  // 1..5: mean 3, s = sqrt(2.5), se = sqrt(0.5), t(0.975, 4) = 2.7764.
  const auto e = mean_interval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(e.value, 3.0);
  EXPECT_NEAR(e.high - e.value, 2.7764 * std::sqrt(0.5), 1e-4);
  EXPECT_NEAR(e.value - e.low, 2.7764 * std::sqrt(0.5), 1e-4);
  const auto constant = mean_interval({2, 2, 2});
  EXPECT_EQ(constant.low, 2.0);
  EXPECT_EQ(constant.high, 2.0);
  EXPECT_THROW(mean_interval({}), std::invalid_argument);
}

TEST(Percentile, InterpolatesBetweenOrderStatistics) {
  // R: quantile(c(1, 2, 3, 4, 10), c(0, .05, .5, .95, 1)) = 1, 1.2, 3, 8.8, 10 (type 7).
  const std::vector<double> sample{10, 3, 1, 4, 2};
  EXPECT_DOUBLE_EQ(percentile(sample, 0.0), 1.0);
  EXPECT_NEAR(percentile(sample, 0.05), 1.2, 1e-12);
  EXPECT_DOUBLE_EQ(percentile(sample, 0.5), 3.0);
  EXPECT_NEAR(percentile(sample, 0.95), 8.8, 1e-12);
  EXPECT_DOUBLE_EQ(percentile(sample, 1.0), 10.0);
  EXPECT_DOUBLE_EQ(percentile({7}, 0.95), 7.0);
}

TEST(Convergence, CheckpointsAreOneTwoFiveDecadesThenTheTotal) {
  EXPECT_EQ(convergence_checkpoints(7), (std::vector<std::uint64_t>{7}));
  EXPECT_EQ(convergence_checkpoints(10), (std::vector<std::uint64_t>{10}));
  EXPECT_EQ(convergence_checkpoints(12), (std::vector<std::uint64_t>{10, 12}));
  EXPECT_EQ(convergence_checkpoints(1000), (std::vector<std::uint64_t>{10, 20, 50, 100, 200, 500, 1000}));
  EXPECT_EQ(convergence_checkpoints(1234), (std::vector<std::uint64_t>{10, 20, 50, 100, 200, 500, 1000, 1234}));
}

TEST(Summary, CountsFromHandMadeRows) {
  // Four runs: leakers 0, 1, 0, 2; the second asset hit in runs 1 and 3.
  std::vector<RunRecord> rows(4);
  const int leakers[] = {0, 1, 0, 2};
  const int used[] = {2, 3, 2, 5};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].run_index = i;
    rows[i].leakers = leakers[i];
    rows[i].interceptors_used = used[i];
    rows[i].asset_damage = {0.0, i % 2 == 1 ? 1.0 : 0.0};
  }
  const auto s = summarize_study(rows, {"a", "b"});
  EXPECT_EQ(s.runs, 4u);
  EXPECT_DOUBLE_EQ(s.p_zero_leakers.value, 0.5);
  EXPECT_DOUBLE_EQ(s.assets[0].p_survive.value, 1.0);
  EXPECT_DOUBLE_EQ(s.assets[1].p_survive.value, 0.5);
  EXPECT_DOUBLE_EQ(s.expected_leakers.value, 0.75);
  EXPECT_DOUBLE_EQ(s.interceptors_used.value, 3.0);
  EXPECT_DOUBLE_EQ(s.interceptors_p50, 2.5);
  ASSERT_EQ(s.convergence.size(), 1u);
  EXPECT_EQ(s.convergence[0].runs, 4u);
}

}  // namespace
}  // namespace rampart::analysis
