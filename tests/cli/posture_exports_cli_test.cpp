// The analysis commands that run no engagement (footprint, coverage) still
// write the posture as map files beside their own layers: scenario.geojson,
// .kml and .czml with the scenario's sites, radars and their coverage,
// batteries, defended assets and aim points. GDAL's reader opens the
// GeoJSON and finds each role as many times as the scenario file lists it.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"
#include "rampart/sim/scenario.hpp"
#include "small_engagement.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::slurp;
using testing::temp_dir;

std::map<std::string, int> ogr_role_counts(const std::filesystem::path& file) {
  const std::string text = testing::command_output("ogrinfo -ro -al -geom=NO '" + file.string() + "' 2>&1");
  std::map<std::string, int> counts;
  std::istringstream lines(text);
  const std::string key = "role (String) = ";
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find(key);
    if (at != std::string::npos) counts[line.substr(at + key.size())] += 1;
  }
  return counts;
}

void expect_posture(const std::filesystem::path& dir, const std::string& scenario_path) {
  for (const char* file : {"scenario.geojson", "scenario.kml", "scenario.czml"}) {
    ASSERT_TRUE(std::filesystem::exists(dir / file)) << file;
  }
  const sim::Scenario scenario = sim::load_scenario(scenario_path);
  const auto roles = ogr_role_counts(dir / "scenario.geojson");
  EXPECT_EQ(roles.count("threat_track"), 0u);
  EXPECT_EQ(roles.count("interceptor_track"), 0u);
  EXPECT_EQ(roles.at("site"), static_cast<int>(scenario.sites.size()));
  EXPECT_EQ(roles.at("radar"), static_cast<int>(scenario.radars.size()));
  EXPECT_EQ(roles.at("battery"), static_cast<int>(scenario.batteries.size()));
  EXPECT_EQ(roles.at("defended_asset"), static_cast<int>(scenario.defended_assets.size()));
  const auto czml = nlohmann::json::parse(slurp(dir / "scenario.czml"));
  ASSERT_TRUE(czml.is_array());
  EXPECT_EQ(czml.at(0).at("id").get<std::string>(), "document");
}

TEST(PostureExports, FootprintWritesThePostureMaps) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const auto dir = temp_dir("rampart_posture_footprint");
  const auto run = run_rampart({"footprint", testing::kSmallEngagement, "--launch", "38.1,46.3", "--grid", "2",
                                "--no-report", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  expect_posture(dir, testing::kSmallEngagement);
  std::filesystem::remove_all(dir);
}

TEST(PostureExports, CoverageWritesThePostureMaps) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const auto dir = temp_dir("rampart_posture_coverage");
  const auto run = run_rampart({"coverage", testing::kSmallEngagement, "--no-report", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  expect_posture(dir, testing::kSmallEngagement);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
