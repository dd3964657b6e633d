// scenario.kml: GDAL's reader (ogrinfo) opens it as XML KML and finds one
// layer (Folder) per role with as many features as the scenario and the run
// imply, plus a time-stamped gx:Track per threat and interceptor whose
// <when> instants are the epoch plus the scenario times.

#include "rampart/io/kml_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <fstream>
#include <map>
#include <sstream>

#include "rampart/io/scenario_exports.hpp"
#include "small_engagement.hpp"

namespace rampart::io {
namespace {

/// Feature count per layer as `ogrinfo -so` reports it.
std::map<std::string, int> ogr_layer_counts(const std::filesystem::path& file) {
  const std::string text = testing::command_output("ogrinfo -ro -al -so '" + file.string() + "' 2>&1");
  std::map<std::string, int> counts;
  std::istringstream lines(text);
  std::string layer;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("Layer name: ", 0) == 0) layer = line.substr(12);
    if (line.rfind("Feature Count: ", 0) == 0) counts[layer] = std::stoi(line.substr(15));
  }
  return counts;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(KmlExport, GdalReadsOneLayerPerRoleWithTheImpliedCounts) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const auto& run = testing::small_certain_run();
  const auto counts = ogr_layer_counts(run.dir / "scenario.kml");
  const auto count = [&](const std::string& layer) { return counts.count(layer) ? counts.at(layer) : 0; };

  int threat_truths = 0;
  for (const auto& truth : run.result.truths) threat_truths += truth.kind() == sim::TruthKind::kThreat ? 1 : 0;
  int intercepts = 0;
  for (const auto& e : run.result.events) intercepts += e.kind == sim::EventKind::kIntercept ? 1 : 0;
  const int threats = static_cast<int>(run.scenario.threats.size());

  EXPECT_EQ(count("launch_point"), threats);
  EXPECT_EQ(count("aim_point"), threats);
  EXPECT_EQ(count("threat_track"), threat_truths);
  EXPECT_EQ(count("threat_replay"), threat_truths);
  EXPECT_EQ(count("site"), static_cast<int>(run.scenario.sites.size()));
  EXPECT_EQ(count("battery"), static_cast<int>(run.scenario.batteries.size()));
  EXPECT_EQ(count("radar"), static_cast<int>(run.scenario.radars.size()));
  EXPECT_EQ(count("radar_footprint"), static_cast<int>(run.scenario.radars.size()));
  EXPECT_EQ(count("defended_asset"), static_cast<int>(run.scenario.defended_assets.size()));
  ASSERT_GT(run.result.interceptors.size(), 0u);
  EXPECT_EQ(count("interceptor_track"), static_cast<int>(run.result.interceptors.size()));
  EXPECT_EQ(count("interceptor_replay"), static_cast<int>(run.result.interceptors.size()));
  EXPECT_GT(intercepts, 0);
  EXPECT_EQ(count("intercept"), intercepts);
  EXPECT_EQ(count("leaker_impact"), run.result.leakers);

  // Every placemark GDAL counted is in the file, and no other.
  int total = 0;
  for (const auto& [layer, n] : counts) total += n;
  EXPECT_EQ(occurrences(read_text(run.dir / "scenario.kml"), "<Placemark>"), total);
}

TEST(KmlExport, ReplaysAreTimeStampedFromTheDefaultEpoch) {
  const auto& run = testing::small_certain_run();
  ASSERT_TRUE(run.scenario.epoch.empty());  // so t = 0 is 2000-01-01T12:00:00Z (docs/formats.md)
  const std::string kml = read_text(run.dir / "scenario.kml");
  EXPECT_NE(kml.find("xmlns=\"http://www.opengis.net/kml/2.2\""), std::string::npos);
  EXPECT_NE(kml.find("xmlns:gx=\"http://www.google.com/kml/ext/2.2\""), std::string::npos);
  EXPECT_EQ(occurrences(kml, "<gx:Track>"),
            static_cast<int>(run.result.threats.size() + run.result.interceptors.size()));
  // The scenario launches its threats at 0, 20 and 10 s.
  EXPECT_NE(kml.find("<when>2000-01-01T12:00:00Z</when>"), std::string::npos);
  EXPECT_NE(kml.find("<when>2000-01-01T12:00:20Z</when>"), std::string::npos);
  EXPECT_NE(kml.find("<when>2000-01-01T12:00:10Z</when>"), std::string::npos);
  // A gx:Track has as many coordinates as instants.
  EXPECT_EQ(occurrences(kml, "<when>"), occurrences(kml, "<gx:coord>"));
  EXPECT_NE(kml.find("<altitudeMode>absolute</altitudeMode>"), std::string::npos);
}

TEST(KmlExport, TheEpochOfTheScenarioSetsTheInstants) {
  const auto& run = testing::small_certain_run();
  sim::Scenario scenario = run.scenario;
  scenario.epoch = "2026-11-29T03:00:00Z";
  std::ostringstream out;
  write_scenario_kml(out, run.result, scenario, run.models->earth());
  EXPECT_NE(out.str().find("<when>2026-11-29T03:00:20Z</when>"), std::string::npos);
  EXPECT_EQ(out.str().find("2000-01-01T12"), std::string::npos);
}

TEST(KmlExport, SameResultSameBytes) {
  const auto& run = testing::small_certain_run();
  std::ostringstream again;
  write_scenario_kml(again, sim::run_world(*run.models), run.scenario, run.models->earth());
  EXPECT_EQ(read_text(run.dir / "scenario.kml"), again.str());
}

}  // namespace
}  // namespace rampart::io
