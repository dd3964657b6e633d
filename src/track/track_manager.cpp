#include "rampart/track/track_manager.hpp"

#include <cmath>
#include <stdexcept>

namespace rampart::track {

TrackManager::TrackManager(const TrackManagerParameters& parameters) : parameters_(parameters) {
  const auto& p = parameters;
  if (!(p.confirm_hits >= 1 && p.confirm_hits <= p.confirm_window && p.confirm_window <= 64))
    throw std::invalid_argument("TrackManager: need 1 <= confirm_hits <= confirm_window <= 64");
  if (p.max_misses_confirmed < 1) throw std::invalid_argument("TrackManager: max_misses_confirmed must be >= 1");
  if (!(p.max_position_sigma_m > 0.0)) throw std::invalid_argument("TrackManager: max_position_sigma_m must be > 0");
  if (!(p.detection_probability > 0.0 && p.detection_probability < 1.0))
    throw std::invalid_argument("TrackManager: detection_probability must be in (0, 1)");
  if (!(p.clutter_density > 0.0) || !std::isfinite(p.clutter_density))
    throw std::invalid_argument("TrackManager: clutter_density must be positive and finite");
}

void TrackManager::review(Track& track, ScanResult result, double log_likelihood) const {
  if (track.status == TrackStatus::kDeleted) return;
  const auto& p = parameters_;
  track.record(result);
  if (result == ScanResult::kHit) {
    track.score += std::log(p.detection_probability / p.clutter_density) + log_likelihood;
  } else if (result == ScanResult::kMiss) {
    track.score += std::log1p(-p.detection_probability);
  }

  const auto& P = track.state.estimate.P;
  if (!(std::sqrt(P.topLeftCorner<3, 3>().trace()) <= p.max_position_sigma_m)) {  // NaN deletes too
    track.status = TrackStatus::kDeleted;
    return;
  }
  if (track.status == TrackStatus::kTentative) {
    const int n = p.confirm_window;
    if (track.hits_in_last(n) >= p.confirm_hits) {
      track.status = TrackStatus::kConfirmed;
    } else if (track.scans_in_last(n) - track.hits_in_last(n) > n - p.confirm_hits) {
      track.status = TrackStatus::kDeleted;
    }
  } else if (track.misses_in_a_row >= p.max_misses_confirmed) {
    track.status = TrackStatus::kDeleted;
  }
}

}  // namespace rampart::track
