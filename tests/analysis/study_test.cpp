// A Monte Carlo study of the small engagement scenario (three threats, one
// battery): the stored rows and the summary are the same for one and two
// threads, and for a study stopped part-way and resumed; a changed scenario
// or seed refuses to resume; re-running run k alone gives its stored row;
// the store gives back exactly what was written.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/study.hpp"
#include "rampart/analysis/study_summary.hpp"
#include "rampart/core/error.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::analysis {
namespace {

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";
constexpr std::uint64_t kRuns = 10;
constexpr std::uint64_t kSeed = 2026;

std::filesystem::path fresh_store(const std::string& stem) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_study_" + stem + "_" + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

class Study : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = std::make_unique<sim::Scenario>(sim::load_scenario(kSmall));
    models_ = std::make_unique<sim::WorldModels>(*scenario_);
    info_ = describe_study(*scenario_, kSmall, kSeed, kRuns);
    // The reference: one thread, uninterrupted.
    const auto path = fresh_store("reference");
    ResultStore store(path);
    store.create_study(info_);
    const auto progress = run_study(*models_, store, info_, {});
    ASSERT_EQ(progress.completed, kRuns);
    ASSERT_FALSE(progress.interrupted);
    reference_rows_ = store.records(kRuns);
    reference_summary_ = study_summary_json(info_, summarize_study(reference_rows_, info_.asset_names)).dump(2);
  }
  static void TearDownTestSuite() {
    models_.reset();
    scenario_.reset();
  }

  static std::unique_ptr<sim::Scenario> scenario_;
  static std::unique_ptr<sim::WorldModels> models_;
  static StudyInfo info_;
  static std::vector<RunRecord> reference_rows_;
  static std::string reference_summary_;
};

std::unique_ptr<sim::Scenario> Study::scenario_;
std::unique_ptr<sim::WorldModels> Study::models_;
StudyInfo Study::info_;
std::vector<RunRecord> Study::reference_rows_;
std::string Study::reference_summary_;

TEST_F(Study, ReferenceHasEveryRunWithItsDerivedSeedAndConsistentCounts) {
  ASSERT_EQ(reference_rows_.size(), kRuns);
  const int threats = static_cast<int>(scenario_->threats.size());
  for (std::uint64_t k = 0; k < kRuns; ++k) {
    const auto& r = reference_rows_[k];
    EXPECT_EQ(r.run_index, k);
    EXPECT_EQ(r.seed, run_seed(kSeed, k));
    EXPECT_EQ(r.interceptors_used, static_cast<int>(r.engagements.size()));
    EXPECT_LE(r.leakers + r.threats_killed, threats);
    int kills = 0;
    for (const auto& e : r.engagements) kills += e.kill ? 1 : 0;
    EXPECT_EQ(kills, r.threats_killed);
    // ankara-1 never comes within the battery's reach: it always leaks onto Ankara.
    EXPECT_GE(r.leakers, 1);
    ASSERT_EQ(r.asset_damage.size(), 2u);
    EXPECT_GE(r.asset_damage[1], 1.0);
  }
}

TEST_F(Study, RunSeedsDependOnStudySeedAndIndexOnly) {
  EXPECT_EQ(run_seed(kSeed, 3), run_seed(kSeed, 3));
  EXPECT_NE(run_seed(kSeed, 3), run_seed(kSeed, 4));
  EXPECT_NE(run_seed(kSeed, 3), run_seed(kSeed + 1, 3));
}

TEST_F(Study, TwoThreadsGiveTheSameRowsAndSummaryAsOne) {
  const auto path = fresh_store("threads2");
  ResultStore store(path);
  store.create_study(info_);
  StudyOptions options;
  options.threads = 2;
  options.commit_every_runs = 3;
  run_study(*models_, store, info_, options);
  const auto rows = store.records(kRuns);
  EXPECT_EQ(rows, reference_rows_);
  EXPECT_EQ(study_summary_json(info_, summarize_study(rows, info_.asset_names)).dump(2), reference_summary_);
}

TEST_F(Study, StoppedAndResumedEqualsUninterrupted) {
  const auto path = fresh_store("resume");
  std::atomic<bool> stop{false};
  {
    ResultStore store(path);
    store.create_study(info_);
    StudyOptions options;
    options.threads = 2;
    options.commit_every_runs = 1;
    options.stop = &stop;
    options.on_progress = [&](std::uint64_t done, std::uint64_t) {
      if (done >= 3) stop = true;
    };
    const auto progress = run_study(*models_, store, info_, options);
    EXPECT_TRUE(progress.interrupted);
    EXPECT_GE(progress.completed, 3u);
    EXPECT_LT(progress.completed, kRuns);
    EXPECT_EQ(store.committed_runs().size(), progress.completed);
  }
  // A new process would open the store again and resume.
  ResultStore store(path);
  const auto stored = store.study();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, info_);
  check_same_study(*stored, info_, path.string());
  const auto progress = run_study(*models_, store, info_, {});
  EXPECT_FALSE(progress.interrupted);
  EXPECT_EQ(progress.completed, kRuns);
  const auto rows = store.records(kRuns);
  EXPECT_EQ(rows, reference_rows_);
  EXPECT_EQ(study_summary_json(info_, summarize_study(rows, info_.asset_names)).dump(2), reference_summary_);
}

TEST_F(Study, ChangedScenarioOrSeedRefusesToResume) {
  StudyInfo edited = info_;
  edited.scenario_text += "# one more comment\n";
  edited.scenario_hash = fnv1a64_hex(edited.scenario_text);
  EXPECT_THROW(check_same_study(info_, edited, "store.sqlite"), InputError);
  StudyInfo reseeded = info_;
  reseeded.seed += 1;
  EXPECT_THROW(check_same_study(info_, reseeded, "store.sqlite"), InputError);
  try {
    check_same_study(info_, edited, "store.sqlite");
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("scenario changed"), std::string::npos) << e.what();
  }
  StudyInfo more_runs = info_;
  more_runs.runs_requested = 2 * kRuns;
  EXPECT_NO_THROW(check_same_study(info_, more_runs, "store.sqlite"));
}

TEST_F(Study, RerunOfOneRunGivesItsStoredRow) {
  for (std::uint64_t k : {std::uint64_t{0}, kRuns - 3}) {
    auto options = study_run_options(kSeed, k);
    options.keep_track_rows = true;  // as --rerun does: full outputs
    const auto result = sim::run_world(*models_, options);
    EXPECT_EQ(make_run_record(k, result), reference_rows_[k]) << "run " << k;
  }
}

TEST(RunRecord, KeepsEngagementsInLaunchOrderAndCountsKills) {
  // The run lists interceptors as their flights end (a second shot can end
  // before the first); the record is in launch order, as the store reads it back.
  sim::RunResult result;
  result.seed = 42;
  result.leakers = 1;
  result.interceptors_used = 2;
  result.asset_damage = {0.0, 1.0};
  result.threats.resize(3);
  result.threats[0].result = sim::ThreatResult::kKilled;
  result.threats[1].result = sim::ThreatResult::kLeaked;
  result.threats[2].result = sim::ThreatResult::kImpactedAway;
  sim::InterceptorTrace second;
  second.number = 2;
  second.battery = "b";
  second.end_time_s = 500.0;
  sim::InterceptorTrace first;
  first.number = 1;
  first.battery = "b";
  first.target = "t1";
  first.end_time_s = 510.0;
  first.kill = true;
  result.interceptors = {second, first};
  const auto record = make_run_record(4, result);
  EXPECT_EQ(record.run_index, 4u);
  EXPECT_EQ(record.seed, 42u);
  EXPECT_EQ(record.threats_killed, 1);
  ASSERT_EQ(record.engagements.size(), 2u);
  EXPECT_EQ(record.engagements[0].interceptor, 1);
  EXPECT_TRUE(record.engagements[0].kill);
  EXPECT_EQ(record.engagements[1].interceptor, 2);
}

TEST(Fnv1a, MatchesPublishedTestVectors) {
  // Fowler-Noll-Vo reference test vectors (FNV-1a, 64 bits).
  EXPECT_EQ(fnv1a64_hex(""), "cbf29ce484222325");
  EXPECT_EQ(fnv1a64_hex("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(fnv1a64_hex("foobar"), "85944171f73967e8");
}

TEST(ResultStore, GivesBackWhatWasWritten) {
  const auto path = fresh_store("roundtrip");
  StudyInfo info;
  info.scenario_path = "s.yaml";
  info.scenario_text = "seed: 1\n";
  info.scenario_hash = fnv1a64_hex(info.scenario_text);
  info.seed = 0xfedcba9876543210ULL;  // above 2^63: stored as the same 64 bits
  info.runs_requested = 3;
  info.asset_names = {"x", "y"};
  RunRecord r;
  r.run_index = 1;
  r.seed = 0x8000000000000001ULL;
  r.leakers = 2;
  r.threats_killed = 1;
  r.interceptors_used = 2;
  r.asset_damage = {1.0, 1.0};
  r.engagements = {{1, "b", "t1", 100.25, 400.125, 0.1 + 0.2, true}, {2, "b", "", 110.0, 420.0, 1e-300, false}};
  {
    ResultStore store(path);
    EXPECT_FALSE(store.study().has_value());
    store.create_study(info);
    store.commit({r});
  }
  ResultStore store(path);
  EXPECT_EQ(store.study(), info);
  EXPECT_EQ(store.committed_runs(), (std::set<std::uint64_t>{1}));
  EXPECT_EQ(store.record(1), r);
  EXPECT_FALSE(store.record(0).has_value());
  EXPECT_EQ(store.records(3), std::vector<RunRecord>{r});
  EXPECT_TRUE(store.records(1).empty());
  // A run is written once: committing it again fails and leaves the store as it was.
  EXPECT_ANY_THROW(store.commit({r}));
  EXPECT_EQ(store.records(3), std::vector<RunRecord>{r});
}

TEST(ResultStore, RefusesAFileThatIsNotAStore) {
  const auto path = fresh_store("not_a_store");
  {
    std::ofstream out(path);
    out << "this is not a database, just text long enough to fill a header page......................\n";
  }
  EXPECT_THROW(ResultStore store(path), InputError);
}

}  // namespace
}  // namespace rampart::analysis
