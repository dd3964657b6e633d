#include "rampart/track/tracker.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace rampart::track {

Tracker::Tracker(const Filter& filter, const Associator& associator, const Initiator& initiator,
                 const TrackManager& manager)
    : filter_(filter),
      associator_(associator),
      initiator_(initiator),
      manager_(manager),
      t_s_(-std::numeric_limits<double>::infinity()) {}

ScanReport Tracker::process(double t_s, const std::vector<sense::Detection>& detections,
                            const RadarMeasurementModel& sensor, const Coverage& coverage) {
  if (!(t_s >= t_s_)) throw std::invalid_argument("Tracker::process: scans must come in time order");
  t_s_ = t_s;
  ScanReport report;
  report.t_s = t_s;
  report.track_of_detection.resize(detections.size());

  // Predict.
  std::vector<TrackState> predicted;
  predicted.reserve(tracks_.size());
  for (const Track& track : tracks_) predicted.push_back(filter_.predict(track.state, t_s));

  // Associate and update.
  const Association association = associator_.associate(predicted, detections, sensor, t_s);

  // Review: hits, misses, confirmation, deletion.
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    Track& track = tracks_[i];
    const TrackStatus before = track.status;
    const auto& update = association.tracks[i];
    if (update) {
      track.state = update->state;
      track.t_last_update_s = t_s;
      manager_.review(track, ScanResult::kHit, update->log_likelihood);
    } else {
      // A track another scan at this time has predicted already is its own
      // prediction (Filter::predict returns it unchanged): no copy needed.
      if (track.state.estimate.t_s != t_s) track.state = std::move(predicted[i]);
      const bool seen = !coverage || coverage(track.state.estimate);
      manager_.review(track, seen ? ScanResult::kMiss : ScanResult::kNotSeen);
    }
    if (before == TrackStatus::kTentative && track.status == TrackStatus::kConfirmed) report.confirmed.push_back(track.id);
  }
  std::vector<sense::Detection> unclaimed;
  std::vector<std::size_t> unclaimed_index;
  for (std::size_t j = 0; j < detections.size(); ++j) {
    if (const auto& i = association.track_of_detection[j]) {
      report.track_of_detection[j] = tracks_[*i].id;
    } else {
      unclaimed.push_back(detections[j]);
      unclaimed_index.push_back(j);
    }
  }
  const auto deleted = [](const Track& track) { return track.status == TrackStatus::kDeleted; };
  if (std::any_of(tracks_.begin(), tracks_.end(), deleted)) {  // (rarely: most scans delete nothing)
    std::vector<Track> live;
    live.reserve(tracks_.size());
    for (Track& track : tracks_) {
      if (deleted(track)) report.deleted.push_back(std::move(track));
      else live.push_back(std::move(track));
    }
    tracks_ = std::move(live);
  }

  // Initiate: each new track has the two hits of its detection pair.
  for (const Initiation& initiation : initiator_.initiate(unclaimed, sensor, t_s, initiator_state_)) {
    Track track;
    track.id = next_id_++;
    track.state = filter_.initiate(initiation.state);
    track.t_created_s = t_s;
    track.t_last_update_s = t_s;
    track.record(ScanResult::kHit);
    track.record(ScanResult::kHit);
    report.initiated.push_back(track.id);
    report.track_of_detection[unclaimed_index[initiation.detection]] = track.id;
    tracks_.push_back(std::move(track));
  }
  return report;
}

}  // namespace rampart::track
