#pragma once
// Unscented Kalman filter with the scaled unscented transform (Julier &
// Uhlmann 2004; Wan & van der Merwe 2000): 2n+1 sigma points x, x +- columns
// of sqrt((n + lambda) P), lambda = alpha^2 (n + kappa) - n, mean weights
// W0 = lambda/(n + lambda), Wi = 1/(2(n + lambda)), covariance weight
// W0c = W0 + 1 - alpha^2 + beta. Azimuth is averaged as a circular
// quantity and its deviations are wrapped. Sigma points live in fixed-max
// matrices on the stack: no allocation per cycle.

#include <memory>
#include <string_view>

#include "rampart/track/filter.hpp"
#include "rampart/track/motion_model.hpp"

namespace rampart::track {

/// Defaults alpha = 1, beta = 2, kappa = 0: lambda = 0, so every weight is
/// non-negative (the predicted covariance is a sum of positive terms, which
/// keeps it positive definite), sigma points sit at sqrt(n) standard
/// deviations, and beta = 2 is optimal for Gaussian priors.
struct UkfParameters {
  double alpha = 1.0;
  double beta = 2.0;
  double kappa = 0.0;
};

class Ukf final : public Filter {
 public:
  /// Throws std::invalid_argument for a null model, alpha <= 0, beta < 0,
  /// non-finite values, or n + kappa <= 0 (n the model's dimension).
  explicit Ukf(std::shared_ptr<const MotionModel> model, const UkfParameters& parameters = {});

  std::string_view name() const override { return "ukf"; }
  /// Sigma points through the model's propagate; P gets the model's Q at the
  /// predicted mean. The same state when t_s equals its time.
  TrackState predict(const TrackState& state, double t_s) const override;
  /// Sigma points of the prediction through h. S excludes sensor noise (the
  /// detection carries R): the innovation covariance of a detection is S + detection.R.
  MeasurementPrediction predict_measurement(const TrackState& predicted,
                                            const RadarMeasurementModel& measurement) const override;
  /// K = Pxz (S + R)^-1, x += K nu (azimuth wrapped), P -= K (S + R) K^T.
  TrackState update(const TrackState& predicted, const sense::Detection& detection,
                    const RadarMeasurementModel& measurement) const override;
  /// The Gaussian as it is; it must have the model's dimension (asserted).
  TrackState initiate(const GaussianState& initial) const override;

  const MotionModel& motion_model() const { return *model_; }
  const UkfParameters& parameters() const { return parameters_; }

 private:
  std::shared_ptr<const MotionModel> model_;
  UkfParameters parameters_;
  double lambda_;
  double w0_mean_;
  double w0_covariance_;
  double wi_;
};

}  // namespace rampart::track
