#pragma once
// A filter is a predictor and an updater (Stone Soup's roles) over one
// motion model: EKF, UKF and IMM implement it, so that the tracker, the
// associators and the tests treat them alike.

#include <string_view>

#include "rampart/sense/detection.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

class Filter {
 public:
  virtual ~Filter() = default;
  virtual std::string_view name() const = 0;
  /// The state propagated to t_s.
  virtual TrackState predict(const TrackState& state, double t_s) const = 0;
  /// The measurement expected by `measurement` at the prediction's time.
  virtual MeasurementPrediction predict_measurement(const TrackState& predicted,
                                                    const RadarMeasurementModel& measurement) const = 0;
  /// The prediction corrected by one detection (taken at the prediction's time).
  virtual TrackState update(const TrackState& predicted, const sense::Detection& detection,
                            const RadarMeasurementModel& measurement) const = 0;
  /// A state of this filter's kind built from a Gaussian in the state space
  /// of its (first) motion model, for a new track.
  virtual TrackState initiate(const GaussianState& initial) const = 0;
};

}  // namespace rampart::track
