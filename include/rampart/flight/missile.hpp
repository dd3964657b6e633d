#pragma once
// A ballistic missile type: one to three stages and a reentry vehicle, as
// read from data/missiles.yaml. Configuration only (SI units); the flight
// itself is in boost.hpp.

#include <string>
#include <vector>

namespace rampart::flight {

/// One rocket stage. Thrust is constant over the burn (mass flow
/// propellant/burn_time, thrust = mass flow * isp * g0, vacuum specific
/// impulse, no nozzle back-pressure loss).
struct StageConfig {
  double burn_time_s;
  double propellant_mass_kg;
  double dry_mass_kg;         ///< structure and engine, dropped at separation
  double specific_impulse_s;
  double diameter_m;          ///< reference diameter for drag
  double drag_coefficient;    ///< of the stack while this stage burns

  double mass_flow_kgps() const { return propellant_mass_kg / burn_time_s; }
  double thrust_n() const;
};

/// What flies on after the last stage: the reentry vehicle (or, for a
/// missile whose warhead does not separate, the whole spent body).
struct ReentryVehicleConfig {
  double mass_kg;                    ///< carried through boost as payload
  double ballistic_coefficient_kgpm2;  ///< beta = m / (Cd A)
};

/// Open-loop boost steering: vertical rise, then a constant-attitude
/// pitch-over ("kick") toward the launch azimuth, then a gravity turn with
/// thrust along the Earth-relative velocity.
struct PitchProgramConfig {
  double vertical_rise_s;
  double kick_duration_s;
};

struct MissileType {
  std::string name;
  std::string description;
  double nominal_range_m;  ///< the open-source range the parameters aim at
  std::vector<StageConfig> stages;
  ReentryVehicleConfig reentry_vehicle;
  PitchProgramConfig pitch_program;
  std::string source;

  double launch_mass_kg() const;
  double total_burn_time_s() const;
  /// Throws std::invalid_argument naming the missile and the bad parameter.
  void validate() const;
};

}  // namespace rampart::flight
