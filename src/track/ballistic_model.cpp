#include "rampart/track/ballistic_model.hpp"

#include <cmath>
#include <stdexcept>

#include "rampart/flight/integrators.hpp"
#include "rampart/track/kinematic_models.hpp"

namespace rampart::track {
namespace {

using State6 = Eigen::Matrix<double, 6, 1>;
// [y, Phi]: the state and its transition matrix integrated together, so that
// Phi is the derivative of the discrete RK4 map itself.
using Augmented6 = Eigen::Matrix<double, 6, 7>;

int substeps(double dt, double max_step_s) { return std::max(1, static_cast<int>(std::ceil(std::abs(dt) / max_step_s))); }

}  // namespace

Mat3 gravity_gradient(const earth::EarthModel& earth, const Vec3& r) {
  // g_i = -mu x_i [r^-3 + A c_i r^-5 - 5 A z^2 r^-7], A = 1.5 J2 a^2,
  // c = (1, 1, 3): EarthModel::gravity written per component; differentiate.
  const earth::EarthParameters& p = earth.parameters();
  const double mu = p.gm_m3ps2;
  const double A = 1.5 * p.j2 * p.equatorial_radius_m * p.equatorial_radius_m;
  const double r2 = r.squaredNorm();
  const double inv_r2 = 1.0 / r2;
  const double inv_r = std::sqrt(inv_r2);
  const double inv_r3 = inv_r * inv_r2;
  const double inv_r5 = inv_r3 * inv_r2;
  const double inv_r7 = inv_r5 * inv_r2;
  const double inv_r9 = inv_r7 * inv_r2;
  const double z = r.z();
  const double z2 = z * z;
  Mat3 G;
  for (int i = 0; i < 3; ++i) {
    const double c = (i == 2) ? 3.0 : 1.0;
    const double diag = inv_r3 + A * c * inv_r5 - 5.0 * A * z2 * inv_r7;
    // d/dx_j of the bracket: x_j (-3 r^-5 - 5 A c r^-7 + 35 A z^2 r^-9) - 10 A z r^-7 [j = z]
    const double radial = -3.0 * inv_r5 - 5.0 * A * c * inv_r7 + 35.0 * A * z2 * inv_r9;
    for (int j = 0; j < 3; ++j) {
      double d = r(j) * radial;
      if (j == 2) d -= 10.0 * A * z * inv_r7;
      G(i, j) = -mu * ((i == j ? diag : 0.0) + r(i) * d);
    }
  }
  return G;
}

BallisticModel::BallisticModel(const earth::EarthModel& earth, double q_m2ps3, double max_step_s)
    : earth_(earth), q_m2ps3_(q_m2ps3), max_step_s_(max_step_s) {
  if (!(std::isfinite(q_m2ps3) && q_m2ps3 >= 0.0))
    throw std::invalid_argument("BallisticModel: q must be finite and >= 0 m^2/s^3");
  if (!(std::isfinite(max_step_s) && max_step_s > 0.0))
    throw std::invalid_argument("BallisticModel: max_step_s must be finite and > 0");
}

StateVector BallisticModel::propagate(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const auto f = [this](double, const State6& y) {
    State6 dy;
    dy.head<3>() = y.tail<3>();
    dy.tail<3>() = earth_.gravity(y.head<3>());
    return dy;
  };
  State6 y = x.head<6>();
  for (int k = 0; k < n; ++k) y = flight::rk4_step(f, t0_s + k * h, y, h);
  return StateVector(y);
}

Augmented6 BallisticModel::integrate_variational(const StateVector& x, double t0_s, double t1_s) const {
  const double dt = t1_s - t0_s;
  const int n = substeps(dt, max_step_s_);
  const double h = dt / n;
  const auto f = [this](double, const Augmented6& Y) {
    Augmented6 dY;
    const Vec3 r = Y.col(0).head<3>();
    dY.col(0).head<3>() = Y.col(0).tail<3>();
    dY.col(0).tail<3>() = earth_.gravity(r);
    // Phi' = [[0, I], [G, 0]] Phi, written by blocks (a quarter of the work).
    dY.block<3, 6>(0, 1) = Y.block<3, 6>(3, 1);
    dY.block<3, 6>(3, 1) = gravity_gradient(earth_, r) * Y.block<3, 6>(0, 1);
    return dY;
  };
  Augmented6 Y;
  Y.col(0) = x.head<6>();
  Y.block<6, 6>(0, 1).setIdentity();
  for (int k = 0; k < n; ++k) Y = flight::rk4_step(f, t0_s + k * h, Y, h);
  return Y;
}

StateMatrix BallisticModel::transition_jacobian(const StateVector& x, double t0_s, double t1_s) const {
  return StateMatrix(integrate_variational(x, t0_s, t1_s).block<6, 6>(0, 1));
}

std::pair<StateVector, StateMatrix> BallisticModel::propagate_with_jacobian(const StateVector& x, double t0_s,
                                                                            double t1_s) const {
  // Column 0 goes through the same operations as propagate()'s state
  // (elementwise sums and products, the same gravity), so it is the same mean.
  const Augmented6 Y = integrate_variational(x, t0_s, t1_s);
  return {StateVector(Y.col(0)), StateMatrix(Y.block<6, 6>(0, 1))};
}

StateMatrix BallisticModel::process_noise(const StateVector&, double t0_s, double t1_s) const {
  return white_noise_acceleration_q(q_m2ps3_, t1_s - t0_s);
}

}  // namespace rampart::track
