// Benchmarks of the core module: unit parsing (run once per scenario field,
// but scenarios with thousands of entities parse many) and the random streams
// (drawn in every radar measurement and Monte Carlo sample).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "rampart/core/random.hpp"
#include "rampart/core/units.hpp"

namespace {

struct Case {
  std::string_view text;
  rampart::Dimension dimension;
};

// Arg(i) selects a case: the cheapest unit (first in the table), one deep in
// the table, a logarithmic unit, and one without a space.
constexpr std::array kCases{
    Case{"250 m", rampart::Dimension::kLength},
    Case{"4.5 km/s", rampart::Dimension::kSpeed},
    Case{"-20 dBsm", rampart::Dimension::kArea},
    Case{"1300km", rampart::Dimension::kLength},
    Case{"90 deg/s", rampart::Dimension::kAngularRate},
};

void BM_ParseQuantity(benchmark::State& state) {
  const Case& c = kCases[static_cast<std::size_t>(state.range(0))];
  const rampart::SourceLocation where{"bench.yaml", 1, 1};
  state.SetLabel(std::string(c.text));
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::parse_quantity(c.text, c.dimension, where));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseQuantity)->DenseRange(0, static_cast<int>(kCases.size()) - 1);

void BM_ParseQuantityError(benchmark::State& state) {
  // The error path builds a message and throws; it runs at most once per run.
  const rampart::SourceLocation where{"bench.yaml", 1, 1};
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(rampart::parse_quantity("1300 kmz", rampart::Dimension::kLength, where));
    } catch (const rampart::InputError& e) {
      benchmark::DoNotOptimize(e.what());
    }
  }
}
BENCHMARK(BM_ParseQuantityError);

void BM_RandomNextU64(benchmark::State& state) {
  rampart::RandomStream stream(1, 2);
  for (auto _ : state) benchmark::DoNotOptimize(stream.next_u64());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomNextU64);

void BM_RandomUniform(benchmark::State& state) {
  rampart::RandomStream stream(1, 2);
  for (auto _ : state) benchmark::DoNotOptimize(stream.uniform());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomUniform);

void BM_RandomNormal(benchmark::State& state) {
  // Box-Muller: one log, sqrt, sin and cos per pair, so the mean per draw.
  rampart::RandomStream stream(1, 2);
  for (auto _ : state) benchmark::DoNotOptimize(stream.normal());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomNormal);

void BM_RandomStreamConstruct(benchmark::State& state) {
  // One stream per entity per Monte Carlo run.
  std::uint64_t id = 0;
  for (auto _ : state) {
    rampart::RandomStream stream(42, ++id);
    benchmark::DoNotOptimize(stream.next_u64());
  }
}
BENCHMARK(BM_RandomStreamConstruct);

}  // namespace
