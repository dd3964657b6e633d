#pragma once
// Estimation error against truth: RMSE of position and velocity over time
// and overall, and the filter-consistency statistics NEES and NIS with
// their chi-square bounds (Bar-Shalom, Li & Kirubarajan 2001, 5.4).

#include <optional>
#include <vector>

#include <Eigen/Dense>

#include "rampart/track/metrics/chi_square.hpp"
#include "rampart/track/metrics/frame.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// Normalised estimation error squared e^T P^-1 e (also the NIS for an
/// innovation and its covariance S). Empty if P is not positive definite,
/// sizes differ or an entry is not finite.
std::optional<double> nees(const Eigen::VectorXd& error, const Eigen::MatrixXd& P);
/// NIS of a radar innovation (range, azimuth, elevation) with covariance S.
std::optional<double> nis(const MeasurementVector& innovation, const MeasurementMatrix& S);

/// The error of one estimate of one object at one time (estimate - truth).
struct ErrorSample {
  double t_s = 0.0;
  Vec3 position_error_m = Vec3::Zero();
  Vec3 velocity_error_mps = Vec3::Zero();
  std::optional<double> nees;  ///< over the 6 position-velocity components
};

/// The error of `track` against `truth` (position and velocity, ECI) at t_s.
ErrorSample error_sample(const TruthObject& truth, const TrackEstimate& track, double t_s);
/// The errors of the matched pairs of every frame (match_tracks_to_truth).
std::vector<ErrorSample> error_samples(const std::vector<MetricFrame>& frames, const MatchOptions& options);

struct RmsePoint {
  double t_s = 0.0;
  int count = 0;                   ///< samples at this time (runs, or objects)
  double position_rmse_m = 0.0;    ///< sqrt(mean |r_hat - r|^2)
  double velocity_rmse_mps = 0.0;
};

struct RmseSummary {
  std::vector<RmsePoint> over_time;  ///< one point per distinct t_s, ascending
  RmsePoint overall;                 ///< over every sample (t_s of the last one)
};

/// RMSE of the samples grouped by time (samples of Monte Carlo runs share
/// exact sample times) and over all of them. Empty input gives empty output.
RmseSummary rmse(const std::vector<ErrorSample>& samples);

struct ConsistencyPoint {
  double t_s = 0.0;
  int count = 0;
  double mean_nees = 0.0;
  ChiSquareInterval bounds;  ///< of the mean of `count` chi2_dof values
  bool inside = false;
};

struct ConsistencySummary {
  std::vector<ConsistencyPoint> over_time;
  ConsistencyPoint overall;         ///< time-averaged NEES over every sample and its bounds
  double fraction_inside = 0.0;     ///< of the times, expected ~confidence for a consistent filter
};

/// Mean NEES per time and overall with their two-sided bounds at
/// `confidence` for a dof-dimensional error (6 for position and velocity);
/// samples without a NEES are skipped. Throws std::invalid_argument for
/// dof < 1 or confidence outside (0, 1).
ConsistencySummary nees_consistency(const std::vector<ErrorSample>& samples, int dof, double confidence);

}  // namespace rampart::track
