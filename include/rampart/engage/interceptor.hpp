#pragma once
// An interceptor type: a staged booster (the same model as a ballistic
// missile, flight/missile.hpp, flown by flight::fly_missile) carrying a kill
// vehicle, as read from data/interceptors.yaml. InterceptorType is the
// configuration; Interceptor is the validated, immutable model with its
// queries.

#include <string>
#include <string_view>
#include <vector>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/flight/missile.hpp"

namespace rampart::engage {

/// Where the kill vehicle manoeuvres: above the sensible atmosphere with
/// divert thrusters, or inside it with aerodynamic lift.
enum class InterceptRegime {
  kExoAtmospheric,   ///< divert thrusters: lateral acceleration independent of altitude
  kEndoAtmospheric,  ///< aerodynamic: lateral acceleration limited by dynamic pressure
};

/// The kill vehicle (for a single-body endo interceptor: the whole missile
/// after burnout). SI units.
struct KillVehicleConfig {
  double mass_kg;                        ///< what flies after burnout; payload of the booster
  double ballistic_coefficient_kgpm2;    ///< beta = m / (Cd A) for the coast
  double seeker_acquisition_range_m;     ///< range at which the seeker acquires its target
  double divert_delta_v_mps;             ///< total velocity change available for homing
  double max_lateral_acceleration_mps2;  ///< divert-thruster or structural limit
  double lethal_radius_m;                ///< miss distance that kills; ~0.5 m for hit-to-kill
  bool hit_to_kill;                      ///< kinetic kill (no blast-fragmentation warhead)
  double single_shot_kill_probability;   ///< SSPK given a miss within the lethal radius, in (0, 1]
  double reference_area_m2;              ///< S of a_max = q S C_N_max / m (endo only)
  double max_normal_force_coefficient;   ///< C_N_max (endo only)
};

struct InterceptorType {
  std::string name;
  std::string description;
  std::vector<flight::StageConfig> stages;
  flight::PitchProgramConfig pitch_program;
  KillVehicleConfig kill_vehicle;
  InterceptRegime regime = InterceptRegime::kExoAtmospheric;
  double min_intercept_altitude_m;
  double max_intercept_altitude_m;
  double max_intercept_range_m;       ///< ground range from the launcher
  double published_burnout_speed_mps; ///< the open-source class figure the booster aims at
  std::string source;

  /// The booster with the kill vehicle as its payload ("reentry vehicle"),
  /// ready for flight::fly_missile; nominal range set to the intercept range.
  flight::MissileType booster() const;
  /// Throws std::invalid_argument naming the interceptor and the bad parameter.
  void validate() const;
};

/// A validated interceptor type with its kinematic limits.
class Interceptor {
 public:
  /// Throws std::invalid_argument (see InterceptorType::validate).
  explicit Interceptor(InterceptorType type);

  const InterceptorType& type() const { return type_; }
  const flight::MissileType& booster() const { return booster_; }

  /// Largest lateral acceleration (m/s^2) of the kill vehicle at altitude_m
  /// (>= -5 km) and air speed speed_mps (>= 0). Exo: the divert limit. Endo:
  /// min(divert/structural limit, q S C_N_max / m) with q = rho v^2 / 2 (US76
  /// density; zero above 1000 km) and m = kill vehicle + last-stage dry mass
  /// (one body). Throws std::invalid_argument below -5 km or for a negative speed.
  double max_lateral_acceleration_mps2(double altitude_m, double speed_mps) const;

 private:
  InterceptorType type_;
  flight::MissileType booster_;
  earth::Us76Atmosphere atmosphere_;
};

std::string_view intercept_regime_name(InterceptRegime regime);

}  // namespace rampart::engage
