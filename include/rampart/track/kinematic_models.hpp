#pragma once
// Kinematic motion models for aircraft and cruise missiles: constant
// velocity (6 states), constant acceleration with white-noise jerk (9) and
// Singer's exponentially correlated acceleration (9). In ECI with no
// gravity: lift balances gravity for these targets, so the mean motion is
// a straight line and gravity's curvature is left to the process noise
// (Bar-Shalom, Li & Kirubarajan 2001, 6.2-6.3; Singer 1970).

#include <string_view>

#include "rampart/track/motion_model.hpp"

namespace rampart::track {

/// Q of white-noise acceleration with spectral density q (m^2/s^3) over |dt|
/// (6x6, [r, v]): q [[dt^3/3 I, dt^2/2 I], [dt^2/2 I, dt I]].
StateMatrix white_noise_acceleration_q(double q_m2ps3, double dt_s);
/// Q of white-noise jerk with spectral density q (m^2/s^5) over |dt| (9x9,
/// [r, v, a]): q [[dt^5/20, dt^4/8, dt^3/6], [., dt^3/3, dt^2/2], [., ., dt]] (x) I3.
StateMatrix white_noise_jerk_q(double q_m2ps5, double dt_s);

/// x = [r_I, v_I]; straight-line motion, white-noise acceleration.
class ConstantVelocityModel final : public MotionModel {
 public:
  /// q_m2ps3 >= 0 finite, else std::invalid_argument.
  explicit ConstantVelocityModel(double q_m2ps3);
  std::string_view name() const override { return "cv"; }
  int dimension() const override { return 6; }
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

 private:
  double q_m2ps3_;
};

/// x = [r_I, v_I, a_I]; constant acceleration, white-noise jerk.
class ConstantAccelerationModel final : public MotionModel {
 public:
  /// q_m2ps5 >= 0 finite, else std::invalid_argument.
  explicit ConstantAccelerationModel(double q_m2ps5);
  std::string_view name() const override { return "ca"; }
  int dimension() const override { return 9; }
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

 private:
  double q_m2ps5_;
};

/// x = [r_I, v_I, a_I]; each acceleration component a first-order
/// Gauss-Markov process a' = -a/tau + w with stationary standard deviation
/// sigma (Singer 1970). F and Q are exact (Van Loan 1978), for any dt.
class SingerModel final : public MotionModel {
 public:
  /// sigma_mps2 >= 0 and tau_s > 0, finite, else std::invalid_argument.
  SingerModel(double sigma_mps2, double tau_s);
  std::string_view name() const override { return "singer"; }
  int dimension() const override { return 9; }
  StateVector propagate(const StateVector& x, double t0_s, double t1_s) const override;
  StateMatrix transition_jacobian(const StateVector& x, double t0_s, double t1_s) const override;
  /// Exact over |t1 - t0|; a backward interval gets the noise of the forward one.
  StateMatrix process_noise(const StateVector& x, double t0_s, double t1_s) const override;

 private:
  double sigma_mps2_;
  double tau_s_;
};

}  // namespace rampart::track
