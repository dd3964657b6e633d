// `rampart mc` under mpirun: a two-rank study gives the same store (every
// per-run row) and the same summary.json, byte for byte, as a threaded study
// of the same scenario; only rank 0 prints; --rerun K under mpirun runs once
// and agrees with the stored row. Skipped when mpirun is not installed (CI
// installs it: scripts/install-deps.sh). A build without MPI refuses a run
// under a launcher with exit 2.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"
#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/study_mpi.hpp"

namespace rampart {
namespace {

using testing::CliRun;
using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

bool have_mpirun() { return std::system("command -v mpirun > /dev/null 2>&1") == 0; }

/// Runs `<prefix> rampart <arguments>` through the shell, capturing its output.
CliRun run_shell(const std::string& prefix, const std::vector<std::string>& arguments) {
  static int calls = 0;
  const auto dir = temp_dir("rampart_mpi_cli_io" + std::to_string(calls++));
  std::filesystem::create_directories(dir);
  std::string command = prefix + " '" + RAMPART_CLI + "'";
  for (const auto& a : arguments) command += " '" + a + "'";
  command += " > '" + (dir / "out").string() + "' 2> '" + (dir / "err").string() + "'";
  const int status = std::system(command.c_str());
  CliRun run;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(dir / "out");
  run.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return run;
}

/// Runs rampart on `ranks` ranks. Open MPI leaks in MPI_Init by design (its
/// plugins' allocations, unloaded at MPI_Finalize), which LeakSanitizer
/// reports as a failure in the sanitizer build: leak checking is off for the
/// ranks only. The code they run (run_study, run_runs) is leak-checked by the
/// threaded tests.
CliRun run_mpirun(int ranks, const std::vector<std::string>& arguments) {
  return run_shell(
      "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" mpirun -x ASAN_OPTIONS --oversubscribe "
      "--allow-run-as-root -np " + std::to_string(ranks),
      arguments);
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(McMpiCli, TwoRanksGiveTheSameStoreAndSummaryAsThreads) {
  if (!analysis::kHaveMpi) GTEST_SKIP() << "this build has no MPI (libopenmpi-dev was not found)";
  if (!have_mpirun()) GTEST_SKIP() << "mpirun not found (install openmpi-bin: scripts/install-deps.sh)";
  const auto threaded_dir = temp_dir("rampart_mc_threads2");
  const auto mpi_dir = temp_dir("rampart_mc_mpi2");
  const auto threaded =
      run_rampart({"mc", kSmall, "--runs", "8", "--threads", "2", "-o", threaded_dir.string()});
  ASSERT_EQ(threaded.status, 0) << threaded.err;
  const auto mpi = run_mpirun(2, {"mc", kSmall, "--runs", "8", "--threads", "1", "-o", mpi_dir.string()});
  ASSERT_EQ(mpi.status, 0) << mpi.out << mpi.err;

  analysis::ResultStore threaded_store(threaded_dir / "results.sqlite");
  analysis::ResultStore mpi_store(mpi_dir / "results.sqlite");
  const auto rows = mpi_store.records(8);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows, threaded_store.records(8));
  EXPECT_EQ(mpi_store.study(), threaded_store.study());
  EXPECT_EQ(slurp(mpi_dir / "summary.json"), slurp(threaded_dir / "summary.json"));

  // Rank 0 alone prints: one opening line, one table.
  EXPECT_EQ(count_of(mpi.err, "rampart mc: 8 runs on 2 processes"), 1u) << mpi.err;
  EXPECT_EQ(count_of(mpi.out, "results in"), 1u) << mpi.out;

  // --rerun under mpirun: run 5 once, on rank 0, the same as its stored row.
  const auto rerun = run_mpirun(2, {"mc", kSmall, "--rerun", "5", "-o", mpi_dir.string()});
  EXPECT_EQ(rerun.status, 0) << rerun.out << rerun.err;
  EXPECT_EQ(count_of(rerun.out, "same as the row of run 5"), 1u) << rerun.out;
  EXPECT_TRUE(std::filesystem::exists(mpi_dir / "run-5" / "events.jsonl"));

  std::filesystem::remove_all(threaded_dir);
  std::filesystem::remove_all(mpi_dir);
}

TEST(McMpiCli, AStoreInUseByAnotherStudyIsRefusedOnEveryRankWithExit2) {
  if (!analysis::kHaveMpi) GTEST_SKIP() << "this build has no MPI (libopenmpi-dev was not found)";
  if (!have_mpirun()) GTEST_SKIP() << "mpirun not found (install openmpi-bin: scripts/install-deps.sh)";
  const auto dir = temp_dir("rampart_mc_mpi_refuse");
  ASSERT_EQ(run_rampart({"mc", kSmall, "--runs", "2", "--threads", "1", "-o", dir.string()}).status, 0);
  // The same store again without --resume: rank 0 refuses, the other rank ends quietly.
  const auto again = run_mpirun(2, {"mc", kSmall, "--runs", "2", "--threads", "1", "-o", dir.string()});
  EXPECT_EQ(again.status, 2) << again.err;
  EXPECT_EQ(count_of(again.err, "pass --resume"), 1u) << again.err;
  std::filesystem::remove_all(dir);
}

TEST(McMpiCli, ABuildWithoutMpiRefusesARunUnderALauncher) {
  if (analysis::kHaveMpi) GTEST_SKIP() << "this build has MPI";
  const auto dir = temp_dir("rampart_mc_no_mpi");
  // What mpirun sets in the environment of every rank it starts.
  const auto run = run_shell("OMPI_COMM_WORLD_SIZE=2", {"mc", kSmall, "--runs", "2", "-o", dir.string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("no MPI support"), std::string::npos) << run.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart
