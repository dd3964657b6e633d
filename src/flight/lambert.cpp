#include "rampart/flight/lambert.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace rampart::flight {
namespace {

// Izzo (2015), "Revisiting Lambert's problem": all in the non-dimensional
// variables lambda (geometry), T (time) and x (the Lancaster-Blanchard
// variable; x in (-1, 1) ellipses, 1 parabola, > 1 hyperbolas).

/// Battin's series for T near x = 1 (Izzo eq. 20): T = (eta^3 Q + 4 lambda
/// eta) / 2, Q = 4/3 2F1(3, 1; 5/2; S1), eta = y - lambda x, S1 = (1 -
/// lambda - x eta) / 2. |S1| is small near x = 1, so the series converges fast.
double tof_battin(double x, double lambda, double y) {
  const double eta = y - lambda * x;
  const double s1 = 0.5 * (1.0 - lambda - x * eta);
  // 2F1(3, 1; 5/2; z) = sum_k (3)_k / (5/2)_k z^k: term ratio (3 + k)/(2.5 + k) z.
  double term = 1.0, sum = 1.0;
  for (int k = 0; k < 60; ++k) {
    term *= (3.0 + k) / (2.5 + k) * s1;
    sum += term;
    if (std::abs(term) <= std::numeric_limits<double>::epsilon() * std::abs(sum)) break;
  }
  const double Q = 4.0 / 3.0 * sum;
  return 0.5 * (eta * eta * eta * Q + 4.0 * lambda * eta);
}

/// Lagrange's form with the semi-major axis a = 1 / (1 - x^2) (non-dimensional)
/// and the auxiliary angles alpha, beta (Izzo eq. 9; Battin 7.5), zero revolutions.
double tof_lagrange(double x, double lambda) {
  const double a = 1.0 / (1.0 - x * x);
  if (a > 0.0) {
    const double alpha = 2.0 * std::acos(x);
    double beta = 2.0 * std::asin(std::sqrt(lambda * lambda / a));
    if (lambda < 0.0) beta = -beta;
    return a * std::sqrt(a) * ((alpha - std::sin(alpha)) - (beta - std::sin(beta))) / 2.0;
  }
  const double alpha = 2.0 * std::acosh(x);
  double beta = 2.0 * std::asinh(std::sqrt(-lambda * lambda / a));
  if (lambda < 0.0) beta = -beta;
  return -a * std::sqrt(-a) * ((beta - std::sinh(beta)) - (alpha - std::sinh(alpha))) / 2.0;
}

/// Lancaster's form (Izzo eq. 18, zero revolutions): with E = x^2 - 1 and
/// g = x y - lambda E, T = (x - lambda y - d / sqrt|E|) / E, where d = acos(g)
/// on ellipses and d = log(sqrt|E| (y - lambda x) + g) on hyperbolas.
double tof_lancaster(double x, double lambda, double y) {
  const double E = x * x - 1.0;
  const double rho = std::sqrt(std::abs(E));
  const double g = x * y - lambda * E;
  const double d = E < 0.0 ? std::acos(g) : std::log(rho * (y - lambda * x) + g);
  return (x - lambda * y - d / rho) / E;
}

/// T(x) with the expression best conditioned at x (the switch points of
/// Izzo's reference implementation: Battin within 0.01 of x = 1, where the
/// others are 0/0; Lagrange within 0.2; Lancaster elsewhere).
double time_of_flight(double x, double lambda, double y) {
  const double distance = std::abs(x - 1.0);
  if (distance < 0.01) return tof_battin(x, lambda, y);
  if (distance < 0.2) return tof_lagrange(x, lambda);
  return tof_lancaster(x, lambda, y);
}

}  // namespace

std::optional<LambertSolution> solve_lambert(const Vec3& r1, const Vec3& r2, double tof_s, double mu,
                                             bool prograde) {
  if (!(tof_s > 0.0) || !std::isfinite(tof_s) || !(mu > 0.0) || !r1.allFinite() || !r2.allFinite()) {
    return std::nullopt;
  }
  const double r1n = r1.norm();
  const double r2n = r2.norm();
  if (!(r1n > 0.0) || !(r2n > 0.0)) return std::nullopt;

  const double c = (r2 - r1).norm();
  const double s = 0.5 * (r1n + r2n + c);
  const Vec3 ir1 = r1 / r1n;
  const Vec3 ir2 = r2 / r2n;
  const Vec3 cross = ir1.cross(ir2);
  // The transfer plane is undefined for collinear r1, r2 (0 or 180 degrees).
  // Below 1e-12 the cross product of the unit vectors is of the order of
  // their rounding (~1e-16) amplified 1e4 times: the plane would be set by
  // noise, not by the geometry.
  const double sin_theta = cross.norm();
  if (!(sin_theta > 1e-12)) return std::nullopt;
  const Vec3 ih = cross / sin_theta;

  // lambda^2 = 1 - c/s; lambda < 0 when the transfer angle exceeds pi
  // (Izzo sec. 2), i.e. when the motion chosen is against ir1 x ir2.
  double lambda = std::sqrt(std::max(0.0, 1.0 - c / s));
  Vec3 it1, it2;  // unit tangential directions, in the sense of motion
  if (ih.z() < 0.0) {
    // ir1 x ir2 points to -z: prograde motion goes the long way round.
    lambda = -lambda;
    it1 = ir1.cross(ih);
    it2 = ir2.cross(ih);
  } else {
    it1 = ih.cross(ir1);
    it2 = ih.cross(ir2);
  }
  if (!prograde) {
    lambda = -lambda;
    it1 = -it1;
    it2 = -it2;
  }
  const double lambda2 = lambda * lambda;
  const double lambda3 = lambda2 * lambda;
  const double lambda5 = lambda3 * lambda2;
  const double T = std::sqrt(2.0 * mu / (s * s * s)) * tof_s;

  // Initial guess (Izzo eq. 30), between the times of x = 0 (T00, the
  // minimum-energy ellipse) and x = 1 (T1, the parabola).
  const double T00 = std::acos(lambda) + lambda * std::sqrt(1.0 - lambda2);
  const double T1 = 2.0 / 3.0 * (1.0 - lambda3);
  double x;
  if (T >= T00) {
    x = std::pow(T00 / T, 2.0 / 3.0) - 1.0;
  } else if (T <= T1) {
    x = 2.5 * T1 * (T1 - T) / (T * (1.0 - lambda5)) + 1.0;
  } else {
    // Interpolates x + 1 = (T00/T)^p between x(T00) = 0 and x(T1) = 1:
    // p = ln 2 / ln(T00/T1) (the form of Izzo's reference implementation;
    // the exponent log2(T1/T00) as sometimes transcribed from eq. 30 does not
    // give x = 1 at T1 and starts Householder far off when T00/T1 is large,
    // i.e. for the short chords of ballistic arcs).
    x = std::pow(T00 / T, std::numbers::ln2 / std::log(T00 / T1)) - 1.0;
  }

  // Householder's 3rd-order iteration on T(x) - T with the analytic
  // derivatives of Izzo eq. 22. The guess is within a few percent, and each
  // step quadruples the digits: 2-4 steps; 15 bounds the pathological cases.
  bool converged = false;
  for (int iteration = 0; iteration < 15; ++iteration) {
    const double one_minus_x2 = 1.0 - x * x;
    const double y = std::sqrt(1.0 - lambda2 * one_minus_x2);
    const double y3 = y * y * y;
    const double y5 = y3 * y * y;
    const double Tx = time_of_flight(x, lambda, y);
    const double delta = Tx - T;
    const double dT = (3.0 * Tx * x - 2.0 + 2.0 * lambda3 * x / y) / one_minus_x2;
    const double ddT = (3.0 * Tx + 5.0 * x * dT + 2.0 * (1.0 - lambda2) * lambda3 / y3) / one_minus_x2;
    const double dddT = (7.0 * x * ddT + 8.0 * dT - 6.0 * (1.0 - lambda2) * lambda5 * x / y5) / one_minus_x2;
    const double step = delta * (dT * dT - 0.5 * delta * ddT) / (dT * (dT * dT - delta * ddT) + dddT * delta * delta / 6.0);
    if (!std::isfinite(step)) break;
    x -= step;
    // x is O(1); after a step below 1e-11 the next would be ~ (1e-11)^4.
    if (std::abs(step) < 1e-11) {
      converged = true;
      break;
    }
  }
  if (!converged || !(x > -1.0)) return std::nullopt;

  // Velocities from x (Izzo sec. 2, Algorithm 1): radial and tangential
  // components with gamma = sqrt(mu s / 2), rho = (r1 - r2)/c, sigma = sqrt(1 - rho^2).
  const double y = std::sqrt(1.0 - lambda2 * (1.0 - x * x));
  const double gamma = std::sqrt(0.5 * mu * s);
  const double rho = (r1n - r2n) / c;
  const double sigma = std::sqrt(std::max(0.0, 1.0 - rho * rho));
  const double vr1 = gamma * ((lambda * y - x) - rho * (lambda * y + x)) / r1n;
  const double vr2 = -gamma * ((lambda * y - x) + rho * (lambda * y + x)) / r2n;
  const double vt = gamma * sigma * (y + lambda * x);
  LambertSolution solution{vr1 * ir1 + (vt / r1n) * it1, vr2 * ir2 + (vt / r2n) * it2};
  if (!solution.v1.allFinite() || !solution.v2.allFinite()) return std::nullopt;
  return solution;
}

}  // namespace rampart::flight
