// The Monte Carlo study against the one closed form every analyst checks
// first: one threat, one battery, n independent shots of single-shot kill
// probability p defeat the threat with probability 1 - (1 - p)^n. The
// engagement is the small scenario's first Bucharest-bound MRBM, made
// certain in all but the kill draw (perfect sensors and assessment), seen by
// the Deveselu radar alone (with the forward radar too, a second track of the
// same missile is sometimes formed and engaged on its own), fired at with one
// salvo of n and no second engagement, so that the only chance left is each
// interceptor's SSPK draw. The study's estimate must hold the
// analytic value inside its 99 % Wilson interval.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/statistics.hpp"
#include "rampart/analysis/study.hpp"
#include "small_engagement.hpp"

namespace rampart::analysis {
namespace {

constexpr double kZ99 = 2.5758293035489004;  // two-sided 99 % normal quantile
constexpr std::uint64_t kRuns = 300;

struct Case {
  double p;
  int shots;
};

class KillProbability : public ::testing::TestWithParam<Case> {};

TEST_P(KillProbability, StudyEstimateHoldsOneMinusOneMinusPToTheN) {
  const auto [p, shots] = GetParam();
  sim::Scenario scenario = testing::with_certain_outcomes(sim::load_scenario(testing::kSmallEngagement));
  scenario.threats.erase(std::remove_if(scenario.threats.begin(), scenario.threats.end(),
                                        [](const sim::ThreatConfig& t) { return t.name != "bucharest-1"; }),
                         scenario.threats.end());
  ASSERT_EQ(scenario.threats.size(), 1u);
  ASSERT_EQ(scenario.radars.front().name, "kurecik");
  scenario.radars.erase(scenario.radars.begin());
  ASSERT_EQ(scenario.batteries.size(), 1u);
  scenario.batteries[0].interceptor.kill_vehicle.single_shot_kill_probability = p;
  scenario.doctrine.mode = sim::FiringMode::kSalvo;
  scenario.doctrine.salvo_size = shots;
  scenario.doctrine.max_shots_per_threat = shots;  // one salvo, no re-engagement
  const sim::WorldModels models(scenario);

  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_kill_probability_" + std::to_string(shots) + "_" + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  ResultStore store(path);
  const StudyInfo info = describe_study(scenario, testing::kSmallEngagement, 2026, kRuns);
  store.create_study(info);
  StudyOptions options;
  options.threads = 2;
  ASSERT_EQ(run_study(models, store, info, options).completed, kRuns);

  std::size_t defeated = 0;
  for (const auto& run : store.records(kRuns)) {
    // The closed form holds only if every run fired its n shots, each of
    // which came within the lethal radius and so made its one SSPK draw.
    ASSERT_EQ(run.interceptors_used, shots) << "run " << run.run_index;
    ASSERT_EQ(run.engagements.size(), static_cast<std::size_t>(shots));
    defeated += run.leakers == 0 ? 1 : 0;
    EXPECT_EQ(run.threats_killed + run.leakers, 1);
  }
  const double analytic = 1.0 - std::pow(1.0 - p, shots);
  const Estimate estimate = wilson_interval(defeated, kRuns, kZ99);
  EXPECT_LE(estimate.low, analytic) << defeated << " of " << kRuns << " defeated";
  EXPECT_GE(estimate.high, analytic) << defeated << " of " << kRuns << " defeated";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

INSTANTIATE_TEST_SUITE_P(OneThreatOneBattery, KillProbability,
                         ::testing::Values(Case{0.5, 1}, Case{0.6, 2}, Case{0.4, 3}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::to_string(info.param.shots) + "Shots";
                         });

}  // namespace
}  // namespace rampart::analysis
