#pragma once
// The true flight of each threat, as the sensors see it: a densely sampled
// trajectory interpolated between samples, with the phase of flight (what
// radar cross-section applies).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rampart/flight/flight_path.hpp"
#include "rampart/sense/detection.hpp"

namespace rampart::sim {

/// What the object is at a moment, for its radar cross-section.
enum class FlightPhase { kBoost, kMidcourse, kReentry };

/// A threat (boost, then its reentry vehicle) or a piece of debris that
/// flies with it (the spent last stage).
enum class TruthKind { kThreat, kStageDebris };

struct TruthState {
  Vec3 r_I;
  Vec3 v_I;
  FlightPhase phase;
};

class TruthTrajectory {
 public:
  /// `path` must have samples (FlightOptions::sample_step_s > 0) and an
  /// impact. It was flown from t = 0, when ECI and ECEF coincided (up to the
  /// epoch angle); launched at launch_time_s instead, the same flight is the
  /// same in ECEF, so in ECI it is turned by the Earth's rotation over
  /// launch_time_s, and its times are shifted by launch_time_s.
  TruthTrajectory(sense::TruthId id, std::string name, const flight::FlightPath& path, double launch_time_s,
                  const earth::EarthModel& earth, TruthKind kind = TruthKind::kThreat);
  /// The same, sharing an immutable flight (a Monte Carlo run shares the
  /// fixed flights of WorldModels instead of copying thousands of samples).
  TruthTrajectory(sense::TruthId id, std::string name, std::shared_ptr<const flight::FlightPath> path,
                  double launch_time_s, const earth::EarthModel& earth, TruthKind kind = TruthKind::kThreat);

  TruthKind kind() const { return kind_; }

  sense::TruthId id() const { return id_; }
  const std::string& name() const { return name_; }
  double launch_time_s() const { return launch_time_s_; }
  double burnout_time_s() const { return burnout_time_s_; }
  double impact_time_s() const { return impact_time_s_; }
  /// The flight as flown: times from launch, ECI of a launch at t = 0.
  const flight::FlightPath& path() const { return *path_; }

  /// The state at t_s (scenario time) by cubic Hermite interpolation of the
  /// samples (position and velocity); nullopt before launch or after impact.
  std::optional<TruthState> at(double t_s) const;

 private:
  sense::TruthId id_;
  std::string name_;
  std::shared_ptr<const flight::FlightPath> path_;  // never null
  double launch_time_s_;
  double burnout_time_s_;
  double reentry_start_s_;  // descending through 100 km (or impact if never above)
  double impact_time_s_;
  double samples_per_second_;  // mean sample rate, for the first guess of the interval holding t
  Mat3 R_IF_;  // ECI at launch_time_s from the frame the path was flown in
  TruthKind kind_;
};

}  // namespace rampart::sim
