#pragma once
// The central multi-sensor tracker: composed of a filter, an associator, an
// initiator and a track manager (constructor injection, as in Stone Soup),
// it takes each sensor's scan in time order and keeps the tracks.
//
//   for each scan (sensor, t):
//     predict every track to t;  associate (gate, assign, update);
//     review hits and misses;    initiate from the unclaimed detections.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "rampart/sense/detection.hpp"
#include "rampart/track/association.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/initiator.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/track.hpp"
#include "rampart/track/track_manager.hpp"

namespace rampart::track {

/// Whether the scanning sensor could have detected a track predicted to the
/// scan's time (field of regard, horizon, range). Tracks it could not see
/// neither gain nor lose evidence. An empty function sees everything.
using Coverage = std::function<bool(const GaussianState& predicted)>;

/// What one call of Tracker::process did.
struct ScanReport {
  double t_s = 0.0;
  /// Per detection of the scan: the track it updated or started, or empty (pending or discarded).
  std::vector<std::optional<TrackId>> track_of_detection;
  /// New tentative tracks; their detection pair counts as two hits, judged from the next scan on.
  std::vector<TrackId> initiated;
  std::vector<TrackId> confirmed;  ///< tracks confirmed by this scan
  std::vector<Track> deleted;      ///< tracks deleted by this scan, as they were last
};

class Tracker {
 public:
  /// Keeps references to the components, which must outlive the tracker.
  Tracker(const Filter& filter, const Associator& associator, const Initiator& initiator,
          const TrackManager& manager);

  /// One sensor's detections at t_s (s since the epoch; the detections are
  /// taken as made at t_s). Throws std::invalid_argument if t_s is earlier
  /// than a scan already processed (out-of-sequence detections are not supported).
  ScanReport process(double t_s, const std::vector<sense::Detection>& detections,
                     const RadarMeasurementModel& sensor, const Coverage& coverage = {});

  /// The live tracks (tentative and confirmed), in order of creation.
  const std::vector<Track>& tracks() const { return tracks_; }
  /// Time of the last scan processed (-infinity before the first).
  double time_s() const { return t_s_; }

 private:
  const Filter& filter_;
  const Associator& associator_;
  const Initiator& initiator_;
  const TrackManager& manager_;

  std::vector<Track> tracks_;
  InitiatorState initiator_state_;
  TrackId next_id_ = 1;
  double t_s_;
};

}  // namespace rampart::track
