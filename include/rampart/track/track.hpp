#pragma once
// A track: what the tracker believes about one object, with the run state
// that its manager needs (hit/miss history for M-of-N, misses in a row, a
// score). A plain value; the components that change it are separate.

#include <cstdint>

#include "rampart/track/state.hpp"

namespace rampart::track {

using TrackId = std::uint32_t;

enum class TrackStatus {
  kTentative,  ///< initiated, not yet confirmed by M of N scans
  kConfirmed,  ///< M of the last N scans associated a detection
  kDeleted,    ///< dropped by the manager; kept only in the scan's report
};

/// What one scan did to a track.
enum class ScanResult {
  kHit,      ///< a detection (GNN) or at least one validated detection (JPDA) updated it
  kMiss,     ///< the sensor looked where the track was and nothing was associated
  kNotSeen,  ///< the sensor could not see the track: no evidence either way, no history entry
};

struct Track {
  TrackId id = 0;
  TrackStatus status = TrackStatus::kTentative;
  TrackState state;
  double t_created_s = 0.0;
  double t_last_update_s = 0.0;   ///< time of the last hit
  /// Scan outcomes, most recent in bit 0 (1 = hit); `scans` counts the valid bits (<= 64).
  std::uint64_t hit_history = 0;
  int scans = 0;
  int hits = 0;                   ///< hits over the track's life
  int misses_in_a_row = 0;
  /// Sequential log-likelihood ratio of target vs false alarm (Blackman & Popoli 1999, 6.2).
  double score = 0.0;

  /// Hits among the last `n_scans` (1..64) scans that saw the track.
  int hits_in_last(int n_scans) const;
  /// Scans counted in the window of the last `n_scans` (fewer while the track is young).
  int scans_in_last(int n_scans) const;
  /// Appends one scan's outcome to the history (kNotSeen leaves it unchanged).
  void record(ScanResult result);
};

}  // namespace rampart::track
