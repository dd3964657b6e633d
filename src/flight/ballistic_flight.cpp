#include "rampart/flight/ballistic_flight.hpp"

#include "rampart/flight/integrators.hpp"

namespace rampart::flight {
namespace {

constexpr double kReentryAltitudeM = 100e3;  // conventional edge of the atmosphere (Karman line)
constexpr double kMaxStepS = 20.0;

// Event indices, in the order they are listed below.
constexpr std::size_t kApogeeEvent = 0;
constexpr std::size_t kReentryEvent = 1;

}  // namespace

void fly_ballistic(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                   const FlightPoint& start, const DragBody& body, const FlightOptions& options,
                   SampleRecorder& samples, FlightPath& path) {
  const auto f = [&](double t, const State6& y) { return ballistic_derivative(t, y, earth, atmosphere, body); };
  const auto radial_speed = [](double, const State6& y) { return position(y).dot(velocity(y)); };
  const auto altitude = [&earth](double, const State6& y) { return earth.altitude_m(position(y)); };

  std::vector<OdeEvent<State6>> events{
      {radial_speed, -1, false},
      {[&earth](double, const State6& y) { return earth.altitude_m(position(y)) - kReentryAltitudeM; }, -1, false},
      {altitude, -1, true},
  };

  // Already coming down at the start (a depressed burnout): the start is the top.
  if (radial_speed(start.t_s, start.y_I) <= 0.0) path.apogee = start;

  AdaptiveOptions ode;
  ode.relative_tolerance = options.relative_tolerance;
  ode.absolute_tolerance = options.absolute_tolerance;
  // An event is seen as a sign change between step ends: a step must not
  // span both 100 km crossings of a trajectory that tops out just above
  // 100 km. Near apogee the vertical speed is about g (t - t_apogee), so a
  // step of 20 s spans at most ~500 m of height change there.
  ode.max_step_s = kMaxStepS;

  const auto observer = [&](const DenseStep<State6>& step) {
    samples.record(step.t0(), step.t1(), [&step](double t) { return step.at(t); }, path.samples);
  };
  const auto result = integrate_dopri54(f, start.t_s, start.y_I, start.t_s + options.max_flight_time_s, events,
                                        ode, samples.active() ? std::function(observer) : nullptr);

  for (const auto& hit : result.hits) {
    if (hit.index == kApogeeEvent && !path.apogee) path.apogee = FlightPoint{hit.t, hit.y};
    if (hit.index == kReentryEvent && !path.reentry_100km && path.apogee) path.reentry_100km = FlightPoint{hit.t, hit.y};
  }
  switch (result.status) {
    case OdeStatus::kEvent:
      path.status = FlightStatus::kImpact;
      path.impact = FlightPoint{result.t, result.y};
      if (samples.active()) path.samples.push_back({result.t, result.y});
      break;
    case OdeStatus::kReachedEnd:
      path.status = FlightStatus::kNoImpact;
      break;
    default:
      path.status = FlightStatus::kIntegrationFailed;
      break;
  }
}

}  // namespace rampart::flight
