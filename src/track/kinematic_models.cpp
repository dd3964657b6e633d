#include "rampart/track/kinematic_models.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <unsupported/Eigen/MatrixFunctions>

namespace rampart::track {
namespace {

void require(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(std::string(what));
}

// Per-axis 3x3 blocks (position, velocity, acceleration) expanded to the
// 9x9 state ordered [r(3), v(3), a(3)].
StateMatrix kron_identity3(const Eigen::Matrix3d& block) {
  StateMatrix M = StateMatrix::Zero(9, 9);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) M.block<3, 3>(3 * i, 3 * j) = block(i, j) * Eigen::Matrix3d::Identity();
  return M;
}

StateMatrix constant_velocity_F(double dt) {
  StateMatrix F = StateMatrix::Identity(6, 6);
  F.block<3, 3>(0, 3) = dt * Eigen::Matrix3d::Identity();
  return F;
}

StateMatrix constant_acceleration_F(double dt) {
  Eigen::Matrix3d f;
  f << 1.0, dt, 0.5 * dt * dt, 0.0, 1.0, dt, 0.0, 0.0, 1.0;
  return kron_identity3(f);
}

// Van Loan (1978): exp([[-A, q b b^T], [0, A^T]] T) = [[., E12], [0, E22]]
// gives F = E22^T and Q = F E12 for x' = A x + b w, E[w w] = q delta.
struct SingerAxis {
  Eigen::Matrix3d F;
  Eigen::Matrix3d Q;
};

SingerAxis singer_axis(double alpha, double q, double dt) {
  Eigen::Matrix3d A;
  A << 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, -alpha;
  Eigen::Matrix<double, 6, 6> M = Eigen::Matrix<double, 6, 6>::Zero();
  M.block<3, 3>(0, 0) = -A;
  M(2, 5) = q;
  M.block<3, 3>(3, 3) = A.transpose();
  const Eigen::Matrix<double, 6, 6> E = (M * dt).exp();
  SingerAxis out;
  out.F = E.block<3, 3>(3, 3).transpose();
  out.Q = out.F * E.block<3, 3>(0, 3);
  out.Q = 0.5 * (out.Q + out.Q.transpose()).eval();
  return out;
}

}  // namespace

StateMatrix white_noise_acceleration_q(double q_m2ps3, double dt_s) {
  const double dt = std::abs(dt_s);
  const double dt2 = dt * dt;
  StateMatrix Q = StateMatrix::Zero(6, 6);
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity();
  Q.block<3, 3>(0, 0) = (q_m2ps3 * dt2 * dt / 3.0) * I;
  Q.block<3, 3>(0, 3) = (q_m2ps3 * dt2 / 2.0) * I;
  Q.block<3, 3>(3, 0) = (q_m2ps3 * dt2 / 2.0) * I;
  Q.block<3, 3>(3, 3) = (q_m2ps3 * dt) * I;
  return Q;
}

StateMatrix white_noise_jerk_q(double q_m2ps5, double dt_s) {
  const double dt = std::abs(dt_s);
  const double dt2 = dt * dt, dt3 = dt2 * dt;
  Eigen::Matrix3d q;
  q << dt3 * dt2 / 20.0, dt2 * dt2 / 8.0, dt3 / 6.0,
       dt2 * dt2 / 8.0, dt3 / 3.0, dt2 / 2.0,
       dt3 / 6.0, dt2 / 2.0, dt;
  return kron_identity3(q_m2ps5 * q);
}

// --- constant velocity ------------------------------------------------------

ConstantVelocityModel::ConstantVelocityModel(double q_m2ps3) : q_m2ps3_(q_m2ps3) {
  require(std::isfinite(q_m2ps3) && q_m2ps3 >= 0.0, "ConstantVelocityModel: q must be finite and >= 0 m^2/s^3");
}

StateVector ConstantVelocityModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  return constant_velocity_F(t1_s - t0_s) * x;
}

StateMatrix ConstantVelocityModel::transition_jacobian(const StateVector&, double t0_s, double t1_s) const {
  return constant_velocity_F(t1_s - t0_s);
}

StateMatrix ConstantVelocityModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  return white_noise_acceleration_q(q_m2ps3_, t1_s - t0_s);
}

// --- constant acceleration --------------------------------------------------

ConstantAccelerationModel::ConstantAccelerationModel(double q_m2ps5) : q_m2ps5_(q_m2ps5) {
  require(std::isfinite(q_m2ps5) && q_m2ps5 >= 0.0,
          "ConstantAccelerationModel: q must be finite and >= 0 m^2/s^5");
}

StateVector ConstantAccelerationModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  return constant_acceleration_F(t1_s - t0_s) * x;
}

StateMatrix ConstantAccelerationModel::transition_jacobian(const StateVector&, double t0_s, double t1_s) const {
  return constant_acceleration_F(t1_s - t0_s);
}

StateMatrix ConstantAccelerationModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  return white_noise_jerk_q(q_m2ps5_, t1_s - t0_s);
}

// --- Singer -----------------------------------------------------------------

SingerModel::SingerModel(double sigma_mps2, double tau_s) : sigma_mps2_(sigma_mps2), tau_s_(tau_s) {
  require(std::isfinite(sigma_mps2) && sigma_mps2 >= 0.0, "SingerModel: sigma must be finite and >= 0 m/s^2");
  require(std::isfinite(tau_s) && tau_s > 0.0, "SingerModel: tau must be finite and > 0 s");
}

StateVector SingerModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  return transition_jacobian(x, t0_s, t1_s) * x;
}

StateMatrix SingerModel::transition_jacobian(const StateVector&, double t0_s, double t1_s) const {
  // exp(A dt) in closed form (Singer 1970, eq. 8); valid for either sign of dt.
  const double dt = t1_s - t0_s;
  const double alpha = 1.0 / tau_s_;
  const double e = std::exp(-alpha * dt);
  // (alpha dt - 1 + e)/alpha^2 and (1 - e)/alpha through expm1, which keeps
  // their precision when alpha dt is small.
  const double em1 = std::expm1(-alpha * dt);  // e - 1
  Eigen::Matrix3d f;
  f << 1.0, dt, (alpha * dt + em1) / (alpha * alpha),
       0.0, 1.0, -em1 / alpha,
       0.0, 0.0, e;
  return kron_identity3(f);
}

StateMatrix SingerModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  const double alpha = 1.0 / tau_s_;
  // White noise density 2 sigma^2 / tau keeps the stationary variance at sigma^2.
  const double q = 2.0 * sigma_mps2_ * sigma_mps2_ * alpha;
  return kron_identity3(singer_axis(alpha, q, std::abs(t1_s - t0_s)).Q);
}

}  // namespace rampart::track
