// The engagement run: one time-ordered loop over actions (radar looks,
// battle-manager planning cycles, launches, end games, kill assessments,
// impacts). Each action may schedule later ones; ties at the same time are
// broken by kind and then by scheduling order, so a run is deterministic.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <tuple>

#include <GeographicLib/Geodesic.hpp>

#include "rampart/core/constants.hpp"
#include "rampart/engage/engagement_window.hpp"
#include "rampart/engage/interceptor_flight.hpp"
#include "rampart/engage/threat_evaluation.hpp"
#include "rampart/engage/wta.hpp"
#include "rampart/sim/tracker_stack.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::sim {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/// Impact predictions (13 flights each) are refreshed this often per track.
constexpr double kImpactPredictionIntervalS = 20.0;
/// Step of a threat's predicted path for engagement windows.
constexpr double kPredictedPathStepS = 2.0;
/// A track's predicted path is flown anew at most this often (planning and
/// midcourse guidance share it; a 20 s old prediction from a confirmed
/// track differs from a fresh one by far less than the track's own error,
/// and the seeker and divert take out what the last midcourse update left;
/// the same interval as the impact predictions, since each is a flight to
/// the ground and together they were a third of a run's time).
constexpr double kPredictedPathIntervalS = 20.0;
/// Terminal homing: the step of the homing integration and how long before
/// the planned intercept it starts at most (the Lambert arc has removed the
/// predicted error; homing removes the rest: track error at handover).
/// 20 ms RK4 steps leave millimetres of miss in the exo end game (closest
/// approach located inside the last step; tests/engage/homing_step_test.cpp),
/// as 1 ms steps do, against a 0.5 m lethal radius.
constexpr double kHomingStepS = 0.02;
constexpr double kMaxHomingTimeS = 10.0;
/// A track not updated for this long is too stale to plan or guide with.
constexpr double kStaleTrackS = 30.0;
/// A midcourse update is logged when it moves the intercept point this much.
constexpr double kLoggedPipShiftM = 100.0;

// At equal times: end games first (a kill stops what follows), then impacts,
// looks, assessments, planning, and launches last (planned with the latest data).
enum class ActionKind { kEndGame, kImpact, kLook, kAssess, kPlan, kLaunch };

struct Action {
  double t_s;
  ActionKind kind;
  std::uint64_t sequence;
  std::size_t index;  // radar, shot, engagement or truth, by kind
};

Event make_event(double t_s, EventKind kind, std::string threat) {
  Event event;
  event.t_s = t_s;
  event.kind = kind;
  event.threat = std::move(threat);
  return event;
}

struct LaterFirst {
  bool operator()(const Action& a, const Action& b) const {
    return std::tie(a.t_s, a.kind, a.sequence) > std::tie(b.t_s, b.kind, b.sequence);
  }
};

struct Shot {
  int number = 0;  // from 1
  std::size_t battery = 0;
  std::size_t engagement = 0;
  track::TrackId track = 0;
  double launch_time_s = 0.0;
  double intercept_time_s = 0.0;
  Vec3 planned_pip_I = Vec3::Zero();
  std::optional<engage::InterceptorFlight> flight;
  std::optional<engage::InterceptResult> result;
  std::optional<std::size_t> target;  // truth index homed on
};

struct Engagement {
  int number = 0;  // from 1
  track::TrackId track = 0;
  std::size_t battery = 0;
  std::vector<std::size_t> shots;
  int unresolved = 0;
  double last_end_s = 0.0;
};

/// The battle manager's view of one track.
struct TrackPlan {
  int shots_fired = 0;
  int open_engagements = 0;
  bool assessed_dead = false;
  double impact_prediction_s = -kInfinity;
  std::optional<track::ImpactPrediction> impact;
  double path_s = -kInfinity;
  engage::PredictedPath path;
};

struct BatteryState {
  int inventory = 0;
  std::vector<double> launcher_ready_s;
  int shots = 0;
};

class WorldRun {
 public:
  WorldRun(const WorldModels& models, const RunOptions& options)
      : models_(models),
        scenario_(models.scenario()),
        earth_(models.earth()),
        options_(options),
        seed_(options.seed.value_or(scenario_.seed)),
        stack_(scenario_.tracker, earth_, models.atmosphere()),
        rcs_(scenario_.rcs) {
    result_.seed = seed_;
  }

  RunResult run() {
    fly_threats();
    set_up_sensors();
    set_up_batteries();
    while (!queue_.empty()) {
      const Action action = queue_.top();
      queue_.pop();
      switch (action.kind) {
        case ActionKind::kLook: look(action.index, action.t_s); break;
        case ActionKind::kPlan: plan(action.t_s); break;
        case ActionKind::kLaunch: launch(action.index, action.t_s); break;
        case ActionKind::kEndGame: end_game(action.index); break;
        case ActionKind::kAssess: assess(action.index, action.t_s); break;
        case ActionKind::kImpact: impact(action.index); break;
      }
    }
    finish();
    return std::move(result_);
  }

 private:
  void schedule(double t_s, ActionKind kind, std::size_t index) { queue_.push({t_s, kind, sequence_++, index}); }

  void record(Event event) { result_.events.push_back(std::move(event)); }

  bool alive(std::size_t truth, double t_s) const {
    return !kill_time_s_[truth] || t_s < *kill_time_s_[truth];
  }

  earth::Geodetic geodetic_of(const Vec3& r_I, double t_s) const {
    return earth_.geodetic_from_ecef(earth_.ecef_from_eci(r_I, t_s));
  }

  // ---- truth ----------------------------------------------------------

  void fly_threats() {
    for (std::size_t i = 0; i < scenario_.threats.size(); ++i) {
      const ThreatConfig& threat = scenario_.threats[i];
      ThreatOutcome outcome;
      outcome.name = threat.name;
      outcome.launch_time_s = threat.launch_time_s;
      outcome.launch_point = threat.launch;
      if (const auto& fixed = models_.fixed_flight(i)) {
        result_.truths.emplace_back(static_cast<sense::TruthId>(i + 1), threat.name, fixed, threat.launch_time_s,
                                    earth_);
      } else {
        // A launch point drawn uniformly over the launch area's disk.
        RandomStream rng(seed_, kLaunchAreaStream + i);
        const double distance = threat.launch_radius_m * std::sqrt(rng.uniform());
        const double azimuth = 2.0 * M_PI * rng.uniform();
        const GeographicLib::Geodesic geodesic(earth_.parameters().equatorial_radius_m, earth_.parameters().flattening);
        double lat = 0.0, lon = 0.0;
        geodesic.Direct(threat.launch.lat_rad * constants::kRadToDeg, threat.launch.lon_rad * constants::kRadToDeg,
                        azimuth * constants::kRadToDeg, distance, lat, lon);
        outcome.launch_point = {lat * constants::kDegToRad, lon * constants::kDegToRad, threat.launch.alt_m};
        auto flown = std::make_shared<const flight::FlightPath>(models_.fly_threat(i, outcome.launch_point));
        result_.truths.emplace_back(static_cast<sense::TruthId>(i + 1), threat.name, std::move(flown),
                                    threat.launch_time_s, earth_);
      }
      result_.threats.push_back(outcome);
    }
    kill_time_s_.assign(result_.truths.size(), std::nullopt);
    for (std::size_t i = 0; i < result_.truths.size(); ++i) {
      schedule(result_.truths[i].impact_time_s(), ActionKind::kImpact, i);
    }
  }

  // ---- sensing and tracking -------------------------------------------

  void set_up_sensors() {
    double t0 = kInfinity, t1 = -kInfinity;
    for (const auto& truth : result_.truths) {
      t0 = std::min(t0, truth.launch_time_s());
      t1 = std::max(t1, truth.impact_time_s());
    }
    if (scenario_.duration_s) t1 = std::min(t1, *scenario_.duration_s);
    end_s_ = t1;
    for (std::size_t i = 0; i < scenario_.radars.size(); ++i) {
      radars_.emplace_back(scenario_.radars[i], earth_, static_cast<sense::SensorId>(i));
      radar_rng_.emplace_back(seed_, kRadarStream + i);
    }
    for (const auto& radar : radars_) sensors_.emplace_back(earth_, radar.site());
    for (const auto& radar : radars_) coverage_.push_back(radar_coverage(radar, rcs_.midcourse, earth_));
    for (std::size_t i = 0; i < radars_.size(); ++i) {
      const auto times = look_times(radars_[i].track_revisit_interval_s(), t0, t1);
      if (!times.empty()) schedule(times.front(), ActionKind::kLook, i);
    }
    // Infrared launch cues: recorded for the timeline (the radars search on their own).
    TrackingOptions tracking_options;
    tracking_options.seed = seed_;
    const TrackingRun ir(scenario_, tracking_options);
    for (const auto& cue : ir.cue_launches(result_.truths)) {
      if (!cue.truth_id) continue;
      const std::size_t truth = *cue.truth_id - 1;
      if (cue_recorded_.count(truth)) continue;
      cue_recorded_.insert(truth);
      Event event = make_event(cue.t_s, EventKind::kLaunchDetected, result_.truths[truth].name());
      event.place = cue.launch_point;
      record(event);
    }
  }

  void look(std::size_t radar, double t_s) {
    const double interval = radars_[radar].track_revisit_interval_s();
    const double next = std::round(t_s / interval + 1.0) * interval;
    if (next <= end_s_) schedule(next, ActionKind::kLook, radar);

    std::vector<sense::Detection> detections;
    observe_look(radars_[radar], earth_, rcs_, t_s, result_.truths,
                 [this](std::size_t truth, double t) { return alive(truth, t); }, scenario_.false_alarms,
                 radar_rng_[radar], detections);
    round_trip_noise(detections);
    for (const auto& d : detections) {
      if (!d.truth_id) continue;
      auto& outcome = result_.threats[*d.truth_id - 1];
      if (outcome.first_detected_s) continue;
      outcome.first_detected_s = t_s;
      Event event = make_event(t_s, EventKind::kFirstDetection, outcome.name);
      event.detail = scenario_.radars[radar].name;
      record(event);
    }
    const auto report = stack_.tracker().process(t_s, detections, sensors_[radar], coverage_[radar]);
    std::map<track::TrackId, bool> updated;
    for (std::size_t j = 0; j < detections.size(); ++j) {
      const auto id = report.track_of_detection[j];
      if (!id) continue;
      updated[*id] = true;
      if (detections[j].truth_id) truth_of_track_[*id] = *detections[j].truth_id - 1;
    }
    for (const auto& t : stack_.tracker().tracks()) {
      const bool confirmed_now = std::find(report.confirmed.begin(), report.confirmed.end(), t.id) != report.confirmed.end();
      if (confirmed_now) {
        Event event = make_event(t_s, EventKind::kTrackConfirmed, threat_of_track(t.id));
        event.track = static_cast<int>(t.id);
        event.detail = scenario_.radars[radar].name;
        record(event);
      }
      if (t.status == track::TrackStatus::kConfirmed && updated.count(t.id)) {
        if (const auto truth = truth_of_track(t.id)) {
          auto& outcome = result_.threats[*truth];
          if (!outcome.first_tracked_s) outcome.first_tracked_s = t_s;
        }
      }
      if (options_.keep_track_rows && (updated.count(t.id) || confirmed_now)) {
        TrackRow row{t_s, t.id, t.status, t.state.estimate, std::nullopt, std::nullopt};
        if (const auto truth = truth_of_track(t.id)) row.truth_id = static_cast<sense::TruthId>(*truth + 1);
        result_.track_rows.push_back(std::move(row));
      }
    }
    for (const auto& t : report.deleted) {
      if (t.status == track::TrackStatus::kConfirmed) {
        Event event = make_event(t_s, EventKind::kTrackDeleted, threat_of_track(t.id));
        event.track = static_cast<int>(t.id);
        record(event);
      }
      if (options_.keep_track_rows) {
        TrackRow row{t_s, t.id, track::TrackStatus::kDeleted, t.state.estimate, std::nullopt, std::nullopt};
        if (const auto truth = truth_of_track(t.id)) row.truth_id = static_cast<sense::TruthId>(*truth + 1);
        result_.track_rows.push_back(std::move(row));
      }
    }
  }

  std::optional<std::size_t> truth_of_track(track::TrackId id) const {
    const auto it = truth_of_track_.find(id);
    if (it == truth_of_track_.end()) return std::nullopt;
    return it->second;
  }
  std::string threat_of_track(track::TrackId id) const {
    const auto truth = truth_of_track(id);
    return truth ? result_.truths[*truth].name() : std::string();
  }

  const track::Track* find_track(track::TrackId id) const {
    for (const auto& t : stack_.tracker().tracks()) {
      if (t.id == id) return &t;
    }
    return nullptr;
  }

  // ---- battle management ----------------------------------------------

  void set_up_batteries() {
    for (const auto& battery : scenario_.batteries) {
      BatteryState state;
      state.inventory = battery.inventory;
      state.launcher_ready_s.assign(static_cast<std::size_t>(battery.launchers), -kInfinity);
      batteries_.push_back(state);
    }
    if (!batteries_.empty()) {
      double first = kInfinity;
      for (const auto& truth : result_.truths) first = std::min(first, truth.launch_time_s());
      const double interval = scenario_.c2.planning_interval_s;
      schedule(std::ceil(first / interval) * interval, ActionKind::kPlan, 0);
    }
  }

  int rounds_per_engagement() const {
    return scenario_.doctrine.mode == FiringMode::kSalvo ? scenario_.doctrine.salvo_size : 1;
  }

  /// The track's predicted path, flown anew at most every kPredictedPathIntervalS.
  const engage::PredictedPath& predicted_path(const track::Track& t, TrackPlan& plan, double now_s) {
    if (now_s - plan.path_s >= kPredictedPathIntervalS) {
      plan.path = engage::predict_path(stack_.ballistic_part(t.state.estimate), earth_, models_.atmosphere(),
                                       scenario_.tracker.nominal_inverse_beta_m2pkg, kPredictedPathStepS);
      plan.path_s = now_s;
    }
    return plan.path;
  }

  struct Candidate {
    track::TrackId track;
    double value;
    std::vector<engage::EngagementWindow> windows;  // per battery
  };

  void plan(double t_s) {
    const double next = t_s + scenario_.c2.planning_interval_s;
    if (next <= end_s_) schedule(next, ActionKind::kPlan, 0);
    update_midcourse(t_s);

    const auto& doctrine = scenario_.doctrine;
    const double earliest_launch = t_s + scenario_.c2.decision_latency_s;
    // With no battery able to fire an engagement this cycle, a candidate can
    // only change the record of which threats had a window: tracks whose
    // threat has one recorded already (or that follow no threat) are not
    // evaluated (in a large raid the rounds run out early and the
    // evaluation of the rest was most of a run's time).
    bool rounds_left = false;
    for (std::size_t b = 0; b < batteries_.size(); ++b) {
      rounds_left = rounds_left || (batteries_[b].inventory - doctrine.reserve) / rounds_per_engagement() > 0;
    }
    std::vector<engage::BatteryGeometry> geometries;
    for (std::size_t b = 0; b < batteries_.size(); ++b) {
      geometries.push_back({scenario_.batteries[b].location, &models_.interceptor(b), &models_.fan(b)});
    }
    std::vector<Candidate> candidates;
    for (const auto& t : stack_.tracker().tracks()) {
      if (t.status != track::TrackStatus::kConfirmed) continue;
      if (t_s - t.t_last_update_s > kStaleTrackS) continue;
      if (!rounds_left) {
        const auto truth = truth_of_track(t.id);
        if (!truth || *truth >= result_.threats.size() || result_.threats[*truth].had_window) continue;
      }
      TrackPlan& plan = plans_[t.id];
      if (plan.assessed_dead || plan.open_engagements > 0 || plan.shots_fired >= doctrine.max_shots_per_threat) continue;
      const auto& P = t.state.estimate.P;
      if (std::sqrt(P(0, 0) + P(1, 1) + P(2, 2)) > doctrine.commit_position_sigma_m) continue;
      // The cheap tests first: the windows from the (shared, cached) predicted
      // path, then the impact prediction (2n + 1 flights) only for a track
      // that some battery could engage, then the flyout arcs.
      const auto& path = predicted_path(t, plan, t_s);
      if (!path.reaches_ground) continue;
      const engage::WindowConstraints constraints{earliest_launch, doctrine.min_intercept_altitude_m};
      std::vector<engage::EngagementWindow> windows = engage::engagement_windows(path, geometries, earth_, constraints);
      bool any = false;
      for (const auto& window : windows) any = any || !window.empty();
      if (!any) continue;
      if (t_s - plan.impact_prediction_s >= kImpactPredictionIntervalS) {
        plan.impact_prediction_s = t_s;
        plan.impact = stack_.impact_predictor().predict(stack_.ballistic_part(t.state.estimate));
      }
      if (!plan.impact || plan.impact->status != track::ImpactStatus::kPredicted) continue;
      double value = 1.0;
      if (!scenario_.defended_assets.empty()) {
        const auto assessment = engage::evaluate_threat(*plan.impact, t_s, scenario_.defended_assets, earth_);
        if (assessment.threatened.empty()) continue;
        value = assessment.value_at_risk;
      }
      Candidate candidate{t.id, value, {}};
      any = false;
      for (std::size_t b = 0; b < batteries_.size(); ++b) {
        candidate.windows.push_back(flyable(std::move(windows[b]), b));
        any = any || !candidate.windows.back().empty();
      }
      if (!any) continue;
      if (const auto truth = truth_of_track(t.id)) result_.threats[*truth].had_window = true;
      candidates.push_back(std::move(candidate));
    }
    if (candidates.empty()) return;

    // Weapon-target assignment: each battery's usable rounds, in engagements
    // of the doctrine's size, against the candidates' values at risk.
    const int n = rounds_per_engagement();
    std::vector<double> values;
    for (const auto& c : candidates) values.push_back(c.value);
    std::vector<int> counts;
    std::vector<std::vector<double>> p;
    for (std::size_t b = 0; b < batteries_.size(); ++b) {
      const int usable = std::max(0, batteries_[b].inventory - doctrine.reserve);
      counts.push_back(usable / n);
      const double sspk = scenario_.batteries[b].interceptor.kill_vehicle.single_shot_kill_probability;
      std::vector<double> row;
      for (const auto& c : candidates) {
        row.push_back(c.windows[b].empty() ? 0.0 : 1.0 - std::pow(1.0 - sspk, n));
      }
      p.push_back(row);
    }
    const engage::WtaProblem problem(values, counts, p);
    if (problem.total_rounds() == 0) return;
    engage::WtaExactOptions exact;
    exact.time_limit_s = 3600.0;  // the node limit decides, so the plan never depends on the clock
    exact.node_limit = 20'000;
    const auto solution = engage::solve_wta(problem, engage::WtaMethod::kAuto, exact);

    for (std::size_t j = 0; j < candidates.size(); ++j) {
      // Of the batteries assigned to this threat, the one that can intercept
      // first engages now; the others' rounds wait for the kill assessment.
      std::optional<std::size_t> best;
      std::optional<engage::InterceptOpportunity> best_opportunity;
      for (std::size_t b = 0; b < batteries_.size(); ++b) {
        if (solution.shots[b][j] == 0) continue;
        const auto opportunity = candidates[j].windows[b].first_launchable_after(earliest_launch);
        if (!opportunity) continue;
        if (ready_launchers(b, opportunity->latest_launch_s) < n) continue;
        if (!best_opportunity || opportunity->intercept_time_s < best_opportunity->intercept_time_s) {
          best = b;
          best_opportunity = opportunity;
        }
      }
      if (best) commit(candidates[j].track, *best, *best_opportunity, t_s);
    }
  }

  /// The window without the intercept points that no flyout arc reaches:
  /// the fan is flown with the booster, the flyout is a two-body arc from the
  /// launcher, and near the fan's edge the arc can need more speed than the
  /// interceptor has (InterceptorFlight::launch decides).
  engage::EngagementWindow flyable(engage::EngagementWindow window, std::size_t battery) const {
    const Vec3 site_E = earth_.ecef_from_geodetic(scenario_.batteries[battery].location);
    auto& o = window.opportunities;
    o.erase(std::remove_if(o.begin(), o.end(),
                           [&](const engage::InterceptOpportunity& x) {
                             return !engage::InterceptorFlight::launch(models_.interceptor(battery), earth_, site_E,
                                                                       x.latest_launch_s, x.r_I, x.intercept_time_s);
                           }),
            o.end());
    return window;
  }

  int ready_launchers(std::size_t battery, double t_s) const {
    const auto& ready = batteries_[battery].launcher_ready_s;
    return static_cast<int>(std::count_if(ready.begin(), ready.end(), [t_s](double r) { return r <= t_s; }));
  }

  void commit(track::TrackId track_id, std::size_t battery, const engage::InterceptOpportunity& opportunity,
              double t_s) {
    const int n = rounds_per_engagement();
    BatteryState& state = batteries_[battery];
    state.inventory -= n;
    // The launchers ready soonest fire; each is busy until reloaded.
    auto& ready = state.launcher_ready_s;
    std::sort(ready.begin(), ready.end());
    for (int k = 0; k < n; ++k) {
      ready[static_cast<std::size_t>(k)] = opportunity.latest_launch_s + scenario_.batteries[battery].reload_time_s;
    }
    Engagement engagement;
    engagement.number = static_cast<int>(engagements_.size()) + 1;
    engagement.track = track_id;
    engagement.battery = battery;
    engagement.unresolved = n;
    for (int k = 0; k < n; ++k) {
      Shot shot;
      shot.number = static_cast<int>(shots_.size()) + 1;
      shot.battery = battery;
      shot.engagement = engagements_.size();
      shot.track = track_id;
      shot.launch_time_s = opportunity.latest_launch_s;
      shot.intercept_time_s = opportunity.intercept_time_s;
      shot.planned_pip_I = opportunity.r_I;
      engagement.shots.push_back(shots_.size());
      schedule(shot.launch_time_s, ActionKind::kLaunch, shots_.size());
      shots_.push_back(std::move(shot));
    }
    TrackPlan& plan = plans_[track_id];
    plan.open_engagements += 1;
    plan.shots_fired += n;
    Event event = make_event(t_s, EventKind::kEngagementPlanned, threat_of_track(track_id));
    event.track = static_cast<int>(track_id);
    event.battery = scenario_.batteries[battery].name;
    event.engagement = engagement.number;
    event.intercept_time_s = opportunity.intercept_time_s;
    event.place = geodetic_of(opportunity.r_I, opportunity.intercept_time_s);
    event.detail = std::to_string(n) + (n == 1 ? " interceptor" : " interceptors") + ", launch at " +
                   std::to_string(static_cast<long>(std::lround(opportunity.latest_launch_s))) + " s";
    record(event);
    engagements_.push_back(std::move(engagement));
  }

  /// The intercept point for a shot from its track's latest estimate (the
  /// planned one when the track is gone or stale).
  Vec3 current_pip(const Shot& shot, double t_s) {
    const track::Track* t = find_track(shot.track);
    if (!t || t_s - t->t_last_update_s > kStaleTrackS) return shot.planned_pip_I;
    const auto& path = predicted_path(*t, plans_[shot.track], t_s);
    if (const auto point = path.at(shot.intercept_time_s)) return point->r_I;
    return shot.planned_pip_I;
  }

  void launch(std::size_t index, double t_s) {
    Shot& shot = shots_[index];
    const auto& battery = scenario_.batteries[shot.battery];
    const Vec3 pip = current_pip(shot, t_s);
    shot.flight = engage::InterceptorFlight::launch(models_.interceptor(shot.battery), earth_,
                                                    earth_.ecef_from_geodetic(battery.location), t_s, pip,
                                                    shot.intercept_time_s);
    Event event = make_event(t_s, EventKind::kInterceptorLaunch, threat_of_track(shot.track));
    event.track = static_cast<int>(shot.track);
    event.battery = battery.name;
    event.engagement = engagements_[shot.engagement].number;
    event.intercept_time_s = shot.intercept_time_s;
    event.place = geodetic_of(pip, shot.intercept_time_s);
    if (!shot.flight) {
      event.kind = EventKind::kLaunchAborted;
      event.detail = "no flyout arc reaches the intercept point";
      batteries_[shot.battery].inventory += 1;
      record(event);
      resolve(index, shot.intercept_time_s);
      return;
    }
    shot.planned_pip_I = pip;
    interceptor_numbers_ += 1;
    event.interceptor = interceptor_numbers_;
    shot.number = interceptor_numbers_;
    batteries_[shot.battery].shots += 1;
    record(event);
    const double handover = std::max(t_s, shot.intercept_time_s - end_game_options().max_homing_time_s);
    schedule(handover, ActionKind::kEndGame, index);
  }

  engage::EndGameOptions end_game_options() const {
    engage::EndGameOptions options;
    options.guidance = scenario_.doctrine.guidance;
    options.step_s = kHomingStepS;
    options.max_homing_time_s = kMaxHomingTimeS;
    options.navigation_ratio = scenario_.doctrine.navigation_ratio;
    return options;
  }

  void update_midcourse(double t_s) {
    const double homing = end_game_options().max_homing_time_s;
    for (auto& shot : shots_) {
      if (!shot.flight || shot.result || t_s <= shot.launch_time_s || t_s >= shot.intercept_time_s - homing) continue;
      const Vec3 pip = current_pip(shot, t_s);
      const double shift = (pip - shot.planned_pip_I).norm();
      if (shift == 0.0) continue;
      if (shot.flight->retarget(t_s, pip, shot.intercept_time_s)) {
        shot.planned_pip_I = pip;
        if (shift >= kLoggedPipShiftM) {
          Event event = make_event(t_s, EventKind::kMidcourseUpdate, threat_of_track(shot.track));
          event.track = static_cast<int>(shot.track);
          event.battery = scenario_.batteries[shot.battery].name;
          event.interceptor = shot.number;
          event.detail = "intercept point moved " + std::to_string(std::lround(shift)) + " m";
          record(event);
        }
      }
    }
  }

  void end_game(std::size_t index) {
    Shot& shot = shots_[index];
    const auto& kill_vehicle = scenario_.batteries[shot.battery].interceptor.kill_vehicle;
    // The seeker homes on whatever object is nearest the intercept point.
    std::optional<std::size_t> target;
    double nearest = kInfinity;
    for (std::size_t i = 0; i < result_.truths.size(); ++i) {
      if (!alive(i, shot.intercept_time_s)) continue;
      const auto state = result_.truths[i].at(shot.intercept_time_s);
      if (!state) continue;
      const double d = (state->r_I - shot.planned_pip_I).norm();
      if (d < nearest) {
        nearest = d;
        target = i;
      }
    }
    engage::InterceptResult result;
    RandomStream rng(seed_, kInterceptStream + static_cast<std::uint64_t>(shot.number));
    if (target && nearest <= kill_vehicle.seeker_acquisition_range_m) {
      const TruthTrajectory& truth = result_.truths[*target];
      const double mu = earth_.gm();
      const auto motion = [&truth, mu](double t) {
        engage::TargetState s;
        if (const auto state = truth.at(t)) {
          s.r_I = state->r_I;
          s.v_I = state->v_I;
          const double r = s.r_I.norm();
          s.a_I = -mu * s.r_I / (r * r * r);
        }
        return s;
      };
      result = shot.flight->end_game(motion, end_game_options(), rng);
      shot.target = target;
    } else {
      // Nothing live to home on: the kill vehicle flies through the point.
      // Its miss is the distance to the nearest object still flying (live
      // or the remains of a killed one), or, with nothing in the air, the
      // seeker's acquisition range (it saw nothing within it).
      const auto state = shot.flight->state_at(shot.intercept_time_s);
      result.time_s = shot.intercept_time_s;
      result.r_I = state.r_I;
      result.miss_distance_m = kill_vehicle.seeker_acquisition_range_m;
      for (const auto& truth : result_.truths) {
        if (const auto s = truth.at(shot.intercept_time_s)) {
          result.miss_distance_m = std::min(result.miss_distance_m, (s->r_I - state.r_I).norm());
        }
      }
      target.reset();
    }
    shot.result = result;
    if (result.kill && shot.target) {
      auto& kill_time = kill_time_s_[*shot.target];
      if (!kill_time || result.time_s < *kill_time) kill_time = result.time_s;
    }
    Event event = make_event(result.time_s, result.kill ? EventKind::kIntercept : EventKind::kMiss,
                shot.target ? result_.truths[*shot.target].name() : threat_of_track(shot.track));
    event.track = static_cast<int>(shot.track);
    event.battery = scenario_.batteries[shot.battery].name;
    event.interceptor = shot.number;
    event.engagement = engagements_[shot.engagement].number;
    event.place = geodetic_of(result.r_I, result.time_s);
    event.miss_distance_m = result.miss_distance_m;
    if (!shot.target) event.detail = "no object near the intercept point";
    if (result.within_lethal_radius && !result.kill) event.detail = "within the lethal radius; the kill draw failed";
    record(event);
    if (shot.target && *shot.target < result_.threats.size()) {
      auto& outcome = result_.threats[*shot.target];
      outcome.shots += 1;
      const auto& name = scenario_.batteries[shot.battery].name;
      if (std::find(outcome.engaged_by.begin(), outcome.engaged_by.end(), name) == outcome.engaged_by.end()) {
        outcome.engaged_by.push_back(name);
      }
      if (result.kill && (!outcome.intercept_time_s || result.time_s < *outcome.intercept_time_s)) {
        outcome.intercept_time_s = result.time_s;
        outcome.intercept_point = geodetic_of(result.r_I, result.time_s);
      }
    }
    trace(shot, result);
    resolve(index, result.time_s);
  }

  void trace(const Shot& shot, const engage::InterceptResult& result) {
    InterceptorTrace trace;
    trace.number = shot.number;
    trace.battery = scenario_.batteries[shot.battery].name;
    trace.target = shot.target ? result_.truths[*shot.target].name() : std::string();
    trace.launch_time_s = shot.launch_time_s;
    trace.end_time_s = result.time_s;
    trace.kill = result.kill;
    trace.miss_distance_m = result.miss_distance_m;
    for (double t = shot.launch_time_s; t < result.time_s; t += options_.trajectory_step_s) {
      trace.samples_I.emplace_back(t, shot.flight->state_at(t).r_I);
    }
    trace.samples_I.emplace_back(result.time_s, result.r_I);
    result_.interceptors.push_back(std::move(trace));
  }

  /// One shot of an engagement is over; after the last, the kill assessment.
  void resolve(std::size_t shot_index, double end_s) {
    Engagement& engagement = engagements_[shots_[shot_index].engagement];
    engagement.last_end_s = std::max(engagement.last_end_s, end_s);
    if (--engagement.unresolved > 0) return;
    const bool launched = std::any_of(engagement.shots.begin(), engagement.shots.end(),
                                      [this](std::size_t s) { return shots_[s].flight.has_value(); });
    if (!launched) {
      // Every launch was aborted: nothing flew, nothing to assess; the track is open again now.
      plans_[engagement.track].open_engagements -= 1;
      plans_[engagement.track].shots_fired -= static_cast<int>(engagement.shots.size());
      return;
    }
    schedule(engagement.last_end_s + scenario_.doctrine.kill_assessment_delay_s, ActionKind::kAssess,
             shots_[shot_index].engagement);
  }

  void assess(std::size_t index, double t_s) {
    const Engagement& engagement = engagements_[index];
    bool killed = false;
    for (const auto s : engagement.shots) killed = killed || (shots_[s].result && shots_[s].result->kill);
    TrackPlan& plan = plans_[engagement.track];
    plan.open_engagements -= 1;
    RandomStream rng(seed_, kAssessmentStream + static_cast<std::uint64_t>(engagement.number));
    const bool correct = rng.uniform() < scenario_.doctrine.kill_assessment_probability;
    const bool assessed_killed = killed == correct;
    if (assessed_killed) plan.assessed_dead = true;
    Event event = make_event(t_s, EventKind::kKillAssessment, threat_of_track(engagement.track));
    event.track = static_cast<int>(engagement.track);
    event.battery = scenario_.batteries[engagement.battery].name;
    event.engagement = engagement.number;
    event.detail = std::string(assessed_killed ? "assessed killed" : "assessed survived") +
                   (correct ? " (correct)" : " (wrong)");
    record(event);
  }

  // ---- the ground -----------------------------------------------------

  void impact(std::size_t truth_index) {
    const TruthTrajectory& truth = result_.truths[truth_index];
    const double t_s = truth.impact_time_s();
    if (!alive(truth_index, t_s)) return;
    const auto& impact = *truth.path().impact;
    const earth::Geodetic point =
        earth_.geodetic_from_ecef(earth_.ecef_from_eci(flight::position(impact.y_I), impact.t_s));
    auto& outcome = result_.threats[truth_index];
    outcome.impact_time_s = t_s;
    outcome.impact_point = point;
    Event event = make_event(t_s, EventKind::kImpact, truth.name());
    event.place = point;
    record(event);
    // The assets hit: an exact impact point (zero covariance) evaluated as a threat.
    if (!scenario_.defended_assets.empty()) {
      track::ImpactPrediction exact;
      exact.impact_point = point;
      exact.impact_time_s = t_s;
      const auto hit = engage::evaluate_threat(exact, t_s, scenario_.defended_assets, earth_);
      for (const auto& asset : hit.threatened) {
        outcome.assets_hit.push_back(scenario_.defended_assets[static_cast<std::size_t>(asset.asset)].name);
      }
    }
    if (!outcome.assets_hit.empty() || scenario_.defended_assets.empty()) {
      outcome.result = ThreatResult::kLeaked;
      Event leak = make_event(t_s, EventKind::kLeak, truth.name());
      leak.place = point;
      for (const auto& name : outcome.assets_hit) leak.detail += (leak.detail.empty() ? "" : ", ") + name;
      record(leak);
    } else {
      outcome.result = ThreatResult::kImpactedAway;
    }
  }

  void finish() {
    for (std::size_t i = 0; i < result_.threats.size(); ++i) {
      if (kill_time_s_[i] && kill_time_s_[i] <= result_.truths[i].impact_time_s()) {
        result_.threats[i].result = ThreatResult::kKilled;
      }
    }
    result_.truth_end_s = kill_time_s_;
    result_.asset_damage.assign(scenario_.defended_assets.size(), 0.0);
    for (const auto& outcome : result_.threats) {
      if (outcome.result == ThreatResult::kLeaked) result_.leakers += 1;
      for (const auto& name : outcome.assets_hit) {
        for (std::size_t a = 0; a < scenario_.defended_assets.size(); ++a) {
          if (scenario_.defended_assets[a].name == name) result_.asset_damage[a] += 1.0;
        }
      }
    }
    for (std::size_t b = 0; b < batteries_.size(); ++b) {
      const auto& battery = scenario_.batteries[b];
      result_.batteries.push_back({battery.name, battery.interceptor.name, batteries_[b].shots, batteries_[b].inventory});
      result_.interceptors_used += batteries_[b].shots;
    }
    std::stable_sort(result_.events.begin(), result_.events.end(),
                     [](const Event& a, const Event& b) { return a.t_s < b.t_s; });
  }

  const WorldModels& models_;
  const Scenario& scenario_;
  const earth::EarthModel& earth_;
  RunOptions options_;
  std::uint64_t seed_;
  TrackerStack stack_;
  RcsModels rcs_;
  RunResult result_;
  double end_s_ = 0.0;

  std::priority_queue<Action, std::vector<Action>, LaterFirst> queue_;
  std::uint64_t sequence_ = 0;

  std::vector<sense::Radar> radars_;
  std::vector<RandomStream> radar_rng_;
  std::vector<track::RadarMeasurementModel> sensors_;
  std::vector<track::Coverage> coverage_;
  std::set<std::size_t> cue_recorded_;

  std::vector<std::optional<double>> kill_time_s_;
  std::map<track::TrackId, std::size_t> truth_of_track_;
  std::map<track::TrackId, TrackPlan> plans_;
  std::vector<BatteryState> batteries_;
  std::vector<Engagement> engagements_;
  std::vector<Shot> shots_;
  int interceptor_numbers_ = 0;
};

}  // namespace

RunResult run_world(const WorldModels& models, const RunOptions& options) {
  WorldRun run(models, options);
  return run.run();
}

}  // namespace rampart::sim
