// Complete targeted trajectories: boost, coast and reentry on the wgs84
// Earth with range targeting to the aim point (target: <= 5 ms each).

#include <benchmark/benchmark.h>

#include "rampart/core/constants.hpp"
#include "rampart/flight/trajectory.hpp"
#include "rampart/io/missile_catalog.hpp"

namespace {

using namespace rampart;

earth::Geodetic at(double lat_deg, double lon_deg) {
  return {lat_deg * constants::kDegToRad, lon_deg * constants::kDegToRad, 0.0};
}

const std::vector<flight::MissileType>& catalog() {
  static const auto missiles = io::load_missile_catalog(io::default_missile_catalog_path());
  return missiles;
}

// Arguments: which case. 0: mrbm-2000 min-energy Tabriz area -> Bucharest area (1830 km);
// 1: mrbm-2000 lofted, same pair; 2: icbm-10000 min-energy central Iran -> London (4400 km);
// 3: mrbm-1300 min-energy (1100 km).
void BM_TargetedMissileTrajectory(benchmark::State& state) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  flight::TrajectoryRequest request;
  switch (state.range(0)) {
    case 0:
      request.launch = at(38.1, 46.3);
      request.aim = at(44.4, 26.1);
      request.missile = &io::find_missile(catalog(), "mrbm-2000", {});
      break;
    case 1:
      request.launch = at(38.1, 46.3);
      request.aim = at(44.4, 26.1);
      request.missile = &io::find_missile(catalog(), "mrbm-2000", {});
      request.shape = flight::TrajectoryShape::kLofted;
      break;
    case 2:
      request.launch = at(32.0, 53.0);
      request.aim = at(51.5, -0.1);
      request.missile = &io::find_missile(catalog(), "icbm-10000", {});
      break;
    default:
      request.launch = at(34.3, 47.1);
      request.aim = at(37.0, 35.4);
      request.missile = &io::find_missile(catalog(), "mrbm-1300", {});
      break;
  }
  request.miss_tolerance_m = 100.0;  // the targeting requirement
  for (auto _ : state) {
    benchmark::DoNotOptimize(flight::solve_trajectory(request, earth, atmosphere));
  }
}
BENCHMARK(BM_TargetedMissileTrajectory)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_TargetedFreeFlight(benchmark::State& state) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  flight::TrajectoryRequest request;
  request.launch = at(35.7, 51.4);
  request.aim = at(44.1, 24.3);
  request.miss_tolerance_m = 100.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(flight::solve_trajectory(request, earth, atmosphere));
  }
}
BENCHMARK(BM_TargetedFreeFlight)->Unit(benchmark::kMillisecond);

void BM_MissileFlight(benchmark::State& state) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const auto& missile = io::find_missile(catalog(), "mrbm-2000", {});
  const flight::LaunchCommand command{-1.0, 0.5, missile.total_burn_time_s()};
  for (auto _ : state) {
    benchmark::DoNotOptimize(flight::fly_missile(missile, earth, atmosphere, at(38.1, 46.3), command));
  }
}
BENCHMARK(BM_MissileFlight)->Unit(benchmark::kMicrosecond);

}  // namespace
