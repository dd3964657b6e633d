// The point-mass right-hand side, the innermost call of every trajectory:
// gravity with J2 plus US76 drag on the air-relative velocity. Budget: 100 ns.

#include <benchmark/benchmark.h>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/point_mass.hpp"

namespace {

using rampart::Vec3;
using rampart::flight::State6;

// Arg: altitude in km (0: sea level, 50: stratopause, 2000: above the air,
// where the quick radius check skips the atmosphere).
void BM_BallisticDerivative(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  const rampart::flight::DragBody body{0.001};
  const double altitude_m = static_cast<double>(state.range(0)) * 1000.0;
  const rampart::flight::GeodeticNedState start{rampart::earth::Geodetic{0.8, 0.4, altitude_m},
                                                Vec3(1500.0, 2000.0, -800.0)};
  State6 y = rampart::flight::eci_state_from_geodetic_ned(earth, start, 0.0);
  double t = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(y);
    State6 dy = rampart::flight::ballistic_derivative(t, y, earth, atmosphere, body);
    benchmark::DoNotOptimize(dy);
  }
}
BENCHMARK(BM_BallisticDerivative)->Arg(0)->Arg(10)->Arg(50)->Arg(90)->Arg(300)->Arg(2000);

}  // namespace
