// `rampart footprint` in process: the defended area of scenarios/europe.yaml
// against one launch point in Iran over Europe (35..60 N, 10 W..40 E). At
// 0.25 deg that is 20,000 cells (issue 5, section 7: <= 10 s on 2 cores).
// Reported per cell (items/s) so that the cost of a grid of any size follows.
// The scenario's models (fans) are built once, outside the timing.

#include <benchmark/benchmark.h>

#include "rampart/analysis/footprint.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/io/missile_catalog.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace {

using namespace rampart;

const std::string kEurope = std::string(RAMPART_DATA_DIR) + "/../scenarios/europe.yaml";

/// Args: grid step in hundredths of a degree, threads, missile (0 mrbm-2000, 1 icbm-10000).
void BM_FootprintEurope(benchmark::State& state) {
  const sim::Scenario scenario = sim::load_scenario(kEurope);
  const sim::WorldModels models(scenario);
  const auto catalog = io::load_missile_catalog(io::default_missile_catalog_path());
  analysis::FootprintRequest request;
  request.grid.box = {35.0, -10.0, 60.0, 40.0};
  request.grid.step_deg = static_cast<double>(state.range(0)) / 100.0;
  request.threads = static_cast<int>(state.range(1));
  request.fixed_point = {38.1 * constants::kDegToRad, 46.3 * constants::kDegToRad, 0.0};
  request.missile = io::find_missile(catalog, state.range(2) == 0 ? "mrbm-2000" : "icbm-10000", SourceLocation{});
  std::size_t cells = 0;
  for (auto _ : state) {
    const auto result = analysis::compute_footprint(models, request);
    cells = result.cells.size();
    benchmark::DoNotOptimize(result.defended_area_m2);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cells));
  state.SetLabel(std::to_string(cells) + " cells, " + request.missile.name);
}
BENCHMARK(BM_FootprintEurope)
    ->Args({100, 2, 0})
    ->Args({25, 1, 0})
    ->Args({25, 2, 0})
    ->Args({25, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
