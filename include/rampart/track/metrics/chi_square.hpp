#pragma once
// The chi-square distribution, for the consistency bounds of NEES and NIS:
// the regularised incomplete gamma function and its inverse.

namespace rampart::track {

/// Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a), for
/// a > 0 and x >= 0 (P(a, 0) = 0, P(a, inf) = 1). Relative accuracy ~1e-14.
/// Throws std::invalid_argument outside that domain or for NaN.
double regularized_gamma_p(double a, double x);
/// Its complement Q(a, x) = 1 - P(a, x), accurate in the upper tail.
double regularized_gamma_q(double a, double x);

/// P(chi2_dof <= x): the chi-square cumulative distribution, dof > 0, x >= 0.
double chi_square_cdf(double x, double dof);
/// The x with P(chi2_dof <= x) = probability, for dof > 0 and probability in
/// (0, 1); relative accuracy ~1e-12. Throws std::invalid_argument otherwise.
double chi_square_quantile(double probability, double dof);

/// A two-sided interval [lower, upper].
struct ChiSquareInterval {
  double lower = 0.0;
  double upper = 0.0;
};

/// The interval of chi2_dof holding probability `confidence` in (0, 1) with
/// equal tails: quantiles (1 - c)/2 and (1 + c)/2.
ChiSquareInterval chi_square_interval(double dof, double confidence);

/// Bounds of an average NEES (or NIS) of a dof-dimensional error over `runs`
/// independent runs: runs * average ~ chi2_{runs dof} for a consistent filter,
/// so the bounds are chi2_{runs dof} quantiles / runs (Bar-Shalom, Li &
/// Kirubarajan 2001, 5.4.2). dof >= 1, runs >= 1, confidence in (0, 1).
ChiSquareInterval average_nees_bounds(int dof, int runs, double confidence);

}  // namespace rampart::track
