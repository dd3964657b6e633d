#pragma once
// Ordinary differential equation integrators for y' = f(t, y), with y an
// Eigen column vector: fixed-step classical RK4, and adaptive Dormand-Prince
// 5(4) (Dormand & Prince 1980; Hairer, Norsett & Wanner, Solving ODEs I,
// II.5) with its 4th-order dense output and event location by root-finding
// the event function on the dense output.
//
// Header-only templates: f is inlined into the stages. f is called as
// f(t, y) with a `const Y&` and must return something assignable to Y.
// The definitions are in integrators_impl.hpp, included at the end.

#include <cstddef>
#include <functional>
#include <limits>
#include <type_traits>
#include <vector>

#include <Eigen/Core>

namespace rampart::flight {

/// One classical 4th-order Runge-Kutta step of size h (h may be negative).
template <class F, class Y>
Y rk4_step(const F& f, double t, const Y& y, double h);

/// An event: the integration reports the times where g(t, y) crosses zero.
/// A crossing is a sign change of g between the two ends of an accepted step
/// (a zero at the start of the integration is not a crossing); two crossings
/// inside one step cancel and are missed, so bound max_step_s if g can
/// oscillate faster than the solution's own time scale.
template <class Y>
struct OdeEvent {
  std::function<double(double t, const Y& y)> g;
  int direction = 0;      ///< +1 only rising crossings, -1 only falling, 0 both
  bool terminal = true;   ///< stop the integration at the first crossing
};

struct AdaptiveOptions {
  double relative_tolerance = 1e-10;
  double absolute_tolerance = 1e-6;   ///< in the units of each component
  double initial_step_s = 0.0;        ///< 0: chosen automatically (HNW II.4)
  double max_step_s = std::numeric_limits<double>::infinity();
  double event_time_tolerance_s = 1e-7;  ///< width of the final bracket on an event time
  long max_steps = 10'000'000;        ///< attempted steps (accepted + rejected)
};

/// The state on one accepted step, continuous in t on [t0, t1]: the
/// 4th-order continuous extension of DOPRI5 (HNW II.6, dense output of
/// DOPRI5; Shampine 1986). Error between step ends is of the order of the
/// local error tolerance.
template <class Y>
class DenseStep {
 public:
  double t0() const { return t0_; }
  /// End of the valid interval: the step end, or the terminal event time.
  double t1() const { return t1_; }
  /// State at t, meant for t in [t0, t1] (extrapolates outside).
  Y at(double t) const;

  /// Builds the interpolant from a DOPRI5 step of size h from (t0, y0) to y1,
  /// with its stages k1, k3..k6 and k7 = f(t0 + h, y1). Used by the integrator.
  void assign(double t0, double h, const Y& y0, const Y& y1, const Y& k1, const Y& k3, const Y& k4,
              const Y& k5, const Y& k6, const Y& k7);
  /// Restricts the valid interval to end at t (a terminal event).
  void truncate(double t) { t1_ = t; }

 private:
  double t0_ = 0.0;
  double t1_ = 0.0;
  double h_ = 0.0;
  // y(t0 + theta h) = r1 + theta (r2 + (1-theta) (r3 + theta (r4 + (1-theta) r5)))
  Y r1_, r2_, r3_, r4_, r5_;
};

enum class OdeStatus {
  kReachedEnd,         ///< t == t_end
  kEvent,              ///< stopped at a terminal event (the last entry of hits)
  kStepSizeUnderflow,  ///< the step needed fell below the resolution of t
  kTooManySteps,       ///< max_steps attempted steps
  kNonFinite,          ///< f(t, y) not finite (at the start, or at any step size near t)
};

template <class Y>
struct EventHit {
  std::size_t index;  ///< which event in the list
  double t;
  Y y;
};

template <class Y>
struct OdeResult {
  OdeStatus status;
  double t;                        ///< where the integration stopped
  Y y;
  std::vector<EventHit<Y>> hits;   ///< every located crossing, in time order; a terminal one is last
  long steps_accepted = 0;
  long steps_rejected = 0;
  long derivative_evaluations = 0;
};

/// Integrates from (t0, y0) to t_end (which may be below t0: backwards) or
/// the first terminal event. `observer`, if set, sees every accepted step
/// (the last one truncated at a terminal event). Failures are statuses, not
/// exceptions; result.t and result.y are then the last accepted point.
/// (Y is deduced from y0 only, so lambdas convert to the std::function.)
template <class F, class Y>
OdeResult<Y> integrate_dopri54(const F& f, double t0, const Y& y0, double t_end,
                               const std::vector<OdeEvent<std::type_identity_t<Y>>>& events = {},
                               const AdaptiveOptions& options = {},
                               const std::function<void(const DenseStep<std::type_identity_t<Y>>&)>& observer = {});

/// Fixed-step RK4 from t0 to t_end in steps of |h| (the last step shortened);
/// t_end may be below t0. Requires h != 0.
template <class F, class Y>
Y integrate_rk4(const F& f, double t0, const Y& y0, double t_end, double h);

}  // namespace rampart::flight

#include "rampart/flight/integrators_impl.hpp"
