// The scenario loader: the shipped example loads with its catalog entries
// resolved, and every mistake is an InputError at its file, line and column.

#include "rampart/sim/scenario.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "rampart/core/constants.hpp"

namespace rampart::sim {
namespace {

const std::string kExample = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/two-threats.yaml";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Loads the example with `from` replaced by `to`; returns the error message without the path.
std::string error_of(const std::string& from, const std::string& to) {
  std::string text = slurp(kExample);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  const auto path = std::filesystem::temp_directory_path() / ("rampart_scenario_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  try {
    load_scenario(path.string());
  } catch (const InputError& e) {
    std::filesystem::remove(path);
    return std::string(e.what()).substr(path.string().size());
  }
  std::filesystem::remove(path);
  ADD_FAILURE() << "no error for " << to;
  return "";
}

TEST(Scenario, ExampleLoadsWithCatalogEntriesResolved) {
  const Scenario s = load_scenario(kExample);
  EXPECT_EQ(s.seed, 11u);
  ASSERT_EQ(s.radars.size(), 1u);
  EXPECT_EQ(s.radars[0].name, "kurecik");  // the scenario's name replaces the catalog's
  EXPECT_GT(s.radars[0].max_range_m, 1000e3);
  ASSERT_EQ(s.threats.size(), 2u);
  EXPECT_EQ(s.threats[1].missile.name, "mrbm-1300");
  EXPECT_DOUBLE_EQ(s.threats[1].launch_time_s, 15.0);
  EXPECT_DOUBLE_EQ(s.threats[0].aim.lat_rad, 37.0 * constants::kDegToRad);
  EXPECT_EQ(s.tracker.filter, "ekf");
  EXPECT_EQ(s.radar_names(), std::vector<std::string>{"kurecik"});
}

TEST(Scenario, MistakesNameLineColumnAndWhatWasExpected) {
  EXPECT_EQ(error_of("seed: 11", "sede: 11"), ":3:1: error: unknown key \"sede\" in scenario (did you mean \"seed\"?)");
  EXPECT_EQ(error_of("launch_time: 15 s", "launch_time: 15"),
            ":17:18: error: missing unit in \"15\": expected a time in s, ms, us, min, h");
  EXPECT_EQ(error_of("type: tpy2-fbm", "type: tpy2-fmb"),
            ":6:11: error: unknown radar \"tpy2-fmb\" (did you mean \"tpy2-fbm\"?); known radars: tpy2-fbm "
            "spy1-ashore-deveselu spy1-ashore-redzikowo s400-92n6 s400-91n6");
  EXPECT_EQ(error_of("missile: mrbm-1300\n    launch_time", "missile: mrbm-13\n    launch_time"),
            ":16:14: error: unknown missile \"mrbm-13\" (did you mean \"mrbm-1300\"?); known missiles: srbm-300 "
            "mrbm-1300 mrbm-2000 icbm-10000");
  EXPECT_EQ(error_of("name: second", "name: first"), ":15:11: error: duplicate threat name \"first\"");
  EXPECT_EQ(error_of("aim: {lat: 37.0 deg", "aim: {lat: 97.0 deg"),
            ":14:16: error: latitude outside [-90, 90] degrees");
  EXPECT_EQ(error_of("association: gnn", "association: nn"),
            ":23:16: error: unknown association \"nn\": expected gnn or jpda");
}

}  // namespace
}  // namespace rampart::sim
