#pragma once
// A scenario file (docs/scenario.md): the Earth, the sensors, the threats
// and the tracker, read strictly (every unknown key, missing field or wrong
// unit is an InputError at its file, line and column) into SI values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/trajectory.hpp"
#include "rampart/sense/ir_sensor.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sense/rcs.hpp"
#include "rampart/track/filter_factory.hpp"
#include "rampart/track/initiator.hpp"
#include "rampart/track/track_manager.hpp"

namespace rampart::sim {

struct ThreatConfig {
  std::string name;
  flight::MissileType missile;
  earth::Geodetic launch;
  earth::Geodetic aim;
  double launch_time_s = 0.0;
  flight::TrajectoryShape shape = flight::TrajectoryShape::kMinEnergy;
  std::optional<double> apogee_altitude_m;
  SourceLocation where;  ///< of the threat's entry, for messages about it
};

/// The radar cross-section model of each phase of flight.
struct RcsByPhase {
  sense::RcsConfig boost;
  sense::RcsConfig midcourse;
  sense::RcsConfig reentry;
  sense::RcsConfig debris;
};

struct TrackerConfig {
  std::string filter = "ekf";         ///< ekf | ukf | imm
  std::string model = "ballistic";    ///< see track::motion_model_names()
  std::string association = "gnn";    ///< gnn | jpda
  double gate_probability = 0.9999;
  track::TrackManagerParameters manager;
  track::FilterSettings filter_settings;
  double initiator_max_speed_mps = 8000.0;
  /// Nominal Cd A / m for impact prediction of six-state tracks (1/beta), m^2/kg.
  double nominal_inverse_beta_m2pkg = 2e-4;
};

struct Scenario {
  std::string path;
  earth::EarthKind earth = earth::EarthKind::kWgs84;
  std::uint64_t seed = 1;
  std::optional<double> duration_s;   ///< default: until the last impact
  bool false_alarms = true;
  /// When set, each threat's spent last stage flies on as debris from the
  /// reentry vehicle's separation, with this ballistic coefficient (kg/m^2).
  std::optional<double> stage_debris_ballistic_coefficient_kgpm2;
  /// Speed at which the separation pushes the spent stage back from the reentry vehicle, m/s.
  double stage_debris_separation_speed_mps = 2.0;
  std::vector<sense::RadarConfig> radars;
  std::vector<sense::IrSensorConfig> ir_sensors;
  RcsByPhase rcs;
  std::vector<ThreatConfig> threats;
  TrackerConfig tracker;

  /// Radar names in order: the SensorId of a detection is its index here.
  std::vector<std::string> radar_names() const;
};

/// Reads and checks a scenario file. Missiles and sensor types are looked up
/// in the shipped catalogs (data/missiles.yaml, data/sensors.yaml). Throws
/// InputError at file:line:col for any problem.
Scenario load_scenario(const std::string& path);

}  // namespace rampart::sim
