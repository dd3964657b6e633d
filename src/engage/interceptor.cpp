#include "rampart/engage/interceptor.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace rampart::engage {

flight::MissileType InterceptorType::booster() const {
  flight::MissileType missile;
  missile.name = name;
  missile.description = description;
  missile.nominal_range_m = max_intercept_range_m;
  missile.stages = stages;
  missile.reentry_vehicle = {kill_vehicle.mass_kg, kill_vehicle.ballistic_coefficient_kgpm2};
  missile.pitch_program = pitch_program;
  missile.source = source;
  return missile;
}

void InterceptorType::validate() const {
  const auto fail = [this](const std::string& what) {
    throw std::invalid_argument("interceptor " + name + ": " + what);
  };
  const auto positive = [&fail](double value, const std::string& what) {
    if (!(std::isfinite(value) && value > 0.0)) fail(what + " must be positive and finite");
  };
  const auto& kv = kill_vehicle;
  positive(kv.mass_kg, "kill_vehicle mass");
  positive(kv.ballistic_coefficient_kgpm2, "kill_vehicle ballistic_coefficient");
  positive(kv.seeker_acquisition_range_m, "kill_vehicle seeker_acquisition_range");
  positive(kv.divert_delta_v_mps, "kill_vehicle divert_delta_v");
  positive(kv.max_lateral_acceleration_mps2, "kill_vehicle max_lateral_acceleration");
  positive(kv.lethal_radius_m, "kill_vehicle lethal_radius");
  if (!(kv.single_shot_kill_probability > 0.0 && kv.single_shot_kill_probability <= 1.0)) {
    fail("kill_vehicle single_shot_kill_probability must be in (0, 1]");
  }
  if (regime == InterceptRegime::kEndoAtmospheric) {
    positive(kv.reference_area_m2, "kill_vehicle reference_area");
    positive(kv.max_normal_force_coefficient, "kill_vehicle max_normal_force_coefficient");
  }
  if (!(std::isfinite(min_intercept_altitude_m) && min_intercept_altitude_m >= 0.0)) {
    fail("min_intercept_altitude must be finite and not negative");
  }
  positive(max_intercept_altitude_m, "max_intercept_altitude");
  if (max_intercept_altitude_m <= min_intercept_altitude_m) {
    fail("max_intercept_altitude must exceed min_intercept_altitude");
  }
  positive(max_intercept_range_m, "max_intercept_range");
  positive(published_burnout_speed_mps, "published_burnout_speed");
  // The booster's own checks (stages, pitch program, lift-off), reworded for an interceptor.
  try {
    booster().validate();
  } catch (const std::invalid_argument& e) {
    std::string message = e.what();
    const std::string prefix = "missile " + name + ": ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    fail(message);
  }
}

Interceptor::Interceptor(InterceptorType type) : type_(std::move(type)) {
  type_.validate();
  booster_ = type_.booster();
}

double Interceptor::max_lateral_acceleration_mps2(double altitude_m, double speed_mps) const {
  if (!(speed_mps >= 0.0) || !std::isfinite(speed_mps)) {
    throw std::invalid_argument("max_lateral_acceleration: speed must be finite and not negative");
  }
  const auto& kv = type_.kill_vehicle;
  const double rho = atmosphere_.density_kgpm3(altitude_m);  // throws below -5 km
  if (type_.regime == InterceptRegime::kExoAtmospheric) return kv.max_lateral_acceleration_mps2;
  const double q = 0.5 * rho * speed_mps * speed_mps;
  // An endo interceptor is one body: the spent last motor case flies on with the kill vehicle.
  const double m = kv.mass_kg + type_.stages.back().dry_mass_kg;
  const double a_aero = q * kv.reference_area_m2 * kv.max_normal_force_coefficient / m;
  return std::min(kv.max_lateral_acceleration_mps2, a_aero);
}

std::string_view intercept_regime_name(InterceptRegime regime) {
  return regime == InterceptRegime::kEndoAtmospheric ? "endo" : "exo";
}

}  // namespace rampart::engage
