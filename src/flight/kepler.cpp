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
  // One sin/cos (one exp) per call: sin x = 2 sin(x/2) cos(x/2), and
  // 1 - cos x = 2 sin^2(x/2) without cancellation (likewise for cosh, sinh;
  // for |z| >= 1, x/2 >= 0.5, where exp(x/2) - exp(-x/2) loses < 2 bits).
  if (z > 0.0) {
    const double x = std::sqrt(z);
    const double sh = std::sin(0.5 * x);
    const double ch = std::cos(0.5 * x);
    return {2.0 * sh * sh / z, (x - 2.0 * sh * ch) / (z * x)};
  }
  const double x = std::sqrt(-z);
  const double ex = std::exp(0.5 * x);
  const double sh = 0.5 * (ex - 1.0 / ex);
  const double ch = 0.5 * (ex + 1.0 / ex);
  return {2.0 * sh * sh / (-z), (2.0 * sh * ch - x) / (-z * x)};
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
  // is bracketed by 0 and the iterates, and the iteration can be safeguarded
  // by bisection.
  const double sigma0 = rv / sqrt_mu;
  const double q = 1.0 - alpha * r0n;
  const double target = sqrt_mu * dt;

  // Initial guess. Elliptic: from the eccentric anomaly, chi = sqrt(a) (E -
  // E0) for any ellipse, with E0 from e cos E0 = 1 - r0/a, e sin E0 =
  // r0.v0 / sqrt(mu a), and E from Kepler's equation M = E - e sin E by two
  // Newton steps from E = M (the first exact to first order in M near
  // periapsis, where E ~ M / (1 - e), and within ~0.1 rad elsewhere for
  // e <= 0.9; the second squares that error). Hyperbolic: the
  // asymptotic log form of Vallado Alg. 8. Near-parabolic: sqrt(mu) dt / r0.
  double chi = target / r0n;
  if (alpha * r0n > 1e-6) {
    const double sqrt_a = 1.0 / std::sqrt(alpha);
    const double e_cos = q;
    const double e_sin = sigma0 / sqrt_a;
    const double E0 = std::atan2(e_sin, e_cos);
    const double e = std::hypot(e_cos, e_sin);
    const double M = E0 - e_sin + sqrt_mu * alpha / sqrt_a * dt;  // n = sqrt(mu alpha^3)
    // Two Newton steps on Kepler's equation from E = M: each costs a sin and
    // a cos, cheaper than the Halley iteration on chi they save.
    double E = M + e * std::sin(M) / (1.0 - e * std::cos(M));
    E -= (E - e * std::sin(E) - M) / (1.0 - e * std::cos(E));
    chi = sqrt_a * (E - E0);
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
  bool converged = false;
  // Halley's iteration (F'' = dr/dchi = sigma0 (1 - z C) + q chi (1 - z S))
  // converges cubically from these guesses (2-4 iterations); bisection
  // steps, if any, halve the bracket: 200 covers both.
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double chi2 = chi * chi;
    z = alpha * chi2;
    cs = stumpff(z);
    const double u1 = chi * (1.0 - z * cs.s);  // universal functions U1, U2
    const double u2 = chi2 * cs.c;
    r = sigma0 * u1 + q * u2 + r0n;
    const double F = sigma0 * u2 + q * chi2 * chi * cs.s + r0n * chi - target;
    if (F < 0.0) {
      lo = chi;
    } else {
      hi = chi;
    }
    const double dr = sigma0 * (1.0 - z * cs.c) + q * u1;
    // Halley's correction when it has Newton's sign and at most twice its
    // size (denominator above r^2), else Newton's: either way the step goes
    // towards the root, so it can only leave the bracket on its finite side.
    const double denominator = 2.0 * r * r - F * dr;
    const double correction = denominator > r * r ? 2.0 * F * r / denominator : F / r;
    // Converged when the correction is at the rounding level of chi; chi is
    // kept where C, S and r were evaluated (4 eps away from the root).
    if (std::abs(correction) <= 4.0 * kEps * std::abs(chi)) {
      converged = true;
      break;
    }
    // Outside the bracket (or NaN from an overflowing cosh): bisect; both
    // ends are then finite. On strong hyperbolas the rounding of F's large
    // cosh/sinh terms can exceed 4 eps |chi| r: the bracket then closes to
    // adjacent doubles, which is as converged as F allows.
    chi -= correction;
    if (!(chi > lo && chi < hi)) {
      chi = 0.5 * (lo + hi);
      if (hi - lo <= 4.0 * kEps * std::abs(chi)) break;
    }
  }
  const double chi2 = chi * chi;
  if (!converged) {
    z = alpha * chi2;
    cs = stumpff(z);
    r = sigma0 * chi * (1.0 - z * cs.s) + q * chi2 * cs.c + r0n;
  }

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
