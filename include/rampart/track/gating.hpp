#pragma once
// Chi-square gating of (track, detection) pairs: a cheap Euclidean pre-gate
// in ECEF prunes pairs before the filter's measurement prediction, then the
// Mahalanobis distance of the innovation decides.

#include <cstddef>
#include <optional>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// CDF of the chi-square distribution with 3 degrees of freedom at x >= 0:
/// erf(sqrt(x/2)) - sqrt(2x/pi) exp(-x/2) (exact); 0 for x <= 0.
double chi_square_3_cdf(double x);
/// Inverse of chi_square_3_cdf for p in (0, 1), to a few ulps (bracketed
/// Newton). Throws std::invalid_argument outside (0, 1).
double chi_square_3_quantile(double p);

/// One gated pair. S_ij = S_i + R_j is the innovation covariance of the pair
/// (the filter's predicted-measurement covariance plus the detection's noise).
struct GatedPair {
  std::size_t track = 0;
  std::size_t detection = 0;
  MeasurementVector nu;      ///< residual z - z_hat, azimuth wrapped
  MeasurementMatrix S;       ///< innovation covariance (m^2, rad^2)
  double d2 = 0.0;           ///< squared Mahalanobis distance nu^T S^-1 nu
  double log_det_S = 0.0;    ///< ln |S|
  /// ln N(nu; 0, S) = -(d2 + ln|S| + 3 ln 2 pi) / 2.
  double log_likelihood() const;
};

/// Every pair inside the gate, sorted by track then detection.
struct GatedScan {
  std::size_t track_count = 0;
  std::size_t detection_count = 0;
  /// Per track: the filter's measurement prediction, computed only for tracks
  /// with at least one detection past the pre-gate.
  std::vector<std::optional<MeasurementPrediction>> predictions;
  std::vector<GatedPair> pairs;
  /// Pairs that reached the Mahalanobis test (for benchmarks and tests of the pre-gate).
  std::size_t fine_tests = 0;
};

/// Gate settings. `probability` in (0, 1): the chance that a true detection
/// falls inside the gate; `pregate_margin` >= 1 scales the pre-gate radius to
/// cover the curvature of range/azimuth/elevation (1.5 by default).
struct GateParameters {
  double probability = 0.9999;
  double pregate_margin = 1.5;
};

class Gate {
 public:
  /// Throws std::invalid_argument for a probability outside (0, 1) or a margin below 1.
  Gate(const earth::EarthModel& earth, const GateParameters& parameters = {});

  double probability() const { return parameters_.probability; }
  /// The chi-square threshold gamma on d2 (3 degrees of freedom).
  double threshold() const { return threshold_; }

  /// The pairs of `predicted` tracks (all at the detections' time t_s) and
  /// `detections` (from `sensor`) inside the gate. An empty track or
  /// detection list gives no pairs.
  GatedScan gate(const std::vector<TrackState>& predicted, const std::vector<sense::Detection>& detections,
                 const RadarMeasurementModel& sensor, const Filter& filter, double t_s) const;

 private:
  const earth::EarthModel& earth_;
  GateParameters parameters_;
  double threshold_;
};

/// Position (ECEF, m) of a detection and the trace of its position
/// covariance, R_rr + r^2 cos^2(el) R_aa + r^2 R_ee (m^2), to first order.
struct DetectionPoint {
  Vec3 r_E;
  double trace_C_m2 = 0.0;
};
DetectionPoint detection_point(const sense::Detection& detection, const sense::SensorSite& site);

}  // namespace rampart::track
