// `rampart mc` killed outright: SIGKILL, which no handler can catch (a
// crash, the out-of-memory killer, a batch scheduler's hard limit), at a
// random point of a study, then `--resume`, must end with a store whose
// rows are identical to an uninterrupted study's, and the same summary.json
// byte for byte. What was committed survives (SQLite's write-ahead log);
// what was not is simply computed again from its (seed, run) streams.
//
// The kill instants are drawn at random in [0, the uninterrupted study's
// duration) and printed with any failure so that it can be replayed.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "cli_runner.hpp"
#include "rampart/analysis/result_store.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::slurp;
using testing::spawn_rampart;
using testing::temp_dir;

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";
constexpr int kRuns = 24;

std::vector<std::string> study_arguments(const std::filesystem::path& dir, bool resume) {
  std::vector<std::string> args{"mc", kSmall, "--runs", std::to_string(kRuns), "--threads", "2", "-o", dir.string()};
  if (resume) args.push_back("--resume");
  return args;
}

TEST(McKill, KilledAtRandomPointsAndResumedGivesTheUninterruptedStore) {
  const auto reference = temp_dir("rampart_mc_kill_reference");
  const auto started = std::chrono::steady_clock::now();
  const auto whole = run_rampart(study_arguments(reference, false));
  const double duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(whole.status, 0) << whole.err;
  analysis::ResultStore reference_store(reference / "results.sqlite");
  const auto reference_rows = reference_store.records(kRuns);
  ASSERT_EQ(reference_rows.size(), static_cast<std::size_t>(kRuns));

  std::random_device entropy;
  std::uniform_real_distribution<double> instant(0.0, duration_s);
  const auto dir = temp_dir("rampart_mc_kill");
  std::filesystem::create_directories(dir);
  // Two kills, each of a session that starts (or resumes) the study, then a
  // resume that finishes it.
  std::string kills;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const double after_s = instant(entropy);
    kills.append(" ").append(std::to_string(after_s)).append(" s");
    const pid_t pid = spawn_rampart(study_arguments(dir, attempt > 0), dir / "stdout.txt", dir / "stderr.txt");
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double>(after_s));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    // Killed, or finished before the kill arrived (then it must have succeeded).
    if (!WIFSIGNALED(status)) {
      ASSERT_EQ(WEXITSTATUS(status), 0) << slurp(dir / "stderr.txt");
    }
  }
  SCOPED_TRACE(std::string("killed after").append(kills).append(" (uninterrupted study: ")
                   .append(std::to_string(duration_s)).append(" s)"));

  const auto resumed = run_rampart(study_arguments(dir, true));
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  analysis::ResultStore store(dir / "results.sqlite");
  EXPECT_EQ(store.records(kRuns), reference_rows);
  EXPECT_EQ(store.committed_runs().size(), static_cast<std::size_t>(kRuns));
  EXPECT_EQ(slurp(dir / "summary.json"), slurp(reference / "summary.json"));
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(reference);
}

}  // namespace
}  // namespace rampart
