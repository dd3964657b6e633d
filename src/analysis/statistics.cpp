#include "rampart/analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace rampart::analysis {
namespace {

// Continued fraction of the regularized incomplete beta function (Press et
// al., Numerical Recipes 3rd ed., 6.4, modified Lentz).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double step = d * c;
    h *= step;
    if (std::abs(step - 1.0) < 1e-15) break;
  }
  return h;
}

double regularized_incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

// P(T_df <= t) through the incomplete beta function (Abramowitz & Stegun 26.7.1, 26.5.27).
double student_t_cdf(double t, double df) {
  const double tail = 0.5 * regularized_incomplete_beta(0.5 * df, 0.5, df / (df + t * t));
  return t >= 0.0 ? 1.0 - tail : tail;
}

}  // namespace

Estimate wilson_interval(std::size_t successes, std::size_t trials, double z) {
  if (trials == 0) throw std::invalid_argument("wilson_interval: no trials");
  if (successes > trials) throw std::invalid_argument("wilson_interval: more successes than trials");
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  // At 0 or n successes one bound is exactly 0 or 1; clamp the rounding.
  return {p, successes == 0 ? 0.0 : std::max(0.0, centre - half),
          successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df >= 1.0)) throw std::invalid_argument("student_t_quantile: p in (0,1), df >= 1");
  if (p == 0.5) return 0.0;
  // The CDF is monotone: bracket, then bisect to double precision (the cost
  // is irrelevant next to a study's runs).
  const double target = p;
  double low = -1.0, high = 1.0;
  while (student_t_cdf(low, df) > target) low *= 2.0;
  while (student_t_cdf(high, df) < target) high *= 2.0;
  for (int i = 0; i < 200 && high - low > 1e-14 * std::max(1.0, std::abs(high)); ++i) {
    const double mid = 0.5 * (low + high);
    (student_t_cdf(mid, df) < target ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

Estimate mean_interval(const std::vector<double>& sample, double confidence) {
  if (sample.empty()) throw std::invalid_argument("mean_interval: empty sample");
  const double n = static_cast<double>(sample.size());
  const double mean = std::accumulate(sample.begin(), sample.end(), 0.0) / n;
  if (sample.size() == 1) return {mean, mean, mean};
  double squares = 0.0;
  for (double x : sample) squares += (x - mean) * (x - mean);
  const double standard_error = std::sqrt(squares / (n - 1.0) / n);
  const double t = student_t_quantile(0.5 + 0.5 * confidence, n - 1.0);
  return {mean, mean - t * standard_error, mean + t * standard_error};
}

double percentile(std::vector<double> sample, double q) {
  if (sample.empty()) throw std::invalid_argument("percentile: empty sample");
  std::sort(sample.begin(), sample.end());
  const double h = (static_cast<double>(sample.size()) - 1.0) * std::clamp(q, 0.0, 1.0);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sample.size() - 1);
  return sample[below] + (h - static_cast<double>(below)) * (sample[above] - sample[below]);
}

}  // namespace rampart::analysis
