#include "rampart/io/interceptor_catalog.hpp"

#include <cstdlib>
#include <stdexcept>

#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::io {

std::string default_interceptor_catalog_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/interceptors.yaml";
  }
  return std::string(RAMPART_DATA_DIR) + "/interceptors.yaml";
}

namespace {

engage::InterceptRegime read_regime(YamlMap& entry) {
  const std::string text = entry.string("regime");
  if (text == "exo") return engage::InterceptRegime::kExoAtmospheric;
  if (text == "endo") return engage::InterceptRegime::kEndoAtmospheric;
  throw_unknown_name(entry.where("regime"), "regime", text, {"exo", "endo"});
}

bool read_hit_to_kill(YamlMap& kv) {
  const std::string text = kv.string("kill_mechanism");
  if (text == "hit-to-kill") return true;
  if (text == "blast-fragmentation") return false;
  throw_unknown_name(kv.where("kill_mechanism"), "kill mechanism", text, {"hit-to-kill", "blast-fragmentation"});
}

engage::KillVehicleConfig read_kill_vehicle(YamlMap& kv) {
  engage::KillVehicleConfig c{};
  c.mass_kg = kv.quantity("mass", Dimension::kMass);
  c.ballistic_coefficient_kgpm2 = kv.quantity("ballistic_coefficient", Dimension::kArealDensity);
  c.seeker_acquisition_range_m = kv.quantity("seeker_acquisition_range", Dimension::kLength);
  c.divert_delta_v_mps = kv.quantity("divert_delta_v", Dimension::kSpeed);
  c.max_lateral_acceleration_mps2 = kv.quantity("max_lateral_acceleration", Dimension::kAcceleration);
  c.lethal_radius_m = kv.quantity("lethal_radius", Dimension::kLength);
  c.hit_to_kill = read_hit_to_kill(kv);
  c.single_shot_kill_probability = kv.number("single_shot_kill_probability");
  // Aerodynamic manoeuvre parameters: needed (and checked) for endo interceptors only.
  c.reference_area_m2 = kv.optional_quantity("reference_area", Dimension::kArea).value_or(0.0);
  c.max_normal_force_coefficient = kv.has("max_normal_force_coefficient") ? kv.number("max_normal_force_coefficient") : 0.0;
  kv.finish();
  return c;
}

engage::InterceptorType read_interceptor(YamlMap& entry) {
  engage::InterceptorType type{};
  type.name = entry.string("name");
  type.description = entry.string("description");
  type.regime = read_regime(entry);
  type.published_burnout_speed_mps = entry.quantity("published_burnout_speed", Dimension::kSpeed);
  type.max_intercept_range_m = entry.quantity("max_intercept_range", Dimension::kLength);
  type.min_intercept_altitude_m = entry.quantity("min_intercept_altitude", Dimension::kLength);
  type.max_intercept_altitude_m = entry.quantity("max_intercept_altitude", Dimension::kLength);
  type.source = entry.string("source");
  type.stages = read_stages(entry);
  type.pitch_program = read_pitch_program(entry);
  auto kv = entry.map("kill_vehicle");
  type.kill_vehicle = read_kill_vehicle(kv);
  entry.finish();
  try {
    type.validate();
  } catch (const std::invalid_argument& e) {
    throw InputError(entry.where(), e.what());
  }
  return type;
}

}  // namespace

std::vector<engage::InterceptorType> load_interceptor_catalog(const std::string& path) {
  const YAML::Node root = load_yaml_file(path);
  YamlMap top(root, path, "catalog");
  std::vector<engage::InterceptorType> catalog;
  for (auto& entry : top.list("interceptors")) {
    engage::InterceptorType type = read_interceptor(entry);
    for (const auto& other : catalog) {
      if (other.name == type.name) throw InputError(entry.where("name"), "duplicate interceptor \"" + type.name + "\"");
    }
    catalog.push_back(std::move(type));
  }
  top.finish();
  return catalog;
}

const engage::InterceptorType& find_interceptor(const std::vector<engage::InterceptorType>& catalog,
                                                const std::string& name, const SourceLocation& where) {
  std::vector<std::string> names;
  for (const auto& type : catalog) {
    if (type.name == name) return type;
    names.push_back(type.name);
  }
  throw_unknown_name(where, "interceptor", name, names);
}

}  // namespace rampart::io
