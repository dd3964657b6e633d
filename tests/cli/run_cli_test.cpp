// `rampart run` as a user meets it: the European scenario runs and writes
// its four files; the same seed gives the same bytes, another seed another
// run; the printed table and summary.json agree with the events; bad input
// is exit status 2.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::split_lines;

const std::string kEurope = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/europe.yaml";
const std::vector<std::string> kFiles{"summary.json", "events.jsonl", "tracks.csv", "trajectories.csv"};

TEST(RunCli, SameSeedSameBytesOtherSeedOtherRun) {
  const auto a = temp_dir("rampart_run_a"), b = temp_dir("rampart_run_b"), c = temp_dir("rampart_run_c");
  const auto run_a = run_rampart({"run", kEurope, "-o", a.string()});
  ASSERT_EQ(run_a.status, 0) << run_a.err;
  const auto run_b = run_rampart({"run", kEurope, "-o", b.string()});
  ASSERT_EQ(run_b.status, 0) << run_b.err;
  const auto run_c = run_rampart({"run", kEurope, "-o", c.string(), "--seed", "5"});
  ASSERT_EQ(run_c.status, 0) << run_c.err;
  for (const auto& file : kFiles) {
    const std::string bytes = slurp(a / file);
    EXPECT_GT(bytes.size(), 100u) << file;
    EXPECT_EQ(bytes, slurp(b / file)) << file;
  }
  EXPECT_NE(slurp(a / "events.jsonl"), slurp(c / "events.jsonl"));
  for (const auto& dir : {a, b, c}) std::filesystem::remove_all(dir);
}

TEST(RunCli, SummaryTableAndEventsAgree) {
  const auto dir = temp_dir("rampart_run_summary");
  const auto run = run_rampart({"run", kEurope, "-o", dir.string(), "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto summary = nlohmann::json::parse(run.out);
  EXPECT_EQ(summary, nlohmann::json::parse(slurp(dir / "summary.json")));
  int launches = 0, kills = 0, leaks = 0;
  double last_t = -1.0;
  for (const auto& line : split_lines(slurp(dir / "events.jsonl"))) {
    const auto event = nlohmann::json::parse(line);
    EXPECT_GE(event["t_s"].get<double>(), last_t);
    last_t = event["t_s"].get<double>();
    launches += event["event"] == "launch" ? 1 : 0;
    kills += event["event"] == "intercept" ? 1 : 0;
    leaks += event["event"] == "leak" ? 1 : 0;
  }
  EXPECT_EQ(summary["interceptors_used"].get<int>(), launches);
  EXPECT_EQ(summary["threats_killed"].get<int>(), kills);
  EXPECT_EQ(summary["leakers"].get<int>(), leaks);
  int shots = 0, left = 0;
  for (const auto& battery : summary["batteries"]) {
    shots += battery["shots"].get<int>();
    left += battery["inventory_left"].get<int>();
  }
  EXPECT_EQ(shots, launches);
  EXPECT_EQ(shots + left, 48);  // two sites of 24 cells (scenarios/europe.yaml)
  // The trajectories: a header, then rows of both kinds.
  const auto rows = split_lines(slurp(dir / "trajectories.csv"));
  ASSERT_GT(rows.size(), 10u);
  EXPECT_EQ(rows[0], "object,kind,t_s,lat_deg,lon_deg,alt_m");
  EXPECT_NE(slurp(dir / "trajectories.csv").find(",interceptor,"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(RunCli, BadInputIsExitTwo) {
  const auto missing = run_rampart({"run", "no-such-scenario.yaml"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no-such-scenario.yaml"), std::string::npos) << missing.err;
  const auto csv = run_rampart({"run", kEurope, "--format", "csv", "-o", temp_dir("rampart_run_csv").string()});
  EXPECT_EQ(csv.status, 2);
  EXPECT_NE(csv.err.find("--format"), std::string::npos) << csv.err;
  const auto no_scenario = run_rampart({"run"});
  EXPECT_NE(no_scenario.status, 0);
}

}  // namespace
}  // namespace rampart
