#include "rampart/sim/tracking_run.hpp"


#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "rampart/core/random.hpp"
#include "rampart/flight/ballistic_flight.hpp"
#include "rampart/flight/trajectory.hpp"
#include "rampart/sense/ir_sensor.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sense/rcs.hpp"
#include "rampart/sim/tracker_stack.hpp"
#include "rampart/track/filter_factory.hpp"
#include "rampart/track/tracker.hpp"

namespace rampart::sim {
namespace {

constexpr double kTruthSampleStepS = 0.5;  // Hermite-interpolated between samples (truth.hpp)

}  // namespace

TrackingRun::TrackingRun(const Scenario& scenario, const TrackingOptions& options)
    : scenario_(scenario),
      options_(options),
      tracker_(scenario.tracker),
      seed_(options.seed.value_or(scenario.seed)),
      earth_(make_earth(scenario)) {
  if (options.filter) tracker_.filter = *options.filter;
  if (options.model) tracker_.model = *options.model;
  if (options.association) tracker_.association = *options.association;
  const SourceLocation where{scenario.path};
  const auto filters = track::filter_names();
  if (std::find(filters.begin(), filters.end(), tracker_.filter) == filters.end()) {
    throw InputError(SourceLocation{"--filter"}, "unknown filter \"" + tracker_.filter + "\": expected ekf, ukf or imm");
  }
  if (tracker_.association != "gnn" && tracker_.association != "jpda") {
    throw InputError(SourceLocation{"--association"},
                     "unknown association \"" + tracker_.association + "\": expected gnn or jpda");
  }
  try {
    track::make_filter(tracker_.filter, tracker_.model, earth_, atmosphere_, tracker_.filter_settings);
  } catch (const std::invalid_argument& e) {
    throw InputError(options.model ? SourceLocation{"--model"} : where, e.what());
  }
}

std::vector<TruthTrajectory> TrackingRun::fly_threats() const {
  std::vector<TruthTrajectory> truths;
  for (std::size_t i = 0; i < scenario_.threats.size(); ++i) {
    const ThreatConfig& threat = scenario_.threats[i];
    flight::TrajectoryRequest request;
    request.launch = threat.launch;
    request.aim = threat.aim;
    request.shape = threat.shape;
    request.missile = &threat.missile;
    request.apogee_altitude_m = threat.apogee_altitude_m;
    request.flight.sample_step_s = kTruthSampleStepS;
    flight::Trajectory trajectory;
    try {
      trajectory = flight::solve_trajectory(request, earth_, atmosphere_);
    } catch (const InputError& e) {
      // Name the threat: the targeting's own message names a command-line option.
      throw InputError(threat.where, "threat \"" + threat.name + "\": " + e.message());
    }
    truths.emplace_back(static_cast<sense::TruthId>(i + 1), threat.name, trajectory.path, threat.launch_time_s, earth_);
  }
  // The spent last stages, numbered after the threats: each flies on from
  // the reentry vehicle's separation, pushed back along the velocity by the
  // separation speed, with the low ballistic coefficient of a tumbling tank.
  if (scenario_.stage_debris_ballistic_coefficient_kgpm2) {
    const flight::DragBody tank{1.0 / *scenario_.stage_debris_ballistic_coefficient_kgpm2};
    flight::FlightOptions options;
    options.sample_step_s = kTruthSampleStepS;
    const std::size_t threats = truths.size();
    for (std::size_t i = 0; i < threats; ++i) {
      const flight::FlightPath& rv = truths[i].path();
      flight::FlightPath stage;
      stage.launch = stage.burnout = rv.burnout;
      const Vec3 v = flight::velocity(rv.burnout.y_I);
      stage.burnout.y_I.segment<3>(3) = v - scenario_.stage_debris_separation_speed_mps * v.normalized();
      // The separation itself, then samples at whole multiples of the step.
      flight::SampleRecorder samples(kTruthSampleStepS);
      stage.samples.push_back({stage.burnout.t_s, stage.burnout.y_I});
      flight::fly_ballistic(earth_, atmosphere_, stage.burnout, tank, options, samples, stage);
      if (stage.status != flight::FlightStatus::kImpact || stage.samples.size() < 2) continue;
      truths.emplace_back(static_cast<sense::TruthId>(threats + i + 1), truths[i].name() + "-stage", stage,
                          truths[i].launch_time_s(), earth_, TruthKind::kStageDebris);
    }
  }
  return truths;
}

std::vector<sense::Detection> TrackingRun::sense(const std::vector<TruthTrajectory>& truths) const {
  if (truths.empty()) return {};
  double t0 = truths.front().launch_time_s();
  double t1 = truths.front().impact_time_s();
  for (const auto& truth : truths) {
    t0 = std::min(t0, truth.launch_time_s());
    t1 = std::max(t1, truth.impact_time_s());
  }
  if (scenario_.duration_s) t1 = std::min(t1, *scenario_.duration_s);

  const RcsModels rcs(scenario_.rcs);
  std::vector<sense::Detection> detections;
  for (std::size_t i = 0; i < scenario_.radars.size(); ++i) {
    const sense::Radar radar(scenario_.radars[i], earth_, static_cast<sense::SensorId>(i));
    RandomStream rng(seed_, kRadarStream + i);
    for (const double t : look_times(radar.track_revisit_interval_s(), t0, t1)) {
      observe_look(radar, earth_, rcs, t, truths, {}, scenario_.false_alarms, rng, detections);
    }
  }
  std::stable_sort(detections.begin(), detections.end(), [](const auto& a, const auto& b) {
    return a.t_s < b.t_s || (a.t_s == b.t_s && a.sensor < b.sensor);
  });
  round_trip_noise(detections);
  return detections;
}

std::vector<sense::LaunchCue> TrackingRun::cue_launches(const std::vector<TruthTrajectory>& truths) const {
  std::vector<sense::LaunchCue> cues;
  for (std::size_t i = 0; i < scenario_.ir_sensors.size(); ++i) {
    const sense::IrSensor sensor(scenario_.ir_sensors[i], earth_);
    RandomStream rng(seed_, kIrStream + i);
    for (const auto& truth : truths) {
      // The boost path as the sensor sees it, in scenario time.
      std::vector<sense::TruthSample> boost;
      if (truth.kind() != TruthKind::kThreat) continue;
      for (const auto& sample : truth.path().samples) {
        if (sample.t_s > truth.path().burnout.t_s) break;
        // ECEF from the frame the path was flown in, at flight time.
        boost.push_back({truth.launch_time_s() + sample.t_s, earth_.ecef_from_eci(flight::position(sample.y_I), sample.t_s)});
      }
      if (boost.size() < 2) continue;
      if (auto cue = sensor.observe_launch(truth.id(), boost, rng)) cues.push_back(*cue);
    }
  }
  return cues;
}

TrackingOutcome TrackingRun::track(const std::vector<sense::Detection>& detections,
                                   const std::vector<TruthTrajectory>& truths,
                                   const std::vector<sense::LaunchCue>& cues) const {
  TrackingOutcome outcome;
  outcome.detections = detections;

  // The tracker, composed of its parts.
  TrackerStack stack(tracker_, earth_, atmosphere_);
  track::Tracker& tracker = stack.tracker();
  const track::Filter* filter = &stack.filter();
  const track::ImpactPredictor& impact_predictor = stack.impact_predictor();
  const auto ballistic_part = [&stack](const track::GaussianState& estimate) { return stack.ballistic_part(estimate); };

  const sense::RcsModel rv_rcs(scenario_.rcs.midcourse);
  std::vector<sense::Radar> radars;
  std::vector<sense::SensorSite> sites;
  for (std::size_t i = 0; i < scenario_.radars.size(); ++i) {
    radars.emplace_back(scenario_.radars[i], earth_, static_cast<sense::SensorId>(i));
  }
  for (const auto& radar : radars) sites.push_back(radar.site());
  std::vector<track::RadarMeasurementModel> sensors;
  for (const auto& site : sites) sensors.emplace_back(earth_, site);

  // Scans: each radar's look times up to the last detection, and every
  // (time, sensor) that holds detections.
  struct Scan {
    double t_s;
    sense::SensorId sensor;
    std::vector<sense::Detection> detections;
  };
  std::map<std::pair<double, sense::SensorId>, Scan> scans;
  for (const auto& d : detections) {
    auto& scan = scans[{d.t_s, d.sensor}];
    scan.t_s = d.t_s;
    scan.sensor = d.sensor;
    scan.detections.push_back(d);
  }
  if (!detections.empty()) {
    const double t_first = detections.front().t_s, t_last = detections.back().t_s;
    for (std::size_t i = 0; i < radars.size(); ++i) {
      for (const double t : look_times(radars[i].track_revisit_interval_s(), t_first, t_last)) {
        auto& scan = scans[{t, static_cast<sense::SensorId>(i)}];
        scan.t_s = t;
        scan.sensor = static_cast<sense::SensorId>(i);
      }
    }
  }

  std::map<track::TrackId, double> last_impact_prediction_s;
  std::map<track::TrackId, track::ImpactPrediction> latest_impact;
  std::map<track::TrackId, sense::TruthId> truth_of_track;
  const auto truth_impact = [&](const TruthTrajectory& truth) {
    const auto& impact = *truth.path().impact;
    return earth_.geodetic_from_ecef(earth_.ecef_from_eci(flight::position(impact.y_I), impact.t_s));
  };

  // Metric frames at whole multiples of the interval, tracks predicted to each.
  double next_frame_s = detections.empty() ? 0.0
                                           : std::ceil(detections.front().t_s / options_.metric_interval_s) *
                                                 options_.metric_interval_s;
  const auto emit_frames_until = [&](double t_s) {
    for (; next_frame_s <= t_s; next_frame_s += options_.metric_interval_s) {
      track::MetricFrame frame;
      frame.t_s = next_frame_s;
      for (const auto& truth : truths) {
        if (const auto state = truth.at(next_frame_s)) {
          frame.truths.push_back({truth.id(), state->r_I, state->v_I, truth_impact(truth)});
        }
      }
      for (const auto& t : tracker.tracks()) {
        if (t.state.estimate.t_s > next_frame_s) continue;
        track::TrackEstimate estimate;
        estimate.id = t.id;
        estimate.state = filter->predict(t.state, next_frame_s).estimate;
        estimate.confirmed = t.status == track::TrackStatus::kConfirmed;
        if (const auto it = latest_impact.find(t.id); it != latest_impact.end()) {
          estimate.predicted_impact = it->second.impact_point;
        }
        frame.tracks.push_back(estimate);
      }
      outcome.frames.push_back(std::move(frame));
    }
  };

  for (auto& [key, scan] : scans) {
    emit_frames_until(scan.t_s);
    const sense::Radar& radar = radars[scan.sensor];
    const track::Coverage coverage = radar_coverage(radar, rv_rcs, earth_);
    const track::ScanReport report = tracker.process(scan.t_s, scan.detections, sensors[scan.sensor], coverage);
    std::map<track::TrackId, std::optional<sense::TruthId>> updated;
    for (std::size_t j = 0; j < scan.detections.size(); ++j) {
      if (const auto id = report.track_of_detection[j]) {
        updated[*id] = scan.detections[j].truth_id;
        if (scan.detections[j].truth_id) truth_of_track[*id] = *scan.detections[j].truth_id;
      }
    }
    for (const auto& t : tracker.tracks()) {
      const bool confirmed_now =
          std::find(report.confirmed.begin(), report.confirmed.end(), t.id) != report.confirmed.end();
      if (!updated.count(t.id) && !confirmed_now) continue;
      TrackRow row{scan.t_s, t.id, t.status, t.state.estimate, std::nullopt, std::nullopt};
      if (const auto it = truth_of_track.find(t.id); it != truth_of_track.end()) row.truth_id = it->second;
      const auto last = last_impact_prediction_s.find(t.id);
      if (t.status == track::TrackStatus::kConfirmed &&
          (last == last_impact_prediction_s.end() || scan.t_s - last->second >= options_.impact_prediction_interval_s)) {
        const auto prediction = impact_predictor.predict(ballistic_part(t.state.estimate));
        if (prediction.status == track::ImpactStatus::kPredicted) {
          row.impact = prediction;
          latest_impact[t.id] = prediction;
        }
        last_impact_prediction_s[t.id] = scan.t_s;
      }
      outcome.rows.push_back(std::move(row));
    }
    for (const auto& t : report.deleted) {
      TrackRow row{scan.t_s, t.id, track::TrackStatus::kDeleted, t.state.estimate, std::nullopt, std::nullopt};
      if (const auto it = truth_of_track.find(t.id); it != truth_of_track.end()) row.truth_id = it->second;
      outcome.rows.push_back(std::move(row));
    }
  }
  if (!detections.empty()) emit_frames_until(detections.back().t_s);

  // Scores against the truth.
  track::MatchOptions match;
  outcome.continuity = track::track_continuity(outcome.frames, earth_, match);
  const auto samples = track::error_samples(outcome.frames, match);
  outcome.rmse = track::rmse(samples);
  outcome.nees = track::nees_consistency(samples, 6, 0.95);
  for (const auto& frame : outcome.frames) {
    const auto X = track::truth_positions(frame);
    const auto Y = track::track_positions(frame, true);
    outcome.ospa.emplace_back(frame.t_s, track::ospa(X, Y, {}));
    outcome.gospa.emplace_back(frame.t_s, track::gospa(X, Y, {}));
  }

  // Per threat: first detection, first confirmed track, impact-point errors.
  for (const auto& truth : truths) {
    if (truth.kind() != TruthKind::kThreat) continue;
    ThreatSummary summary{truth.name(), truth.id(), truth.launch_time_s(), truth.impact_time_s(),
                          truth_impact(truth), {}, {}, {}, {}, {}};
    for (const auto& d : detections) {
      if (d.truth_id == truth.id()) {
        summary.first_detection_s = d.t_s;
        break;
      }
    }
    for (const auto& cue : cues) {
      if (cue.truth_id == truth.id() && (!summary.cue || cue.t_s < summary.cue->t_s)) summary.cue = cue;
    }
    for (const auto& c : outcome.continuity.truths) {
      if (c.id != truth.id()) continue;
      summary.first_confirmed_track_s = c.first_confirmed_track_s;
    }
    const Vec3 true_impact_E = earth_.ecef_from_geodetic(summary.impact_point);
    for (const auto& row : outcome.rows) {
      if (!row.impact || row.truth_id != truth.id() || row.t_s > truth.impact_time_s()) continue;
      const double error = (earth_.ecef_from_geodetic(row.impact->impact_point) - true_impact_E).norm();
      summary.final_impact_error_m = error;
      if (row.t_s <= truth.impact_time_s() - 120.0) summary.impact_error_120s_m = error;
    }
    outcome.threats.push_back(summary);
  }
  spdlog::debug("tracking: {} detections, {} track rows, {} frames", detections.size(), outcome.rows.size(),
                outcome.frames.size());
  return outcome;
}

}  // namespace rampart::sim
