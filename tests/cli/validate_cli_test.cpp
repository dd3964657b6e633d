// `rampart validate` as a user meets it: a good scenario is one "ok" line
// and exit 0; a bad one lists every mistake as file:line:col: error: ...,
// in file order, and exits 2.

#include <gtest/gtest.h>

#include <filesystem>

#include "cli_runner.hpp"
#include "yaml_mistakes.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::split_lines;

const std::string kRomania = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/mrbm-raid-romania.yaml";

TEST(ValidateCli, GoodScenarioIsOneOkLine) {
  const auto run = run_rampart({"validate", kRomania});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const auto lines = split_lines(run.out);
  ASSERT_EQ(lines.size(), 1u) << run.out;
  // The file lists ten threats and three radars, no batteries, no assets.
  EXPECT_EQ(lines[0], kRomania + ": ok: 10 threats, 3 radars, 0 batteries, 0 defended assets");
}

TEST(ValidateCli, RaidsAndBatteriesAreCounted) {
  const std::string path = testing::write_temp_yaml(R"(sites:
  - {name: deveselu, location: {lat: 44.08 deg, lon: 24.41 deg}}
radars:
  - {name: deveselu, type: spy1-ashore-deveselu, site: deveselu}
batteries:
  - {name: sm3, site: deveselu, interceptor: sm3-ib, inventory: 24}
defended_assets:
  - {name: bucharest, point: {lat: 44.43 deg, lon: 26.10 deg}, radius: 25 km}
raids:
  - {name: a, missile: mrbm-2000, launch: {lat: 38.1 deg, lon: 46.3 deg}, aim_asset: bucharest, count: 4}
  - {name: b, missile: mrbm-2000, launch: {lat: 38.1 deg, lon: 46.3 deg}, aim_asset: bucharest, count: 2}
)");
  const auto run = run_rampart({"validate", path});
  std::filesystem::remove(path);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, path + ": ok: 6 threats (2 raids), 1 radar, 1 battery, 1 defended asset\n");
}

TEST(ValidateCli, BadScenarioListsEveryMistakeAndExitsTwo) {
  const std::string path = testing::write_temp_yaml(R"(radars:
  - name: kurecik
    type: tpy2-fmb
threats:
  - name: one
    missile: mrbm-2000
    launch: {lat: 38.1 deg, lon: 46.3 deg}
    aim: {lat: 44.43 deg, lon: 26.10 deg}
    launch_time: 10
doctrine:
  salvo_sise: 2
)");
  const auto run = run_rampart({"validate", path});
  std::filesystem::remove(path);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  const auto lines = split_lines(run.err);
  ASSERT_EQ(lines.size(), 3u) << run.err;
  EXPECT_EQ(lines[0].rfind(path + ":3:11: error: unknown radar \"tpy2-fmb\" (did you mean \"tpy2-fbm\"?)", 0), 0u)
      << lines[0];
  EXPECT_EQ(lines[1], path + ":9:18: error: missing unit in \"10\": expected a time in s, ms, us, min, h");
  EXPECT_EQ(lines[2],
            path + ":11:3: error: unknown key \"salvo_sise\" in scenario.doctrine (did you mean \"salvo_size\"?)");
}

TEST(ValidateCli, MissingFileAndMissingArgumentAreBadInput) {
  const auto missing = run_rampart({"validate", "/nonexistent/scenario.yaml"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err, "/nonexistent/scenario.yaml: error: cannot open the file\n");
  EXPECT_EQ(run_rampart({"validate"}).status, 2);
}

}  // namespace
}  // namespace rampart
