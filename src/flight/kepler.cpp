#include "rampart/flight/kepler.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace rampart::flight {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

/// Stumpff functions C(z) = sum (-z)^k / (2k+2)!, S(z) = sum (-z)^k / (2k+3)!.
struct Stumpff {
  double c;
  double s;
};

constexpr double inverse_factorial(int n) {
  double f = 1.0;
  for (int i = 2; i <= n; ++i) f *= i;
  return 1.0 / f;
}

// Series coefficients: kC[k] = 1/(2k+2)!, kS[k] = 1/(2k+3)!, k = 0..8.
constexpr std::array<double, 9> kC = {inverse_factorial(2),  inverse_factorial(4),  inverse_factorial(6),
                                      inverse_factorial(8),  inverse_factorial(10), inverse_factorial(12),
                                      inverse_factorial(14), inverse_factorial(16), inverse_factorial(18)};
constexpr std::array<double, 9> kS = {inverse_factorial(3),  inverse_factorial(5),  inverse_factorial(7),
                                      inverse_factorial(9),  inverse_factorial(11), inverse_factorial(13),
                                      inverse_factorial(15), inverse_factorial(17), inverse_factorial(19)};

Stumpff stumpff(double z) {
  // |z| < 1: the series to k = 8 (the first omitted term, z^9/20!, is below
  // 1e-18 of C); the closed forms lose digits to cancellation there.
  if (std::abs(z) < 1.0) {
    double c = kC[8], s = kS[8];
    for (int k = 7; k >= 0; --k) {
      c = kC[k] - z * c;
      s = kS[k] - z * s;
    }
    return {c, s};
  }
  if (z > 0.0) {
    const double x = std::sqrt(z);
    const double h = std::sin(0.5 * x);
    // 1 - cos x = 2 sin^2(x/2): no cancellation.
    return {2.0 * h * h / z, (x - std::sin(x)) / (z * x)};
  }
  const double x = std::sqrt(-z);
  const double h = std::sinh(0.5 * x);
  return {2.0 * h * h / (-z), (std::sinh(x) - x) / (-z * x)};
}

}  // namespace

double specific_energy(const Vec3& r, const Vec3& v, double mu) { return 0.5 * v.squaredNorm() - mu / r.norm(); }

KeplerState propagate_kepler(const Vec3& r0, const Vec3& v0, double dt_s, double mu) {
  if (dt_s == 0.0) return {r0, v0};
  const double r0n = r0.norm();
  const double sqrt_mu = std::sqrt(mu);
  const double rv = r0.dot(v0);
  const double alpha = 2.0 / r0n - v0.squaredNorm() / mu;  // 1/a; > 0 ellipse, 0 parabola, < 0 hyperbola

  // On an ellipse, whole periods change nothing: reduce dt to [-T/2, T/2],
  // which keeps the universal anomaly small and the Stumpff arguments in
  // (-4 pi^2, 4 pi^2), so ten orbits in one call are as accurate as one.
  // alpha r0 > 1e-12: below this the period (~ r0^{3/2} (alpha r0)^{-3/2})
  // exceeds any dt of interest by far.
  double dt = dt_s;
  if (alpha * r0n > 1e-12) {
    const double period = 2.0 * std::numbers::pi / (sqrt_mu * alpha * std::sqrt(alpha));
    dt -= period * std::nearbyint(dt / period);
    if (dt == 0.0) return {r0, v0};
  }

  // Universal Kepler equation (Curtis (3.46); Vallado Alg. 8):
  // F(chi) = rv/sqrt(mu) chi^2 C(z) + (1 - alpha r0) chi^3 S(z) + r0 chi - sqrt(mu) dt,
  // z = alpha chi^2, with F'(chi) = r(chi) > 0: F is increasing, so its root
  // is bracketed by 0 and the iterates, and Newton can be safeguarded by
  // bisection.
  const double sigma0 = rv / sqrt_mu;
  const double q = 1.0 - alpha * r0n;
  const double target = sqrt_mu * dt;

  // Initial guess (Vallado Alg. 8): elliptic sqrt(mu) dt alpha; hyperbolic
  // from the asymptotic log form; else the near-field sqrt(mu) dt / r0.
  double chi = target / r0n;
  if (alpha * r0n > 1e-6) {
    chi = target * alpha;
  } else if (alpha * r0n < -1e-6) {
    const double a = 1.0 / alpha;
    const double sgn = dt > 0.0 ? 1.0 : -1.0;
    const double arg = -2.0 * mu * alpha * dt / (rv + sgn * std::sqrt(-mu * a) * q);
    const double guess = sgn * std::sqrt(-a) * std::log(arg);
    if (std::isfinite(guess) && arg > 0.0) chi = guess;
  }

  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  (dt > 0.0 ? lo : hi) = 0.0;  // F(0) = -sqrt(mu) dt
  if (!(chi > lo && chi < hi)) chi = target / r0n;

  Stumpff cs{0.5, 1.0 / 6.0};
  double z = 0.0;
  double r = r0n;
  // Newton converges quadratically from these guesses (3-6 iterations);
  // bisection steps, if any, halve the bracket: 200 covers both.
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double chi2 = chi * chi;
    z = alpha * chi2;
    cs = stumpff(z);
    r = sigma0 * chi * (1.0 - z * cs.s) + q * chi2 * cs.c + r0n;
    const double F = sigma0 * chi2 * cs.c + q * chi2 * chi * cs.s + r0n * chi - target;
    if (F < 0.0) {
      lo = chi;
    } else {
      hi = chi;
    }
    const double newton = F / r;
    // Converged when the Newton correction is at the rounding level of chi.
    if (std::abs(newton) <= 4.0 * kEps * std::abs(chi)) {
      chi -= newton;
      break;
    }
    // Outside the bracket (or NaN from an overflowing cosh): bisect; both
    // ends are then finite, as Newton only leaves on the bounded side.
    chi -= newton;
    if (!(chi > lo && chi < hi)) chi = 0.5 * (lo + hi);
  }
  const double chi2 = chi * chi;
  z = alpha * chi2;
  cs = stumpff(z);
  r = sigma0 * chi * (1.0 - z * cs.s) + q * chi2 * cs.c + r0n;

  // Lagrange coefficients (Curtis (3.69), (3.70)).
  const double f = 1.0 - chi2 / r0n * cs.c;
  const double g = dt - chi2 * chi / sqrt_mu * cs.s;
  const Vec3 r_new = f * r0 + g * v0;
  const double rn = r_new.norm();
  const double fdot = sqrt_mu / (rn * r0n) * (z * chi * cs.s - chi);
  const double gdot = 1.0 - chi2 / rn * cs.c;
  return {r_new, fdot * r0 + gdot * v0};
}

}  // namespace rampart::flight
