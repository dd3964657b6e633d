// Benchmarks of the earth module's hot paths: the functions called in every
// derivative evaluation of the equations of motion (density, gravity, fast
// altitude) and the exact geodetic conversion used at the edges.

#include <benchmark/benchmark.h>

#include <array>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/earth/horizon.hpp"

namespace {

using rampart::Vec3;
using rampart::earth::EarthKind;
using rampart::earth::EarthModel;
using rampart::earth::Us76Atmosphere;

// Altitudes cycled through so that branch prediction sees a realistic mix;
// the argument picks the band (0: -5..86 km layers, 1: 86..1000 km table).
std::array<double, 16> altitudes(int band) {
  std::array<double, 16> z{};
  for (int i = 0; i < 16; ++i) z[i] = band == 0 ? -5000.0 + i * 5600.0 : 87000.0 + i * 57000.0;
  return z;
}

void BM_DensityKgpm3(benchmark::State& state) {
  const Us76Atmosphere atmosphere;
  const auto z = altitudes(static_cast<int>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(atmosphere.density_kgpm3(z[i++ & 15]));
  }
}
BENCHMARK(BM_DensityKgpm3)->Arg(0)->Arg(1)->ArgNames({"above86km"});

void BM_AtmosphereAt(benchmark::State& state) {
  const Us76Atmosphere atmosphere;
  const auto z = altitudes(static_cast<int>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(atmosphere.at(z[i++ & 15]));
  }
}
BENCHMARK(BM_AtmosphereAt)->Arg(0)->Arg(1)->ArgNames({"above86km"});

std::array<Vec3, 16> positions(const EarthModel& earth) {
  std::array<Vec3, 16> r;
  for (int i = 0; i < 16; ++i) {
    r[i] = earth.ecef_from_geodetic({(-80.0 + 10.0 * i) * 0.0174533, (-170.0 + 21.0 * i) * 0.0174533, 1000.0 * i * i});
  }
  return r;
}

void BM_Gravity(benchmark::State& state) {
  const EarthModel earth(state.range(0) == 0 ? EarthKind::kWgs84 : EarthKind::kSpherical);
  const auto r = positions(earth);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(earth.gravity(r[i++ & 15]));
  }
}
BENCHMARK(BM_Gravity)->Arg(0)->Arg(1)->ArgNames({"spherical"});

void BM_AltitudeM(benchmark::State& state) {
  const EarthModel earth(state.range(0) == 0 ? EarthKind::kWgs84 : EarthKind::kSpherical);
  const auto r = positions(earth);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(earth.altitude_m(r[i++ & 15]));
  }
}
BENCHMARK(BM_AltitudeM)->Arg(0)->Arg(1)->ArgNames({"spherical"});

void BM_GeodeticFromEcef(benchmark::State& state) {
  const EarthModel earth(EarthKind::kWgs84);
  const auto r = positions(earth);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(earth.geodetic_from_ecef(r[i++ & 15]));
  }
}
BENCHMARK(BM_GeodeticFromEcef);

void BM_EcefFromGeodetic(benchmark::State& state) {
  const EarthModel earth(EarthKind::kWgs84);
  std::size_t i = 0;
  for (auto _ : state) {
    const double k = static_cast<double>(i++ & 15);
    benchmark::DoNotOptimize(earth.ecef_from_geodetic({0.1 * k - 0.7, 0.3 * k - 2.0, 100.0 * k}));
  }
}
BENCHMARK(BM_EcefFromGeodetic);

void BM_LineOfSight(benchmark::State& state) {
  const EarthModel earth(EarthKind::kWgs84);
  // A sensor and targets near its horizon, where the exact search runs.
  const Vec3 a = earth.ecef_from_geodetic({0.77, 0.42, 50.0});
  std::array<Vec3, 16> b;
  for (int i = 0; i < 16; ++i) b[i] = earth.ecef_from_geodetic({0.77 + 0.004 * i, 0.42 + 0.01 * i, 20000.0});
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::earth::line_of_sight(earth, a, b[i++ & 15]));
  }
}
BENCHMARK(BM_LineOfSight);

}  // namespace
