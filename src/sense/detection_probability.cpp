#include "rampart/sense/detection_probability.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rampart::sense {

namespace {

void check_arguments(double snr, double pfa) {
  if (!(snr >= 0.0) || !std::isfinite(snr)) throw std::invalid_argument("SNR must be finite and >= 0");
  if (!(pfa > 0.0 && pfa < 1.0)) throw std::invalid_argument("probability of false alarm must lie in (0, 1)");
}

}  // namespace

std::string_view swerling_case_name(SwerlingCase swerling) {
  switch (swerling) {
    case SwerlingCase::kSwerling0: return "swerling0";
    case SwerlingCase::kSwerling1: return "swerling1";
    case SwerlingCase::kSwerling3: return "swerling3";
  }
  return "swerling?";
}

double marcum_q1(double a, double b) {
  if (!(a >= 0.0) || !(b >= 0.0) || !std::isfinite(a) || !std::isfinite(b)) {
    throw std::invalid_argument("marcum_q1: arguments must be finite and >= 0");
  }
  // The noncentral chi-square with 2 degrees of freedom is a Poisson(lambda)
  // mixture of central chi-squares with 2k + 2 degrees of freedom:
  //   Q1(a, b) = sum_k w_k Q(k + 1, x),  w_k = e^-lambda lambda^k / k!,
  //   lambda = a^2 / 2, x = b^2 / 2, Q the regularised upper incomplete gamma.
  // Written as 1 - sum_k w_k P(k + 1, x), the sum can stop at K where
  // P(K + 1, x) (the Poisson(x) tail above K) is below 1e-17: K = x + 12
  // sqrt(x) + 40 terms, however large lambda is. Every term is non-negative,
  // so nothing cancels but the final 1 - sum (absolute error ~K eps).
  const double lambda = 0.5 * a * a;
  const double x = 0.5 * b * b;
  const int K = static_cast<int>(x + 12.0 * std::sqrt(x) + 40.0);
  const double log_lambda = lambda > 0.0 ? std::log(lambda) : 0.0;
  double q = 0.0;                 // Q(k + 1, x) = e^-x sum_{j <= k} x^j / j!
  double poisson_x = std::exp(-x);  // e^-x x^k / k!
  double sum = 0.0;
  for (int k = 0; k <= K; ++k) {
    q += poisson_x;
    poisson_x *= x / (k + 1);
    double w;
    if (lambda > 0.0) {
      w = std::exp(-lambda + k * log_lambda - std::lgamma(k + 1.0));
    } else {
      w = (k == 0) ? 1.0 : 0.0;
    }
    sum += w * (1.0 - std::min(q, 1.0));
  }
  return std::clamp(1.0 - sum, 0.0, 1.0);
}

double pd_swerling0(double snr, double pfa) {
  check_arguments(snr, pfa);
  return marcum_q1(std::sqrt(2.0 * snr), std::sqrt(-2.0 * std::log(pfa)));
}

double pd_swerling1(double snr, double pfa) {
  check_arguments(snr, pfa);
  return std::pow(pfa, 1.0 / (1.0 + snr));
}

double pd_swerling3(double snr, double pfa) {
  check_arguments(snr, pfa);
  const double V = -std::log(pfa);
  const double two_plus = 2.0 + snr;
  return std::exp(-V / (1.0 + 0.5 * snr)) * (1.0 + 2.0 * snr * V / (two_plus * two_plus));
}

double detection_probability(SwerlingCase swerling, double snr, double pfa) {
  switch (swerling) {
    case SwerlingCase::kSwerling0: return pd_swerling0(snr, pfa);
    case SwerlingCase::kSwerling1: return pd_swerling1(snr, pfa);
    case SwerlingCase::kSwerling3: return pd_swerling3(snr, pfa);
  }
  throw std::invalid_argument("unknown Swerling case");
}

}  // namespace rampart::sense
