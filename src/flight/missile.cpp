#include "rampart/flight/missile.hpp"

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"

namespace rampart::flight {

double StageConfig::thrust_n() const { return mass_flow_kgps() * specific_impulse_s * constants::kG0; }

double MissileType::launch_mass_kg() const {
  double mass = reentry_vehicle.mass_kg;
  for (const auto& stage : stages) mass += stage.propellant_mass_kg + stage.dry_mass_kg;
  return mass;
}

double MissileType::total_burn_time_s() const {
  double t = 0.0;
  for (const auto& stage : stages) t += stage.burn_time_s;
  return t;
}

void MissileType::validate() const {
  const auto positive = [this](double value, const std::string& what) {
    if (!(std::isfinite(value) && value > 0.0)) {
      throw std::invalid_argument("missile " + name + ": " + what + " must be positive and finite");
    }
  };
  if (stages.empty() || stages.size() > 3) {
    throw std::invalid_argument("missile " + name + ": needs one to three stages");
  }
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const auto& s = stages[i];
    const std::string which = "stage " + std::to_string(i + 1) + " ";
    positive(s.burn_time_s, which + "burn_time");
    positive(s.propellant_mass_kg, which + "propellant_mass");
    positive(s.dry_mass_kg, which + "dry_mass");
    positive(s.specific_impulse_s, which + "specific_impulse");
    positive(s.diameter_m, which + "diameter");
    positive(s.drag_coefficient, which + "drag_coefficient");
  }
  positive(reentry_vehicle.mass_kg, "reentry_vehicle mass");
  positive(reentry_vehicle.ballistic_coefficient_kgpm2, "reentry_vehicle ballistic_coefficient");
  positive(pitch_program.vertical_rise_s, "pitch_program vertical_rise");
  positive(pitch_program.kick_duration_s, "pitch_program kick_duration");
  positive(nominal_range_m, "nominal_range");
  if (pitch_program.vertical_rise_s + pitch_program.kick_duration_s >= total_burn_time_s()) {
    throw std::invalid_argument("missile " + name + ": the pitch-over must end before burnout");
  }
  // The first stage must lift the missile off the pad.
  if (stages.front().thrust_n() <= launch_mass_kg() * constants::kG0) {
    throw std::invalid_argument("missile " + name + ": first-stage thrust does not exceed launch weight");
  }
}

}  // namespace rampart::flight
