// The flight module's numerics: Kepler propagation (budget 200 ns per call),
// Lambert solution (budget 1 us per solve), and the DOPRI5 integrator on a
// two-body orbit (the cost per step, so that trajectory costs can be
// estimated from step counts). Sections: Kepler, Lambert, integrators; add
// new benchmarks to the section of the function they time.

#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

#include "rampart/core/constants.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/lambert.hpp"
#include "rampart/flight/state.hpp"

namespace {

using rampart::Vec3;
using rampart::flight::State6;

constexpr double kMu = rampart::constants::kWgs84GM;
constexpr double kRp = 7000e3;

// --- Kepler ------------------------------------------------------------------

// Arg: dt in percent of the period of an e = 0.7 ellipse with periapsis at
// 7000 km (1: near periapsis, 50: to apoapsis, 1000: ten orbits).
void BM_PropagateKeplerElliptic(benchmark::State& state) {
  const double e = 0.7;
  const double a = kRp / (1.0 - e);
  const double period = 2.0 * std::numbers::pi * std::sqrt(a * a * a / kMu);
  const Vec3 r0(kRp, 0.0, 0.0);
  const Vec3 v0(0.0, std::sqrt(kMu * (1.0 + e) / kRp) * std::cos(0.5), std::sqrt(kMu * (1.0 + e) / kRp) * std::sin(0.5));
  const double dt = static_cast<double>(state.range(0)) / 100.0 * period;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r0);
    auto k = rampart::flight::propagate_kepler(r0, v0, dt, kMu);
    benchmark::DoNotOptimize(k);
  }
}
BENCHMARK(BM_PropagateKeplerElliptic)->Arg(1)->Arg(20)->Arg(50)->Arg(83)->Arg(1000);

// A ballistic-missile arc: burnout at 200 km altitude, sub-orbital ellipse,
// dt of 10 minutes.
void BM_PropagateKeplerBallistic(benchmark::State& state) {
  const Vec3 r0(rampart::constants::kSphereRadius + 200e3, 0.0, 0.0);
  const Vec3 v0(3000.0, 5500.0, 1000.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(r0);
    auto k = rampart::flight::propagate_kepler(r0, v0, 600.0, kMu);
    benchmark::DoNotOptimize(k);
  }
}
BENCHMARK(BM_PropagateKeplerBallistic);

// Hyperbolic escape, e = 1.5, one day.
void BM_PropagateKeplerHyperbolic(benchmark::State& state) {
  const Vec3 r0(kRp, 0.0, 0.0);
  const Vec3 v0(0.0, std::sqrt(kMu * 2.5 / kRp), 0.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(r0);
    auto k = rampart::flight::propagate_kepler(r0, v0, 86400.0, kMu);
    benchmark::DoNotOptimize(k);
  }
}
BENCHMARK(BM_PropagateKeplerHyperbolic);

// --- Lambert -----------------------------------------------------------------

Vec3 on_sphere(double radius, double angle_rad) {
  return radius * Vec3(std::cos(angle_rad), std::sin(angle_rad) * 0.8, std::sin(angle_rad) * 0.6);
}

// Arg: ballistic range in km on the spherical Earth; flight time
// sqrt(range_km)/2 + 4 minutes (a minimum-energy-like arc).
void BM_SolveLambertBallistic(benchmark::State& state) {
  const double range_km = static_cast<double>(state.range(0));
  const double R = rampart::constants::kSphereRadius;
  const Vec3 r1 = on_sphere(R, 0.0);
  const Vec3 r2 = on_sphere(R, range_km * 1e3 / R);
  const double tof = (std::sqrt(range_km) / 2.0 + 4.0) * 60.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r1);
    auto solution = rampart::flight::solve_lambert(r1, r2, tof, kMu);
    benchmark::DoNotOptimize(solution);
  }
}
BENCHMARK(BM_SolveLambertBallistic)->Arg(300)->Arg(3000)->Arg(10000);

// Orbital transfers: LEO to GEO radius at 120 deg in 5 h (ellipse), 20 min
// (hyperbola), and at 179.9 deg (near the singular plane).
void BM_SolveLambertTransfer(benchmark::State& state) {
  const double angle_deg[] = {120.0, 120.0, 179.9};
  const double tof_s[] = {5 * 3600.0, 1200.0, 5.25 * 3600.0};
  const auto i = static_cast<std::size_t>(state.range(0));
  const Vec3 r1 = on_sphere(7000e3, 0.0);
  const Vec3 r2 = on_sphere(42164e3, angle_deg[i] * rampart::constants::kDegToRad);
  for (auto _ : state) {
    benchmark::DoNotOptimize(r1);
    auto solution = rampart::flight::solve_lambert(r1, r2, tof_s[i], kMu);
    benchmark::DoNotOptimize(solution);
  }
}
BENCHMARK(BM_SolveLambertTransfer)->Arg(0)->Arg(1)->Arg(2);

// --- Integrators -------------------------------------------------------------

// One orbit of the e = 0.7 ellipse by DOPRI5 at rtol 1e-10 (the default),
// without and with an event (the apoapsis, r . v falling through zero).
// Counters: accepted steps and derivative evaluations per orbit.
void BM_Dopri54TwoBodyOrbit(benchmark::State& state) {
  const double e = 0.7;
  const double a = kRp / (1.0 - e);
  const double period = 2.0 * std::numbers::pi * std::sqrt(a * a * a / kMu);
  State6 y0;
  y0 << kRp, 0.0, 0.0, 0.0, std::sqrt(kMu * (1.0 + e) / kRp), 0.0;
  const auto two_body = [](double, const State6& y) -> State6 {
    const Vec3 r = y.head<3>();
    const double rn = r.norm();
    State6 d;
    d << y.tail<3>(), -kMu / (rn * rn * rn) * r;
    return d;
  };
  std::vector<rampart::flight::OdeEvent<State6>> events;
  if (state.range(0) == 1) {
    events.push_back({[](double, const State6& y) { return y.head<3>().dot(y.tail<3>()); }, -1, false});
  }
  long steps = 0, evaluations = 0;
  for (auto _ : state) {
    auto result = rampart::flight::integrate_dopri54(two_body, 0.0, y0, period, events);
    steps = result.steps_accepted;
    evaluations = result.derivative_evaluations;
    benchmark::DoNotOptimize(result);
  }
  state.counters["steps"] = static_cast<double>(steps);
  state.counters["f_evals"] = static_cast<double>(evaluations);
}
BENCHMARK(BM_Dopri54TwoBodyOrbit)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
