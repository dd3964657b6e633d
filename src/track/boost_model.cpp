#include "rampart/track/boost_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/flight/integrators.hpp"
#include "rampart/track/ballistic_model.hpp"
#include "rampart/track/kinematic_models.hpp"

namespace rampart::track {
namespace {

using State9 = Eigen::Matrix<double, 9, 1>;
using Augmented9 = Eigen::Matrix<double, 9, 10>;

int substeps(double dt, double max_step_s) { return std::max(1, static_cast<int>(std::ceil(std::abs(dt) / max_step_s))); }

}  // namespace

BoostModel::BoostModel(const earth::EarthModel& earth, double q_m2ps5, double max_step_s)
    : earth_(earth), q_m2ps5_(q_m2ps5), max_step_s_(max_step_s) {
  if (!(std::isfinite(q_m2ps5) && q_m2ps5 >= 0.0))
    throw std::invalid_argument("BoostModel: q must be finite and >= 0 m^2/s^5");
  if (!(std::isfinite(max_step_s) && max_step_s > 0.0))
    throw std::invalid_argument("BoostModel: max_step_s must be finite and > 0");
}

StateVector BoostModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const auto f = [this](double, const State9& y) {
    State9 dy;
    dy.head<3>() = y.segment<3>(3);
    dy.segment<3>(3) = earth_.gravity(y.head<3>()) + y.tail<3>();
    dy.tail<3>().setZero();
    return dy;
  };
  State9 y = x.head<9>();
  for (int k = 0; k < n; ++k) y = flight::rk4_step(f, t0_s + k * h, y, h);
  return StateVector(y);
}

StateMatrix BoostModel::transition_jacobian(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const auto f = [this](double, const Augmented9& Y) {
    Augmented9 dY;
    const Vec3 r = Y.col(0).head<3>();
    dY.col(0).head<3>() = Y.col(0).segment<3>(3);
    dY.col(0).segment<3>(3) = earth_.gravity(r) + Y.col(0).tail<3>();
    dY.col(0).tail<3>().setZero();
    // A = [[0, I, 0], [G, 0, I], [0, 0, 0]]
    dY.block<3, 9>(0, 1) = Y.block<3, 9>(3, 1);
    dY.block<3, 9>(3, 1) = gravity_gradient(earth_, r) * Y.block<3, 9>(0, 1) + Y.block<3, 9>(6, 1);
    dY.block<3, 9>(6, 1).setZero();
    return dY;
  };
  Augmented9 Y;
  Y.col(0) = x.head<9>();
  Y.block<9, 9>(0, 1).setIdentity();
  for (int k = 0; k < n; ++k) Y = flight::rk4_step(f, t0_s + k * h, Y, h);
  return StateMatrix(Y.block<9, 9>(0, 1));
}

StateMatrix BoostModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  return white_noise_jerk_q(q_m2ps5_, t1_s - t0_s);
}

}  // namespace rampart::track
