// The track module. Sections: filters (EKF, UKF, IMM predict+update; the
// issue's budgets: EKF on the 6-state ballistic model <= 1.5 us, UKF
// <= 8 us), then association (GNN) and others appended below by their
// authors. Add new benchmarks to the section of the component they time.

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <string>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/sense/sensor_site.hpp"
#include "rampart/track/filter_factory.hpp"
#include "rampart/track/measurement_model.hpp"

namespace {

// --- filters: predict + update -----------------------------------------------

using rampart::Vec3;
namespace track = rampart::track;
namespace earth = rampart::earth;

// One radar ~550 km south of a ballistic target at 300 km, 4 km/s; each
// iteration predicts the track by the revisit interval (arg, ms) and
// updates it with a detection (the same measurement every time: the cost
// does not depend on its value).
struct FilterCase {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  earth::Us76Atmosphere atmosphere;
  rampart::sense::SensorSite site{earth, {45.0 * rampart::constants::kDegToRad, 10.0 * rampart::constants::kDegToRad, 0.0}};
  track::RadarMeasurementModel radar{earth, site};
  track::GaussianState initial;
  rampart::sense::Detection detection;

  FilterCase() {
    rampart::flight::GeodeticNedState s;
    s.position = {50.0 * rampart::constants::kDegToRad, 10.0 * rampart::constants::kDegToRad, 300e3};
    s.v_ned_mps = Vec3(0.0, 4000.0, -500.0);
    initial.t_s = 0.0;
    initial.x = track::StateVector(rampart::flight::eci_state_from_geodetic_ned(earth, s, 0.0));
    initial.P = track::StateMatrix::Identity(6, 6) * 100.0;
    detection.z = radar.h(initial.x, 0.0);
    detection.R = Vec3(400.0, 2.5e-7, 2.5e-7).asDiagonal();
  }
};

void run_filter(benchmark::State& state, const char* filter_name, const char* model_name) {
  FilterCase c;
  const auto filter = track::make_filter(filter_name, model_name, c.earth, c.atmosphere);
  const double dt = state.range(0) * 1e-3;
  const track::TrackState start = filter->initiate(c.initial);
  for (auto _ : state) {
    track::TrackState s = filter->predict(start, dt);
    c.detection.t_s = dt;
    s = filter->update(s, c.detection, c.radar);
    benchmark::DoNotOptimize(s.estimate.x.data());
  }
}

void BM_EkfBallisticPredictUpdate(benchmark::State& state) { run_filter(state, "ekf", "ballistic"); }
void BM_UkfBallisticPredictUpdate(benchmark::State& state) { run_filter(state, "ukf", "ballistic"); }
void BM_ImmBallisticReentryPredictUpdate(benchmark::State& state) { run_filter(state, "imm", "ballistic"); }
void BM_EkfReentryPredictUpdate(benchmark::State& state) { run_filter(state, "ekf", "reentry"); }

// Revisit intervals 0.1 s, 1 s, 10 s (one RK4 substep up to 10 s for the
// ballistic model; reentry takes 0.5 s substeps).
BENCHMARK(BM_EkfBallisticPredictUpdate)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(BM_UkfBallisticPredictUpdate)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(BM_ImmBallisticReentryPredictUpdate)->Arg(1000);
BENCHMARK(BM_EkfReentryPredictUpdate)->Arg(1000);

// --- end of filters section ----------------------------------------------------

}  // namespace

// --- association: GNN scan (gating + assignment + updates) --------------------
// Issue 3's budget: one GNN scan of 100 tracks x 100 detections <= 200 us.
// A raid of n ballistic objects at 300 km in a grid 5 km apart, ~600 km from
// the radar, EKF tracks (100 m, 10 m/s sigmas), one noisy detection of each.
// BM_GateScan times the gate alone (pre-gate + predicted measurements +
// Mahalanobis tests); BM_GnnScan the whole associate(): gate, clusters,
// assignment and the EKF updates of the assigned tracks.

#include "rampart/core/random.hpp"
#include "rampart/track/gating.hpp"
#include "rampart/track/gnn.hpp"
#include "rampart/track/jpda.hpp"

namespace {

struct GnnCase {
  rampart::earth::EarthModel earth{rampart::earth::EarthKind::kWgs84};
  rampart::earth::Us76Atmosphere atmosphere;
  rampart::sense::SensorSite site{earth, {45.0 * rampart::constants::kDegToRad, 10.0 * rampart::constants::kDegToRad, 0.0}};
  rampart::track::RadarMeasurementModel radar{earth, site};
  std::unique_ptr<rampart::track::Filter> filter = rampart::track::make_filter("ekf", "ballistic", earth, atmosphere);
  rampart::track::Gate gate{earth};
  std::vector<rampart::track::TrackState> tracks;
  std::vector<rampart::sense::Detection> detections;

  explicit GnnCase(int n) {
    rampart::RandomStream random(1, 1);
    const int side = static_cast<int>(std::ceil(std::sqrt(n)));
    for (int k = 0; k < n; ++k) {
      rampart::flight::GeodeticNedState s;
      s.position = {(50.0 + 0.045 * (k / side)) * rampart::constants::kDegToRad,
                    (10.0 + 0.07 * (k % side)) * rampart::constants::kDegToRad, 300e3};
      s.v_ned_mps = Vec3(0.0, 4000.0, -500.0);
      rampart::track::GaussianState g;
      g.t_s = 0.0;
      g.x = rampart::track::StateVector(rampart::flight::eci_state_from_geodetic_ned(earth, s, 0.0));
      g.P = rampart::track::StateMatrix::Identity(6, 6) * 100.0;  // 10 m/s
      g.P.topLeftCorner<3, 3>() *= 100.0;                           // 100 m
      tracks.push_back(filter->initiate(g));
      rampart::sense::Detection d;
      d.z = radar.h(g.x, 0.0) + Vec3(random.normal(0.0, 20.0), random.normal(0.0, 5e-4), random.normal(0.0, 5e-4));
      d.R = Vec3(400.0, 2.5e-7, 2.5e-7).asDiagonal();
      detections.push_back(d);
    }
    // Detections in a different order from the tracks, as a radar reports them.
    for (std::size_t k = detections.size(); k > 1; --k) std::swap(detections[k - 1], detections[random.next_u64() % k]);
  }
};

void BM_GateScan(benchmark::State& state) {
  GnnCase c(static_cast<int>(state.range(0)));
  std::size_t fine = 0;
  for (auto _ : state) {
    const auto scan = c.gate.gate(c.tracks, c.detections, c.radar, *c.filter, 0.0);
    fine = scan.fine_tests;
    benchmark::DoNotOptimize(scan.pairs.data());
  }
  state.counters["fine_tests"] = static_cast<double>(fine);
}

void BM_GnnScan(benchmark::State& state) {
  GnnCase c(static_cast<int>(state.range(0)));
  const rampart::track::GnnAssociator gnn(*c.filter, c.gate);
  for (auto _ : state) {
    const auto association = gnn.associate(c.tracks, c.detections, c.radar, 0.0);
    benchmark::DoNotOptimize(association.tracks.data());
  }
}

void BM_JpdaScan(benchmark::State& state) {
  GnnCase c(static_cast<int>(state.range(0)));
  const rampart::track::JpdaAssociator jpda(*c.filter, c.gate, {0.9, 1e-6, 20000});
  for (auto _ : state) {
    const auto association = jpda.associate(c.tracks, c.detections, c.radar, 0.0);
    benchmark::DoNotOptimize(association.tracks.data());
  }
}

BENCHMARK(BM_GateScan)->Arg(10)->Arg(100);
BENCHMARK(BM_GnnScan)->Arg(10)->Arg(100);
BENCHMARK(BM_JpdaScan)->Arg(100);

}  // namespace
// --- end of association section -------------------------------------------------

// --- impact prediction and metrics ---------------------------------------------
// ImpactPredictor::predict per track per scan: a reentry vehicle 80 km (and
// 300 km) up, 6 km/s, 30 deg down, 200 m / 3 m/s sigmas; arg 0 is the
// 6-state track in vacuum (nominal 1/beta = 0), arg 1 the 7-state track
// with drag (1/beta = 2e-4 m^2/kg +- 20 %): 13 or 15 flights to the ground.
// GOSPA of n truths against n estimates (assignment included); the
// average-NEES bounds (two chi-square quantiles) for 6 dof over N runs.

#include <vector>

#include "rampart/track/impact_prediction.hpp"
#include "rampart/track/metrics.hpp"

namespace {

void BM_ImpactPrediction(benchmark::State& state) {
  using namespace rampart;
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const track::ImpactPredictor predictor(earth, atmosphere);
  flight::GeodeticNedState ned;
  ned.position = {45.0 * constants::kDegToRad, 30.0 * constants::kDegToRad, static_cast<double>(state.range(0)) * 1e3};
  ned.v_ned_mps = Vec3(0.0, 6000.0 * std::cos(0.5), 6000.0 * std::sin(0.5));
  const bool drag = state.range(1) != 0;
  const int n = drag ? 7 : 6;
  track::GaussianState s;
  s.t_s = 500.0;
  s.x = track::StateVector(n);
  s.x.head<6>() = flight::eci_state_from_geodetic_ned(earth, ned, s.t_s);
  s.P = track::StateMatrix::Zero(n, n);
  for (int i = 0; i < 3; ++i) {
    s.P(i, i) = 200.0 * 200.0;
    s.P(i + 3, i + 3) = 3.0 * 3.0;
  }
  if (drag) {
    s.x(6) = 2e-4;
    s.P(6, 6) = 4e-5 * 4e-5;
  }
  for (auto _ : state) {
    const track::ImpactPrediction p = predictor.predict(s);
    benchmark::DoNotOptimize(p.impact_time_s);
  }
}

void BM_Gospa(benchmark::State& state) {
  rampart::RandomStream random(1, 1);
  std::vector<rampart::Vec3> X, Y;
  for (int i = 0; i < state.range(0); ++i) {
    X.emplace_back(random.uniform(0.0, 1e5), random.uniform(0.0, 1e5), 0.0);
    Y.push_back(X.back() + rampart::Vec3(random.normal(0.0, 300.0), random.normal(0.0, 300.0), 0.0));
  }
  for (auto _ : state) benchmark::DoNotOptimize(rampart::track::gospa(X, Y, {1000.0, 2.0}).distance_m);
}

void BM_AverageNeesBounds(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(rampart::track::average_nees_bounds(6, static_cast<int>(state.range(0)), 0.95).upper);
  }
}

BENCHMARK(BM_ImpactPrediction)->Args({80, 0})->Args({80, 1})->Args({300, 1})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Gospa)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AverageNeesBounds)->Arg(1)->Arg(50)->Arg(10000);

}  // namespace
// --- end of impact prediction and metrics section ------------------------------
