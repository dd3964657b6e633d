#pragma once
// Definitions of the templates declared in integrators.hpp. Not included
// directly.

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <type_traits>
#include <vector>

#include "rampart/flight/integrators.hpp"

namespace rampart::flight {
namespace detail {

// Dormand & Prince (1980) RK5(4)7M: the Butcher tableau as printed in HNW I,
// Table II.5.2; the error weights e = b - b_hat and the dense-output
// coefficients d of HNW I, II.6 (as in Hairer's DOPRI5 code, CONTD5).
namespace dp {
inline constexpr double c2 = 1.0 / 5.0, c3 = 3.0 / 10.0, c4 = 4.0 / 5.0, c5 = 8.0 / 9.0;
inline constexpr double a21 = 1.0 / 5.0;
inline constexpr double a31 = 3.0 / 40.0, a32 = 9.0 / 40.0;
inline constexpr double a41 = 44.0 / 45.0, a42 = -56.0 / 15.0, a43 = 32.0 / 9.0;
inline constexpr double a51 = 19372.0 / 6561.0, a52 = -25360.0 / 2187.0, a53 = 64448.0 / 6561.0,
                        a54 = -212.0 / 729.0;
inline constexpr double a61 = 9017.0 / 3168.0, a62 = -355.0 / 33.0, a63 = 46732.0 / 5247.0,
                        a64 = 49.0 / 176.0, a65 = -5103.0 / 18656.0;
// Row 7 is also the 5th-order weights b (FSAL: stage 7 is f at the new point).
inline constexpr double a71 = 35.0 / 384.0, a73 = 500.0 / 1113.0, a74 = 125.0 / 192.0,
                        a75 = -2187.0 / 6784.0, a76 = 11.0 / 84.0;
inline constexpr double e1 = 71.0 / 57600.0, e3 = -71.0 / 16695.0, e4 = 71.0 / 1920.0,
                        e5 = -17253.0 / 339200.0, e6 = 22.0 / 525.0, e7 = -1.0 / 40.0;
inline constexpr double d1 = -12715105075.0 / 11282082432.0, d3 = 87487479700.0 / 32700410799.0,
                        d4 = -10690763975.0 / 1880347072.0, d5 = 701980252875.0 / 199316789632.0,
                        d6 = -1453857185.0 / 822651844.0, d7 = 69997945.0 / 29380423.0;
}  // namespace dp

/// Brent's method (Brent 1973, ch. 4; the form of Numerical Recipes' zbrent)
/// for a root of g in the bracket [a, b] (either order) with g(a) = ga and
/// g(b) = gb of opposite signs or zero. Returns t within tol of a root.
template <class G>
double brent_root(const G& g, double a, double b, double ga, double gb, double tol) {
  if (ga == 0.0) return a;
  if (gb == 0.0) return b;
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  double c = b, gc = gb, d = b - a, e = d;
  // Brent converges superlinearly and falls back to bisection, so 200
  // iterations cover any bracket down to the resolution of double.
  for (int iteration = 0; iteration < 200; ++iteration) {
    if ((gb > 0.0) == (gc > 0.0)) {
      c = a;
      gc = ga;
      d = b - a;
      e = d;
    }
    if (std::abs(gc) < std::abs(gb)) {
      a = b;
      b = c;
      c = a;
      ga = gb;
      gb = gc;
      gc = ga;
    }
    const double tol1 = 2.0 * kEps * std::abs(b) + 0.5 * tol;
    const double xm = 0.5 * (c - b);
    if (std::abs(xm) <= tol1 || gb == 0.0) return b;
    if (std::abs(e) >= tol1 && std::abs(ga) > std::abs(gb)) {
      // Inverse quadratic interpolation (secant when only two points).
      const double s = gb / ga;
      double p, q;
      if (a == c) {
        p = 2.0 * xm * s;
        q = 1.0 - s;
      } else {
        const double qq = ga / gc, r = gb / gc;
        p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
        q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
      }
      if (p > 0.0) q = -q;
      p = std::abs(p);
      if (2.0 * p < std::min(3.0 * xm * q - std::abs(tol1 * q), std::abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    ga = gb;
    b += std::abs(d) > tol1 ? d : std::copysign(tol1, xm);
    gb = g(b);
  }
  return b;
}

/// Root-mean-square of v_i / sk_i with sk_i = atol + rtol |y_i| (HNW II.4 (4.11)).
template <class Y>
double scaled_rms(const Y& v, const Y& y, double atol, double rtol) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    const double ratio = v(i) / (atol + rtol * std::abs(y(i)));
    sum += ratio * ratio;
  }
  return std::sqrt(sum / static_cast<double>(v.size()));
}

}  // namespace detail

template <class F, class Y>
Y rk4_step(const F& f, double t, const Y& y, double h) {
  const double h2 = 0.5 * h;
  const Y k1 = f(t, y);
  const Y k2 = f(t + h2, Y(y + h2 * k1));
  const Y k3 = f(t + h2, Y(y + h2 * k2));
  const Y k4 = f(t + h, Y(y + h * k3));
  return Y(y + (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4));
}

template <class F, class Y>
Y integrate_rk4(const F& f, double t0, const Y& y0, double t_end, double h) {
  assert(h != 0.0 && std::isfinite(h));
  const double span = t_end - t0;
  if (span == 0.0) return y0;
  const double step = std::copysign(std::abs(h), span);
  // span/h carries a relative rounding of a few ulp; without the shave a
  // span that is an exact multiple of h could add a last step of ~1e-16 h.
  const double n_real = std::abs(span / h);
  const long n = std::max(1L, static_cast<long>(std::ceil(
                                  n_real * (1.0 - 8.0 * std::numeric_limits<double>::epsilon()))));
  Y y = y0;
  for (long i = 0; i < n; ++i) {
    // t from t0 + i h, not accumulated, so rounding does not drift over many steps.
    const double t = t0 + static_cast<double>(i) * step;
    const double hi = (i == n - 1) ? t_end - t : step;
    y = rk4_step(f, t, y, hi);
  }
  return y;
}

template <class Y>
Y DenseStep<Y>::at(double t) const {
  const double theta = (t - t0_) / h_;
  const double theta1 = 1.0 - theta;
  return Y(r1_ + theta * (r2_ + theta1 * (r3_ + theta * (r4_ + theta1 * r5_))));
}

template <class Y>
void DenseStep<Y>::assign(double t0, double h, const Y& y0, const Y& y1, const Y& k1, const Y& k3,
                          const Y& k4, const Y& k5, const Y& k6, const Y& k7) {
  using namespace detail::dp;
  t0_ = t0;
  h_ = h;
  t1_ = t0 + h;
  r1_ = y0;
  r2_ = y1 - y0;
  r3_ = h * k1 - r2_;
  r4_ = r2_ - h * k7 - r3_;
  r5_ = h * (d1 * k1 + d3 * k3 + d4 * k4 + d5 * k5 + d6 * k6 + d7 * k7);
}

template <class F, class Y>
OdeResult<Y> integrate_dopri54(const F& f, double t0, const Y& y0, double t_end,
                               const std::vector<OdeEvent<std::type_identity_t<Y>>>& events, const AdaptiveOptions& options,
                               const std::function<void(const DenseStep<std::type_identity_t<Y>>&)>& observer) {
  using namespace detail::dp;
  // Step-size control constants of Hairer's DOPRI5 (HNW I, II.4 and the PI
  // ("Lund") stabilisation of IV.2 with beta = 0.04): safety factor 0.9, the
  // new step confined to [h/5, 10h] (no increase right after a rejection).
  constexpr double kSafe = 0.9;
  constexpr double kBeta = 0.04;
  constexpr double kExpo1 = 0.2 - 0.75 * kBeta;
  constexpr double kFacc1 = 1.0 / 0.2;  // h_new >= h / 5
  constexpr double kFacc2 = 1.0 / 10.0;  // h_new <= 10 h
  // A trial point where f is not finite (a step overshooting into a
  // singularity, below the ground, ...) is rejected and the step cut by this.
  constexpr double kNonFiniteShrink = 0.25;
  constexpr double kEps = std::numeric_limits<double>::epsilon();

  OdeResult<Y> result{OdeStatus::kReachedEnd, t0, y0, {}, 0, 0, 0};
  if (t_end == t0) return result;

  const double s = t_end > t0 ? 1.0 : -1.0;
  const double rtol = options.relative_tolerance;
  const double atol = options.absolute_tolerance;
  const double hmax = std::min(std::abs(options.max_step_s), std::abs(t_end - t0));

  double t = t0;
  Y y = y0;
  Y k1 = f(t, y);
  ++result.derivative_evaluations;
  if (!k1.allFinite()) {
    result.status = OdeStatus::kNonFinite;
    return result;
  }

  // Event values at the start of the current step, without allocating for
  // the usual handful of events.
  std::array<double, 8> g_small{};
  std::vector<double> g_large;
  double* g_prev = g_small.data();
  if (events.size() > g_small.size()) {
    g_large.resize(events.size());
    g_prev = g_large.data();
  }
  for (std::size_t i = 0; i < events.size(); ++i) g_prev[i] = events[i].g(t, y);

  Y k2, k3, k4, k5, k6, k7, y_new, y_stage;

  // Initial step: HNW I, II.4, "Starting step size" (Hairer's HINIT).
  double h;
  if (options.initial_step_s != 0.0) {
    h = std::min(std::abs(options.initial_step_s), hmax);
  } else {
    const double d0 = detail::scaled_rms(y, y, atol, rtol);
    const double d1 = detail::scaled_rms(k1, y, atol, rtol);
    double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    h0 = std::min(h0, hmax);
    y_stage = y + (s * h0) * k1;
    k2 = f(t + s * h0, y_stage);
    ++result.derivative_evaluations;
    if (k2.allFinite()) {
      k3 = k2 - k1;
      const double d2 = detail::scaled_rms(k3, y, atol, rtol) / h0;
      const double dmax = std::max(d1, d2);
      const double h1 = dmax <= 1e-15 ? std::max(1e-6, h0 * 1e-3) : std::pow(0.01 / dmax, 0.2);
      h = std::min({100.0 * h0, h1, hmax});
    } else {
      h = h0;  // the loop shrinks it until f is finite
    }
  }
  h *= s;

  DenseStep<Y> dense;
  double facold = 1e-4;
  bool rejected_before = false;
  bool nonfinite_before = false;

  while (true) {
    if (result.steps_accepted + result.steps_rejected >= options.max_steps) {
      result.status = OdeStatus::kTooManySteps;
      break;
    }
    // A step below ~10 ulp of t cannot advance t meaningfully.
    if (std::abs(h) <= 10.0 * kEps * std::max(std::abs(t), std::abs(t_end))) {
      result.status = nonfinite_before ? OdeStatus::kNonFinite : OdeStatus::kStepSizeUnderflow;
      break;
    }
    // Stretch the last step by up to 1% rather than leave a sliver (DOPRI5).
    bool last = false;
    if (s * (t + 1.01 * h - t_end) >= 0.0) {
      h = t_end - t;
      last = true;
    }

    y_stage = y + (h * a21) * k1;
    k2 = f(t + c2 * h, y_stage);
    y_stage = y + h * (a31 * k1 + a32 * k2);
    k3 = f(t + c3 * h, y_stage);
    y_stage = y + h * (a41 * k1 + a42 * k2 + a43 * k3);
    k4 = f(t + c4 * h, y_stage);
    y_stage = y + h * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4);
    k5 = f(t + c5 * h, y_stage);
    y_stage = y + h * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5);
    k6 = f(t + h, y_stage);
    y_new = y + h * (a71 * k1 + a73 * k3 + a74 * k4 + a75 * k5 + a76 * k6);
    k7 = f(t + h, y_new);
    result.derivative_evaluations += 6;

    // Mixed error norm: sk_i = atol + rtol max(|y_i|, |y_new_i|) (HNW II.4 (4.11)).
    double err = 0.0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      const double ei = h * (e1 * k1(i) + e3 * k3(i) + e4 * k4(i) + e5 * k5(i) + e6 * k6(i) + e7 * k7(i));
      const double sk = atol + rtol * std::max(std::abs(y(i)), std::abs(y_new(i)));
      const double ratio = ei == 0.0 ? 0.0 : ei / sk;
      err += ratio * ratio;
    }
    err = std::sqrt(err / static_cast<double>(y.size()));

    // err is finite only if y_new and every stage are (each stage feeds it).
    if (!std::isfinite(err)) {
      ++result.steps_rejected;
      rejected_before = true;
      nonfinite_before = true;
      h *= kNonFiniteShrink;
      continue;
    }
    nonfinite_before = false;

    const double fac11 = std::pow(err, kExpo1);
    if (err > 1.0) {
      ++result.steps_rejected;
      rejected_before = true;
      h /= std::min(kFacc1, fac11 / kSafe);
      continue;
    }

    // Accepted.
    double fac = fac11 / std::pow(facold, kBeta);
    fac = std::max(kFacc2, std::min(kFacc1, fac / kSafe));
    double h_new = h / fac;
    facold = std::max(err, 1e-4);
    ++result.steps_accepted;

    dense.assign(t, h, y, y_new, k1, k3, k4, k5, k6, k7);
    const double t_new = last ? t_end : t + h;
    dense.truncate(t_new);

    bool stop = false;
    if (!events.empty()) {
      const std::size_t first_new = result.hits.size();
      for (std::size_t i = 0; i < events.size(); ++i) {
        const OdeEvent<Y>& event = events[i];
        const double g_new = event.g(t_new, y_new);
        const double g_old = g_prev[i];
        g_prev[i] = g_new;
        const bool rising = g_old < 0.0 && g_new >= 0.0;
        const bool falling = g_old > 0.0 && g_new <= 0.0;
        if (!((rising && event.direction >= 0) || (falling && event.direction <= 0))) continue;
        const auto g_on_step = [&](double tau) { return event.g(tau, dense.at(tau)); };
        const double t_hit =
            detail::brent_root(g_on_step, t, t_new, g_old, g_new, options.event_time_tolerance_s);
        result.hits.push_back(EventHit<Y>{i, t_hit, dense.at(t_hit)});
      }
      if (result.hits.size() > first_new) {
        // In time order (in the direction of integration); ties by index.
        std::stable_sort(result.hits.begin() + static_cast<std::ptrdiff_t>(first_new), result.hits.end(),
                         [s](const EventHit<Y>& a, const EventHit<Y>& b) { return s * a.t < s * b.t; });
        for (std::size_t j = first_new; j < result.hits.size(); ++j) {
          if (!events[result.hits[j].index].terminal) continue;
          result.hits.resize(j + 1);
          stop = true;
          break;
        }
      }
    }

    if (stop) {
      const EventHit<Y>& hit = result.hits.back();
      dense.truncate(hit.t);
      if (observer) observer(dense);
      result.status = OdeStatus::kEvent;
      result.t = hit.t;
      result.y = hit.y;
      return result;
    }
    if (observer) observer(dense);

    t = t_new;
    y = y_new;
    k1 = k7;  // FSAL
    result.t = t;
    result.y = y;
    if (last) {
      result.status = OdeStatus::kReachedEnd;
      break;
    }
    if (std::abs(h_new) > hmax) h_new = s * hmax;
    if (rejected_before) h_new = s * std::min(std::abs(h_new), std::abs(h));
    rejected_before = false;
    h = h_new;
  }
  return result;
}

}  // namespace rampart::flight
