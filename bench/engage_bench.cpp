// The engage module. Sections: weapon-target assignment (the issue's
// budgets: heuristic 100 x 100 <= 10 ms, exact 10 x 10 <= 50 ms; exact
// 20 x 20 reported), and others appended below by their authors. Add new
// benchmarks to the section of the component they time.

#include <benchmark/benchmark.h>

#include <vector>

#include "rampart/core/random.hpp"
#include "rampart/engage/wta.hpp"

namespace {

// --- weapon-target assignment ------------------------------------------------

namespace engage = rampart::engage;

// W weapon types with one round each against T targets; values in [1, 10),
// kill probabilities in [0.05, 0.95) (the instances of tests/engage/wta_test.cpp
// without the edge values). `seed` picks the instance.
engage::WtaProblem random_wta(int weapons, int targets, std::uint64_t seed) {
  rampart::RandomStream random(seed, static_cast<std::uint64_t>(weapons * 1000 + targets));
  std::vector<double> values;
  for (int j = 0; j < targets; ++j) values.push_back(random.uniform(1.0, 10.0));
  std::vector<std::vector<double>> p(static_cast<std::size_t>(weapons));
  for (auto& row : p) {
    for (int j = 0; j < targets; ++j) row.push_back(random.uniform(0.05, 0.95));
  }
  return engage::WtaProblem(values, std::vector<int>(static_cast<std::size_t>(weapons), 1), p);
}

// Cycles through 16 instances so that one easy case does not decide the figure.
constexpr int kInstances = 16;

void BM_WtaHeuristic(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<engage::WtaProblem> problems;
  for (int k = 0; k < kInstances; ++k) problems.push_back(random_wta(n, n, static_cast<std::uint64_t>(k)));
  int k = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(engage::solve_wta_heuristic(problems[static_cast<std::size_t>(k++ % kInstances)]));
  }
}
BENCHMARK(BM_WtaHeuristic)->Arg(10)->Arg(20)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

// Exact to proven optimality (time limit 60 s, never reached at these sizes);
// the counter `proven` is the fraction of runs that closed.
void BM_WtaExact(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<engage::WtaProblem> problems;
  for (int k = 0; k < kInstances; ++k) problems.push_back(random_wta(n, n, static_cast<std::uint64_t>(k)));
  int k = 0;
  double proven = 0.0;
  double nodes = 0.0;
  for (auto _ : state) {
    const auto s = engage::solve_wta_exact(problems[static_cast<std::size_t>(k++ % kInstances)], {60.0, 0});
    proven += s.proven_optimal ? 1.0 : 0.0;
    nodes += static_cast<double>(s.iterations);
  }
  state.counters["proven"] = benchmark::Counter(proven, benchmark::Counter::kAvgIterations);
  state.counters["nodes"] = benchmark::Counter(nodes, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_WtaExact)->Arg(5)->Arg(10)->Arg(15)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace

// --- guidance: homing guidance laws and engagement -----------------------------
// One guidance command (PN, APN, ZEM) on a 3-D closing state, and one
// complete homing engagement of about 10 s at 1 ms RK4 steps (10^4 steps,
// four law evaluations each, closest approach located inside the last step).
// Its includes sit here so that the section stays self-contained.

#include <cmath>

#include "rampart/engage/guidance.hpp"
#include "rampart/engage/homing.hpp"

namespace {

const rampart::engage::RelativeState kRelative{rampart::Vec3(12000.0, 3000.0, -2000.0),
                                               rampart::Vec3(-4000.0, 150.0, 90.0)};
const rampart::Vec3 kTargetAccel(5.0, 30.0, -10.0);

void BM_GuidanceCommand(benchmark::State& state, const char* law_name) {
  const auto law = rampart::engage::make_guidance_law(law_name, 4.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(law->acceleration_command(kRelative, kTargetAccel));
  }
}
BENCHMARK_CAPTURE(BM_GuidanceCommand, pn, "pn");
BENCHMARK_CAPTURE(BM_GuidanceCommand, apn, "apn");
BENCHMARK_CAPTURE(BM_GuidanceCommand, zem, "zem");

// Head-on at 3 + 2 km/s from 50 km (t_F = 10 s), 0.02 rad heading error,
// 3 g target manoeuvre; arg 1 records the command history, 0 does not.
void BM_HomingEngagement10s(benchmark::State& state) {
  using namespace rampart::engage;
  HomingOptions options;
  options.step_s = 1e-3;
  options.record_history = state.range(0) != 0;
  const HomingSimulator sim(make_guidance_law("apn", 4.0), KillVehicleLimits{}, options);
  const double HE = 0.02;
  const PursuerState pursuer{rampart::Vec3::Zero(), 3000.0 * rampart::Vec3(std::cos(HE), std::sin(HE), 0.0)};
  const TargetMotion target = constant_acceleration_target(
      rampart::Vec3(50000.0, 0.0, 0.0), rampart::Vec3(-2000.0, 0.0, 0.0), rampart::Vec3(0.0, 30.0, 0.0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(sim.run(pursuer, target));
  }
}
BENCHMARK(BM_HomingEngagement10s)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

// --- flyout fans -------------------------------------------------------------
// Building a fan (121 full-burn flights of the shipped class, 35 deg N) and
// one bilinear query of it. The brief names no budget: reported only.

#include "rampart/core/constants.hpp"
#include "rampart/engage/flyout_fan.hpp"
#include "rampart/io/interceptor_catalog.hpp"

namespace {

rampart::engage::Interceptor bench_interceptor(const char* name) {
  static const auto catalog = rampart::io::load_interceptor_catalog(rampart::io::default_interceptor_catalog_path());
  return rampart::engage::Interceptor(rampart::io::find_interceptor(catalog, name, {}));
}

const rampart::earth::Geodetic kFanSite{35.0 * rampart::constants::kDegToRad, 0.0, 0.0};

void BM_FlyoutFanBuild(benchmark::State& state, const char* name) {
  const auto interceptor = bench_interceptor(name);
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::engage::FlyoutFan(interceptor, earth, atmosphere, kFanSite));
  }
}
BENCHMARK_CAPTURE(BM_FlyoutFanBuild, pac3_mse, "pac3-mse")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FlyoutFanBuild, sm3_ib, "sm3-ib")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FlyoutFanBuild, gbi, "gbi")->Unit(benchmark::kMillisecond);

void BM_FlyoutFanQuery(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  const rampart::engage::FlyoutFan fan(bench_interceptor("sm3-ib"), earth, atmosphere, kFanSite);
  double range_m = 100e3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(fan.time_to_reach_s(range_m, 150e3));
    range_m = range_m < 400e3 ? range_m + 1e3 : 100e3;
  }
}
BENCHMARK(BM_FlyoutFanQuery);

}  // namespace
