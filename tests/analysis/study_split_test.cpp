// How a study is split never changes its results: 1, 2 and 4 threads give
// the same stored rows; runs computed in disjoint parts (as MPI ranks do,
// each with run_runs) and committed in any order give the same rows again;
// the dispenser hands each run out exactly once however many threads take
// from it; a record survives the byte encoding the ranks exchange, bit for
// bit, and a damaged message is refused rather than misread.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <stdexcept>
#include <thread>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/study.hpp"
#include "rampart/analysis/study_wire.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::analysis {
namespace {

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";
constexpr std::uint64_t kRuns = 8;
constexpr std::uint64_t kSeed = 77;

std::filesystem::path fresh_store(const std::string& stem) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_split_" + stem + "_" + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

class StudySplit : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = std::make_unique<sim::Scenario>(sim::load_scenario(kSmall));
    models_ = std::make_unique<sim::WorldModels>(*scenario_);
    info_ = describe_study(*scenario_, kSmall, kSeed, kRuns);
  }
  static void TearDownTestSuite() {
    models_.reset();
    scenario_.reset();
  }

  /// The rows of the whole study computed on `threads` threads.
  static std::vector<RunRecord> rows_with_threads(unsigned threads) {
    ResultStore store(fresh_store("threads" + std::to_string(threads)));
    store.create_study(info_);
    StudyOptions options;
    options.threads = threads;
    options.commit_every_runs = 3;
    const auto progress = run_study(*models_, store, info_, options);
    EXPECT_EQ(progress.completed, kRuns);
    return store.records(kRuns);
  }

  static std::unique_ptr<sim::Scenario> scenario_;
  static std::unique_ptr<sim::WorldModels> models_;
  static StudyInfo info_;
};

std::unique_ptr<sim::Scenario> StudySplit::scenario_;
std::unique_ptr<sim::WorldModels> StudySplit::models_;
StudyInfo StudySplit::info_;

TEST_F(StudySplit, OneTwoAndFourThreadsStoreTheSameRows) {
  const auto one = rows_with_threads(1);
  ASSERT_EQ(one.size(), kRuns);
  for (std::uint64_t k = 0; k < kRuns; ++k) EXPECT_EQ(one[k].run_index, k);
  EXPECT_EQ(rows_with_threads(2), one);
  EXPECT_EQ(rows_with_threads(4), one);
}

TEST_F(StudySplit, DisjointPartsCommittedInAnyOrderStoreTheSameRows) {
  const auto threaded = rows_with_threads(2);
  // Rank-like parts: k mod 3, each on its own thread count, committed last part first.
  ResultStore store(fresh_store("parts"));
  store.create_study(info_);
  for (int part = 2; part >= 0; --part) {
    std::vector<std::uint64_t> runs;
    for (std::uint64_t k = static_cast<std::uint64_t>(part); k < kRuns; k += 3) runs.push_back(k);
    auto records = run_runs(*models_, kSeed, runs, static_cast<unsigned>(part) + 1);
    ASSERT_EQ(records.size(), runs.size());
    std::reverse(records.begin(), records.end());
    store.commit(records);
  }
  EXPECT_TRUE(missing_runs(store, info_).empty());
  EXPECT_EQ(store.records(kRuns), threaded);
}

TEST(RunDispenser, HandsOutEveryRunExactlyOnceAcrossThreads) {
  constexpr std::uint64_t kCount = 10000;
  std::vector<std::uint64_t> runs(kCount);
  for (std::uint64_t k = 0; k < kCount; ++k) runs[k] = k;
  RunDispenser dispenser(runs);
  std::vector<std::vector<std::uint64_t>> taken(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < taken.size(); ++t) {
    threads.emplace_back([&, t] {
      for (;;) {
        // Odd threads take batches as remote ranks do, even ones single runs.
        const auto got = t % 2 ? dispenser.take(7) : std::vector<std::uint64_t>{};
        if (t % 2) {
          if (got.empty()) return;
          taken[t].insert(taken[t].end(), got.begin(), got.end());
        } else {
          const auto k = dispenser.take_one();
          if (!k) return;
          taken[t].push_back(*k);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<std::uint64_t> all;
  for (const auto& part : taken) all.insert(all.end(), part.begin(), part.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, runs);
  EXPECT_TRUE(dispenser.take(5).empty());
  EXPECT_FALSE(dispenser.take_one().has_value());
}

WorkerReport sample_report() {
  WorkerReport report;
  report.runs_wanted = 4;
  RunRecord a;
  a.run_index = 41;
  a.seed = std::numeric_limits<std::uint64_t>::max();
  a.leakers = 2;
  a.threats_killed = 1;
  a.interceptors_used = 2;
  a.asset_damage = {0.0, 1.0 / 3.0, -0.0, std::numeric_limits<double>::denorm_min()};
  a.engagements.push_back({1, "patriot-1", "scud-2", 12.5, 71.25, 3.0e-9, true});
  a.engagements.push_back({2, "patriot-1", "", 13.0, 1.0e300, 9.75, false});
  RunRecord b;  // no damage rows, no engagements
  b.run_index = 0;
  report.records = {a, b};
  return report;
}

TEST(WorkerReport, SurvivesTheByteEncodingBitForBit) {
  const auto report = sample_report();
  const auto back = decode_worker_report(encode_worker_report(report));
  EXPECT_EQ(back, report);
  // operator== cannot tell -0.0 from 0.0: compare the bits of the signed zero.
  EXPECT_TRUE(std::signbit(back.records[0].asset_damage[2]));
  EXPECT_EQ(decode_worker_report(encode_worker_report(WorkerReport{})), WorkerReport{});
}

TEST(WorkerReport, RefusesTruncatedOrOverlongMessages) {
  const auto bytes = encode_worker_report(sample_report());
  for (const std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{20}, bytes.size() - 1}) {
    EXPECT_THROW(decode_worker_report(bytes.substr(0, cut)), std::runtime_error) << "cut at " << cut;
  }
  EXPECT_THROW(decode_worker_report(bytes + "x"), std::runtime_error);
}

}  // namespace
}  // namespace rampart::analysis
