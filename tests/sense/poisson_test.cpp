// Poisson draws: sample mean, variance and P(0) against the distribution,
// for a small mean (one inversion) and a large one (chunked).

#include "rampart/sense/poisson.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace rampart::sense {
namespace {

// 4.5-sigma bounds: a correct sampler fails with probability ~7e-6; seeds fixed.
constexpr double kZ = 4.5;

TEST(Poisson, MomentsMatch) {
  // Mean lambda: sample mean within kZ sqrt(lambda/n); sample variance of a
  // Poisson has variance ~ (lambda + 2 lambda^2)/n (fourth cumulant lambda),
  // so it lies within kZ sqrt((lambda + 2 lambda^2)/n) of lambda.
  for (double lambda : {0.3, 3.7, 1234.5}) {
    RandomStream rng(7, static_cast<std::uint64_t>(lambda * 10));
    const int n = 20000;
    double sum = 0.0, sum2 = 0.0;
    int zeros = 0;
    for (int i = 0; i < n; ++i) {
      const double k = static_cast<double>(draw_poisson(lambda, rng));
      sum += k;
      sum2 += k * k;
      zeros += (k == 0.0);
    }
    const double mean = sum / n, var = (sum2 - n * mean * mean) / (n - 1);
    EXPECT_NEAR(mean, lambda, kZ * std::sqrt(lambda / n)) << lambda;
    EXPECT_NEAR(var, lambda, kZ * std::sqrt((lambda + 2.0 * lambda * lambda) / n)) << lambda;
    const double p0 = std::exp(-lambda);
    EXPECT_NEAR(static_cast<double>(zeros) / n, p0, kZ * std::sqrt(p0 * (1.0 - p0) / n) + 1e-12) << lambda;
  }
}

TEST(Poisson, EdgesAndErrors) {
  RandomStream rng(1, 1);
  EXPECT_EQ(draw_poisson(0.0, rng), 0);
  EXPECT_THROW(draw_poisson(-1.0, rng), std::invalid_argument);
  EXPECT_THROW(draw_poisson(INFINITY, rng), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::sense
