#pragma once
// Reentry with an estimated ballistic coefficient: x = [r_I, v_I, kappa],
// kappa = 1/beta = Cd A / m (m^2/kg), drag from flight::drag_acceleration
// in the US Standard Atmosphere 1976 turning with the Earth, gravity from
// EarthModel::gravity. kappa rather than beta: drag is linear in kappa, so
// the filter stays linear in the unknown, and in near vacuum, where drag
// says nothing, kappa's uncertainty stays finite and harmless while beta's
// would run to infinity (Li & Jilkov 2010, Part II, sec. 4; Bar-Shalom, Li
// & Kirubarajan 2001, 10.3).

#include <string_view>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/track/motion_model.hpp"

namespace rampart::track {

class ReentryModel final : public MotionModel {
 public:
  /// q_m2ps3: white-noise acceleration density (>= 0); q_kappa_m4pkg2ps:
  /// random-walk density of kappa, (m^2/kg)^2/s (>= 0; the ballistic
  /// coefficient drifts as the body ablates and its attitude changes);
  /// max_step_s: longest RK4 substep (> 0; 0.5 s follows a 50 g pull-out
  /// to ~1 m). Earth and atmosphere must outlive the model. Throws
  /// std::invalid_argument for bad parameters.
  ReentryModel(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere, double q_m2ps3,
               double q_kappa_m4pkg2ps, double max_step_s = 0.5);

  std::string_view name() const override { return "reentry"; }
  int dimension() const override { return 7; }
  /// RK4 in ceil(|t1 - t0| / max_step) equal substeps. Drag is kappa times
  /// the drag of a unit Cd A/m, so a negative kappa (an estimate that
  /// overshot) gives a smooth, if unphysical, thrust rather than a kink.
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  /// Variational equations integrated with the same RK4 steps; the density
  /// gradient is d rho/dh (central difference, 1 m) along the ellipsoid
  /// normal approximated by (x, y, z/(1-e^2)) (angle error ~ e^2 h / R).
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  /// Blocks: white-noise acceleration for [r, v], q_kappa dt for kappa.
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

 private:
  const earth::EarthModel& earth_;
  const earth::Us76Atmosphere& atmosphere_;
  double q_m2ps3_;
  double q_kappa_;
  double max_step_s_;
};

}  // namespace rampart::track
