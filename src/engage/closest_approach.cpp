#include "rampart/engage/closest_approach.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>

namespace rampart::engage {
namespace {

// p(theta) = sum c[k] theta^k on theta in [0, 1] (theta = t / step).
template <std::size_t K>
struct VecPolynomial {
  std::array<Vec3, K> c;

  Vec3 value(double theta) const {
    Vec3 p = c[K - 1];
    for (std::size_t k = K - 1; k-- > 0;) p = p * theta + c[k];
    return p;
  }
  Vec3 derivative(double theta) const {
    Vec3 d = static_cast<double>(K - 1) * c[K - 1];
    for (std::size_t k = K - 2; k >= 1; --k) d = d * theta + static_cast<double>(k) * c[k];
    return d;
  }
  // Half the derivative of |p|^2: its sign tells whether the distance grows.
  double range_rate_sign(double theta) const { return value(theta).dot(derivative(theta)); }
};

// |p|^2 is a polynomial of degree 2K-2, so p.p' has at most 2K-3 roots; a
// scan on many more subintervals than that, then bisection on each rising
// sign change, finds every interior minimum unless two roots fall within one
// subinterval (a near-tangency where the distance barely changes anyway).
template <std::size_t K>
ClosestApproach minimise(const VecPolynomial<K>& p, double step_s) {
  constexpr int kScan = 64;
  double best_theta = 0.0;
  double best_d = p.value(0.0).norm();
  const double d1 = p.value(1.0).norm();
  if (d1 < best_d) {
    best_theta = 1.0;
    best_d = d1;
  }
  double a = 0.0;
  double g_a = p.range_rate_sign(0.0);
  for (int i = 1; i <= kScan; ++i) {
    const double b = static_cast<double>(i) / kScan;
    const double g_b = p.range_rate_sign(b);
    if (g_a < 0.0 && g_b >= 0.0) {
      double lo = a;
      double hi = b;
      // Bisection to the resolution of double: 60 halvings of <= 1/64.
      for (int it = 0; it < 60 && hi - lo > 0.0; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (p.range_rate_sign(mid) < 0.0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      const double theta = 0.5 * (lo + hi);
      const double d = p.value(theta).norm();
      if (d < best_d) {
        best_d = d;
        best_theta = theta;
      }
    }
    a = b;
    g_a = g_b;
  }
  return {best_theta * step_s, best_d};
}

void check_step(double step_s) {
  if (!(std::isfinite(step_s) && step_s > 0.0)) {
    throw std::invalid_argument("closest approach: step must be finite and > 0");
  }
}

}  // namespace

ClosestApproach closest_approach_linear(const Vec3& r0_m, const Vec3& v_mps, double step_s) {
  if (!(std::isfinite(step_s) && step_s >= 0.0)) {
    throw std::invalid_argument("closest approach: step must be finite and >= 0");
  }
  const double V2 = v_mps.squaredNorm();
  const double t = V2 > 0.0 ? std::clamp(-r0_m.dot(v_mps) / V2, 0.0, step_s) : 0.0;
  return {t, (r0_m + v_mps * t).norm()};
}

ClosestApproach closest_approach_hermite(const Vec3& r0_m, const Vec3& v0_mps, const Vec3& r1_m,
                                         const Vec3& v1_mps, double step_s) {
  check_step(step_s);
  const double h = step_s;
  const Vec3 m0 = h * v0_mps;
  const Vec3 m1 = h * v1_mps;
  VecPolynomial<4> p;
  p.c[0] = r0_m;
  p.c[1] = m0;
  p.c[2] = -3.0 * r0_m - 2.0 * m0 + 3.0 * r1_m - m1;
  p.c[3] = 2.0 * r0_m + m0 - 2.0 * r1_m + m1;
  return minimise(p, step_s);
}

ClosestApproach closest_approach_hermite(const Vec3& r0_m, const Vec3& v0_mps, const Vec3& a0_mps2,
                                         const Vec3& r1_m, const Vec3& v1_mps, const Vec3& a1_mps2,
                                         double step_s) {
  check_step(step_s);
  const double h = step_s;
  const Vec3 m0 = h * v0_mps;
  const Vec3 m1 = h * v1_mps;
  const Vec3 A0 = h * h * a0_mps2;
  const Vec3 A1 = h * h * a1_mps2;
  // Quintic Hermite basis: p, p', p'' match at theta = 0 and 1.
  VecPolynomial<6> p;
  p.c[0] = r0_m;
  p.c[1] = m0;
  p.c[2] = 0.5 * A0;
  p.c[3] = -10.0 * r0_m - 6.0 * m0 - 1.5 * A0 + 10.0 * r1_m - 4.0 * m1 + 0.5 * A1;
  p.c[4] = 15.0 * r0_m + 8.0 * m0 + 1.5 * A0 - 15.0 * r1_m + 7.0 * m1 - A1;
  p.c[5] = -6.0 * r0_m - 3.0 * m0 - 0.5 * A0 + 6.0 * r1_m - 3.0 * m1 + 0.5 * A1;
  return minimise(p, step_s);
}

}  // namespace rampart::engage
