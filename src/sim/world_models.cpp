#include <memory>
#include <stdexcept>

#include "rampart/flight/trajectory.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::sim {
namespace {
constexpr double kTruthSampleStepS = 0.5;  // Hermite-interpolated between samples (truth.hpp)
}  // namespace

WorldModels::WorldModels(const Scenario& scenario) : scenario_(scenario), earth_(make_earth(scenario)) {
  for (const auto& battery : scenario.batteries) {
    try {
      interceptors_.push_back(std::make_unique<engage::Interceptor>(battery.interceptor));
      // One fan per battery: the flyout depends (a little) on where on the
      // rotating Earth the launcher stands. The sweep's azimuth does not
      // matter to the planner, which reads the fan by ground range only.
      engage::FlyoutFanOptions options;
      options.kick_count = 61;
      options.range_cells = 120;
      options.altitude_cells = 80;
      options.sample_step_s = 1.0;
      fans_.push_back(std::make_unique<engage::FlyoutFan>(*interceptors_.back(), earth_, atmosphere_, battery.location,
                                                          options));
    } catch (const std::exception& e) {
      throw InputError(SourceLocation{scenario.path}, "battery \"" + battery.name + "\": " + e.what());
    }
  }
  for (std::size_t i = 0; i < scenario.threats.size(); ++i) {
    const auto& threat = scenario.threats[i];
    if (threat.launch_radius_m > 0.0) {
      fixed_flights_.emplace_back();
    } else {
      fixed_flights_.push_back(std::make_shared<const flight::FlightPath>(fly_threat(i, threat.launch)));
    }
  }
}

flight::FlightPath WorldModels::fly_threat(std::size_t i, const earth::Geodetic& launch) const {
  const ThreatConfig& threat = scenario_.threats.at(i);
  flight::TrajectoryRequest request;
  request.launch = launch;
  request.aim = threat.aim;
  request.shape = threat.shape;
  request.missile = &threat.missile;
  request.apogee_altitude_m = threat.apogee_altitude_m;
  request.flight.sample_step_s = kTruthSampleStepS;
  try {
    return flight::solve_trajectory(request, earth_, atmosphere_).path;
  } catch (const InputError& e) {
    // Name the threat: the targeting's own message names a command-line option.
    throw InputError(threat.where, "threat \"" + threat.name + "\": " + e.message());
  }
}

std::string_view event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::kLaunchDetected: return "launch_detected";
    case EventKind::kFirstDetection: return "first_detection";
    case EventKind::kTrackConfirmed: return "track_confirmed";
    case EventKind::kTrackDeleted: return "track_deleted";
    case EventKind::kEngagementPlanned: return "engagement_planned";
    case EventKind::kInterceptorLaunch: return "launch";
    case EventKind::kLaunchAborted: return "launch_aborted";
    case EventKind::kMidcourseUpdate: return "midcourse_update";
    case EventKind::kIntercept: return "intercept";
    case EventKind::kMiss: return "miss";
    case EventKind::kKillAssessment: return "kill_assessment";
    case EventKind::kImpact: return "impact";
    case EventKind::kLeak: return "leak";
  }
  return "unknown";
}

std::string_view threat_result_name(ThreatResult result) {
  switch (result) {
    case ThreatResult::kKilled: return "killed";
    case ThreatResult::kLeaked: return "leaked";
    case ThreatResult::kImpactedAway: return "impacted away from assets";
    case ThreatResult::kInFlight: return "in flight";
  }
  return "unknown";
}

}  // namespace rampart::sim
