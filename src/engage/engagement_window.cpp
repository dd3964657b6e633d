#include "rampart/engage/engagement_window.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "rampart/flight/ballistic_flight.hpp"

namespace rampart::engage {
namespace {

// Integration tolerances of the predicted flight, looser than the flight
// module's defaults (1e-10, 1e-6) because the path is flown once per threat
// and update: centimetres over a reentry (7 cm at worst over a 528 s arc,
// tests/engage/engagement_window_test.cpp), far below any track's uncertainty.
constexpr double kRelativeTolerance = 1e-8;
constexpr double kAbsoluteTolerance = 1e-3;

}  // namespace

std::optional<PredictedPoint> PredictedPath::at(double t_s) const {
  if (points.empty() || !(t_s >= points.front().t_s && t_s <= points.back().t_s)) return std::nullopt;
  if (points.size() == 1) return points.front();
  auto upper = std::upper_bound(points.begin(), points.end(), t_s,
                                [](double value, const PredictedPoint& p) { return value < p.t_s; });
  if (upper == points.end()) upper = points.end() - 1;
  const auto lower = upper - 1;
  const double h = upper->t_s - lower->t_s;
  if (!(h > 0.0)) return *lower;
  // Cubic Hermite on position with the velocities as slopes (as in
  // sim::TruthTrajectory); the velocity is the interpolant's derivative.
  const double s = (t_s - lower->t_s) / h;
  const double s2 = s * s;
  const double s3 = s2 * s;
  const Vec3& r0 = lower->r_I;
  const Vec3& r1 = upper->r_I;
  const Vec3& v0 = lower->v_I;
  const Vec3& v1 = upper->v_I;
  PredictedPoint p;
  p.t_s = t_s;
  p.r_I = (2 * s3 - 3 * s2 + 1) * r0 + (s3 - 2 * s2 + s) * h * v0 + (-2 * s3 + 3 * s2) * r1 + (s3 - s2) * h * v1;
  p.v_I =
      ((6 * s2 - 6 * s) * r0 + (3 * s2 - 4 * s + 1) * h * v0 + (-6 * s2 + 6 * s) * r1 + (3 * s2 - 2 * s) * h * v1) / h;
  return p;
}

PredictedPath predict_path(const track::GaussianState& state, const earth::EarthModel& earth,
                           const earth::Us76Atmosphere& atmosphere, double nominal_inverse_beta_m2pkg, double step_s,
                           double max_time_s) {
  const auto n = state.x.size();
  if (n != 6 && n != 7) throw std::invalid_argument("predict_path: the state must have 6 or 7 components");
  if (!(std::isfinite(step_s) && step_s > 0.0)) throw std::invalid_argument("predict_path: step_s must be > 0");
  if (!(std::isfinite(max_time_s) && max_time_s > 0.0)) {
    throw std::invalid_argument("predict_path: max_time_s must be > 0");
  }
  if (!(std::isfinite(nominal_inverse_beta_m2pkg) && nominal_inverse_beta_m2pkg >= 0.0)) {
    throw std::invalid_argument("predict_path: nominal_inverse_beta_m2pkg must be finite and >= 0");
  }
  if (!state.x.allFinite() || !std::isfinite(state.t_s)) {
    throw std::invalid_argument("predict_path: the state must be finite");
  }

  PredictedPath path;
  const Vec3 r0 = state.x.head<3>();
  const Vec3 v0 = state.x.segment<3>(3);
  path.points.push_back({state.t_s, r0, v0});
  // A state on or below the ground has no flight left: it is down already.
  if (!(earth.altitude_m(earth.ecef_from_eci(r0, state.t_s)) > 0.0)) {
    path.reaches_ground = true;
    return path;
  }

  flight::FlightOptions options;
  options.sample_step_s = step_s;
  options.max_flight_time_s = max_time_s;
  options.relative_tolerance = kRelativeTolerance;
  options.absolute_tolerance = kAbsoluteTolerance;
  flight::SampleRecorder samples(step_s);
  flight::FlightPath flight;
  const double inverse_beta = n == 7 ? std::max(state.x(6), 0.0) : nominal_inverse_beta_m2pkg;
  flight::State6 y0;
  y0 << r0, v0;
  flight::fly_ballistic(earth, atmosphere, {state.t_s, y0}, flight::DragBody{inverse_beta}, options, samples, flight);

  // The recorder samples whole multiples of step_s (a grid shared by every
  // path) and appends the impact; the start is already in.
  for (const auto& sample : flight.samples) {
    if (sample.t_s <= path.points.back().t_s + 1e-9) continue;
    path.points.push_back({sample.t_s, flight::position(sample.y_I), flight::velocity(sample.y_I)});
  }
  path.reaches_ground = flight.status == flight::FlightStatus::kImpact;
  return path;
}

std::optional<InterceptOpportunity> EngagementWindow::first_at_or_after(double t_s) const {
  for (const auto& o : opportunities) {
    if (o.intercept_time_s >= t_s) return o;
  }
  return std::nullopt;
}

std::optional<InterceptOpportunity> EngagementWindow::first_launchable_after(double launch_s) const {
  for (const auto& o : opportunities) {
    if (o.latest_launch_s >= launch_s) return o;
  }
  return std::nullopt;
}

EngagementWindow engagement_window(const PredictedPath& path, const BatteryGeometry& battery,
                                   const earth::EarthModel& earth, const WindowConstraints& constraints) {
  return std::move(engagement_windows(path, {battery}, earth, constraints).front());
}

std::vector<EngagementWindow> engagement_windows(const PredictedPath& path,
                                                 const std::vector<BatteryGeometry>& batteries,
                                                 const earth::EarthModel& earth, const WindowConstraints& constraints) {
  struct Limits {
    double floor_m;
    double ceiling_m;
  };
  std::vector<Limits> limits;
  limits.reserve(batteries.size());
  for (const auto& battery : batteries) {
    if (battery.interceptor == nullptr || battery.fan == nullptr) {
      throw std::invalid_argument("engagement_window: the battery needs an interceptor and a flyout fan");
    }
    const InterceptorType& type = battery.interceptor->type();
    limits.push_back({std::max(type.min_intercept_altitude_m, constraints.min_intercept_altitude_m),
                      type.max_intercept_altitude_m});
  }

  std::vector<EngagementWindow> windows(batteries.size());
  for (const auto& p : path.points) {
    const Vec3 r_E = earth.ecef_from_eci(p.r_I, p.t_s);
    const double altitude = earth.altitude_m(r_E);
    std::optional<FanGroundPoint> ground;  // only for a point some battery's altitudes admit
    for (std::size_t b = 0; b < batteries.size(); ++b) {
      if (!(altitude >= limits[b].floor_m && altitude <= limits[b].ceiling_m)) continue;
      const InterceptorType& type = batteries[b].interceptor->type();
      if (!ground) ground = fan_ground_point(earth, r_E);
      const double range = fan_ground_range_m(earth, batteries[b].site, *ground);
      if (!(range <= type.max_intercept_range_m)) continue;
      const auto time_of_flight = batteries[b].fan->time_to_reach_s(range, altitude);
      if (!time_of_flight) continue;
      const double latest_launch = p.t_s - *time_of_flight;
      if (!(latest_launch >= constraints.earliest_launch_s)) continue;
      windows[b].opportunities.push_back({p.t_s, latest_launch, *time_of_flight, p.r_I, altitude, range});
    }
  }
  return windows;
}

int sequential_shot_opportunities(const EngagementWindow& window, double earliest_launch_s,
                                  double kill_assessment_delay_s) {
  if (!(std::isfinite(kill_assessment_delay_s) && kill_assessment_delay_s >= 0.0)) {
    throw std::invalid_argument("sequential_shot_opportunities: kill_assessment_delay_s must be finite and >= 0");
  }
  int shots = 0;
  double launch = earliest_launch_s;
  // Each shot takes the earliest opportunity after the previous one's (by
  // index, so a zero fan time with no delay cannot count the same point twice).
  std::size_t next = 0;
  const auto& opportunities = window.opportunities;
  while (next < opportunities.size()) {
    std::size_t i = next;
    while (i < opportunities.size() && !(opportunities[i].latest_launch_s >= launch)) ++i;
    if (i == opportunities.size()) break;
    ++shots;
    launch = opportunities[i].intercept_time_s + kill_assessment_delay_s;
    next = i + 1;
  }
  return shots;
}

}  // namespace rampart::engage
