#include "rampart/track/reentry_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/flight/integrators.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/track/ballistic_model.hpp"
#include "rampart/track/kinematic_models.hpp"

namespace rampart::track {
namespace {

using State7 = Eigen::Matrix<double, 7, 1>;
using Augmented7 = Eigen::Matrix<double, 7, 8>;
using Mat37 = Eigen::Matrix<double, 3, 7>;

// The same bounds as flight::drag_acceleration (point_mass.cpp): no air above
// 1000 km, density held at its -5 km value below.
constexpr double kAtmosphereTopM = 1000e3;
constexpr double kAtmosphereBottomM = -5e3;
constexpr double kDensityStepM = 1.0;

int substeps(double dt, double max_step_s) { return std::max(1, static_cast<int>(std::ceil(std::abs(dt) / max_step_s))); }

Mat3 cross_matrix(const Vec3& w) {
  Mat3 W;
  W << 0.0, -w.z(), w.y(), w.z(), 0.0, -w.x(), -w.y(), w.x(), 0.0;
  return W;
}

}  // namespace

ReentryModel::ReentryModel(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere, double q_m2ps3,
                           double q_kappa_m4pkg2ps, double max_step_s)
    : earth_(earth), atmosphere_(atmosphere), q_m2ps3_(q_m2ps3), q_kappa_(q_kappa_m4pkg2ps), max_step_s_(max_step_s) {
  if (!(std::isfinite(q_m2ps3) && q_m2ps3 >= 0.0))
    throw std::invalid_argument("ReentryModel: q must be finite and >= 0 m^2/s^3");
  if (!(std::isfinite(q_kappa_m4pkg2ps) && q_kappa_m4pkg2ps >= 0.0))
    throw std::invalid_argument("ReentryModel: q_kappa must be finite and >= 0 (m^2/kg)^2/s");
  if (!(std::isfinite(max_step_s) && max_step_s > 0.0))
    throw std::invalid_argument("ReentryModel: max_step_s must be finite and > 0");
}

StateVector ReentryModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const auto f = [this](double, const State7& y) {
    const Vec3 r = y.head<3>();
    const Vec3 v = y.segment<3>(3);
    State7 dy;
    dy.head<3>() = v;
    dy.segment<3>(3) = earth_.gravity(r) + y(6) * flight::drag_acceleration(earth_, atmosphere_, r, v, 1.0);
    dy(6) = 0.0;
    return dy;
  };
  State7 y = x.head<7>();
  for (int k = 0; k < n; ++k) y = flight::rk4_step(f, t0_s + k * h, y, h);
  return StateVector(y);
}

StateMatrix ReentryModel::transition_jacobian(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const earth::EarthParameters& p = earth_.parameters();
  const double one_minus_e2 = (1.0 - p.flattening) * (1.0 - p.flattening);
  const double top_radius_m = p.equatorial_radius_m + kAtmosphereTopM;
  const Vec3 omega = earth_.omega_I();
  const Mat3 W = cross_matrix(omega);

  // d(drag acceleration)/d[r, v, kappa] at one state, the partials of
  // a = -(rho/2) kappa |v_a| v_a, v_a = v - omega x r.
  const auto drag_partials = [&](const State7& y) {
    Mat37 D = Mat37::Zero();
    const Vec3 r = y.head<3>();
    if (!earth_.has_atmosphere() || r.squaredNorm() >= top_radius_m * top_radius_m) return D;
    const double alt = std::max(earth_.altitude_m(r), kAtmosphereBottomM);
    const double rho = atmosphere_.density_kgpm3(alt);
    if (!(rho > 0.0)) return D;
    const double lo = std::max(alt - kDensityStepM, kAtmosphereBottomM);
    const double hi = alt + kDensityStepM;
    const double drho_dh = (atmosphere_.density_kgpm3(hi) - atmosphere_.density_kgpm3(lo)) / (hi - lo);
    const Vec3 up = Vec3(r.x(), r.y(), r.z() / one_minus_e2).normalized();
    const Vec3 v_a = y.segment<3>(3) - omega.cross(r);
    const double speed = v_a.norm();
    const double kappa = y(6);
    const Vec3 unit_drag = -0.5 * speed * v_a;  // a / (rho kappa)
    Mat3 dA_dva = Mat3::Zero();
    if (speed > 0.0) dA_dva = -0.5 * rho * kappa * (speed * Mat3::Identity() + v_a * v_a.transpose() / speed);
    D.block<3, 3>(0, 0) = kappa * drho_dh * unit_drag * up.transpose() - dA_dva * W;
    D.block<3, 3>(0, 3) = dA_dva;
    D.col(6) = rho * unit_drag;
    return D;
  };

  const auto f = [&](double, const Augmented7& Y) {
    const State7 y = Y.col(0);
    const Vec3 r = y.head<3>();
    const Vec3 v = y.segment<3>(3);
    Augmented7 dY;
    dY.col(0).head<3>() = v;
    dY.col(0).segment<3>(3) = earth_.gravity(r) + y(6) * flight::drag_acceleration(earth_, atmosphere_, r, v, 1.0);
    dY(6, 0) = 0.0;
    Mat37 A_v = drag_partials(y);  // rows of A for v'
    A_v.block<3, 3>(0, 0) += gravity_gradient(earth_, r);
    const auto Phi = Y.block<7, 7>(0, 1);
    dY.block<3, 7>(0, 1) = Phi.block<3, 7>(3, 0);
    dY.block<3, 7>(3, 1) = A_v * Phi;
    dY.block<1, 7>(6, 1).setZero();
    return dY;
  };
  Augmented7 Y;
  Y.col(0) = x.head<7>();
  Y.block<7, 7>(0, 1).setIdentity();
  for (int k = 0; k < n; ++k) Y = flight::rk4_step(f, t0_s + k * h, Y, h);
  return StateMatrix(Y.block<7, 7>(0, 1));
}

StateMatrix ReentryModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  StateMatrix Q = StateMatrix::Zero(7, 7);
  Q.topLeftCorner(6, 6) = white_noise_acceleration_q(q_m2ps3_, t1_s - t0_s);
  Q(6, 6) = q_kappa_ * std::abs(t1_s - t0_s);
  return Q;
}

}  // namespace rampart::track
