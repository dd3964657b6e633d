#pragma once
// Motion models: how a state moves between two times, its Jacobian and the
// process noise. Immutable, shared across tracks and threads.

#include <string_view>
#include <utility>

#include "rampart/track/state.hpp"

namespace rampart::track {

class MotionModel {
 public:
  virtual ~MotionModel() = default;
  virtual std::string_view name() const = 0;
  /// Number of state components (6 to kMaxStateDimension); the first six are r_I, v_I.
  virtual int dimension() const = 0;
  /// The mean propagated from t0_s to t1_s (either order).
  virtual StateVector propagate(const StateVector& x, double t0_s, double t1_s) const = 0;
  /// d propagate / d x at x.
  virtual StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const = 0;
  /// propagate() and transition_jacobian() together, the same numbers; a
  /// model that integrates the mean along with its Jacobian overrides this
  /// to integrate once (the EKF's prediction needs both).
  virtual std::pair<StateVector, StateMatrix> propagate_with_jacobian(const StateVector& x, double t0_s,
                                                                      double t1_s) const {
    return {propagate(x, t0_s, t1_s), transition_jacobian(x, t0_s, t1_s)};
  }
  /// Process noise covariance accumulated over [t0_s, t1_s] near x.
  virtual StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const = 0;
};

}  // namespace rampart::track
