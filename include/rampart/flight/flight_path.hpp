#pragma once
// The record of one flight from launch to impact: the figures an analyst
// asks for (burnout, apogee, reentry, impact) and an optional time series.
// Produced by fly_missile (boost.hpp) and fly_ballistic (ballistic_flight.hpp).

#include <optional>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/state.hpp"

namespace rampart::flight {

/// One point of the time series. Position and velocity are inertial (ECI).
struct FlightSample {
  double t_s;
  State6 y_I;
};

/// An instant of the flight: time and inertial state.
struct FlightPoint {
  double t_s;
  State6 y_I;
};

enum class FlightStatus {
  kImpact,            ///< reached the ground
  kCrashedInBoost,    ///< reached the ground before burnout
  kNoImpact,          ///< still flying at the time limit (orbit or escape)
  kIntegrationFailed  ///< the integrator could not continue (reported, never hidden)
};

struct FlightPath {
  FlightStatus status = FlightStatus::kNoImpact;
  FlightPoint launch{};
  FlightPoint burnout{};                 ///< end of powered flight (= launch for free flight)
  std::optional<FlightPoint> apogee;     ///< greatest distance from the Earth's centre
  std::optional<FlightPoint> reentry_100km;  ///< first descending crossing of 100 km after apogee
  std::optional<FlightPoint> impact;     ///< altitude 0 on the way down
  std::vector<FlightSample> samples;     ///< filled when a sample step is asked for
};

/// Options shared by the flight functions.
struct FlightOptions {
  double sample_step_s = 0.0;        ///< 0: no time series
  double max_flight_time_s = 6.0 * 3600.0;
  double relative_tolerance = 1e-10;
  double absolute_tolerance = 1e-6;
};

/// Collects samples at multiples of a step from dense output of the
/// integrator, across the segments of a flight.
class SampleRecorder {
 public:
  explicit SampleRecorder(double step_s) : step_s_(step_s) {}
  bool active() const { return step_s_ > 0.0; }
  /// Records every sample time in [t0, t1] not yet recorded, using state_at(t).
  template <class StateAt>
  void record(double t0, double t1, const StateAt& state_at, std::vector<FlightSample>& out) {
    if (!active()) return;
    while (next_index_ * step_s_ <= t1 + 1e-9) {
      const double t = next_index_ * step_s_;
      if (t >= t0 - 1e-9) out.push_back({t, state_at(t)});
      ++next_index_;
    }
  }

 private:
  double step_s_;
  long next_index_ = 0;
};

}  // namespace rampart::flight
