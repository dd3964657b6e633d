// The flight module: Kepler propagation (budget 200 ns per call), Lambert
// solution (budget 1 us per solve), the DOPRI5 integrator on a two-body
// orbit (the cost per step), the point-mass derivative with J2 and drag
// (budget 100 ns) and complete targeted trajectories (budget 5 ms).
// Sections: Kepler, Lambert, integrators, point mass, trajectories; add new
// benchmarks to the section of the function they time.

#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/lambert.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/flight/state.hpp"
#include "rampart/flight/trajectory.hpp"
#include "rampart/io/missile_catalog.hpp"

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

// ---------------------------------------------------------------------------
// Point-mass equations of motion: the innermost call of every trajectory,
// gravity with J2 plus US76 drag on the air-relative velocity. Budget: 100 ns.

// Arg: altitude in km (0: sea level, 50: stratopause, 2000: above the air,
// where the quick radius check skips the atmosphere).
void BM_BallisticDerivative(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  const rampart::flight::DragBody body{0.001};
  const double altitude_m = static_cast<double>(state.range(0)) * 1000.0;
  const rampart::flight::GeodeticNedState start{rampart::earth::Geodetic{0.8, 0.4, altitude_m},
                                                rampart::Vec3(1500.0, 2000.0, -800.0)};
  rampart::flight::State6 y = rampart::flight::eci_state_from_geodetic_ned(earth, start, 0.0);
  double t = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(y);
    rampart::flight::State6 dy = rampart::flight::ballistic_derivative(t, y, earth, atmosphere, body);
    benchmark::DoNotOptimize(dy);
  }
}
BENCHMARK(BM_BallisticDerivative)->Arg(0)->Arg(10)->Arg(50)->Arg(90)->Arg(300)->Arg(2000);

// ---------------------------------------------------------------------------
// Complete targeted trajectories: boost, coast and reentry on the wgs84
// Earth with range targeting to the aim point. Budget: 5 ms each.

rampart::earth::Geodetic at(double lat_deg, double lon_deg) {
  return {lat_deg * rampart::constants::kDegToRad, lon_deg * rampart::constants::kDegToRad, 0.0};
}

const std::vector<rampart::flight::MissileType>& catalog() {
  static const auto missiles = rampart::io::load_missile_catalog(rampart::io::default_missile_catalog_path());
  return missiles;
}

// Arguments: which case. 0: mrbm-2000 min-energy Tabriz area -> Bucharest area (1830 km);
// 1: mrbm-2000 lofted, same pair; 2: icbm-10000 min-energy central Iran -> London (4400 km);
// 3: mrbm-1300 min-energy (1100 km).
void BM_TargetedMissileTrajectory(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  rampart::flight::TrajectoryRequest request;
  switch (state.range(0)) {
    case 0:
      request.launch = at(38.1, 46.3);
      request.aim = at(44.4, 26.1);
      request.missile = &rampart::io::find_missile(catalog(), "mrbm-2000", {});
      break;
    case 1:
      request.launch = at(38.1, 46.3);
      request.aim = at(44.4, 26.1);
      request.missile = &rampart::io::find_missile(catalog(), "mrbm-2000", {});
      request.shape = rampart::flight::TrajectoryShape::kLofted;
      break;
    case 2:
      request.launch = at(32.0, 53.0);
      request.aim = at(51.5, -0.1);
      request.missile = &rampart::io::find_missile(catalog(), "icbm-10000", {});
      break;
    default:
      request.launch = at(34.3, 47.1);
      request.aim = at(37.0, 35.4);
      request.missile = &rampart::io::find_missile(catalog(), "mrbm-1300", {});
      break;
  }
  // Second argument: the miss tolerance in metres (100: the issue's
  // requirement; 1: the command line's default).
  request.miss_tolerance_m = static_cast<double>(state.range(1));
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::flight::solve_trajectory(request, earth, atmosphere));
  }
}
BENCHMARK(BM_TargetedMissileTrajectory)->ArgsProduct({{0, 1, 2, 3}, {100, 1}})->Unit(benchmark::kMillisecond);

void BM_TargetedFreeFlight(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  rampart::flight::TrajectoryRequest request;
  request.launch = at(35.7, 51.4);
  request.aim = at(44.1, 24.3);
  request.miss_tolerance_m = 100.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::flight::solve_trajectory(request, earth, atmosphere));
  }
}
BENCHMARK(BM_TargetedFreeFlight)->Unit(benchmark::kMillisecond);

void BM_MissileFlight(benchmark::State& state) {
  const rampart::earth::EarthModel earth(rampart::earth::EarthKind::kWgs84);
  const rampart::earth::Us76Atmosphere atmosphere;
  const auto& missile = rampart::io::find_missile(catalog(), "mrbm-2000", {});
  const rampart::flight::LaunchCommand command{-1.0, 0.5, missile.total_burn_time_s()};
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::flight::fly_missile(missile, earth, atmosphere, at(38.1, 46.3), command));
  }
}
BENCHMARK(BM_MissileFlight)->Unit(benchmark::kMicrosecond);

}  // namespace
