#pragma once
// The world of one engagement run: the threats fly (truth), the radars look,
// the central tracker keeps tracks, the battle manager evaluates threats and
// plans engagements under the doctrine, batteries launch interceptors that
// fly out, are re-aimed in midcourse and home in, and each intercept is
// resolved and assessed — all advanced in one time-ordered event loop, with
// every step recorded. docs/models.md, "The engagement run".
//
// WorldModels holds what does not change from run to run (the Earth, the
// interceptors, their flyout fans, the threats' flights when their launch
// points are fixed): build it once, then run World many times (Monte Carlo).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/engage/flyout_fan.hpp"
#include "rampart/engage/interceptor.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/tracking_run.hpp"
#include "rampart/sim/truth.hpp"

namespace rampart::sim {

/// The models of a scenario that every run shares (immutable once built).
class WorldModels {
 public:
  /// Builds the interceptors and their flyout fans (one per battery) and flies
  /// the threats whose launch point is fixed. Throws InputError naming the
  /// scenario entry whose flight or interceptor cannot be built.
  explicit WorldModels(const Scenario& scenario);

  const Scenario& scenario() const { return scenario_; }
  const earth::EarthModel& earth() const { return earth_; }
  const earth::Us76Atmosphere& atmosphere() const { return atmosphere_; }
  const engage::Interceptor& interceptor(std::size_t battery) const { return *interceptors_[battery]; }
  const engage::FlyoutFan& fan(std::size_t battery) const { return *fans_[battery]; }
  /// The flight of threat i when its launch point is fixed (launch_radius 0;
  /// null otherwise), shared by the runs' truths.
  const std::shared_ptr<const flight::FlightPath>& fixed_flight(std::size_t threat) const {
    return fixed_flights_[threat];
  }
  /// Flies threat i from `launch` (targeting its aim point), sampled for the sensors.
  flight::FlightPath fly_threat(std::size_t threat, const earth::Geodetic& launch) const;

 private:
  const Scenario& scenario_;
  earth::EarthModel earth_;
  earth::Us76Atmosphere atmosphere_;
  std::vector<std::unique_ptr<engage::Interceptor>> interceptors_;
  std::vector<std::unique_ptr<engage::FlyoutFan>> fans_;
  std::vector<std::shared_ptr<const flight::FlightPath>> fixed_flights_;
};

enum class EventKind {
  kLaunchDetected,     ///< a threat's launch seen by an infrared sensor (first cue)
  kFirstDetection,     ///< a threat's first radar detection
  kTrackConfirmed,
  kTrackDeleted,
  kEngagementPlanned,
  kInterceptorLaunch,
  kLaunchAborted,      ///< the flyout found no arc to the intercept point at launch time
  kMidcourseUpdate,
  kIntercept,          ///< a kill
  kMiss,
  kKillAssessment,
  kImpact,             ///< a threat reached the ground (not killed)
  kLeak,               ///< an impact on a defended asset
};

std::string_view event_kind_name(EventKind kind);

/// One recorded event. Fields that do not apply are empty.
struct Event {
  double t_s = 0.0;
  EventKind kind = EventKind::kImpact;
  std::string threat;                       ///< the threat's name (truth)
  std::optional<int> track;                 ///< track id
  std::string battery;
  std::optional<int> interceptor;           ///< interceptor number, from 1 in launch order
  std::optional<int> engagement;            ///< engagement number, from 1 in planning order
  std::optional<earth::Geodetic> place;
  std::optional<double> miss_distance_m;
  std::optional<double> intercept_time_s;   ///< planned (for plans and launches)
  std::string detail;                       ///< a short human note ("assessed killed", asset names, ...)
};

enum class ThreatResult { kKilled, kLeaked, kImpactedAway, kInFlight };
std::string_view threat_result_name(ThreatResult result);

struct ThreatOutcome {
  std::string name;
  double launch_time_s = 0.0;
  earth::Geodetic launch_point;
  std::optional<double> first_detected_s;
  std::optional<double> first_tracked_s;   ///< first confirmed track holding its detections
  std::vector<std::string> engaged_by;     ///< batteries that fired at it, in order
  int shots = 0;                           ///< interceptors that reached their end game against it
  bool had_window = false;                 ///< some battery had a non-empty engagement window for it
  std::optional<double> intercept_time_s;
  std::optional<earth::Geodetic> intercept_point;
  std::optional<double> impact_time_s;
  std::optional<earth::Geodetic> impact_point;
  std::vector<std::string> assets_hit;
  ThreatResult result = ThreatResult::kInFlight;
};

struct BatteryOutcome {
  std::string name;
  std::string interceptor;
  int shots = 0;
  int inventory_left = 0;
};

/// An interceptor's flight, for trajectories and pictures.
struct InterceptorTrace {
  int number = 0;
  std::string battery;
  std::string target;          ///< threat it homed on ("" if none)
  double launch_time_s = 0.0;
  double end_time_s = 0.0;     ///< closest approach
  std::vector<std::pair<double, Vec3>> samples_I;  ///< (t, r_I) every trajectory step
  bool kill = false;
  double miss_distance_m = 0.0;
};

struct RunResult {
  std::uint64_t seed = 0;
  std::vector<Event> events;                 ///< time-ordered
  std::vector<ThreatOutcome> threats;        ///< in scenario order
  std::vector<BatteryOutcome> batteries;     ///< in scenario order
  std::vector<TrackRow> track_rows;
  std::vector<TruthTrajectory> truths;       ///< the flown threats (and debris)
  std::vector<std::optional<double>> truth_end_s;  ///< kill time of each truth, if killed
  std::vector<InterceptorTrace> interceptors;
  int leakers = 0;
  int interceptors_used = 0;
  std::vector<double> asset_damage;          ///< per defended asset: number of leakers that hit it
};

struct RunOptions {
  std::optional<std::uint64_t> seed;   ///< overrides the scenario's
  double trajectory_step_s = 5.0;      ///< sampling of interceptor traces
  bool keep_track_rows = true;         ///< tracks.csv rows (Monte Carlo may drop them)
};

/// One run of the scenario. Deterministic: the same models, seed and options
/// give the same result, bit for bit.
RunResult run_world(const WorldModels& models, const RunOptions& options = {});

}  // namespace rampart::sim
