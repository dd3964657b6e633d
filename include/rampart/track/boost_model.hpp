#pragma once
// Boost phase: x = [r_I, v_I, a_I], a_I the non-gravitational (thrust minus
// drag) acceleration, nearly constant with white-noise jerk; gravity from
// EarthModel::gravity. Chosen over thrust-along-velocity models with an
// estimated magnitude because a missile's pitch programme turns the thrust
// away from the velocity and the thrust-to-mass ratio grows as fuel burns:
// three free acceleration components follow both without knowing the
// missile, at the price of three states (Li & Jilkov 2010, Part II, sec. 3,
// "constant-acceleration models with gravity").

#include <string_view>

#include "rampart/earth/earth_model.hpp"
#include "rampart/track/motion_model.hpp"

namespace rampart::track {

class BoostModel final : public MotionModel {
 public:
  /// q_m2ps5: white-noise jerk density (>= 0); max_step_s: longest RK4
  /// substep (> 0). The Earth must outlive the model. Throws
  /// std::invalid_argument for bad parameters.
  BoostModel(const earth::EarthModel& earth, double q_m2ps5, double max_step_s = 10.0);

  std::string_view name() const override { return "boost"; }
  int dimension() const override { return 9; }
  /// r' = v, v' = g(r) + a, a' = 0 by RK4 substeps.
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  /// Variational equations with the same RK4 steps.
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  /// White-noise-jerk Q (gravity's coupling into Q neglected: G dt^2 << 1).
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

 private:
  const earth::EarthModel& earth_;
  double q_m2ps5_;
  double max_step_s_;
};

}  // namespace rampart::track
