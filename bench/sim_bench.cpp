// `rampart track` end to end, in process: ten ICBM-class threats, three
// radars, about 20 minutes of flight (scenarios/icbm-raid-europe.yaml).
// Budget: 0.3 s for the whole run. Also its parts, to see where time goes.

#include <benchmark/benchmark.h>

#include "rampart/sim/scenario.hpp"
#include "rampart/sim/tracking_run.hpp"

namespace {

using namespace rampart;

const std::string kScenario = std::string(RAMPART_DATA_DIR) + "/../scenarios/icbm-raid-europe.yaml";

void BM_TrackScenario(benchmark::State& state) {
  for (auto _ : state) {
    const sim::Scenario scenario = sim::load_scenario(kScenario);
    const sim::TrackingRun tracking(scenario, {});
    const auto truths = tracking.fly_threats();
    const auto outcome = tracking.track(tracking.sense(truths), truths, tracking.cue_launches(truths));
    benchmark::DoNotOptimize(outcome.rows.size());
  }
}
BENCHMARK(BM_TrackScenario)->Unit(benchmark::kMillisecond);

void BM_TrackScenarioParts(benchmark::State& state) {
  const sim::Scenario scenario = sim::load_scenario(kScenario);
  const sim::TrackingRun tracking(scenario, {});
  const auto truths = tracking.fly_threats();
  const auto detections = tracking.sense(truths);
  for (auto _ : state) {
    switch (state.range(0)) {
      case 0: benchmark::DoNotOptimize(tracking.fly_threats().size()); break;
      case 1: benchmark::DoNotOptimize(tracking.sense(truths).size()); break;
      default: benchmark::DoNotOptimize(tracking.track(detections, truths).rows.size()); break;
    }
  }
  state.SetLabel(state.range(0) == 0 ? "fly threats" : state.range(0) == 1 ? "sense" : "track and score");
}
BENCHMARK(BM_TrackScenarioParts)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace
