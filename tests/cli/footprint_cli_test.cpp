// `rampart footprint` as a user meets it: it writes its four files, the
// GeoJSON and CSV agree cell by cell and with the printed and summarised
// areas, the reverse question (--asset, --launch-region) runs, and bad input
// is one line on stderr with exit 2.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::split_lines;

const std::string kEurope = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/europe.yaml";

TEST(FootprintCli, WritesGeoJsonCsvSvgAndSummaryThatAgree) {
  const auto dir = temp_dir("rampart_footprint");
  const auto run = run_rampart({"footprint", kEurope, "--launch", "38.1,46.3", "--region", "40,20,48,32", "--grid",
                                "1", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("defended area"), std::string::npos) << run.out;

  const auto geojson = nlohmann::json::parse(slurp(dir / "footprint.geojson"));
  ASSERT_EQ(geojson["features"].size(), 8u * 12u);
  double engageable_km2 = 0.0;
  for (const auto& f : geojson["features"]) {
    const auto& ring = f["geometry"]["coordinates"][0];
    ASSERT_EQ(ring.size(), 5u);
    EXPECT_EQ(ring.front(), ring.back());
    const auto& p = f["properties"];
    const double q = p["negation_probability"];
    EXPECT_GE(q, 0.0);
    EXPECT_LE(q, 1.0);
    if (p["engageable"]) {
      engageable_km2 += p["area_km2"].get<double>();
      EXPECT_GE(p["shots"].get<int>(), 1);
      EXPECT_TRUE(p["best_battery"].is_string());
    } else {
      EXPECT_EQ(q, 0.0);
    }
  }
  const auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  EXPECT_NEAR(summary["defended_area_km2"].get<double>(), engageable_km2, 1.0);
  EXPECT_GT(engageable_km2, 0.0);  // Deveselu defends Bucharest against this launch point

  const auto csv = split_lines(slurp(dir / "footprint.csv"));
  ASSERT_EQ(csv.size(), 1u + 96u);
  EXPECT_EQ(csv[0].rfind("row,column,lat_deg,lon_deg,area_km2,in_missile_range,engageable,shots,", 0), 0u);
  const std::string svg = slurp(dir / "footprint.svg");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("polyline"), std::string::npos);  // coastlines
  EXPECT_NE(svg.find("probability of negation"), std::string::npos);  // legend
  std::filesystem::remove_all(dir);
}

TEST(FootprintCli, AnswersTheReverseQuestionForAnAsset) {
  const auto dir = temp_dir("rampart_footprint_reverse");
  const auto run = run_rampart({"footprint", kEurope, "--asset", "bucharest", "--launch-region", "34,44,40,50",
                                "--grid", "1", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("defended launch area"), std::string::npos) << run.out;
  const auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  EXPECT_EQ(summary["cells"], 36);
  EXPECT_GT(summary["engageable_cells"].get<int>(), 0);
  std::filesystem::remove_all(dir);
}

TEST(FootprintCli, BadInputIsOneLineAndExitTwo) {
  const auto dir = temp_dir("rampart_footprint_bad");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--asset", "bucharst", "--launch-region", "34,44,40,50"}, "did you mean \"bucharest\""},
      {{"--launch", "38.1,46.3", "--region", "48,20,40,32"}, "lat0"},
      {{"--launch", "38.1,46.3", "--region", "-90,-180,90,180", "--grid", "0.1"}, "more than the limit"},
      {{"--launch", "38.1,46.3", "--missile", "mrbm-200"}, "--missile"},
      {{"--asset", "bucharest"}, "--launch-region"},
      {{}, "--launch"},
  };
  for (const auto& [arguments, expected] : cases) {
    std::vector<std::string> all{"footprint", kEurope, "-o", dir.string()};
    all.insert(all.end(), arguments.begin(), arguments.end());
    const auto run = run_rampart(all);
    SCOPED_TRACE(expected);
    EXPECT_EQ(run.status, 2) << run.out << run.err;
    EXPECT_EQ(split_lines(run.err).size(), 1u) << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
