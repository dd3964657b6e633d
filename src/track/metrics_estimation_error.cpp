#include "rampart/track/metrics/estimation_error.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

namespace rampart::track {

std::optional<double> nees(const Eigen::VectorXd& error, const Eigen::MatrixXd& P) {
  if (P.rows() != error.size() || P.cols() != error.size() || error.size() == 0) return std::nullopt;
  if (!error.allFinite() || !P.allFinite()) return std::nullopt;
  // Cholesky both tests positive definiteness and gives e^T P^-1 e = |L^-1 e|^2
  // without forming the inverse.
  const Eigen::LLT<Eigen::MatrixXd> llt(0.5 * (P + P.transpose()));
  if (llt.info() != Eigen::Success) return std::nullopt;
  return llt.matrixL().solve(error).squaredNorm();
}

std::optional<double> nis(const MeasurementVector& innovation, const MeasurementMatrix& S) {
  return nees(Eigen::VectorXd(innovation), Eigen::MatrixXd(S));
}

ErrorSample error_sample(const TruthObject& truth, const TrackEstimate& track, double t_s) {
  const StateVector& x = track.state.x;
  if (x.size() < 6) throw std::invalid_argument("error_sample: a track state has at least 6 components");
  ErrorSample sample;
  sample.t_s = t_s;
  sample.position_error_m = x.head<3>() - truth.r_I_m;
  sample.velocity_error_mps = x.segment<3>(3) - truth.v_I_mps;
  Eigen::VectorXd e(6);
  e << sample.position_error_m, sample.velocity_error_mps;
  if (track.state.P.rows() >= 6 && track.state.P.cols() >= 6) {
    sample.nees = nees(e, Eigen::MatrixXd(track.state.P.topLeftCorner(6, 6)));
  }
  return sample;
}

std::vector<ErrorSample> error_samples(const std::vector<MetricFrame>& frames, const MatchOptions& options) {
  std::vector<ErrorSample> samples;
  for (const MetricFrame& frame : frames) {
    for (const TruthTrackPair& pair : match_tracks_to_truth(frame, options)) {
      samples.push_back(error_sample(frame.truths[pair.truth_index], frame.tracks[pair.track_index], frame.t_s));
    }
  }
  return samples;
}

namespace {

struct SquaredSums {
  int count = 0;
  double position_m2 = 0.0;
  double velocity_m2ps2 = 0.0;
  RmsePoint point(double t_s) const {
    return {t_s, count, std::sqrt(position_m2 / count), std::sqrt(velocity_m2ps2 / count)};
  }
};

}  // namespace

RmseSummary rmse(const std::vector<ErrorSample>& samples) {
  RmseSummary summary;
  if (samples.empty()) return summary;
  std::map<double, SquaredSums> by_time;
  SquaredSums all;
  for (const ErrorSample& s : samples) {
    for (SquaredSums* sums : {&by_time[s.t_s], &all}) {
      ++sums->count;
      sums->position_m2 += s.position_error_m.squaredNorm();
      sums->velocity_m2ps2 += s.velocity_error_mps.squaredNorm();
    }
  }
  for (const auto& [t_s, sums] : by_time) summary.over_time.push_back(sums.point(t_s));
  summary.overall = all.point(by_time.rbegin()->first);
  return summary;
}

ConsistencySummary nees_consistency(const std::vector<ErrorSample>& samples, int dof, double confidence) {
  if (dof < 1 || !(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("nees_consistency: need dof >= 1 and confidence in (0, 1)");
  }
  ConsistencySummary summary;
  std::map<double, std::pair<int, double>> by_time;  // count, sum of NEES
  int total = 0;
  double sum = 0.0;
  for (const ErrorSample& s : samples) {
    if (!s.nees) continue;
    auto& [count, nees_sum] = by_time[s.t_s];
    ++count;
    nees_sum += *s.nees;
    ++total;
    sum += *s.nees;
  }
  const auto point = [&](double t_s, int count, double nees_sum) {
    ConsistencyPoint p;
    p.t_s = t_s;
    p.count = count;
    p.mean_nees = nees_sum / count;
    p.bounds = average_nees_bounds(dof, count, confidence);
    p.inside = p.mean_nees >= p.bounds.lower && p.mean_nees <= p.bounds.upper;
    return p;
  };
  int inside = 0;
  for (const auto& [t_s, entry] : by_time) {
    summary.over_time.push_back(point(t_s, entry.first, entry.second));
    inside += summary.over_time.back().inside ? 1 : 0;
  }
  if (total > 0) {
    summary.overall = point(by_time.rbegin()->first, total, sum);
    summary.fraction_inside = static_cast<double>(inside) / static_cast<double>(by_time.size());
  }
  return summary;
}

}  // namespace rampart::track
