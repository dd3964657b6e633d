#include "rampart/track/ekf.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace rampart::track {

Ekf::Ekf(std::shared_ptr<const MotionModel> model) : model_(std::move(model)) {
  if (!model_) throw std::invalid_argument("Ekf: null motion model");
}

TrackState Ekf::predict(const TrackState& state, double t_s) const {
  const GaussianState& g = state.estimate;
  if (t_s == g.t_s) return state;
  TrackState out;
  out.estimate.t_s = t_s;
  out.estimate.x = model_->propagate(g.x, g.t_s, t_s);
  const StateMatrix F = model_->transition_jacobian(g.x, g.t_s, t_s);
  StateMatrix P = F * g.P * F.transpose() + model_->process_noise(g.x, g.t_s, t_s);
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

TrackState Ekf::update(const TrackState& predicted, const sense::Detection& detection,
                       const RadarMeasurementModel& measurement) const {
  const GaussianState& g = predicted.estimate;
  assert(std::abs(detection.t_s - g.t_s) <= 1e-9 * (1.0 + std::abs(g.t_s)));
  const int n = static_cast<int>(g.x.size());
  const auto H = measurement.H(g.x, g.t_s);
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
