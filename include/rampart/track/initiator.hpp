#pragma once
// Track initiation (Stone Soup's role with the verb `initiate`): detections
// no track claimed become new tentative tracks. The two-point initiator
// pairs two such detections of the same sensor that are consistent with a
// speed limit and differences their positions (Bar-Shalom, Willett & Tian
// 2011, 3.2; Blackman & Popoli 1999, 9.2).

#include <cstddef>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// A detection turned into an ECI position with its covariance.
struct PositionFix {
  double t_s = 0.0;
  sense::SensorId sensor = 0;
  Vec3 r_I;
  Mat3 C_I;  ///< m^2, first order: J R J^T rotated to ECI
};

/// The ECI position of `detection` at its time and its covariance propagated
/// to first order through the polar-to-Cartesian conversion.
PositionFix position_fix(const sense::Detection& detection, const sense::SensorSite& site,
                         const earth::EarthModel& earth);

/// Run state of an initiator: detections waiting for a partner.
struct InitiatorState {
  std::vector<PositionFix> pending;
};

/// A new track's Gaussian and the index (in the initiator's input) of the detection that completed it.
struct Initiation {
  GaussianState state;
  std::size_t detection = 0;
};

class Initiator {
 public:
  virtual ~Initiator() = default;
  /// New tracks (state at t_s) from the `unassociated` detections of `sensor`
  /// at t_s; remembers what it may use later in `state`.
  virtual std::vector<Initiation> initiate(const std::vector<sense::Detection>& unassociated,
                                           const RadarMeasurementModel& sensor, double t_s,
                                           InitiatorState& state) const = 0;
};

struct TwoPointInitiatorParameters {
  double max_speed_mps = 8000.0;          ///< velocity gate (> 0): faster pairs are not one object
  double gate_sigmas = 3.0;               ///< allowance for the two fixes' noise in the gate (>= 0)
  double min_interval_s = 0.05;           ///< closer pairs are too noisy to difference (>= 0)
  double max_interval_s = 30.0;           ///< older pending detections are dropped (> min)
  /// Unmodelled acceleration (1 sigma, m/s^2, >= 0) over the pair interval, added to P_vv as (sigma dt / 2)^2.
  double acceleration_sigma_mps2 = 20.0;
  /// Correct the mean velocity for gravity, v(t2) = (r2 - r1)/dt + g(r2) dt/2 (ballistic targets).
  bool add_gravity = true;
  /// Components of the filter's first motion model beyond r_I, v_I (empty for six states).
  StateVector extra_mean = StateVector::Zero(0);
  StateVector extra_variance = StateVector::Zero(0);
};

class TwoPointInitiator final : public Initiator {
 public:
  /// Keeps a reference to `earth`. Throws std::invalid_argument for parameters out of range.
  TwoPointInitiator(const earth::EarthModel& earth, const TwoPointInitiatorParameters& parameters = {});

  /// Pairs, globally in order of increasing implied speed, each unassociated
  /// detection with at most one pending detection of the same sensor; the
  /// unpaired ones are kept pending for max_interval_s.
  std::vector<Initiation> initiate(const std::vector<sense::Detection>& unassociated,
                                   const RadarMeasurementModel& sensor, double t_s,
                                   InitiatorState& state) const override;

  /// The two-point Gaussian at `second.t_s`: r = r2, v = (r2 - r1)/dt (+ g dt/2),
  /// P_rr = C2, P_rv = C2/dt, P_vv = (C1 + C2)/dt^2 + (sigma_a dt/2)^2 I.
  GaussianState two_point_state(const PositionFix& first, const PositionFix& second) const;

 private:
  const earth::EarthModel& earth_;
  TwoPointInitiatorParameters parameters_;
};

}  // namespace rampart::track
