// `rampart mc` as a user meets it: a study writes its store and
// summary.json; a second study into the same store without --resume, a
// changed scenario, or a missing --runs is exit 2; --rerun K writes run K's
// files and agrees with its stored row; Ctrl-C (SIGINT) in the middle of a
// study exits 130 after committing, and --resume then gives the same
// summary.json, byte for byte, as an uninterrupted study.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_runner.hpp"
#include "rampart/analysis/result_store.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::spawn_rampart;

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";
const std::string kRuns = "8";

/// The uninterrupted study every other test compares with (run once).
const std::filesystem::path& reference_study() {
  static const std::filesystem::path dir = [] {
    const auto d = temp_dir("rampart_mc_reference");
    const auto run = run_rampart({"mc", kSmall, "--runs", kRuns, "--threads", "2", "-o", d.string()});
    EXPECT_EQ(run.status, 0) << run.err;
    return d;
  }();
  return dir;
}

TEST(McCli, StudyWritesStoreAndSummary) {
  const auto& dir = reference_study();
  ASSERT_TRUE(std::filesystem::exists(dir / "results.sqlite"));
  const auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  EXPECT_EQ(summary["runs"].get<int>(), 8);
  EXPECT_EQ(summary["scenario"].get<std::string>(), kSmall);
  // ankara-1 is out of every battery's reach: never zero leakers, Ankara never survives.
  EXPECT_EQ(summary["p_zero_leakers"]["estimate"].get<double>(), 0.0);
  EXPECT_EQ(summary["assets"][1]["name"].get<std::string>(), "ankara");
  EXPECT_EQ(summary["assets"][1]["p_survive"].get<double>(), 0.0);
  EXPECT_GE(summary["expected_leakers"]["mean"].get<double>(), 1.0);
  EXPECT_EQ(summary["convergence"].back()["runs"].get<int>(), 8);
  analysis::ResultStore store(dir / "results.sqlite");
  EXPECT_EQ(store.committed_runs().size(), 8u);
}

TEST(McCli, OneThreadPrintsTheSameSummary) {
  const auto dir = temp_dir("rampart_mc_one_thread");
  const auto run = run_rampart({"mc", kSmall, "--runs", kRuns, "--threads", "1", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("P(no leaker)"), std::string::npos) << run.out;
  EXPECT_EQ(slurp(dir / "summary.json"), slurp(reference_study() / "summary.json"));
  std::filesystem::remove_all(dir);
}

TEST(McCli, ExistingStoreNeedsResumeAndResumingACompleteStudyChangesNothing) {
  const auto dir = temp_dir("rampart_mc_again");
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(reference_study() / "results.sqlite", dir / "results.sqlite");
  const auto again = run_rampart({"mc", kSmall, "--runs", kRuns, "-o", dir.string()});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("--resume"), std::string::npos) << again.err;
  const auto resumed = run_rampart({"mc", kSmall, "--runs", kRuns, "--resume", "-o", dir.string()});
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(slurp(dir / "summary.json"), slurp(reference_study() / "summary.json"));
  std::filesystem::remove_all(dir);
}

TEST(McCli, ChangedScenarioOrSeedRefusesToResume) {
  const auto dir = temp_dir("rampart_mc_changed");
  std::filesystem::create_directories(dir);
  const auto scenario = dir / "scenario.yaml";
  std::filesystem::copy_file(kSmall, scenario);
  const auto first = run_rampart({"mc", scenario.string(), "--runs", "1", "-o", dir.string()});
  ASSERT_EQ(first.status, 0) << first.err;
  const auto reseeded = run_rampart({"mc", scenario.string(), "--runs", "2", "--seed", "99", "--resume", "-o",
                                     dir.string()});
  EXPECT_EQ(reseeded.status, 2);
  EXPECT_NE(reseeded.err.find("seed"), std::string::npos) << reseeded.err;
  {
    std::ofstream out(scenario, std::ios::app);
    out << "# edited after the study began\n";
  }
  const auto changed = run_rampart({"mc", scenario.string(), "--runs", "2", "--resume", "-o", dir.string()});
  EXPECT_EQ(changed.status, 2);
  EXPECT_NE(changed.err.find("scenario changed"), std::string::npos) << changed.err;
  std::filesystem::remove_all(dir);
}

TEST(McCli, BadInputIsExitTwo) {
  const auto dir = temp_dir("rampart_mc_bad");
  EXPECT_EQ(run_rampart({"mc", kSmall, "-o", dir.string()}).status, 2);                      // no --runs
  EXPECT_EQ(run_rampart({"mc", kSmall, "--runs", "0", "-o", dir.string()}).status, 2);
  EXPECT_EQ(run_rampart({"mc", kSmall, "--runs", "2", "--threads", "0", "-o", dir.string()}).status, 2);
  EXPECT_EQ(run_rampart({"mc", dir.string() + "/missing.yaml", "--runs", "2"}).status, 2);
  EXPECT_EQ(run_rampart({"mc", kSmall, "--runs", "two"}).status, 2);
  std::filesystem::remove_all(dir);
}

TEST(McCli, RerunWritesTheRunsFilesAndMatchesItsStoredRow) {
  const auto dir = temp_dir("rampart_mc_rerun");
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(reference_study() / "results.sqlite", dir / "results.sqlite");
  const auto run = run_rampart({"mc", kSmall, "--rerun", "5", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("same as the row of run 5"), std::string::npos) << run.out;
  for (const char* file : {"summary.json", "events.jsonl", "tracks.csv", "trajectories.csv"}) {
    EXPECT_GT(slurp(dir / "run-5" / file).size(), 50u) << file;
  }
  const auto summary = nlohmann::json::parse(slurp(dir / "run-5" / "summary.json"));
  analysis::ResultStore store(dir / "results.sqlite");
  const auto row = store.record(5);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(summary["leakers"].get<int>(), row->leakers);
  EXPECT_EQ(summary["interceptors_used"].get<int>(), row->interceptors_used);
  EXPECT_EQ(summary["seed"].get<std::uint64_t>(), row->seed);
  std::filesystem::remove_all(dir);
}

TEST(McCli, InterruptedStudyResumesToTheSameSummary) {
  const auto dir = temp_dir("rampart_mc_sigint");
  std::filesystem::create_directories(dir);
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  const pid_t pid =
      spawn_rampart({"mc", kSmall, "--runs", kRuns, "--threads", "1", "-o", dir.string()}, out, err);
  ASSERT_GT(pid, 0);
  // Wait until the study has begun (its first line, printed once the signal
  // handlers are in place), then press Ctrl-C at once: a run takes tens of
  // milliseconds, so the study is usually stopped part-way. Whatever the
  // timing, what was committed plus --resume must be the whole study.
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 30000 && !exited; ++i) {
    if (slurp(err).find("already in") != std::string::npos) break;
    exited = ::waitpid(pid, &status, WNOHANG) == pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!exited) {
    ::kill(pid, SIGINT);
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  }
  ASSERT_TRUE(WIFEXITED(status)) << slurp(err);
  const int code = WEXITSTATUS(status);
  EXPECT_TRUE(code == 130 || code == 0) << code << "\n" << slurp(err);
  if (code == 130) {
    EXPECT_NE(slurp(err).find("; continue with --resume"), std::string::npos) << slurp(err);
    EXPECT_FALSE(std::filesystem::exists(dir / "summary.json"));
  }
  const auto resumed = run_rampart({"mc", kSmall, "--runs", kRuns, "--resume", "-o", dir.string()});
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(slurp(dir / "summary.json"), slurp(reference_study() / "summary.json"));
  analysis::ResultStore store(dir / "results.sqlite");
  analysis::ResultStore reference(reference_study() / "results.sqlite");
  EXPECT_EQ(store.records(8), reference.records(8));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
