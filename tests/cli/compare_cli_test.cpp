// `rampart compare` as a user meets it: a scenario compared with itself
// gains and loses nothing and its Monte Carlo difference is not
// significant; without its only battery it loses all the defended area; the
// files it writes agree with each other; bad input is exit 2.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::split_lines;

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

TEST(CompareCli, AScenarioComparedWithItselfChangesNothing) {
  const auto dir = temp_dir("rampart_compare_same");
  const auto run = run_rampart({"compare", kSmall, kSmall, "--launch", "38.1,46.3", "--region", "40,20,48,32",
                                "--grid", "2", "--runs", "4", "--threads", "2", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("gained (B only)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("not significant"), std::string::npos) << run.out;

  const auto json = nlohmann::json::parse(slurp(dir / "compare.json"));
  const auto& area = json["footprint"];
  EXPECT_EQ(area["gained_km2"], 0.0);
  EXPECT_EQ(area["lost_km2"], 0.0);
  EXPECT_EQ(area["defended_area_a_km2"], area["defended_area_b_km2"]);
  EXPECT_EQ(area["battery_area_a_km2"], area["battery_area_b_km2"]);
  EXPECT_EQ(area["cells_negation_lower"], 0);
  EXPECT_EQ(area["cells_negation_higher"], 0);
  const auto& mc = json["monte_carlo"];
  EXPECT_EQ(mc["runs"], 4);
  EXPECT_EQ(mc["p_zero_leakers_a"], mc["p_zero_leakers_b"]);  // same seed, same scenario: the same runs
  EXPECT_EQ(mc["p_zero_leakers_difference"]["value"], 0.0);
  EXPECT_FALSE(mc["p_zero_leakers_difference"]["significant"].get<bool>());

  const auto geojson = nlohmann::json::parse(slurp(dir / "difference.geojson"));
  ASSERT_EQ(geojson["features"].size(), 4u * 6u);
  double both_km2 = 0.0;
  for (const auto& f : geojson["features"]) {
    const std::string status = f["properties"]["status"];
    EXPECT_TRUE(status == "both" || status == "neither") << status;
    if (status == "both") both_km2 += f["properties"]["area_km2"].get<double>();
    EXPECT_EQ(f["properties"]["negation_change"], 0.0);
  }
  EXPECT_NEAR(both_km2, area["kept_km2"].get<double>(), 1.0);
  EXPECT_EQ(slurp(dir / "difference.svg").rfind("<svg", 0), 0u);
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, WithoutTheOnlyBatteryAllTheDefendedAreaIsLost) {
  const auto dir = temp_dir("rampart_compare_none");
  std::filesystem::create_directories(dir);
  // The small scenario without its battery (the radars stay).
  const auto without = dir / "no-battery.yaml";
  {
    std::ofstream out(without);
    for (const auto& line : split_lines(slurp(kSmall))) {
      if (line.rfind("batteries:", 0) == 0 || line.find("deveselu-sm3") != std::string::npos) continue;
      out << line << '\n';
    }
  }
  const auto run = run_rampart({"compare", kSmall, without.string(), "--region", "40,20,48,32", "--grid", "2",
                                "-o", (dir / "out").string()});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = nlohmann::json::parse(slurp(dir / "out" / "compare.json"));
  const auto& area = json["footprint"];
  EXPECT_GT(area["defended_area_a_km2"].get<double>(), 0.0);
  EXPECT_EQ(area["defended_area_b_km2"], 0.0);
  EXPECT_EQ(area["gained_km2"], 0.0);
  EXPECT_NEAR(area["lost_km2"].get<double>(), area["defended_area_a_km2"].get<double>(), 0.01);
  EXPECT_FALSE(json.contains("monte_carlo"));
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, TheShippedExampleWithoutRedzikowoNeverDefendsBetter) {
  // Removing a battery can only lose area and lower the probability of
  // negation (1 - prod(1 - P_b) over fewer batteries).
  const std::string scenarios = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/";
  const auto dir = temp_dir("rampart_compare_europe");
  const auto run = run_rampart({"compare", scenarios + "europe.yaml", scenarios + "europe-without-redzikowo.yaml",
                                "--launch", "38.1,46.3", "--grid", "2", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = nlohmann::json::parse(slurp(dir / "compare.json"));
  const auto& area = json["footprint"];
  EXPECT_EQ(area["gained_km2"], 0.0);
  EXPECT_EQ(area["cells_negation_higher"], 0);
  EXPECT_TRUE(area["battery_area_a_km2"].contains("redzikowo-sm3"));
  EXPECT_FALSE(area["battery_area_b_km2"].contains("redzikowo-sm3"));
  EXPECT_NEAR(area["defended_area_a_km2"].get<double>() - area["defended_area_b_km2"].get<double>(),
              area["lost_km2"].get<double>(), 0.01);
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, BadInputIsExitTwo) {
  const auto dir = temp_dir("rampart_compare_bad");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{kSmall, "/nonexistent/b.yaml"}, "b.yaml"},
      {{kSmall, kSmall, "--region", "48,20,40,32"}, "lat0"},
      {{kSmall, kSmall, "--runs", "0"}, "--runs"},
      {{kSmall, kSmall, "--launch", "95,10"}, "--launch"},
  };
  for (const auto& [arguments, expected] : cases) {
    std::vector<std::string> all{"compare", "-o", dir.string()};
    all.insert(all.end(), arguments.begin(), arguments.end());
    const auto run = run_rampart(all);
    SCOPED_TRACE(expected);
    EXPECT_EQ(run.status, 2) << run.out << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
