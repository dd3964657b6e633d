#pragma once
// The small engagement of tests/data/scenarios/engagement-small.yaml made
// certain: radars 40 dB more sensitive than the catalog's, kill probability
// and kill assessment 1, no false alarms, so that what decides an outcome is
// geometry. Run once per test program, with its map exports written.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "rampart/io/scenario_exports.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::testing {

inline const std::string kSmallEngagement = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

/// `scenario` with perfect sensors, certain kills and right assessments.
inline sim::Scenario with_certain_outcomes(sim::Scenario scenario) {
  for (auto& radar : scenario.radars) radar.reference_snr *= 1e4;
  for (auto& battery : scenario.batteries) battery.interceptor.kill_vehicle.single_shot_kill_probability = 1.0;
  scenario.doctrine.kill_assessment_probability = 1.0;
  scenario.false_alarms = false;
  return scenario;
}

struct SmallRun {
  sim::Scenario scenario;
  std::unique_ptr<sim::WorldModels> models;  // keeps a reference to `scenario`
  sim::RunResult result;
  std::filesystem::path dir;                 // scenario.geojson, .kml, .czml

  ~SmallRun() {
    std::error_code ignored;
    if (!dir.empty()) std::filesystem::remove_all(dir, ignored);
  }
};

/// The small engagement with certain outcomes, run once, its exports in `dir`.
inline const SmallRun& small_certain_run() {
  static const auto run = [] {
    auto r = std::make_unique<SmallRun>();
    r->scenario = with_certain_outcomes(sim::load_scenario(kSmallEngagement));
    r->models = std::make_unique<sim::WorldModels>(r->scenario);
    r->result = sim::run_world(*r->models);
    r->dir = std::filesystem::temp_directory_path() / ("rampart_small_run_" + std::to_string(::getpid()));
    std::filesystem::create_directories(r->dir);
    io::write_scenario_exports(r->dir, r->result, r->scenario, r->models->earth());
    return r;
  }();
  return *run;
}

/// What a shell command prints on stdout (empty if it cannot be started).
inline std::string command_output(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

/// Features per value of the "role" field, as GDAL reads the file.
inline std::map<std::string, int> ogr_role_counts(const std::filesystem::path& file) {
  const std::string text = command_output("ogrinfo -ro -al -geom=NO '" + file.string() + "' 2>&1");
  std::map<std::string, int> counts;
  std::istringstream lines(text);
  const std::string key = "role (String) = ";
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find(key);
    if (at != std::string::npos) counts[line.substr(at + key.size())] += 1;
  }
  return counts;
}

}  // namespace rampart::testing
