#include "rampart/track/imm.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "rampart/core/constants.hpp"
#include "rampart/track/ekf.hpp"
#include "rampart/track/measurement_model.hpp"

namespace rampart::track {
namespace {

constexpr int kShared = 6;  // r_I, v_I

int shared_components(int n_from, int n_to) { return n_from == n_to ? n_to : kShared; }

// The state of `from` expressed in the space of `own` (the target mode's own
// state supplies what `from` lacks, with no correlation to the rest).
GaussianState express_in(const GaussianState& from, const GaussianState& own) {
  const int n_from = static_cast<int>(from.x.size());
  const int n = static_cast<int>(own.x.size());
  const int s = shared_components(n_from, n);
  GaussianState out;
  out.t_s = from.t_s;
  out.x = own.x;
  out.x.head(s) = from.x.head(s);
  out.P = StateMatrix::Zero(n, n);
  out.P.topLeftCorner(s, s) = from.P.topLeftCorner(s, s);
  out.P.bottomRightCorner(n - s, n - s) = own.P.bottomRightCorner(n - s, n - s);
  return out;
}

TrackState single(const GaussianState& g) {
  TrackState t;
  t.estimate = g;
  return t;
}

}  // namespace

ImmFilter::ImmFilter(std::vector<ImmMode> modes, ImmInnerFilter inner, const UkfParameters& ukf_parameters)
    : modes_(std::move(modes)) {
  if (modes_.size() < 2) throw std::invalid_argument("ImmFilter: needs at least two modes");
  for (std::size_t j = 0; j < modes_.size(); ++j) {
    const ImmMode& m = modes_[j];
    const std::string which = "ImmFilter: mode " + std::to_string(j);
    if (!m.model) throw std::invalid_argument(which + ": null motion model");
    if (!(std::isfinite(m.mean_sojourn_s) && m.mean_sojourn_s > 0.0))
      throw std::invalid_argument(which + ": mean_sojourn_s must be finite and > 0");
    if (!(std::isfinite(m.initial_probability) && m.initial_probability > 0.0))
      throw std::invalid_argument(which + ": initial_probability must be finite and > 0");
    const int extra = m.model->dimension() - kShared;
    if (m.extra_mean.size() != extra || m.extra_variance.size() != extra)
      throw std::invalid_argument(which + ": extra_mean and extra_variance need dimension - 6 components");
    if (extra > 0 && !(m.extra_mean.allFinite() && m.extra_variance.allFinite() && m.extra_variance.minCoeff() > 0.0))
      throw std::invalid_argument(which + ": extra_mean must be finite and extra_variance finite and > 0");
    if (inner == ImmInnerFilter::kEkf)
      filters_.push_back(std::make_unique<Ekf>(m.model));
    else
      filters_.push_back(std::make_unique<Ukf>(m.model, ukf_parameters));
  }
}

GaussianState ImmFilter::combine(const std::vector<GaussianState>& modes, const Eigen::VectorXd& mu) const {
  const GaussianState& first = modes.front();
  GaussianState out;
  out.t_s = first.t_s;
  std::vector<GaussianState> in_first;
  in_first.reserve(modes.size());
  for (const GaussianState& g : modes) in_first.push_back(express_in(g, first));
  const int n = static_cast<int>(first.x.size());
  out.x = StateVector::Zero(n);
  for (std::size_t j = 0; j < modes.size(); ++j) out.x += mu(j) * in_first[j].x;
  out.P = StateMatrix::Zero(n, n);
  for (std::size_t j = 0; j < modes.size(); ++j) {
    const StateVector d = in_first[j].x - out.x;
    out.P += mu(j) * (in_first[j].P + d * d.transpose());
  }
  out.P = 0.5 * (out.P + out.P.transpose()).eval();
  return out;
}

TrackState ImmFilter::predict(const TrackState& state, double t_s) const {
  const int M = mode_count();
  const double dt = std::abs(t_s - state.estimate.t_s);
  if (t_s == state.estimate.t_s) return state;
  // Transition probabilities over dt, pi(i, j) = P(mode j at t | mode i before).
  Eigen::MatrixXd pi(M, M);
  for (int i = 0; i < M; ++i) {
    const double stay = std::exp(-dt / modes_[i].mean_sojourn_s);
    for (int j = 0; j < M; ++j) pi(i, j) = (i == j) ? stay : (1.0 - stay) / (M - 1);
  }
  const Eigen::VectorXd& mu = state.mode_probabilities;
  const Eigen::VectorXd c = pi.transpose() * mu;  // predicted mode probabilities
  TrackState out;
  out.modes.reserve(M);
  for (int j = 0; j < M; ++j) {
    // Mixing: the moment-matched Gaussian of the modes weighted by mu(i|j).
    const GaussianState& own = state.modes[j];
    const int n = static_cast<int>(own.x.size());
    GaussianState mixed;
    mixed.t_s = own.t_s;
    mixed.x = StateVector::Zero(n);
    mixed.P = StateMatrix::Zero(n, n);
    if (!(c(j) > 0.0)) {  // every weight underflowed: nothing to mix into this mode
      out.modes.push_back(filters_[j]->predict(single(own), t_s).estimate);
      continue;
    }
    std::vector<GaussianState> from;
    from.reserve(M);
    for (int i = 0; i < M; ++i) from.push_back(express_in(state.modes[i], own));
    for (int i = 0; i < M; ++i) mixed.x += (pi(i, j) * mu(i) / c(j)) * from[i].x;
    for (int i = 0; i < M; ++i) {
      const StateVector d = from[i].x - mixed.x;
      mixed.P += (pi(i, j) * mu(i) / c(j)) * (from[i].P + d * d.transpose());
    }
    out.modes.push_back(filters_[j]->predict(single(mixed), t_s).estimate);
  }
  out.mode_probabilities = c;
  out.estimate = combine(out.modes, c);
  return out;
}

MeasurementPrediction ImmFilter::predict_measurement(const TrackState& predicted,
                                                     const RadarMeasurementModel& measurement) const {
  const int M = mode_count();
  const Eigen::VectorXd& mu = predicted.mode_probabilities;
  std::vector<MeasurementPrediction> mp;
  mp.reserve(M);
  for (int j = 0; j < M; ++j) mp.push_back(filters_[j]->predict_measurement(single(predicted.modes[j]), measurement));
  MeasurementVector z_hat = mp[0].z_hat;
  MeasurementVector offset = MeasurementVector::Zero();
  for (int j = 0; j < M; ++j) offset += mu(j) * RadarMeasurementModel::residual(mp[j].z_hat, mp[0].z_hat);
  z_hat += offset;
  z_hat(1) = std::fmod(z_hat(1) + 2.0 * constants::kPi, 2.0 * constants::kPi);

  const GaussianState& first = predicted.modes[0];
  const int n = static_cast<int>(first.x.size());
  MeasurementPrediction out;
  out.z_hat = z_hat;
  out.S.setZero();
  out.Pxz = CrossCovariance::Zero(n, 3);
  for (int j = 0; j < M; ++j) {
    const MeasurementVector dz = RadarMeasurementModel::residual(mp[j].z_hat, z_hat);
    out.S += mu(j) * (mp[j].S + dz * dz.transpose());
    // Pxz of mode j in the first model's space: shared rows, zero elsewhere
    // (the first mode's own components are uncorrelated in mode j's view).
    const int nj = static_cast<int>(predicted.modes[j].x.size());
    const int s = shared_components(nj, n);
    CrossCovariance Pxz_j = CrossCovariance::Zero(n, 3);
    Pxz_j.topRows(s) = mp[j].Pxz.topRows(s);
    const StateVector dx = express_in(predicted.modes[j], first).x - predicted.estimate.x;
    out.Pxz += mu(j) * (Pxz_j + dx * dz.transpose());
  }
  out.S = 0.5 * (out.S + out.S.transpose()).eval();
  return out;
}

TrackState ImmFilter::update(const TrackState& predicted, const sense::Detection& detection,
                             const RadarMeasurementModel& measurement) const {
  const int M = mode_count();
  TrackState out;
  out.modes.reserve(M);
  Eigen::VectorXd log_weight(M);
  for (int j = 0; j < M; ++j) {
    const TrackState mode = single(predicted.modes[j]);
    const MeasurementPrediction mp = filters_[j]->predict_measurement(mode, measurement);
    const MeasurementMatrix S = mp.S + detection.R;
    const MeasurementVector nu = RadarMeasurementModel::residual(detection.z, mp.z_hat);
    const Eigen::LLT<MeasurementMatrix> llt(S);
    const MeasurementMatrix L = llt.matrixL();
    const double log_det = 2.0 * L.diagonal().array().log().sum();
    const double d2 = nu.dot(llt.solve(nu));
    // log N(nu; 0, S) up to the constant common to all modes.
    log_weight(j) = std::log(predicted.mode_probabilities(j)) - 0.5 * (d2 + log_det);
    out.modes.push_back(filters_[j]->update(mode, detection, measurement).estimate);
  }
  // Normalise in the log domain: far outliers underflow every likelihood.
  Eigen::VectorXd mu = (log_weight.array() - log_weight.maxCoeff()).exp();
  mu /= mu.sum();
  out.mode_probabilities = mu;
  out.estimate = combine(out.modes, mu);
  return out;
}

TrackState ImmFilter::initiate(const GaussianState& initial) const {
  const int M = mode_count();
  TrackState out;
  out.modes.reserve(M);
  Eigen::VectorXd mu(M);
  for (int j = 0; j < M; ++j) {
    const ImmMode& m = modes_[j];
    const int n = m.model->dimension();
    GaussianState own;
    own.t_s = initial.t_s;
    own.x = StateVector::Zero(n);
    own.P = StateMatrix::Zero(n, n);
    if (n > kShared) {
      own.x.tail(n - kShared) = m.extra_mean;
      own.P.bottomRightCorner(n - kShared, n - kShared) = m.extra_variance.asDiagonal();
    }
    out.modes.push_back(j == 0 ? initial : express_in(initial, own));
    mu(j) = m.initial_probability;
  }
  mu /= mu.sum();
  out.mode_probabilities = mu;
  out.estimate = combine(out.modes, mu);
  return out;
}

}  // namespace rampart::track
