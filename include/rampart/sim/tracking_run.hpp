#pragma once
// One tracking run: the threats fly (truth), the radars look (detections),
// the central tracker turns the detections into tracks, and the tracks are
// scored against the truth. Sensing and tracking are separate steps joined
// only by the time-ordered list of detections, so a run replayed from its
// detections CSV gives the same tracks.

#include <optional>
#include <string>
#include <vector>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/sense/ir_sensor.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/truth.hpp"
#include "rampart/track/impact_prediction.hpp"
#include "rampart/track/metrics.hpp"
#include "rampart/track/track.hpp"

namespace rampart::sim {

/// Command-line overrides of the scenario's settings.
struct TrackingOptions {
  std::optional<std::uint64_t> seed;
  std::optional<std::string> filter;
  std::optional<std::string> model;
  std::optional<std::string> association;
  double impact_prediction_interval_s = 20.0;  ///< per track, between impact predictions
  double metric_interval_s = 1.0;              ///< between metric frames
};

/// One row of tracks.csv: a track after a scan that updated, confirmed or deleted it.
struct TrackRow {
  double t_s;
  track::TrackId id;
  track::TrackStatus status;
  track::GaussianState estimate;
  std::optional<track::ImpactPrediction> impact;
  std::optional<sense::TruthId> truth_id;  ///< of the last detection that updated it
};

struct ThreatSummary {
  std::string name;
  sense::TruthId id;
  double launch_time_s;
  double impact_time_s;
  earth::Geodetic impact_point;
  std::optional<double> first_detection_s;
  std::optional<double> first_confirmed_track_s;
  std::optional<double> final_impact_error_m;       ///< last prediction before impact
  std::optional<double> impact_error_120s_m;        ///< latest prediction made at least 120 s before impact
  std::optional<sense::LaunchCue> cue;              ///< first infrared cue of the launch
};

struct TrackingOutcome {
  std::vector<sense::Detection> detections;
  std::vector<TrackRow> rows;
  std::vector<track::MetricFrame> frames;
  std::vector<ThreatSummary> threats;
  track::ContinuitySummary continuity;
  track::RmseSummary rmse;
  track::ConsistencySummary nees;
  std::vector<std::pair<double, track::OspaResult>> ospa;
  std::vector<std::pair<double, track::GospaResult>> gospa;
};

/// The run's fixed parts: models built once from the scenario.
class TrackingRun {
 public:
  /// Throws InputError for tracker settings that name no filter, model or association.
  TrackingRun(const Scenario& scenario, const TrackingOptions& options);

  /// Flies every threat (targeting its aim point), sampled for the sensors.
  std::vector<TruthTrajectory> fly_threats() const;
  /// Every radar's detections of the truths and its false alarms, time-ordered.
  std::vector<sense::Detection> sense(const std::vector<TruthTrajectory>& truths) const;
  /// Each infrared sensor's cue of each launch it sees (in sensor order, then threat order).
  std::vector<sense::LaunchCue> cue_launches(const std::vector<TruthTrajectory>& truths) const;
  /// Tracks time-ordered detections and scores the tracks against `truths`
  /// (may be empty); `cues` go into the threat summaries.
  TrackingOutcome track(const std::vector<sense::Detection>& detections, const std::vector<TruthTrajectory>& truths,
                        const std::vector<sense::LaunchCue>& cues = {}) const;

  const earth::EarthModel& earth() const { return earth_; }
  std::uint64_t seed() const { return seed_; }
  const TrackerConfig& tracker() const { return tracker_; }

 private:
  const Scenario& scenario_;
  TrackingOptions options_;
  TrackerConfig tracker_;
  std::uint64_t seed_;
  earth::EarthModel earth_;
  earth::Us76Atmosphere atmosphere_;
};

}  // namespace rampart::sim
