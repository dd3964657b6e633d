// The commands that run no engagement still write the map files beside
// their own results. footprint and coverage: the posture (scenario.geojson,
// .kml and .czml with the scenario's sites, radars and their coverage,
// batteries, defended assets and aim points); GDAL's reader opens the
// GeoJSON and finds each role as many times as the scenario file lists it.
// mc: the posture beside the study's summary.json.
// compare: each posture in its folder (posture-a/, posture-b/).
// track: the posture plus one flown track and one impact per threat, and a
// CZML track packet per confirmed track of tracks.csv.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"
#include "rampart/sim/scenario.hpp"
#include "small_engagement.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::slurp;
using testing::ogr_role_counts;
using testing::temp_dir;

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

TEST(PostureExports, MonteCarloStudyWritesThePostureMaps) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const auto dir = temp_dir("rampart_posture_mc");
  const auto run = run_rampart({"mc", testing::kSmallEngagement, "--runs", "2", "--no-report", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  expect_posture(dir, testing::kSmallEngagement);
  std::filesystem::remove_all(dir);
}

TEST(PostureExports, CompareWritesEachPostureInItsFolder) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const std::string scenarios = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/";
  const std::string a = scenarios + "europe.yaml", b = scenarios + "europe-without-redzikowo.yaml";
  const auto dir = temp_dir("rampart_posture_compare");
  const auto run = run_rampart({"compare", a, b, "--launch", "38.1,46.3", "--grid", "2", "--no-report", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  expect_posture(dir / "posture-a", a);
  expect_posture(dir / "posture-b", b);
  std::filesystem::remove_all(dir);
}

TEST(PostureExports, TrackWritesThreatsImpactsAndTracks) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const std::string scenario_path = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/two-threats.yaml";
  const auto dir = temp_dir("rampart_posture_track");
  const auto run = run_rampart({"track", scenario_path, "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  const sim::Scenario scenario = sim::load_scenario(scenario_path);
  const auto roles = ogr_role_counts(dir / "scenario.geojson");
  EXPECT_EQ(roles.at("threat_track"), static_cast<int>(scenario.threats.size()));
  EXPECT_EQ(roles.at("impact"), static_cast<int>(scenario.threats.size()));
  EXPECT_EQ(roles.at("radar"), static_cast<int>(scenario.radars.size()));
  EXPECT_EQ(roles.count("interceptor_track"), 0u);
  // Every CZML track packet "track/track-<id>" is a track of tracks.csv.
  std::set<std::string> ids;
  const auto lines = testing::split_lines(slurp(dir / "tracks.csv"));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto first = lines[i].find(',');
    ids.insert(lines[i].substr(first + 1, lines[i].find(',', first + 1) - first - 1));
  }
  std::set<std::string> packets;
  for (const auto& packet : nlohmann::json::parse(slurp(dir / "scenario.czml"))) {
    const auto id = packet.at("id").get<std::string>();
    if (id.rfind("track/track-", 0) == 0) packets.insert(id.substr(12));
  }
  EXPECT_FALSE(packets.empty());
  for (const auto& id : packets) EXPECT_TRUE(ids.count(id)) << "track/" << id << " not in tracks.csv";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
