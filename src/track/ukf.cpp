#include "rampart/track/ukf.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "rampart/core/constants.hpp"

namespace rampart::track {
namespace {

constexpr int kMaxSigmaPoints = 2 * kMaxStateDimension + 1;
using SigmaPoints = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxStateDimension, kMaxSigmaPoints>;
using MeasurementSigmaPoints = Eigen::Matrix<double, 3, Eigen::Dynamic, 0, 3, kMaxSigmaPoints>;

// Columns x, x + s L_i, x - s L_i with L L^T = P. A P that lost definiteness
// to rounding falls back to the symmetric square root with negative
// eigenvalues clipped, so the filter degrades instead of producing NaN.
SigmaPoints sigma_points(const GaussianState& g, double scale) {
  const int n = static_cast<int>(g.x.size());
  StateMatrix L(n, n);
  Eigen::LLT<StateMatrix> llt(g.P);
  if (llt.info() == Eigen::Success) {
    L = llt.matrixL();
  } else {
    Eigen::SelfAdjointEigenSolver<StateMatrix> eig(g.P);
    L = eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  }
  L *= scale;
  SigmaPoints X = SigmaPoints::Zero(n, 2 * n + 1);
  X.col(0) = g.x;
  for (int i = 0; i < n; ++i) {
    X.col(1 + i) = g.x + L.col(i);
    X.col(1 + n + i) = g.x - L.col(i);
  }
  return X;
}

}  // namespace

Ukf::Ukf(std::shared_ptr<const MotionModel> model, const UkfParameters& parameters)
    : model_(std::move(model)), parameters_(parameters) {
  if (!model_) throw std::invalid_argument("Ukf: null motion model");
  const double a = parameters.alpha, b = parameters.beta, k = parameters.kappa;
  if (!(std::isfinite(a) && a > 0.0)) throw std::invalid_argument("Ukf: alpha must be finite and > 0");
  if (!(std::isfinite(b) && b >= 0.0)) throw std::invalid_argument("Ukf: beta must be finite and >= 0");
  const double n = model_->dimension();
  if (!(std::isfinite(k) && n + k > 0.0)) throw std::invalid_argument("Ukf: kappa must be finite with n + kappa > 0");
  lambda_ = a * a * (n + k) - n;
  w0_mean_ = lambda_ / (n + lambda_);
  w0_covariance_ = w0_mean_ + 1.0 - a * a + b;
  wi_ = 0.5 / (n + lambda_);
}

TrackState Ukf::predict(const TrackState& state, double t_s) const {
  const GaussianState& g = state.estimate;
  if (t_s == g.t_s) return state;
  const int n = static_cast<int>(g.x.size());
  SigmaPoints X = sigma_points(g, std::sqrt(n + lambda_));
  for (int i = 0; i < X.cols(); ++i) X.col(i) = model_->propagate(X.col(i), g.t_s, t_s);
  StateVector x = w0_mean_ * X.col(0);
  for (int i = 1; i < X.cols(); ++i) x += wi_ * X.col(i);
  StateVector d = X.col(0) - x;
  StateMatrix P = w0_covariance_ * d * d.transpose();
  for (int i = 1; i < X.cols(); ++i) {
    d = X.col(i) - x;
    P.noalias() += wi_ * d * d.transpose();
  }
  P += model_->process_noise(x, g.t_s, t_s);
  TrackState out;
  out.estimate.t_s = t_s;
  out.estimate.x = x;
  out.estimate.P = 0.5 * (P + P.transpose());
  return out;
}

MeasurementPrediction Ukf::predict_measurement(const TrackState& predicted,
                                               const RadarMeasurementModel& measurement) const {
  const GaussianState& g = predicted.estimate;
  const int n = static_cast<int>(g.x.size());
  const SigmaPoints X = sigma_points(g, std::sqrt(n + lambda_));
  const int m = static_cast<int>(X.cols());
  MeasurementSigmaPoints Z = MeasurementSigmaPoints::Zero(3, m);  // initialised: GCC 12 -Wmaybe-uninitialized
  for (int i = 0; i < m; ++i) Z.col(i) = measurement.h(X.col(i), g.t_s);
  // Azimuth: mean of the wrapped offsets from the central point (a circular
  // mean that is exact when the points straddle north, az = 0 = 2 pi).
  MeasurementVector z_hat = w0_mean_ * Z.col(0);
  double az_offset = 0.0;
  for (int i = 1; i < m; ++i) {
    z_hat += wi_ * Z.col(i);
    az_offset += wi_ * sense::wrap_angle(Z(1, i) - Z(1, 0));
  }
  double az = Z(1, 0) + az_offset;
  if (az < 0.0) az += 2.0 * constants::kPi;
  if (az >= 2.0 * constants::kPi) az -= 2.0 * constants::kPi;
  z_hat(1) = az;

  MeasurementPrediction mp;
  mp.z_hat = z_hat;
  mp.S.setZero();
  mp.Pxz = CrossCovariance::Zero(n, 3);
  for (int i = 0; i < m; ++i) {
    const double w = (i == 0) ? w0_covariance_ : wi_;
    const MeasurementVector dz = RadarMeasurementModel::residual(Z.col(i), z_hat);
    const StateVector dx = X.col(i) - g.x;
    mp.S.noalias() += w * dz * dz.transpose();
    mp.Pxz.noalias() += w * dx * dz.transpose();
  }
  mp.S = 0.5 * (mp.S + mp.S.transpose()).eval();
  return mp;
}

TrackState Ukf::update(const TrackState& predicted, const sense::Detection& detection,
                       const RadarMeasurementModel& measurement) const {
  const GaussianState& g = predicted.estimate;
  assert(std::abs(detection.t_s - g.t_s) <= 1e-9 * (1.0 + std::abs(g.t_s)));
  const MeasurementPrediction mp = predict_measurement(predicted, measurement);
  const MeasurementMatrix S = mp.S + detection.R;
  const CrossCovariance K = S.llt().solve(mp.Pxz.transpose()).transpose();
  const MeasurementVector nu = RadarMeasurementModel::residual(detection.z, mp.z_hat);
  TrackState out;
  out.estimate.t_s = g.t_s;
  out.estimate.x = g.x + K * nu;
  const StateMatrix P = g.P - K * S * K.transpose();
  out.estimate.P = 0.5 * (P + P.transpose());
  return out;
}

TrackState Ukf::initiate(const GaussianState& initial) const {
  assert(initial.x.size() == model_->dimension() && initial.P.rows() == model_->dimension());
  TrackState out;
  out.estimate = initial;
  return out;
}

}  // namespace rampart::track
