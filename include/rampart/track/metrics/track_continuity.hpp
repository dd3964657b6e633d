#pragma once
// Track continuity against truth over a run: which track follows each true
// object at each time, how often that changes (swaps), how often it is lost
// (breaks), how soon the first confirmed track arrives, and how far the
// track's predicted impact point is from the true one.

#include <cstdint>
#include <optional>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/track/metrics/frame.hpp"

namespace rampart::track {

/// Impact-point error of the track following a truth at one time.
struct ImpactErrorPoint {
  double t_s = 0.0;
  double error_m = 0.0;   ///< straight-line distance between the two ground points
};

struct TruthContinuity {
  sense::TruthId id = 0;
  double first_seen_s = 0.0;                       ///< first frame holding the truth
  std::optional<double> first_confirmed_track_s;   ///< first frame matched to a confirmed track
  std::optional<double> time_to_first_confirmed_track_s;  ///< the two above subtracted
  int frames_present = 0;
  int frames_tracked = 0;
  /// Changes of the matched track id, a gap in between included: a track
  /// lost and replaced by a new one, or a swap.
  int track_changes = 0;
  /// Times this truth came to be followed by a track that had followed
  /// another truth: an identity switch between targets.
  int swaps = 0;
  /// Times a matched truth is left unmatched while still present.
  int breaks = 0;
  std::vector<std::uint64_t> track_ids;  ///< distinct ids in order of first match
  std::vector<ImpactErrorPoint> impact_error;  ///< where both impact points are known
};

struct ContinuitySummary {
  std::vector<TruthContinuity> truths;  ///< in order of first appearance
  int track_changes = 0;
  int swaps = 0;
  int breaks = 0;
};

/// Frames in ascending time, matched one by one with match_tracks_to_truth.
/// Impact errors use `earth` to place the geodetic points (their altitudes
/// are used as given). Throws std::invalid_argument for a bad gate or frames
/// out of time order.
ContinuitySummary track_continuity(const std::vector<MetricFrame>& frames, const earth::EarthModel& earth,
                                   const MatchOptions& options);

}  // namespace rampart::track
