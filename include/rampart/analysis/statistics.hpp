#pragma once
// The statistics of a Monte Carlo study: confidence intervals for a
// proportion (Wilson score) and for a mean (Student t), and sample
// percentiles. docs/models.md, "Monte Carlo statistics".

#include <cstddef>
#include <vector>

namespace rampart::analysis {

/// A point estimate with a two-sided confidence interval.
struct Estimate {
  double value = 0.0;
  double low = 0.0;
  double high = 0.0;
};

/// The Wilson score interval (Wilson 1927; Newcombe 1998, method 3) for
/// `successes` out of `trials` at the normal quantile `z` (1.959964 for 95%).
/// value is successes / trials. Throws std::invalid_argument if trials is 0
/// or successes > trials.
Estimate wilson_interval(std::size_t successes, std::size_t trials, double z = 1.959963984540054);

/// Student t quantile: the x with P(T_df <= x) = p, for 0 < p < 1 and df >= 1.
double student_t_quantile(double p, double df);

/// The sample mean with its two-sided t interval at `confidence` (mean ± t s / sqrt(n)).
/// One sample gives a zero-width interval (no spread to measure). Throws
/// std::invalid_argument for an empty sample.
Estimate mean_interval(const std::vector<double>& sample, double confidence = 0.95);

/// The q-quantile (0 <= q <= 1) of the sample by linear interpolation between
/// order statistics (Hyndman & Fan 1996, definition 7). Throws
/// std::invalid_argument for an empty sample.
double percentile(std::vector<double> sample, double q);

}  // namespace rampart::analysis
