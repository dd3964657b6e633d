// Verification of track initiation and management: the polar-to-ECI fix and
// its first-order covariance against the inverse of the site's measurement
// Jacobian, two-point differencing against exact kinematics and the linear
// transform of the two fixes' covariances, the pairing rules, and the M-of-N
// confirmation and deletion logic against direct counting over every
// hit/miss sequence.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/sensor_site.hpp"
#include "rampart/track/initiator.hpp"
#include "rampart/track/track.hpp"
#include "rampart/track/track_manager.hpp"

namespace rampart::track {
namespace {

struct Site {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  sense::SensorSite site{earth, {40.0 * constants::kDegToRad, 25.0 * constants::kDegToRad, 300.0}};
  RadarMeasurementModel sensor{earth, site};

  sense::Detection detect(const Vec3& r_I, double t_s, sense::SensorId id = 0) const {
    sense::Detection d;
    d.t_s = t_s;
    d.sensor = id;
    d.z = site.rae_from_ecef(earth.ecef_from_eci(r_I, t_s));
    d.R = Eigen::Vector3d(50.0 * 50.0, 2e-3 * 2e-3, 1e-3 * 1e-3).asDiagonal();
    return d;
  }
  Vec3 r_I_from_enu(const Vec3& r_L, double t_s) const {
    return earth.eci_from_ecef(site.r_E() + site.R_EL() * r_L, t_s);
  }
};

// The fix is the detection's point (round trip through rae at 1e-9 m:
// GeographicLib-exact frames and a few trig calls at 300 km) and its
// covariance is J R J^T with J the inverse of SensorSite::rae_jacobian (the
// lead's independent derivation of d rae / d r_E), rotated to ECI. Both
// routes are exact first-order forms; 1e-9 relative covers inversion rounding.
TEST(PositionFix, MatchesInverseOfMeasurementJacobian) {
  const Site s;
  const double t = 1234.5;
  for (const Vec3& r_L : {Vec3(100e3, 250e3, 80e3), Vec3(-200e3, -30e3, 300e3), Vec3(5e3, 2e3, 1e3)}) {
    const Vec3 r_I = s.r_I_from_enu(r_L, t);
    const sense::Detection d = s.detect(r_I, t);
    const PositionFix fix = position_fix(d, s.site, s.earth);
    EXPECT_LT((fix.r_I - r_I).norm(), 1e-6);
    const Vec3 r_E = s.earth.ecef_from_eci(r_I, t);
    const Mat3 J_E = s.site.rae_jacobian(r_E).inverse();
    const Mat3 R_IE = s.earth.R_EI(t).transpose();
    const Mat3 C = R_IE * J_E * d.R * J_E.transpose() * R_IE.transpose();
    EXPECT_LT((fix.C_I - C).norm(), 1e-9 * C.norm()) << "at " << r_L.transpose();
    EXPECT_EQ(fix.t_s, t);
  }
}

// Two fixes of an object moving with constant acceleration a = g(r2): the
// two-point velocity with the gravity term is exact, v2 = (r2 - r1)/dt + a dt/2
// (rounding of |r| ~ 7e6 m over dt = 4 s: ~1e-9 m/s). The covariance is the
// linear map [r2; v2] = A [r1; r2] of the fixes' covariances, A = [[0, I],
// [-I/dt, I/dt]], computed here by matrix product, plus (sigma_a dt/2)^2 I.
TEST(TwoPointInitiator, ExactForConstantAccelerationAndLinearCovariance) {
  const Site s;
  TwoPointInitiatorParameters p;
  p.acceleration_sigma_mps2 = 15.0;
  const TwoPointInitiator initiator(s.earth, p);
  const double t1 = 50.0, dt = 4.0, t2 = t1 + dt;
  const Vec3 r2 = s.r_I_from_enu(Vec3(50e3, 300e3, 150e3), t2);
  const Vec3 v2(1500.0, -2500.0, 1800.0);
  const Vec3 a = s.earth.gravity(r2);
  const Vec3 r1 = r2 - v2 * dt + 0.5 * a * dt * dt;
  PositionFix f1{t1, 0, r1, Eigen::Vector3d(400.0, 900.0, 2500.0).asDiagonal()};
  PositionFix f2{t2, 0, r2, Mat3::Identity() * 100.0};
  f2.C_I(0, 1) = f2.C_I(1, 0) = 30.0;
  const GaussianState g = initiator.two_point_state(f1, f2);
  ASSERT_EQ(g.x.size(), 6);
  EXPECT_DOUBLE_EQ(g.t_s, t2);
  EXPECT_LT((g.x.head<3>() - r2).norm(), 1e-9);
  EXPECT_LT((g.x.tail<3>() - v2).norm(), 1e-6);

  Eigen::Matrix<double, 6, 6> A = Eigen::Matrix<double, 6, 6>::Zero();
  A.block<3, 3>(0, 3) = Mat3::Identity();
  A.block<3, 3>(3, 0) = -Mat3::Identity() / dt;
  A.block<3, 3>(3, 3) = Mat3::Identity() / dt;
  Eigen::Matrix<double, 6, 6> C = Eigen::Matrix<double, 6, 6>::Zero();
  C.topLeftCorner<3, 3>() = f1.C_I;
  C.bottomRightCorner<3, 3>() = f2.C_I;
  Eigen::Matrix<double, 6, 6> P = A * C * A.transpose();
  P.bottomRightCorner<3, 3>() += std::pow(15.0 * dt / 2.0, 2) * Mat3::Identity();
  EXPECT_LT((Eigen::MatrixXd(g.P) - Eigen::MatrixXd(P)).norm(), 1e-12 * P.norm());
}

// Extra components for a 7- or 9-state first model are appended with their
// prior; invalid parameters are rejected at construction.
TEST(TwoPointInitiator, ExtraComponentsAndValidation) {
  const Site s;
  TwoPointInitiatorParameters p;
  p.extra_mean = StateVector::Constant(1, 2e-4);
  p.extra_variance = StateVector::Constant(1, 1e-8);
  const TwoPointInitiator initiator(s.earth, p);
  const PositionFix f1{0.0, 0, Vec3(7e6, 0, 0), Mat3::Identity()}, f2{1.0, 0, Vec3(7e6, 1e3, 0), Mat3::Identity()};
  const GaussianState g = initiator.two_point_state(f1, f2);
  ASSERT_EQ(g.x.size(), 7);
  EXPECT_EQ(g.x(6), 2e-4);
  EXPECT_EQ(g.P(6, 6), 1e-8);
  EXPECT_EQ(g.P.row(6).head<6>().norm(), 0.0);

  auto bad = p;
  bad.extra_variance = StateVector::Constant(1, -1.0);
  EXPECT_THROW(TwoPointInitiator(s.earth, bad), std::invalid_argument);
  bad = TwoPointInitiatorParameters{};
  bad.max_speed_mps = 0.0;
  EXPECT_THROW(TwoPointInitiator(s.earth, bad), std::invalid_argument);
  bad = TwoPointInitiatorParameters{};
  bad.max_interval_s = bad.min_interval_s;
  EXPECT_THROW(TwoPointInitiator(s.earth, bad), std::invalid_argument);
}

// Pairing: a 2 km/s object seen at t = 0 and 5 s pairs (10 km apart); a false
// alarm 100 km away would need 20 km/s, beyond the 8 km/s gate plus 3 sigma
// of noise (~1.5 km here), and stays pending; a detection from another sensor
// never pairs; pending detections expire after max_interval_s.
TEST(TwoPointInitiator, PairsWithinTheVelocityGateOnly) {
  const Site s;
  TwoPointInitiatorParameters p;
  p.max_interval_s = 12.0;
  const TwoPointInitiator initiator(s.earth, p);
  InitiatorState state;
  const Vec3 r0 = s.r_I_from_enu(Vec3(0.0, 300e3, 100e3), 0.0);
  const Vec3 v(0.0, 2000.0, 0.0);
  const Vec3 far = s.r_I_from_enu(Vec3(100e3, 300e3, 100e3), 5.0);

  EXPECT_TRUE(initiator.initiate({s.detect(r0, 0.0)}, s.sensor, 0.0, state).empty());
  ASSERT_EQ(state.pending.size(), 1u);
  const auto started = initiator.initiate({s.detect(far, 5.0), s.detect(r0 + 5.0 * v, 5.0), s.detect(r0, 5.0, 1)},
                                          s.sensor, 5.0, state);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].detection, 1u);
  // Mean velocity over the pair plus g dt / 2: within noise of v (fixes ~1 km apart in
  // cross-range at 300 km, 2 mrad) / 5 s and the gravity term itself.
  EXPECT_LT((started[0].state.x.segment<3>(3) - v).norm(), 3.0 * std::sqrt(started[0].state.P.block<3, 3>(3, 3).trace()));
  EXPECT_EQ(state.pending.size(), 2u);  // the false alarm and the other sensor's detection
  EXPECT_TRUE(initiator.initiate({}, s.sensor, 5.0 + 12.5, state).empty());
  EXPECT_TRUE(state.pending.empty()) << "pending detections older than max_interval_s are dropped";
}

// A speed just inside the gate pairs and just outside does not (no noise
// allowance: gate_sigmas = 0).
TEST(TwoPointInitiator, VelocityGateBoundary) {
  const Site s;
  TwoPointInitiatorParameters p;
  p.gate_sigmas = 0.0;
  p.max_speed_mps = 3000.0;
  const TwoPointInitiator initiator(s.earth, p);
  const Vec3 r0 = s.r_I_from_enu(Vec3(0.0, 300e3, 100e3), 0.0);
  const Vec3 u = Vec3(0.3, 0.5, 0.8).normalized();
  for (const double speed : {2990.0, 3010.0}) {
    InitiatorState state;
    initiator.initiate({s.detect(r0, 0.0)}, s.sensor, 0.0, state);
    const auto started = initiator.initiate({s.detect(r0 + 2.0 * speed * u, 2.0)}, s.sensor, 2.0, state);
    EXPECT_EQ(started.size(), speed < 3000.0 ? 1u : 0u) << speed;
  }
}

// ------------------------------------------------------------- management

// Every hit/miss sequence of 7 scans on a fresh tentative track, M = 3, N = 5:
// the track must be confirmed at the first scan k <= N where hits reach M,
// deleted at the first scan where misses exceed N - M, and tentative between
// (direct counting here, independent of the bit window in Track).
TEST(TrackManager, MOfNAgainstDirectCounting) {
  TrackManagerParameters p;
  p.confirm_hits = 3;
  p.confirm_window = 5;
  p.max_misses_confirmed = 3;
  const TrackManager manager(p);
  for (int bits = 0; bits < (1 << 7); ++bits) {
    Track track;
    track.state.estimate.P = StateMatrix::Identity(6, 6);
    TrackStatus expected = TrackStatus::kTentative;
    int hits = 0, misses = 0, misses_in_a_row = 0;
    for (int k = 0; k < 7; ++k) {
      const bool hit = (bits >> k) & 1;
      manager.review(track, hit ? ScanResult::kHit : ScanResult::kMiss, -5.0);
      hits += hit;
      misses += !hit;
      misses_in_a_row = hit ? 0 : misses_in_a_row + 1;
      if (expected == TrackStatus::kTentative) {
        if (hits >= 3) expected = TrackStatus::kConfirmed;
        else if (misses > 2) expected = TrackStatus::kDeleted;
      } else if (expected == TrackStatus::kConfirmed && misses_in_a_row >= 3) {
        expected = TrackStatus::kDeleted;
      }
      ASSERT_EQ(track.status, expected) << "sequence " << bits << " scan " << k;
    }
  }
}

// Scans that could not see the track leave it as it was.
TEST(TrackManager, NotSeenIsNoEvidence) {
  const TrackManager manager;
  Track track;
  track.state.estimate.P = StateMatrix::Identity(6, 6);
  manager.review(track, ScanResult::kHit);
  for (int k = 0; k < 20; ++k) manager.review(track, ScanResult::kNotSeen);
  EXPECT_EQ(track.status, TrackStatus::kTentative);
  EXPECT_EQ(track.scans, 1);
  // One hit with log-likelihood 0: ln(Pd / lambda) alone.
  const auto& p = manager.parameters();
  EXPECT_DOUBLE_EQ(track.score, std::log(p.detection_probability / p.clutter_density));
}

// The score is the sequential log-likelihood ratio of Blackman & Popoli
// (1999, eq. 6.13): + ln(Pd / lambda) + ln N(nu; 0, S) per hit, + ln(1 - Pd) per miss.
TEST(TrackManager, ScoreIsSequentialLogLikelihoodRatio) {
  TrackManagerParameters p;
  p.detection_probability = 0.8;
  p.clutter_density = 1e-6;
  const TrackManager manager(p);
  Track track;
  track.state.estimate.P = StateMatrix::Identity(6, 6);
  manager.review(track, ScanResult::kHit, -3.5);
  manager.review(track, ScanResult::kMiss);
  manager.review(track, ScanResult::kHit, -1.25);
  const double expected = 2.0 * std::log(0.8 / 1e-6) - 3.5 - 1.25 + std::log(0.2);
  EXPECT_NEAR(track.score, expected, 1e-12 * std::abs(expected));
}

// A track whose position sigma sqrt(trace P_rr) exceeds the bound is deleted
// at once, confirmed or not; just below the bound it lives.
TEST(TrackManager, DeletesOnCovarianceBound) {
  TrackManagerParameters p;
  p.max_position_sigma_m = 1000.0;
  const TrackManager manager(p);
  for (const double sigma : {570.0, 580.0}) {  // sqrt(3) * 577.35 = 1000
    Track track;
    track.status = TrackStatus::kConfirmed;
    track.state.estimate.P = StateMatrix::Identity(6, 6) * sigma * sigma;
    manager.review(track, ScanResult::kHit);
    EXPECT_EQ(track.status, sigma < 577.35 ? TrackStatus::kConfirmed : TrackStatus::kDeleted) << sigma;
  }
  EXPECT_THROW(TrackManager({4, 3}), std::invalid_argument);
  EXPECT_THROW(TrackManager({1, 65}), std::invalid_argument);
}

// The window functions of Track over more than 64 scans.
TEST(Track, HistoryWindow) {
  Track track;
  for (int k = 0; k < 100; ++k) track.record(k % 3 == 0 ? ScanResult::kHit : ScanResult::kMiss);
  // Scan 99 (k % 3 == 0) is the most recent: hits at offsets 0, 3, 6, ... from it.
  EXPECT_EQ(track.hits_in_last(1), 1);
  EXPECT_EQ(track.hits_in_last(10), 4);
  EXPECT_EQ(track.hits_in_last(64), 22);
  EXPECT_EQ(track.scans_in_last(10), 10);
  EXPECT_EQ(track.hits, 34);
  EXPECT_EQ(track.misses_in_a_row, 0);
}

}  // namespace
}  // namespace rampart::track
