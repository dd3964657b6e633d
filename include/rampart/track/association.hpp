#pragma once
// Data association (Stone Soup's role with one verb, `associate`): given the
// tracks predicted to a scan's time and the scan's detections, which
// detections update which tracks, and the updated states. GNN and JPDA
// implement it.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rampart/sense/detection.hpp"
#include "rampart/track/gating.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// A track's update by a scan.
struct TrackUpdate {
  TrackState state;
  /// ln of the measurement likelihood of the association (GNN: ln N(nu; 0, S)
  /// of the assigned detection; JPDA: ln of the beta-weighted mean of the
  /// validated detections' likelihoods), for the track score.
  double log_likelihood = 0.0;
};

/// What `associate` decides for one scan.
struct Association {
  /// Per predicted track: its update, or empty when nothing was associated (it coasts).
  std::vector<std::optional<TrackUpdate>> tracks;
  /// Per detection: the track it updated (JPDA: the track with its largest
  /// weight), or empty when it is free for the initiator.
  std::vector<std::optional<std::size_t>> track_of_detection;
};

class Associator {
 public:
  virtual ~Associator() = default;
  virtual std::string_view name() const = 0;
  /// Associates `detections` (one sensor, time t_s) with the tracks
  /// `predicted` to t_s and updates them. Either list may be empty.
  virtual Association associate(const std::vector<TrackState>& predicted,
                                const std::vector<sense::Detection>& detections,
                                const RadarMeasurementModel& sensor, double t_s) const = 0;
};

/// A cluster: tracks and detections linked, directly or through others, by gated pairs.
struct Cluster {
  std::vector<std::size_t> tracks;
  std::vector<std::size_t> detections;
  std::vector<std::size_t> pairs;  ///< indices into GatedScan::pairs
};

/// The connected components of the gating graph that hold at least one pair,
/// each with its members in increasing order.
std::vector<Cluster> clusters_of(const GatedScan& scan);

}  // namespace rampart::track
