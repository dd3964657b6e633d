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
#include "rampart/engage/interceptor.hpp"
#include "rampart/engage/threat_evaluation.hpp"
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
  /// Launch area: the launch point is drawn uniformly in the disk of this
  /// radius around `launch` from the run's random stream (0: exactly `launch`).
  double launch_radius_m = 0.0;
  std::optional<std::string> aim_asset;  ///< the defended asset aimed at (then `aim` is its point)
  std::optional<std::string> raid;       ///< the raid this threat came from, if any
  SourceLocation where;  ///< of the threat's entry, for messages about it
};

/// A named place that radars and batteries stand at.
struct SiteConfig {
  std::string name;
  earth::Geodetic location;
};

/// An interceptor battery: launchers of one interceptor type at a site.
struct BatteryConfig {
  std::string name;
  std::string site;                       ///< name of its SiteConfig
  earth::Geodetic location;               ///< the site's location
  engage::InterceptorType interceptor;    ///< from data/interceptors.yaml by name
  int launchers = 1;                      ///< launchers that can fire at once (>= 1)
  int inventory = 0;                      ///< interceptors on hand at the start (>= 0)
  double reload_time_s = 0.0;             ///< a launcher is ready again this long after it fires
  std::optional<std::string> radar;       ///< its fire-control radar (a name in `radars`), if any
};

/// How interceptors are fired at a threat.
enum class FiringMode {
  kShootLookShoot,  ///< one interceptor, kill assessment, another if the threat survived and time allows
  kSalvo,           ///< salvo_size interceptors at once, then look and re-engage as time allows
};

struct DoctrineConfig {
  FiringMode mode = FiringMode::kShootLookShoot;
  int salvo_size = 2;                         ///< interceptors per engagement for kSalvo (>= 1)
  double kill_assessment_delay_s = 10.0;      ///< after the intercept time, when the assessment is known
  double kill_assessment_probability = 0.9;   ///< probability the assessment is correct, in [0, 1]
  int reserve = 0;                            ///< interceptors each battery holds back, >= 0
  double min_intercept_altitude_m = 0.0;      ///< floor on intercept altitude (the interceptor's own also applies)
  double commit_position_sigma_m = 5000.0;    ///< track quality to commit: sqrt(trace P_pos) at most this
  int max_shots_per_threat = 6;               ///< interceptors fired at one threat in all (>= 1)
  std::string guidance = "pn";                ///< homing law: pn | apn | zem
  double navigation_ratio = 4.0;
};

/// Command and control.
struct C2Config {
  double decision_latency_s = 5.0;    ///< from a plan to the launch order, >= 0
  double planning_interval_s = 5.0;   ///< the battle manager plans this often, > 0
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
  /// The UTC instant of t = 0 (ISO 8601, e.g. "2026-11-29T03:00:00Z"); empty: none given.
  std::string epoch;
  /// Greenwich sidereal angle at the epoch (rad), 0 when no epoch is given.
  double epoch_rotation_angle_rad = 0.0;
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
  /// Threats one by one and raids expanded into threats "<raid>-01", "<raid>-02", ...
  std::vector<ThreatConfig> threats;
  TrackerConfig tracker;
  std::vector<SiteConfig> sites;
  std::vector<BatteryConfig> batteries;
  std::vector<engage::DefendedAsset> defended_assets;
  DoctrineConfig doctrine;
  C2Config c2;

  /// Radar names in order: the SensorId of a detection is its index here.
  std::vector<std::string> radar_names() const;
};

/// The Earth model of the scenario (its kind, turned to the epoch's sidereal angle).
earth::EarthModel make_earth(const Scenario& scenario);

/// Reads and checks a scenario file. Missiles and sensor types are looked up
/// in the shipped catalogs (data/missiles.yaml, data/sensors.yaml,
/// data/interceptors.yaml). Reports every problem it finds, not just the
/// first: throws InputErrors (core/error.hpp) holding each error at its
/// file:line:col, in file order.
Scenario load_scenario(const std::string& path);

}  // namespace rampart::sim
