#include "rampart/track/ekf.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "rampart/track/ballistic_model.hpp"

namespace rampart::track {

Ekf::Ekf(std::shared_ptr<const MotionModel> model) : model_(std::move(model)) {
  if (!model_) throw std::invalid_argument("Ekf: null motion model");
}

TrackState Ekf::predict(const TrackState& state, double t_s) const {
  const GaussianState& g = state.estimate;
  if (t_s == g.t_s) return state;
  TrackState out;
  out.estimate.t_s = t_s;
  using Matrix6 = Eigen::Matrix<double, 6, 6>;
  if (g.x.size() == 6) {
    if (const auto* ballistic = dynamic_cast<const BallisticModel*>(model_.get())) {
      // The tracker's common case, all in fixed-size storage: the same
      // numbers as the general path below (the same integration, products
      // and sums), without its dynamic-size pair and copies.
      const Eigen::Matrix<double, 6, 7> Y = ballistic->integrate_variational(g.x, g.t_s, t_s);
      const Matrix6 F6 = Y.block<6, 6>(0, 1);
      const Matrix6 P6 = F6 * Matrix6(g.P) * F6.transpose() + Matrix6(ballistic->process_noise(g.x, g.t_s, t_s));
      out.estimate.x = Y.col(0);
      out.estimate.P = 0.5 * (P6 + P6.transpose());
      return out;
    }
  }
  auto [x, F] = model_->propagate_with_jacobian(g.x, g.t_s, t_s);
  out.estimate.x = std::move(x);
  const StateMatrix Q = model_->process_noise(g.x, g.t_s, t_s);
  if (F.rows() == 6) {
    // The common six-state case with fixed-size products (unrolled, no
    // run-time sizes): the same sums, up to their order.
    const Matrix6 F6 = F;
    const Matrix6 P6 = F6 * Matrix6(g.P) * F6.transpose() + Matrix6(Q);
    out.estimate.P = 0.5 * (P6 + P6.transpose());
    return out;
  }
  StateMatrix P = F * g.P * F.transpose() + Q;
  out.estimate.P = 0.5 * (P + P.transpose());
  return out;
}

MeasurementPrediction Ekf::predict_measurement(const TrackState& predicted,
                                               const RadarMeasurementModel& measurement) const {
  const GaussianState& g = predicted.estimate;
  const auto H = measurement.H(g.x, g.t_s);
  MeasurementPrediction mp;
  mp.z_hat = measurement.h(g.x, g.t_s);
  mp.Pxz = g.P * H.transpose();
  const MeasurementMatrix S = H * mp.Pxz;
  mp.S = 0.5 * (S + S.transpose());
  return mp;
}

namespace {

// Ekf::update for the common six-state case with fixed-size matrices: the
// same formulas (Joseph form), the same sums up to their order.
template <class Jacobian>
TrackState update6(const GaussianState& g, const Jacobian& H_dynamic, const sense::Detection& detection,
                   const RadarMeasurementModel& measurement) {
  using Matrix6 = Eigen::Matrix<double, 6, 6>;
  using Matrix63 = Eigen::Matrix<double, 6, 3>;
  const Eigen::Matrix<double, 3, 6> H = H_dynamic;
  const Matrix6 P = g.P;
  const Matrix63 PHt = P * H.transpose();
  const MeasurementMatrix S = H * PHt + detection.R;
  const MeasurementVector nu = RadarMeasurementModel::residual(detection.z, measurement.h(g.x, g.t_s));
  const Matrix63 K = S.llt().solve(PHt.transpose()).transpose();
  TrackState out;
  out.estimate.t_s = g.t_s;
  out.estimate.x = g.x + K * nu;
  const Matrix6 I_KH = Matrix6::Identity() - K * H;
  const Matrix6 P_new = I_KH * P * I_KH.transpose() + K * detection.R * K.transpose();
  out.estimate.P = 0.5 * (P_new + P_new.transpose());
  return out;
}

}  // namespace

TrackState Ekf::update(const TrackState& predicted, const sense::Detection& detection,
                       const RadarMeasurementModel& measurement) const {
  const GaussianState& g = predicted.estimate;
  assert(std::abs(detection.t_s - g.t_s) <= 1e-9 * (1.0 + std::abs(g.t_s)));
  const int n = static_cast<int>(g.x.size());
  const auto H = measurement.H(g.x, g.t_s);
  if (n == 6) return update6(g, H, detection, measurement);
  const CrossCovariance PHt = g.P * H.transpose();
  const MeasurementMatrix S = H * PHt + detection.R;
  const MeasurementVector nu = RadarMeasurementModel::residual(detection.z, measurement.h(g.x, g.t_s));
  // K = P H^T S^-1 through S's Cholesky factor (S is symmetric positive definite).
  const CrossCovariance K = S.llt().solve(PHt.transpose()).transpose();
  TrackState out;
  out.estimate.t_s = g.t_s;
  out.estimate.x = g.x + K * nu;
  // Joseph form: positive semi-definite for any K, and exact for the optimal one.
  const StateMatrix I_KH = StateMatrix::Identity(n, n) - K * H;
  const StateMatrix P = I_KH * g.P * I_KH.transpose() + K * detection.R * K.transpose();
  out.estimate.P = 0.5 * (P + P.transpose());
  return out;
}

TrackState Ekf::initiate(const GaussianState& initial) const {
  assert(initial.x.size() == model_->dimension() && initial.P.rows() == model_->dimension());
  TrackState out;
  out.estimate = initial;
  return out;
}

}  // namespace rampart::track
