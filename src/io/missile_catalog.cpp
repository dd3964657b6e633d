#include "rampart/io/missile_catalog.hpp"

#include <cstdlib>
#include <stdexcept>

#include "rampart/io/yaml_reader.hpp"

namespace rampart::io {

std::string default_missile_catalog_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/missiles.yaml";
  }
  return std::string(RAMPART_DATA_DIR) + "/missiles.yaml";
}

namespace {

flight::MissileType read_missile(YamlMap& entry) {
  flight::MissileType missile;
  missile.name = entry.string("name");
  missile.description = entry.string("description");
  missile.nominal_range_m = entry.quantity("nominal_range", Dimension::kLength);
  missile.source = entry.string("source");
  missile.stages = read_stages(entry);
  auto rv = entry.map("reentry_vehicle");
  missile.reentry_vehicle.mass_kg = rv.quantity("mass", Dimension::kMass);
  missile.reentry_vehicle.ballistic_coefficient_kgpm2 = rv.quantity("ballistic_coefficient", Dimension::kArealDensity);
  rv.finish();
  missile.pitch_program = read_pitch_program(entry);
  entry.finish();
  try {
    missile.validate();
  } catch (const std::invalid_argument& e) {
    throw InputError(entry.where(), e.what());
  }
  return missile;
}

}  // namespace

std::vector<flight::StageConfig> read_stages(YamlMap& entry) {
  std::vector<flight::StageConfig> stages;
  for (auto& stage_map : entry.list("stages")) {
    flight::StageConfig stage{};
    stage.burn_time_s = stage_map.quantity("burn_time", Dimension::kTime);
    stage.propellant_mass_kg = stage_map.quantity("propellant_mass", Dimension::kMass);
    stage.dry_mass_kg = stage_map.quantity("dry_mass", Dimension::kMass);
    stage.specific_impulse_s = stage_map.quantity("specific_impulse", Dimension::kTime);
    stage.diameter_m = stage_map.quantity("diameter", Dimension::kLength);
    stage.drag_coefficient = stage_map.number("drag_coefficient");
    stage_map.finish();
    stages.push_back(stage);
  }
  return stages;
}

flight::PitchProgramConfig read_pitch_program(YamlMap& entry) {
  auto pitch = entry.map("pitch_program");
  flight::PitchProgramConfig program{};
  program.vertical_rise_s = pitch.quantity("vertical_rise", Dimension::kTime);
  program.kick_duration_s = pitch.quantity("kick_duration", Dimension::kTime);
  pitch.finish();
  return program;
}

std::vector<flight::MissileType> load_missile_catalog(const std::string& path) {
  const YAML::Node root = load_yaml_file(path);
  YamlMap top(root, path, "catalog");
  std::vector<flight::MissileType> catalog;
  for (auto& entry : top.list("missiles")) {
    flight::MissileType missile = read_missile(entry);
    for (const auto& other : catalog) {
      if (other.name == missile.name) throw InputError(entry.where("name"), "duplicate missile \"" + missile.name + "\"");
    }
    catalog.push_back(std::move(missile));
  }
  top.finish();
  return catalog;
}

const flight::MissileType& find_missile(const std::vector<flight::MissileType>& catalog, const std::string& name,
                                        const SourceLocation& where) {
  std::vector<std::string> names;
  for (const auto& missile : catalog) {
    if (missile.name == name) return missile;
    names.push_back(missile.name);
  }
  throw_unknown_name(where, "missile", name, names);
}

}  // namespace rampart::io
