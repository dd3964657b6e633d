#pragma once
// Engagement windows: for one battery and one threat, the intercept points a
// launch could reach and when it must leave, from the threat's predicted
// path (flown on from its track) and the battery's flyout fan, within the
// interceptor's and the doctrine's altitude and range limits.
// docs/models.md, "Engagement windows".

#include <optional>
#include <vector>

#include "rampart/core/vector.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/engage/flyout_fan.hpp"
#include "rampart/engage/interceptor.hpp"
#include "rampart/track/state.hpp"

namespace rampart::engage {

/// One point of a threat's predicted flight (ECI, scenario time).
struct PredictedPoint {
  double t_s = 0.0;
  Vec3 r_I = Vec3::Zero();
  Vec3 v_I = Vec3::Zero();
};

/// The threat's predicted flight from a state to impact, at a fixed step.
struct PredictedPath {
  std::vector<PredictedPoint> points;  ///< time-ordered, the last at (or just before) impact
  bool reaches_ground = false;         ///< false when the flight did not come down in time
  /// State at t_s by cubic Hermite interpolation; nullopt outside the path.
  std::optional<PredictedPoint> at(double t_s) const;
};

/// Flies the mean of a track state ([r; v] or [r; v; 1/beta], ECI at
/// state.t_s) on with gravity (J2) and drag until impact, sampled every
/// step_s. A six-state track flies with nominal_inverse_beta_m2pkg (Cd A / m);
/// a seven-state one with its own 1/beta, clamped at 0. The points are the
/// start, the whole multiples of step_s after it (a time grid shared by every
/// path) and the impact. A state on or below the ground gives its start point
/// alone, with reaches_ground true. Throws std::invalid_argument for a
/// dimension other than 6 or 7, step_s <= 0, max_time_s <= 0, a negative
/// nominal 1/beta or a non-finite state.
PredictedPath predict_path(const track::GaussianState& state, const earth::EarthModel& earth,
                           const earth::Us76Atmosphere& atmosphere, double nominal_inverse_beta_m2pkg,
                           double step_s = 2.0, double max_time_s = 3600.0);

/// A battery as the planner sees it.
struct BatteryGeometry {
  earth::Geodetic site;
  const Interceptor* interceptor = nullptr;  ///< not owned
  const FlyoutFan* fan = nullptr;            ///< not owned; built at `site`
};

struct WindowConstraints {
  double earliest_launch_s = 0.0;          ///< now plus decision latency (and launcher readiness)
  double min_intercept_altitude_m = 0.0;   ///< doctrine's floor; the interceptor's own also applies
};

/// One feasible intercept: the threat at intercept_time_s is reachable by an
/// interceptor launched at latest_launch_s (= intercept - fan time) or later
/// (up to the fan time); every constraint holds.
struct InterceptOpportunity {
  double intercept_time_s = 0.0;
  double latest_launch_s = 0.0;
  double time_of_flight_s = 0.0;   ///< fan time to the point
  Vec3 r_I = Vec3::Zero();         ///< predicted intercept point (ECI at intercept_time_s)
  double altitude_m = 0.0;
  double ground_range_m = 0.0;
};

/// The feasible intercepts, in time order, on the predicted path's samples
/// (a window may have gaps: a threat may enter, leave and re-enter reach).
struct EngagementWindow {
  std::vector<InterceptOpportunity> opportunities;
  bool empty() const { return opportunities.empty(); }
  /// The earliest opportunity whose intercept time is >= t_s; nullopt if none.
  std::optional<InterceptOpportunity> first_at_or_after(double t_s) const;
  /// The earliest opportunity that a launch at or after launch_s can make
  /// (latest_launch_s >= launch_s); nullopt if none.
  std::optional<InterceptOpportunity> first_launchable_after(double launch_s) const;
};

/// The window of one battery against one predicted path. A point is feasible
/// when its altitude lies within [max(interceptor min, doctrine min),
/// interceptor max], its ground range from the site is within the
/// interceptor's max intercept range, the fan reaches it, and
/// intercept time - fan time >= constraints.earliest_launch_s.
/// Throws std::invalid_argument when the battery has no interceptor or fan.
EngagementWindow engagement_window(const PredictedPath& path, const BatteryGeometry& battery,
                                   const earth::EarthModel& earth, const WindowConstraints& constraints);

/// The windows of several batteries against one path, each exactly as
/// engagement_window() gives it, with each point's Earth-fixed position,
/// altitude and geodetic coordinates worked out once for all of them.
std::vector<EngagementWindow> engagement_windows(const PredictedPath& path,
                                                 const std::vector<BatteryGeometry>& batteries,
                                                 const earth::EarthModel& earth, const WindowConstraints& constraints);

/// Shots that can be fired one after another, each launched only after the
/// previous one's kill assessment (its intercept time + kill_assessment_delay_s),
/// starting with a launch at or after earliest_launch_s, each taking the
/// earliest opportunity it can (always one later than the previous shot's).
/// 0 for an empty window. Throws std::invalid_argument for a negative or
/// non-finite delay.
int sequential_shot_opportunities(const EngagementWindow& window, double earliest_launch_s,
                                  double kill_assessment_delay_s);

}  // namespace rampart::engage
