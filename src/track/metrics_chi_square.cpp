#include "rampart/track/metrics/chi_square.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace rampart::track {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kTiny = 1e-300;
constexpr int kMaxTerms = 1'000'000;  // the series and the fraction need O(sqrt(a)) terms near x = a

void check_gamma_domain(double a, double x) {
  if (!(a > 0.0) || !(x >= 0.0) || std::isinf(a)) {
    throw std::invalid_argument("regularized gamma: need a > 0 finite and x >= 0");
  }
}

// log(x^a e^-x / Gamma(a)), the prefactor shared by the series and the fraction.
double log_prefactor(double a, double x) { return a * std::log(x) - x - std::lgamma(a); }

// P(a, x) by its power series x^a e^-x / Gamma(a) * sum_n x^n / (a (a+1) ... (a+n)),
// which converges fast for x < a + 1 (every ratio x / (a + n) is below 1 early).
double gamma_p_series(double a, double x) {
  double term = 1.0 / a;
  double sum = term;
  for (int n = 1; n < kMaxTerms; ++n) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * kEps) break;
  }
  return std::exp(log_prefactor(a, x)) * sum;
}

// Q(a, x) by Legendre's continued fraction
// x^a e^-x / Gamma(a) * 1/(x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - ...))),
// evaluated by the modified Lentz method; converges fast for x >= a + 1.
double gamma_q_fraction(double a, double x) {
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i < kMaxTerms; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEps) break;
  }
  return std::exp(log_prefactor(a, x)) * h;
}

// Standard normal quantile: Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4)
// polished by two Newton steps on Phi(z) = erfc(-z / sqrt 2) / 2. Only a
// starting point for the chi-square Newton iteration, so it need not be exact.
double normal_quantile(double p) {
  const double q = p < 0.5 ? p : 1.0 - p;
  const double t = std::sqrt(-2.0 * std::log(q));
  double z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  if (p < 0.5) z = -z;
  for (int i = 0; i < 2; ++i) {
    const double phi = std::exp(-0.5 * z * z) / std::sqrt(2.0 * 3.14159265358979323846);
    if (phi <= 0.0) break;
    z -= (0.5 * std::erfc(-z / std::sqrt(2.0)) - p) / phi;
  }
  return z;
}

}  // namespace

double regularized_gamma_p(double a, double x) {
  check_gamma_domain(a, x);
  if (x == 0.0) return 0.0;
  if (std::isinf(x)) return 1.0;
  return x < a + 1.0 ? gamma_p_series(a, x) : 1.0 - gamma_q_fraction(a, x);
}

double regularized_gamma_q(double a, double x) {
  check_gamma_domain(a, x);
  if (x == 0.0) return 1.0;
  if (std::isinf(x)) return 0.0;
  return x < a + 1.0 ? 1.0 - gamma_p_series(a, x) : gamma_q_fraction(a, x);
}

double chi_square_cdf(double x, double dof) { return regularized_gamma_p(0.5 * dof, 0.5 * x); }

double chi_square_quantile(double probability, double dof) {
  if (!(probability > 0.0 && probability < 1.0) || !(dof > 0.0) || std::isinf(dof)) {
    throw std::invalid_argument("chi_square_quantile: need probability in (0, 1) and dof > 0 finite");
  }
  // Solve P(a, y) = p for y = x / 2, a = dof / 2. Below the median the lower
  // tail P is accurate, above it the upper tail Q: f(y) = P - p = (1 - p) - Q
  // computed from whichever does not cancel.
  const double a = 0.5 * dof;
  const bool upper = probability > 0.5;
  const auto f = [&](double y) {
    return upper ? (1.0 - probability) - regularized_gamma_q(a, y) : regularized_gamma_p(a, y) - probability;
  };
  // Gamma(a) density: d P / d y.
  const auto density = [&](double y) { return std::exp((a - 1.0) * std::log(y) - y - std::lgamma(a)); };

  // Start: Wilson & Hilferty (1931), (chi2/k)^(1/3) ~ N(1 - 2/(9k), 2/(9k));
  // where it falls at or below zero (small dof, small p), the leading term of
  // the series, P(a, y) ~ y^a / Gamma(a + 1).
  const double z = normal_quantile(probability);
  const double h = 2.0 / (9.0 * dof);
  const double wh = 1.0 - h + z * std::sqrt(h);
  double y = wh > 0.0 ? 0.5 * dof * wh * wh * wh : 0.0;
  if (!(y > 0.0) || (!upper && dof < 2.0)) {
    const double y_series = std::exp((std::log(probability) + std::lgamma(a + 1.0)) / a);
    if (!(y > 0.0) || y_series < y) y = y_series;
  }

  // Newton on f with a bracket [lo, hi] kept by the sign of f (f rises with y),
  // falling back to bisection when a step leaves it.
  double lo = 0.0;
  double hi = std::numeric_limits<double>::infinity();
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double fy = f(y);
    if (fy == 0.0) break;
    if (fy < 0.0) lo = y; else hi = y;
    double next = y - fy / density(y);
    if (!(next > lo && next < hi)) next = std::isinf(hi) ? 2.0 * y : 0.5 * (lo + hi);
    const bool converged = std::abs(next - y) <= 4.0 * kEps * y;
    y = next;
    if (converged) break;
  }
  return 2.0 * y;
}

ChiSquareInterval chi_square_interval(double dof, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("chi_square_interval: confidence must be in (0, 1)");
  }
  const double tail = 0.5 * (1.0 - confidence);
  return {chi_square_quantile(tail, dof), chi_square_quantile(1.0 - tail, dof)};
}

ChiSquareInterval average_nees_bounds(int dof, int runs, double confidence) {
  if (dof < 1 || runs < 1) throw std::invalid_argument("average_nees_bounds: need dof >= 1 and runs >= 1");
  const double N = runs;
  const ChiSquareInterval sum = chi_square_interval(static_cast<double>(dof) * N, confidence);
  return {sum.lower / N, sum.upper / N};
}

}  // namespace rampart::track
