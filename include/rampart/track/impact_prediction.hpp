#pragma once
// Predicted impact point and time of a ballistic track, with their
// uncertainty: the track's Gaussian is carried to the ground by the
// unscented transform, each sigma point flown through gravity and drag.

#include <Eigen/Dense>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// Settings of an ImpactPredictor (validated by its constructor).
struct ImpactPredictionOptions {
  /// Cd A / m (m^2/kg, >= 0) used when the state has only six components; 0 is vacuum.
  double nominal_inverse_beta_m2pkg = 0.0;
  /// Probability mass (0, 1) of the threatened-area ellipse.
  double ellipse_probability = 0.95;
  /// Scaled unscented transform (Julier 2002; Wan & van der Merwe 2000): spread
  /// alpha in (0, 1], prior-knowledge beta (2 is optimal for a Gaussian), kappa
  /// with n + kappa > 0. With alpha = 1, kappa = 0 the points sit at +-sqrt(n) sigma.
  double alpha = 1.0;
  double beta = 2.0;
  double kappa = 0.0;
  /// Flights longer than this from the state's time count as never coming down, s (> 0).
  double max_flight_time_s = 3600.0;
  /// Integration tolerances of each sigma point's flight (> 0).
  double relative_tolerance = 1e-9;
  double absolute_tolerance = 1e-4;
};

enum class ImpactStatus {
  kPredicted,            ///< every sigma point reached the ground
  kStartsBelowGround,    ///< a sigma point starts below the ellipsoid (track near or past impact)
  kNoImpact,             ///< a sigma point does not come down within max_flight_time_s (orbit, escape)
  kIntegrationFailed,    ///< the integrator could not continue a sigma point's flight
  kInvalidCovariance,    ///< P is not symmetric positive semi-definite or not finite
};

/// The area a threat may hit, as an ellipse on the local east-north plane
/// containing the impact with the stated probability (2-D Gaussian).
struct ThreatEllipse {
  double probability = 0.0;
  double semi_major_m = 0.0;
  double semi_minor_m = 0.0;
  /// Direction of the major axis, clockwise from north, in [0, pi).
  double major_axis_azimuth_rad = 0.0;
};

/// The outcome of one prediction; the numbers are meaningful only when
/// status == kPredicted. `failed_sigma_point` names the first sigma point
/// that failed otherwise (0 is the mean).
struct ImpactPrediction {
  ImpactStatus status = ImpactStatus::kPredicted;
  int failed_sigma_point = -1;
  earth::Geodetic impact_point;     ///< mean impact point (altitude 0)
  double impact_time_s = 0.0;       ///< mean impact time, s since the epoch
  double time_to_impact_s = 0.0;    ///< impact_time_s minus the state's time
  double impact_time_sigma_s = 0.0;
  /// Covariance of the impact point in east-north components at impact_point, m^2.
  Eigen::Matrix2d P_en_m2 = Eigen::Matrix2d::Zero();
  ThreatEllipse threatened_area;
};

/// Ellipse of probability `probability` in (0, 1) for a 2-D Gaussian of
/// east-north covariance P_en_m2: semi-axes k sqrt(eigenvalues), k = sqrt(-2 ln(1-p)).
/// Throws std::invalid_argument for p outside (0, 1).
ThreatEllipse threat_ellipse(const Eigen::Matrix2d& P_en_m2, double probability);

class ImpactPredictor {
 public:
  /// Keeps references to `earth` and `atmosphere` (they must outlive it).
  /// Throws std::invalid_argument for options out of their documented ranges.
  ImpactPredictor(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                  const ImpactPredictionOptions& options = {});

  /// Impact of a state [r_I (m); v_I (m/s)] or [r_I; v_I; 1/beta (m^2/kg)] at
  /// state.t_s. 2n + 1 flights; sigma points with 1/beta < 0 fly in vacuum
  /// (clamped). Throws std::invalid_argument if the dimension is not 6 or 7.
  ImpactPrediction predict(const GaussianState& state) const;

  const ImpactPredictionOptions& options() const { return options_; }

 private:
  const earth::EarthModel& earth_;
  const earth::Us76Atmosphere& atmosphere_;
  ImpactPredictionOptions options_;
};

}  // namespace rampart::track
