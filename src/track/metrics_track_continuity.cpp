#include "rampart/track/metrics/track_continuity.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace rampart::track {
namespace {

struct Progress {
  std::size_t index;                        // into summary.truths
  std::optional<std::uint64_t> last_track;  // last matched id, across gaps
  bool tracked_now = false;
};

}  // namespace

ContinuitySummary track_continuity(const std::vector<MetricFrame>& frames, const earth::EarthModel& earth,
                                   const MatchOptions& options) {
  ContinuitySummary summary;
  std::map<sense::TruthId, Progress> progress;
  std::map<std::uint64_t, sense::TruthId> truth_of_track;  // the truth each track followed last
  for (std::size_t k = 0; k < frames.size(); ++k) {
    const MetricFrame& frame = frames[k];
    if (k > 0 && frame.t_s < frames[k - 1].t_s) {
      throw std::invalid_argument("track_continuity: frames must be in ascending time");
    }
    std::vector<int> track_of_truth(frame.truths.size(), -1);
    for (const TruthTrackPair& pair : match_tracks_to_truth(frame, options)) {
      track_of_truth[pair.truth_index] = pair.track_index;
    }
    for (std::size_t i = 0; i < frame.truths.size(); ++i) {
      const TruthObject& truth = frame.truths[i];
      auto [it, inserted] = progress.try_emplace(truth.id, Progress{summary.truths.size(), std::nullopt, false});
      if (inserted) {
        TruthContinuity record;
        record.id = truth.id;
        record.first_seen_s = frame.t_s;
        summary.truths.push_back(record);
      }
      Progress& state = it->second;
      TruthContinuity& record = summary.truths[state.index];
      ++record.frames_present;
      if (track_of_truth[i] < 0) {
        if (state.tracked_now) ++record.breaks;
        state.tracked_now = false;
        continue;
      }
      const TrackEstimate& track = frame.tracks[track_of_truth[i]];
      ++record.frames_tracked;
      if (state.last_track && *state.last_track != track.id) ++record.track_changes;
      const auto followed = truth_of_track.find(track.id);
      if (followed != truth_of_track.end() && followed->second != truth.id) ++record.swaps;
      truth_of_track[track.id] = truth.id;
      if (std::find(record.track_ids.begin(), record.track_ids.end(), track.id) == record.track_ids.end()) {
        record.track_ids.push_back(track.id);
      }
      state.last_track = track.id;
      state.tracked_now = true;
      if (track.confirmed && !record.first_confirmed_track_s) {
        record.first_confirmed_track_s = frame.t_s;
        record.time_to_first_confirmed_track_s = frame.t_s - record.first_seen_s;
      }
      if (truth.impact_point && track.predicted_impact) {
        const Vec3 r_true_E = earth.ecef_from_geodetic(*truth.impact_point);
        const Vec3 r_predicted_E = earth.ecef_from_geodetic(*track.predicted_impact);
        record.impact_error.push_back({frame.t_s, (r_predicted_E - r_true_E).norm()});
      }
    }
    // A truth absent from this frame is neither tracked nor broken: it has
    // left the picture (impact, or not yet launched).
    for (auto& [id, state] : progress) {
      const bool present = std::any_of(frame.truths.begin(), frame.truths.end(),
                                       [id = id](const TruthObject& t) { return t.id == id; });
      if (!present) state.tracked_now = false;
    }
  }
  for (const TruthContinuity& record : summary.truths) {
    summary.track_changes += record.track_changes;
    summary.swaps += record.swaps;
    summary.breaks += record.breaks;
  }
  return summary;
}

}  // namespace rampart::track
