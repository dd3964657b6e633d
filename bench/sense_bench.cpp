// sense: one radar look (observe) and one frame of false alarms, per call.

#include <benchmark/benchmark.h>

#include "rampart/core/constants.hpp"
#include "rampart/sense/radar.hpp"

namespace {

using namespace rampart;
using constants::kDegToRad;

sense::RadarConfig bench_config(double pfa) {
  sense::RadarConfig c;
  c.name = "bench";
  c.site = earth::Geodetic{38.3 * kDegToRad, 37.8 * kDegToRad, 1900.0};
  c.boresight_azimuth_rad = 105.0 * kDegToRad;
  c.azimuth_span_rad = 120.0 * kDegToRad;
  c.elevation_min_rad = 1.0 * kDegToRad;
  c.elevation_max_rad = 70.0 * kDegToRad;
  c.min_range_m = 5e3;
  c.max_range_m = 3000e3;
  c.reference_snr = 219.0;
  c.reference_rcs_m2 = 0.01;
  c.reference_range_m = 1000e3;
  c.pfa = pfa;
  c.search_frame_time_s = 10.0;
  c.track_revisit_interval_s = 1.0;
  c.range_resolution_m = 15.0;
  c.azimuth_beamwidth_rad = 0.6 * kDegToRad;
  c.elevation_beamwidth_rad = 0.6 * kDegToRad;
  c.range_sigma_floor_m = 2.0;
  c.angle_sigma_floor_rad = 1e-4;
  return c;
}

// A target 800 km east-south-east at 300 km altitude: visible, Pd ~ 0.9+.
void BM_RadarObserve(benchmark::State& state) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const sense::Radar radar(bench_config(1e-10), earth, 0);
  const Vec3 target = radar.site().ecef_from_rae(sense::Rae(800e3, 105.0 * kDegToRad, 20.0 * kDegToRad));
  RandomStream rng(1, 1);
  for (auto _ : state) benchmark::DoNotOptimize(radar.observe(0.0, 1, target, 0.01, rng));
}
BENCHMARK(BM_RadarObserve);

// One search frame's false alarms; the argument is the mean number per frame.
void BM_RadarFalseAlarms(benchmark::State& state) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const sense::Radar probe(bench_config(1e-10), earth, 0);
  const double pfa = static_cast<double>(state.range(0)) / probe.resolution_cells();
  const sense::Radar radar(bench_config(pfa), earth, 0);
  RandomStream rng(1, 2);
  for (auto _ : state) benchmark::DoNotOptimize(radar.false_alarms(0.0, rng));
}
BENCHMARK(BM_RadarFalseAlarms)->Arg(1)->Arg(10)->Arg(100);

}  // namespace
