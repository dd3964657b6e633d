#include "rampart/track/gnn.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "rampart/track/assignment.hpp"

namespace rampart::track {

Association GnnAssociator::associate(const std::vector<TrackState>& predicted,
                                     const std::vector<sense::Detection>& detections,
                                     const RadarMeasurementModel& sensor, double t_s) const {
  Association result;
  result.tracks.resize(predicted.size());
  result.track_of_detection.resize(detections.size());
  const GatedScan scan = gate_.gate(predicted, detections, sensor, filter_, t_s);
  constexpr double kForbidden = std::numeric_limits<double>::infinity();

  for (const Cluster& cluster : clusters_of(scan)) {
    // One track and one detection (most clusters of a sparse scan): the pair
    // wins against the track's "unassigned" column exactly when its cost is
    // lower, which is what the assignment would find, without building and
    // solving the 1 x 2 problem. A tie is left to the general solver.
    if (cluster.pairs.size() == 1 && cluster.tracks.size() == 1 && cluster.detections.size() == 1) {
      const GatedPair& pair = scan.pairs[cluster.pairs.front()];
      const double take = pair.d2 + pair.log_det_S;
      const double leave = gate_.threshold() + pair.log_det_S;
      if (take > leave) continue;
      if (take < leave) {
        TrackState updated = filter_.update(predicted[pair.track], detections[pair.detection], sensor);
        result.tracks[pair.track] = TrackUpdate{std::move(updated), pair.log_likelihood()};
        result.track_of_detection[pair.detection] = pair.track;
        continue;
      }
    }
    const auto n = static_cast<Eigen::Index>(cluster.tracks.size());
    const auto m = static_cast<Eigen::Index>(cluster.detections.size());
    // Columns: the cluster's detections, then one "unassigned" column per track.
    Eigen::MatrixXd C = Eigen::MatrixXd::Constant(n, m + n, kForbidden);
    Eigen::VectorXd max_log_det = Eigen::VectorXd::Constant(n, -kForbidden);
    const auto local = [](const std::vector<std::size_t>& members, std::size_t k) {
      return static_cast<Eigen::Index>(std::lower_bound(members.begin(), members.end(), k) - members.begin());
    };
    for (const std::size_t p : cluster.pairs) {
      const GatedPair& pair = scan.pairs[p];
      const Eigen::Index i = local(cluster.tracks, pair.track), j = local(cluster.detections, pair.detection);
      C(i, j) = pair.d2 + pair.log_det_S;
      max_log_det(i) = std::max(max_log_det(i), pair.log_det_S);
    }
    for (Eigen::Index i = 0; i < n; ++i) C(i, m + i) = gate_.threshold() + max_log_det(i);

    // Always feasible: every track has its own unassigned column.
    const auto assignment = solve_assignment(C);
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto column = static_cast<Eigen::Index>(*assignment->column_of_row[static_cast<std::size_t>(i)]);
      if (column >= m) continue;
      const std::size_t track = cluster.tracks[static_cast<std::size_t>(i)];
      const std::size_t detection = cluster.detections[static_cast<std::size_t>(column)];
      const auto pair = std::find_if(cluster.pairs.begin(), cluster.pairs.end(), [&](std::size_t p) {
        return scan.pairs[p].track == track && scan.pairs[p].detection == detection;
      });
      result.tracks[track] = TrackUpdate{filter_.update(predicted[track], detections[detection], sensor),
                                         scan.pairs[*pair].log_likelihood()};
      result.track_of_detection[detection] = track;
    }
  }
  return result;
}

}  // namespace rampart::track
