// `rampart track` as a user meets it: a scenario run writes its three files,
// a replay of its detections gives the same tracks, and bad input is one
// line with exit status 2.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::split_lines;

const std::string kScenario = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/two-threats.yaml";

TEST(TrackCli, RunWritesItsFilesAndReplayGivesTheSameTracks) {
  const auto run_dir = temp_dir("rampart_track_run");
  const auto run = run_rampart({"track", kScenario, "-o", run_dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("first"), std::string::npos);
  const auto detections = split_lines(slurp(run_dir / "detections.csv"));
  ASSERT_GT(detections.size(), 100u);
  EXPECT_EQ(detections[0],
            "time_s,sensor,range_m,azimuth_rad,elevation_rad,sigma_range_m,sigma_azimuth_rad,sigma_elevation_rad,snr,"
            "truth_id");
  const std::string tracks = slurp(run_dir / "tracks.csv");
  EXPECT_GT(split_lines(tracks).size(), 50u);
  const auto metrics = nlohmann::json::parse(slurp(run_dir / "metrics.json"));
  ASSERT_EQ(metrics["threats"].size(), 2u);
  EXPECT_FALSE(metrics["threats"][0]["first_confirmed_track_time_s"].is_null());

  // The replay reads the detections back bit-identical and tracks them alike.
  const auto replay_dir = temp_dir("rampart_track_replay");
  const auto replay = run_rampart({"track", "--detections", (run_dir / "detections.csv").string(), "--sensors",
                                   kScenario, "-o", replay_dir.string()});
  ASSERT_EQ(replay.status, 0) << replay.err;
  EXPECT_EQ(slurp(replay_dir / "tracks.csv"), tracks);
  EXPECT_EQ(slurp(replay_dir / "detections.csv"), slurp(run_dir / "detections.csv"));

  // Same seed, same results; another seed, other noise.
  const auto again_dir = temp_dir("rampart_track_again");
  ASSERT_EQ(run_rampart({"track", kScenario, "-o", again_dir.string()}).status, 0);
  EXPECT_EQ(slurp(again_dir / "tracks.csv"), tracks);
  const auto other_dir = temp_dir("rampart_track_other");
  ASSERT_EQ(run_rampart({"track", kScenario, "-o", other_dir.string(), "--seed", "12"}).status, 0);
  EXPECT_NE(slurp(other_dir / "detections.csv"), slurp(run_dir / "detections.csv"));
  for (const auto& dir : {run_dir, replay_dir, again_dir, other_dir}) std::filesystem::remove_all(dir);
}

TEST(TrackCli, MalformedDetectionsFileIsExitTwoWithFileAndLine) {
  const auto dir = temp_dir("rampart_track_bad");
  std::filesystem::create_directories(dir);
  const auto csv = dir / "bad.csv";
  std::ofstream(csv) << "time_s,sensor,range_m,azimuth_rad,elevation_rad,sigma_range_m,sigma_azimuth_rad,"
                        "sigma_elevation_rad,snr,truth_id\n"
                     << "10,kurecik,1000000,1.5,0.2,30,0.001,0.001,200,1\n"
                     << "11,kurecik,1000000,1.5,0.2,30,0.001,0.001,200,one\n";
  const auto run = run_rampart({"track", "--detections", csv.string(), "--sensors", kScenario, "-o", dir.string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, csv.string() + ":3:47: error: expected a number, got \"one\"\n");
  std::filesystem::remove_all(dir);
}

TEST(TrackCli, ScenarioErrorsAndOptionErrorsAreExitTwo) {
  const auto dir = temp_dir("rampart_track_err");
  const auto missing = run_rampart({"track", "/nonexistent/scenario.yaml", "-o", dir.string()});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err, "/nonexistent/scenario.yaml: error: cannot open the file\n");
  const auto filter = run_rampart({"track", kScenario, "--filter", "pf", "-o", dir.string()});
  EXPECT_EQ(filter.status, 2);
  EXPECT_EQ(filter.err, "--filter: error: unknown filter \"pf\": expected ekf, ukf or imm\n");
  const auto neither = run_rampart({"track", "-o", dir.string()});
  EXPECT_EQ(neither.status, 2);
  const auto no_sensors = run_rampart({"track", "--detections", "x.csv", "-o", dir.string()});
  EXPECT_EQ(no_sensors.status, 2);
  EXPECT_EQ(no_sensors.err, "--sensors: error: --detections needs --sensors SCENARIO\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
