// `rampart run scenarios/europe.yaml` in process: the engagement run that
// Monte Carlo repeats (budget 50 ms of CPU), with the models every run
// shares (flyout fans, fixed threat flights) built once, as a study builds
// them; and the set-up itself, which a single `rampart run` also pays.

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

}  // namespace
