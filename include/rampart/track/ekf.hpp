#pragma once
// Extended Kalman filter over one motion model and the radar measurement
// model (Bar-Shalom, Li & Kirubarajan 2001, 10.3): the mean moves with the
// model's propagate, the covariance with its Jacobian, the update is
// linearised at the prediction, and P is updated in Joseph form and
// symmetrised so that it stays symmetric positive definite.

#include <memory>
#include <string_view>

#include "rampart/track/filter.hpp"
#include "rampart/track/motion_model.hpp"

namespace rampart::track {

class Ekf final : public Filter {
 public:
  /// Throws std::invalid_argument for a null model.
  explicit Ekf(std::shared_ptr<const MotionModel> model);

  std::string_view name() const override { return "ekf"; }
  /// x = f(x), P = F P F^T + Q; the same state when t_s equals its time.
  TrackState predict(const TrackState& state, double t_s) const override;
  /// z_hat = h(x), Pxz = P H^T and S = H P H^T: S holds the state's part
  /// only, without sensor noise (the detection carries R): the innovation
  /// covariance of a detection is S + detection.R.
  MeasurementPrediction predict_measurement(const TrackState& predicted,
                                            const RadarMeasurementModel& measurement) const override;
  /// K = P H^T (H P H^T + R)^-1, x += K nu (azimuth wrapped), Joseph-form P.
  /// The detection must be at the prediction's time (not checked in release).
  TrackState update(const TrackState& predicted, const sense::Detection& detection,
                    const RadarMeasurementModel& measurement) const override;
  /// The Gaussian as it is; it must have the model's dimension (asserted).
  TrackState initiate(const GaussianState& initial) const override;

  const MotionModel& motion_model() const { return *model_; }

 private:
  std::shared_ptr<const MotionModel> model_;
};

}  // namespace rampart::track
