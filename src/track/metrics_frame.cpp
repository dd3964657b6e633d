#include "rampart/track/metrics/frame.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "metrics_detail.hpp"

namespace rampart::track {

std::vector<TruthTrackPair> match_tracks_to_truth(const MetricFrame& frame, const MatchOptions& options) {
  if (!(options.gate_m > 0.0)) throw std::invalid_argument("match_tracks_to_truth: gate_m must be > 0");
  std::vector<int> tracks;
  for (int j = 0; j < static_cast<int>(frame.tracks.size()); ++j) {
    if (!options.confirmed_only || frame.tracks[j].confirmed) tracks.push_back(j);
  }
  const int m = static_cast<int>(frame.truths.size());
  const int n = static_cast<int>(tracks.size());
  std::vector<TruthTrackPair> pairs;
  if (m == 0 || n == 0) return pairs;
  Eigen::MatrixXd cost(m, n);
  Eigen::MatrixXd distance(m, n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      const Vec3 r_track = frame.tracks[tracks[j]].state.x.head<3>();
      distance(i, j) = (frame.truths[i].r_I_m - r_track).norm();
      const double clipped = std::min(distance(i, j), options.gate_m);
      cost(i, j) = clipped * clipped;
    }
  }
  // Finite costs: an assignment of min(m, n) pairs always exists.
  const std::vector<int> column = detail::assigned_columns(cost);
  for (int i = 0; i < m; ++i) {
    if (column[i] < 0 || !(distance(i, column[i]) < options.gate_m)) continue;
    pairs.push_back({i, tracks[column[i]], distance(i, column[i])});
  }
  return pairs;
}

std::vector<Vec3> truth_positions(const MetricFrame& frame) {
  std::vector<Vec3> r;
  r.reserve(frame.truths.size());
  for (const TruthObject& truth : frame.truths) r.push_back(truth.r_I_m);
  return r;
}

std::vector<Vec3> track_positions(const MetricFrame& frame, bool confirmed_only) {
  std::vector<Vec3> r;
  for (const TrackEstimate& track : frame.tracks) {
    if (!confirmed_only || track.confirmed) r.push_back(track.state.x.head<3>());
  }
  return r;
}

}  // namespace rampart::track
