#pragma once
// The tracker's state types (Stone Soup's vocabulary: a state, a
// prediction, an update are values; the components that make them are
// separate). Vectors are sized at run time up to kMaxStateDimension and live
// on the stack: no allocation in the filter loop.

#include <Eigen/Dense>
#include <vector>

namespace rampart::track {

inline constexpr int kMaxStateDimension = 9;

/// State in ECI: position (m) first, velocity (m/s) next, then what the
/// motion model adds (acceleration, inverse ballistic coefficient, ...).
using StateVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxStateDimension, 1>;
using StateMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxStateDimension, kMaxStateDimension>;
using MeasurementVector = Eigen::Vector3d;  ///< range, azimuth, elevation
using MeasurementMatrix = Eigen::Matrix3d;
/// Cross covariance of state and measurement, n x 3.
using CrossCovariance = Eigen::Matrix<double, Eigen::Dynamic, 3, 0, kMaxStateDimension, 3>;

/// A Gaussian over the state at time t_s.
struct GaussianState {
  double t_s = 0.0;
  StateVector x;
  StateMatrix P;
};

/// What a filter keeps for one track. For a single-model filter `modes` is
/// empty and `estimate` is the filter's state; an interacting multiple model
/// filter keeps one state per model with its probability and `estimate` is
/// their moment-matched combination (in the first model's state space).
struct TrackState {
  GaussianState estimate;
  std::vector<GaussianState> modes;
  Eigen::VectorXd mode_probabilities;
};

/// The measurement a filter expects at the prediction's time, with what an
/// update and a gate need: S, the covariance of the predicted measurement
/// alone (H P H^T; the innovation covariance of a detection is S + R with the
/// detection's own noise R, which the filter does not know here), and the
/// state-measurement cross covariance Pxz (the gain is Pxz (S + R)^-1).
struct MeasurementPrediction {
  MeasurementVector z_hat;
  MeasurementMatrix S;
  CrossCovariance Pxz;
};

}  // namespace rampart::track
