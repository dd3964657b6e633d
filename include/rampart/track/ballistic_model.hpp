#pragma once
// Exo-atmospheric ballistic motion: x = [r_I, v_I] under the Earth model's
// gravity (point mass + J2, exactly earth::EarthModel::gravity), with
// white-noise acceleration for what the model leaves out (higher harmonics,
// residual drag, thrust tail-off). Bar-Shalom, Li & Kirubarajan 2001, 10.3;
// Li & Jilkov, "Survey of maneuvering target tracking. Part II: motion
// models of ballistic and space targets", IEEE TAES 46(1), 2010.

#include <string_view>

#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/track/motion_model.hpp"

namespace rampart::track {

/// d gravity / d r (1/s^2, symmetric 3x3) of EarthModel::gravity at r (m,
/// ECI or ECEF components), point mass + J2, analytic. Undefined at r = 0.
Mat3 gravity_gradient(const earth::EarthModel& earth, const Vec3& r_m);

class BallisticModel final : public MotionModel {
 public:
  /// q_m2ps3: white-noise acceleration density (>= 0); max_step_s: the
  /// longest RK4 substep (> 0; 10 s keeps the mean within ~1e-4 m of the
  /// exact flow per step below 1000 km altitude). The Earth must outlive the
  /// model. Throws std::invalid_argument for bad parameters.
  BallisticModel(const earth::EarthModel& earth, double q_m2ps3, double max_step_s = 10.0);

  std::string_view name() const override { return "ballistic"; }
  int dimension() const override { return 6; }
  /// RK4 in ceil(|t1 - t0| / max_step) equal substeps.
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  /// The exact derivative of propagate(): the variational equations
  /// Phi' = [[0, I], [G(r), 0]] Phi integrated by the same RK4 steps.
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  /// Both from the one integration of the variational equations (whose
  /// first column is propagate()'s RK4 of the mean, bit for bit).
  std::pair<StateVector, StateMatrix> propagate_with_jacobian(const StateVector& x, double t0_s,
                                                              double t1_s) const override;
  /// q [[dt^3/3 I, dt^2/2 I], [dt^2/2 I, dt I]], dt = |t1 - t0|.
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

  double q_m2ps3() const { return q_m2ps3_; }

  /// [mean, transition matrix] through the RK4 substeps of the variational
  /// equations, in fixed-size storage: what propagate_with_jacobian()
  /// returns, for the EKF's six-state fast path (no dynamic-size copies).
  Eigen::Matrix<double, 6, 7> integrate_variational(const StateVector& x, double t0_s, double t1_s) const;

 private:

  const earth::EarthModel& earth_;
  double q_m2ps3_;
  double max_step_s_;
};

}  // namespace rampart::track
