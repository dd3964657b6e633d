// The Monte Carlo study loop (analysis::run_study): runs per second on one
// and two threads, for the small engagement scenario (three threats, one
// battery) and scenarios/europe.yaml, each iteration a fresh study of 8 runs
// committed to a SQLite store in a temporary file. The models are built
// once, as a study builds them.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/study.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace {

using namespace rampart;

const std::string kSmall = std::string(RAMPART_DATA_DIR) + "/../tests/data/scenarios/engagement-small.yaml";
const std::string kEurope = std::string(RAMPART_DATA_DIR) + "/../scenarios/europe.yaml";
constexpr std::uint64_t kRunsPerStudy = 8;

void remove_store(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

void study_loop(benchmark::State& state, const std::string& scenario_path) {
  const sim::Scenario scenario = sim::load_scenario(scenario_path);
  const sim::WorldModels models(scenario);
  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_analysis_bench_" + std::to_string(::getpid()) + ".sqlite");
  analysis::StudyOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::uint64_t seed = 1;
  for (auto _ : state) {
    state.PauseTiming();
    remove_store(path);
    const auto info = analysis::describe_study(scenario, scenario_path, seed++, kRunsPerStudy);
    state.ResumeTiming();
    analysis::ResultStore store(path);
    store.create_study(info);
    const auto progress = analysis::run_study(models, store, info, options);
    benchmark::DoNotOptimize(progress.completed);
  }
  remove_store(path);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kRunsPerStudy));
  state.SetLabel(std::to_string(state.range(0)) + " thread(s); items = runs");
}

void BM_StudySmall(benchmark::State& state) { study_loop(state, kSmall); }
BENCHMARK(BM_StudySmall)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StudyEurope(benchmark::State& state) { study_loop(state, kEurope); }
BENCHMARK(BM_StudyEurope)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
