#pragma once
// Track management: confirmation by M-of-N, coasting and deletion, and the
// track score (Blackman & Popoli 1999, 6.2-6.3 and 9.3).

#include "rampart/track/track.hpp"

namespace rampart::track {

struct TrackManagerParameters {
  /// M (>= 1) and N (M <= N <= 64). The initiating pair counts as two hits,
  /// so the default 4 of 6 asks two more hits in the next four scans: a
  /// target seen with Pd = 0.9 confirms with probability 0.996, a track
  /// started on two false alarms needs two more inside its gate.
  int confirm_hits = 4;
  int confirm_window = 6;
  /// A confirmed track coasting through this many misses in a row is deleted (>= 1).
  int max_misses_confirmed = 6;
  /// Any track whose position sigma sqrt(trace P_rr) exceeds this is deleted, m (> 0).
  double max_position_sigma_m = 50e3;
  /// For the score: detection probability in (0, 1) and false-alarm density per m rad^2 (> 0).
  double detection_probability = 0.9;
  double clutter_density = 3e-7;  ///< one false alarm a scan over 500 km x 360 deg x 60 deg
};

/// Confirms and deletes tracks. A tentative track is confirmed once it has M
/// hits among the scans that saw it (at most N: it is judged on its first N
/// scans) and deleted once more than N - M of them were misses.
class TrackManager {
 public:
  /// Throws std::invalid_argument for parameters out of range.
  explicit TrackManager(const TrackManagerParameters& parameters = {});

  const TrackManagerParameters& parameters() const { return parameters_; }

  /// Records one scan's `result` in `track` (score: + ln(Pd / lambda) +
  /// log_likelihood on a hit, + ln(1 - Pd) on a miss) and sets its status.
  void review(Track& track, ScanResult result, double log_likelihood = 0.0) const;

 private:
  TrackManagerParameters parameters_;
};

}  // namespace rampart::track
