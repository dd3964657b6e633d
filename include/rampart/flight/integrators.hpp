#pragma once
// Ordinary differential equation integrators for y' = f(t, y), with y an
// Eigen column vector: fixed-step classical RK4, and adaptive Dormand-Prince
// 5(4) (Dormand & Prince 1980; Hairer, Norsett & Wanner, Solving ODEs I,
// II.5) with its 4th-order dense output and event location by root-finding
// the event function on the dense output.
//
// Header-only templates: f is inlined into the stages.

#include <functional>
#include <limits>
#include <vector>

namespace rampart::flight {

/// One classical 4th-order Runge-Kutta step of size h.
template <class F, class Y>
Y rk4_step(const F& f, double t, const Y& y, double h);

/// An event: the integration reports the times where g(t, y) crosses zero.
template <class Y>
struct OdeEvent {
  std::function<double(double t, const Y& y)> g;
  int direction = 0;      ///< +1 only rising crossings, -1 only falling, 0 both
  bool terminal = true;   ///< stop the integration at the first crossing
};

struct AdaptiveOptions {
  double relative_tolerance = 1e-10;
  double absolute_tolerance = 1e-6;   ///< in the units of each component
  double initial_step_s = 0.0;        ///< 0: chosen automatically
  double max_step_s = std::numeric_limits<double>::infinity();
  double event_time_tolerance_s = 1e-7;
  long max_steps = 10'000'000;
};

/// The state on one accepted step, continuous in t on [t0, t1].
template <class Y>
class DenseStep {
 public:
  double t0() const;
  double t1() const;
  Y at(double t) const;
  // (implementation holds y0, the stage derivatives and h)
};

enum class OdeStatus { kReachedEnd, kEvent, kStepSizeUnderflow, kTooManySteps, kNonFinite };

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
/// the first terminal event. `observer`, if set, sees every accepted step.
template <class F, class Y>
OdeResult<Y> integrate_dopri54(const F& f, double t0, const Y& y0, double t_end,
                               const std::vector<OdeEvent<Y>>& events = {},
                               const AdaptiveOptions& options = {},
                               const std::function<void(const DenseStep<Y>&)>& observer = {});

/// Fixed-step RK4 from t0 to t_end in steps of h (the last step shortened).
template <class F, class Y>
Y integrate_rk4(const F& f, double t0, const Y& y0, double t_end, double h);

}  // namespace rampart::flight
