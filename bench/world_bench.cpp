// `rampart run scenarios/europe.yaml` in process: the engagement run that
// Monte Carlo repeats (budget 50 ms of CPU), with the models every run
// shares (flyout fans, fixed threat flights) built once, as a study builds
// them; and the set-up itself, which a single `rampart run` also pays.
// BM_RunRaid/N: the same posture against a raid of N threats (issue 5, §7:
// how the cost of a run grows with the raid's size).

#include <benchmark/benchmark.h>

#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace {

using namespace rampart;

const std::string kEurope = std::string(RAMPART_DATA_DIR) + "/../scenarios/europe.yaml";

void BM_RunEurope(benchmark::State& state) {
  const sim::Scenario scenario = sim::load_scenario(kEurope);
  const sim::WorldModels models(scenario);
  sim::RunOptions options;
  options.keep_track_rows = state.range(0) != 0;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    options.seed = seed++;
    const auto result = sim::run_world(models, options);
    benchmark::DoNotOptimize(result.leakers);
  }
  state.SetLabel(options.keep_track_rows ? "with track rows" : "Monte Carlo (no track rows)");
}
BENCHMARK(BM_RunEurope)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_EuropeModels(benchmark::State& state) {
  for (auto _ : state) {
    const sim::Scenario scenario = sim::load_scenario(kEurope);
    const sim::WorldModels models(scenario);
    benchmark::DoNotOptimize(&models);
  }
  state.SetLabel("load scenario, build fans, fly threats");
}
BENCHMARK(BM_EuropeModels)->Unit(benchmark::kMillisecond);

/// europe.yaml's posture against N threats: its six threats (launch points
/// and aims) repeated as salvos every kSalvoSpacingS, the k-th threat a copy
/// of threat k mod 6 launched (k / 6) salvos later. Each launch point and aim
/// thus sends a missile every 10 s (about 30 km apart in midcourse, so the
/// tracker can keep them apart), and the raid lasts N / 6 x 10 s.
sim::Scenario raid_scenario(int threats) {
  constexpr double kSalvoSpacingS = 10.0;
  sim::Scenario scenario = sim::load_scenario(kEurope);
  const std::vector<sim::ThreatConfig> salvo = scenario.threats;
  scenario.threats.clear();
  for (int k = 0; k < threats; ++k) {
    sim::ThreatConfig threat = salvo[static_cast<std::size_t>(k) % salvo.size()];
    const auto round = static_cast<double>(static_cast<std::size_t>(k) / salvo.size());
    threat.name += "-r" + std::to_string(k);
    threat.launch_time_s += round * kSalvoSpacingS;
    scenario.threats.push_back(threat);
  }
  return scenario;
}

void BM_RunRaid(benchmark::State& state) {
  const auto threats = static_cast<int>(state.range(0));
  const sim::Scenario scenario = raid_scenario(threats);
  const sim::WorldModels models(scenario);
  sim::RunOptions options;
  options.keep_track_rows = false;
  std::uint64_t seed = 1;
  int leakers = 0, shots = 0;
  for (auto _ : state) {
    options.seed = seed++;
    const auto result = sim::run_world(models, options);
    leakers = result.leakers;
    shots = result.interceptors_used;
    benchmark::DoNotOptimize(result.leakers);
  }
  state.SetItemsProcessed(state.iterations() * threats);
  state.SetLabel(std::to_string(threats) + " threats (items), " + std::to_string(shots) + " interceptors, " +
                 std::to_string(leakers) + " leakers (last run)");
}
BENCHMARK(BM_RunRaid)->Arg(6)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunRaid)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
