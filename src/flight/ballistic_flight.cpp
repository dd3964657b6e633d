#include "rampart/flight/ballistic_flight.hpp"

#include "rampart/flight/integrators.hpp"

namespace rampart::flight {
namespace {

constexpr double kReentryAltitudeM = 100e3;  // conventional edge of the atmosphere (Karman line)

}  // namespace

void fly_ballistic(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                   const FlightPoint& start, const DragBody& body, const FlightOptions& options,
                   SampleRecorder& samples, FlightPath& path) {
  const auto f = [&](double t, const State6& y) { return ballistic_derivative(t, y, earth, atmosphere, body); };
  const OdeEvent<State6> apogee{[](double, const State6& y) { return position(y).dot(velocity(y)); }, -1, true};
  const OdeEvent<State6> impact{[&earth](double, const State6& y) { return earth.altitude_m(position(y)); }, -1, true};
  const OdeEvent<State6> reentry{
      [&earth](double, const State6& y) { return earth.altitude_m(position(y)) - kReentryAltitudeM; }, -1, false};

  AdaptiveOptions ode;
  ode.relative_tolerance = options.relative_tolerance;
  ode.absolute_tolerance = options.absolute_tolerance;
  const double t_end = start.t_s + options.max_flight_time_s;
  const auto observer = [&](const DenseStep<State6>& step) {
    samples.record(step.t0(), step.t1(), [&step](double t) { return step.at(t); }, path.samples);
  };
  const auto fly = [&](const FlightPoint& from, const std::vector<OdeEvent<State6>>& events) {
    return integrate_dopri54(f, from.t_s, from.y_I, t_end, events, ode,
                             samples.active() ? std::function(observer) : nullptr);
  };
  const auto fail = [&](OdeStatus status) {
    path.status = status == OdeStatus::kReachedEnd ? FlightStatus::kNoImpact : FlightStatus::kIntegrationFailed;
  };

  // Up to the apogee, then down: the flight is split there so that on the
  // way down the height falls monotonically and the 100 km crossing is a
  // single sign change, which no step size can hide (two crossings inside
  // one step would cancel).
  FlightPoint top = start;
  if (position(start.y_I).dot(velocity(start.y_I)) > 0.0) {
    const auto up = fly(start, {apogee, impact});
    if (up.status != OdeStatus::kEvent) return fail(up.status);
    top = FlightPoint{up.t, up.y};
    if (up.hits.back().index == 1) {  // came down before turning over (cannot happen without thrust)
      path.status = FlightStatus::kImpact;
      path.impact = top;
      if (samples.active()) path.samples.push_back({up.t, up.y});
      return;
    }
  }
  // A start that is already coming down (a depressed burnout) is its own top.
  path.apogee = top;

  const auto down = fly(top, {reentry, impact});
  for (const auto& hit : down.hits) {
    if (hit.index == 0 && !path.reentry_100km) path.reentry_100km = FlightPoint{hit.t, hit.y};
  }
  if (down.status != OdeStatus::kEvent) return fail(down.status);
  path.status = FlightStatus::kImpact;
  path.impact = FlightPoint{down.t, down.y};
  if (samples.active()) path.samples.push_back({down.t, down.y});
}

}  // namespace rampart::flight
