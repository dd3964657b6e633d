// The filter conformance suite: every track::Filter (EKF, UKF, IMM) passes
// the same typed tests against independent truth: the Kalman update
// computed here by explicit matrix algebra, a symmetric positive definite
// covariance through many cycles, the zero-noise prediction against the
// Kepler solution (and its covariance against Phi P Phi^T with Phi from
// differences of that solution), and an update that never adds
// uncertainty. Also the radar measurement model against an independent
// range/azimuth/elevation computation, and the factory's names.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/sense/sensor_site.hpp"
#include "rampart/track/ballistic_model.hpp"
#include "rampart/track/ekf.hpp"
#include "rampart/track/filter_factory.hpp"
#include "rampart/track/imm.hpp"
#include "rampart/track/measurement_model.hpp"
#include "rampart/track/reentry_model.hpp"
#include "rampart/track/ukf.hpp"

namespace rampart::track {
namespace {

constexpr double kTwoPi = 2.0 * constants::kPi;

// Two-body Earth: no J2, no rotation (ECI = ECEF), no atmosphere, so that
// every model's mean motion is Kepler's.
earth::EarthParameters kepler_earth_parameters() {
  earth::EarthParameters p = earth::EarthParameters::wgs84();
  p.j2 = 0.0;
  p.rotation_rate_radps = 0.0;
  p.has_atmosphere = false;
  return p;
}

// Independent range, azimuth (clockwise from north, [0, 2 pi)), elevation
// of r_E from a site: ENU by the site's rotation, elevation by asin.
Vec3 rae_reference(const earth::EarthModel& earth, const earth::Geodetic& site, const Vec3& r_E) {
  const Vec3 d = earth.R_EL(site).transpose() * (r_E - earth.ecef_from_geodetic(site));
  double az = std::atan2(d.x(), d.y());
  if (az < 0.0) az += kTwoPi;
  return Vec3(d.norm(), az, std::asin(d.z() / d.norm()));
}

Vec3 wrapped(Vec3 nu) {
  nu(1) = std::remainder(nu(1), kTwoPi);
  return nu;
}

// --- filters under test ------------------------------------------------------

struct World {
  earth::EarthModel earth{kepler_earth_parameters()};
  earth::Us76Atmosphere atmosphere;
};

struct EkfMaker {
  static std::unique_ptr<Filter> make(const World& w, double q) {
    return std::make_unique<Ekf>(std::make_shared<BallisticModel>(w.earth, q));
  }
};
struct UkfMaker {
  static std::unique_ptr<Filter> make(const World& w, double q) {
    return std::make_unique<Ukf>(std::make_shared<BallisticModel>(w.earth, q));
  }
};
// Ballistic and reentry in vacuum: both modes move r, v alike and kappa is
// decoupled, so the combined estimate must behave like a single filter.
struct ImmMaker {
  static std::unique_ptr<Filter> make(const World& w, double q) {
    ImmMode ballistic;
    ballistic.model = std::make_shared<BallisticModel>(w.earth, q);
    ballistic.extra_mean = StateVector(0);
    ballistic.extra_variance = StateVector(0);
    ImmMode reentry;
    reentry.model = std::make_shared<ReentryModel>(w.earth, w.atmosphere, q, 0.0);
    reentry.extra_mean = StateVector::Constant(1, 2e-4);
    reentry.extra_variance = StateVector::Constant(1, 4e-8);
    reentry.initial_probability = 0.5;
    return std::make_unique<ImmFilter>(std::vector<ImmMode>{ballistic, reentry});
  }
};

template <class Maker>
class FilterConformance : public ::testing::Test {
 protected:
  World world;
  earth::Geodetic site_geodetic{45.0 * constants::kDegToRad, 10.0 * constants::kDegToRad, 100.0};
  sense::SensorSite site{world.earth, site_geodetic};
  RadarMeasurementModel radar{world.earth, site};

  // A target ~500 km due north of the site (azimuth within 1e-5 rad of 0,
  // so the azimuth wraps), 200 km up, moving east at 7 km/s.
  StateVector target() const {
    const earth::Geodetic p{49.5 * constants::kDegToRad, 10.0 * constants::kDegToRad + 1e-7, 200e3};
    const Vec3 r = world.earth.ecef_from_geodetic(p);
    const Vec3 east = world.earth.R_EL(p).col(0);
    StateVector x(6);
    x << r, 7000.0 * east;
    return x;
  }
  // A correlated prior: position sigmas ~10 m, velocity ~1 m/s.
  StateMatrix prior_covariance() const {
    Eigen::Matrix<double, 6, 6> A;
    A << 10, 0, 0, 0, 0, 0,   3, 8, 0, 0, 0, 0,   -2, 1, 12, 0, 0, 0,
         0.5, 0, 0, 1, 0, 0,  0, 0.3, 0, 0.2, 0.9, 0,   0, 0, 0.4, -0.1, 0.1, 1.1;
    return StateMatrix(A * A.transpose());
  }
  sense::Detection detection(double t, const Vec3& z, double sigma_r, double sigma_angle) const {
    sense::Detection d;
    d.t_s = t;
    d.z = z;
    d.R = Vec3(sigma_r * sigma_r, sigma_angle * sigma_angle, sigma_angle * sigma_angle).asDiagonal();
    return d;
  }
};

using FilterTypes = ::testing::Types<EkfMaker, UkfMaker, ImmMaker>;
TYPED_TEST_SUITE(FilterConformance, FilterTypes);

// Validates: one update equals the Kalman update written out here,
// K = P H^T (H P H^T + R)^-1, x + K nu, (I - K H) P, with H from central
// differences of the independent rae above and the azimuth innovation
// wrapped across north (z_az near 2 pi, prediction near 0). Tolerance: the
// measurement's nonlinearity over the prior spread is ~ sqrt(n) sigma / r
// ~ 5e-5 relative (what separates the UKF from the EKF), the test's H has
// ~1e-8 relative difference error; 1e-3 of the posterior standard
// deviations leaves a margin of 20 and fails a missing wrap (2 pi), a
// missing R or a wrong gain by orders of magnitude.
TYPED_TEST(FilterConformance, UpdateEqualsHandComputedKalmanUpdate) {
  const auto filter = TypeParam::make(this->world, 1e-3);
  GaussianState prior{100.0, this->target(), this->prior_covariance()};
  const TrackState state = filter->initiate(prior);

  const auto rae = [&](const StateVector& x) { return rae_reference(this->world.earth, this->site_geodetic, x.head<3>()); };
  Eigen::Matrix<double, 3, 6> H = Eigen::Matrix<double, 3, 6>::Zero();
  for (int k = 0; k < 3; ++k) {
    StateVector xp = prior.x, xm = prior.x;
    xp(k) += 1.0;
    xm(k) -= 1.0;
    H.col(k) = wrapped(rae(xp) - rae(xm)) / 2.0;
  }
  const Vec3 z_hat = rae(prior.x);
  ASSERT_LT(z_hat(1), 1e-4);  // the geometry this test means: just east of north
  const double sigma_r = 5.0, sigma_a = 2e-5;
  Vec3 z = z_hat + Vec3(7.0, -4e-5, 1.5e-5);
  z(1) = std::fmod(z(1) + kTwoPi, kTwoPi);  // ~2 pi - 3e-5
  ASSERT_GT(z(1), 6.0);
  const sense::Detection det = this->detection(100.0, z, sigma_r, sigma_a);

  const Eigen::Matrix<double, 6, 6> P = prior.P;
  const Eigen::Matrix3d S = H * P * H.transpose() + det.R;
  const Eigen::Matrix<double, 6, 3> K = P * H.transpose() * S.inverse();
  const Eigen::Matrix<double, 6, 1> x_ref = prior.x + K * wrapped(z - z_hat);
  const Eigen::Matrix<double, 6, 6> P_ref = (Eigen::Matrix<double, 6, 6>::Identity() - K * H) * P;

  const GaussianState post = filter->update(state, det, this->radar).estimate;
  ASSERT_EQ(post.x.size(), 6);
  for (int i = 0; i < 6; ++i) {
    EXPECT_NEAR(post.x(i), x_ref(i), 1e-3 * std::sqrt(P_ref(i, i))) << i;
    for (int j = 0; j < 6; ++j)
      EXPECT_NEAR(post.P(i, j), P_ref(i, j), 1e-3 * std::sqrt(P_ref(i, i) * P_ref(j, j))) << i << "," << j;
  }
  // And the update moved the state a lot compared with that tolerance.
  EXPECT_GT((x_ref - prior.x).norm(), 1.0);
}

// Validates: through 40 predict/update cycles (5 s apart, process noise on)
// P stays exactly symmetric (every filter symmetrises) and positive definite
// (Cholesky succeeds, smallest eigenvalue > 0); IMM probabilities sum to 1.
TYPED_TEST(FilterConformance, CovarianceStaysSymmetricPositiveDefinite) {
  const auto filter = TypeParam::make(this->world, 1e-2);
  const BallisticModel truth_model(this->world.earth, 0.0);
  StateVector truth = this->target();
  TrackState state = filter->initiate({0.0, truth + StateVector::Constant(6, 3.0), 100.0 * this->prior_covariance()});
  double t = 0.0;
  for (int k = 0; k < 40; ++k) {
    truth = truth_model.propagate(truth, t, t + 5.0);
    t += 5.0;
    state = filter->predict(state, t);
    Vec3 z = rae_reference(this->world.earth, this->site_geodetic, truth.head<3>()) +
             Vec3(3.0 * std::sin(k), 1e-4 * std::cos(3.0 * k), 5e-5 * std::sin(7.0 * k));
    z(1) = std::fmod(z(1) + kTwoPi, kTwoPi);
    state = filter->update(state, this->detection(t, z, 10.0, 1e-4), this->radar);
    const StateMatrix& P = state.estimate.P;
    ASSERT_TRUE(P.isApprox(P.transpose(), 0.0)) << "step " << k;
    ASSERT_EQ((P - P.transpose()).norm(), 0.0) << "step " << k;
    ASSERT_EQ(Eigen::LLT<StateMatrix>(P).info(), Eigen::Success) << "step " << k;
    EXPECT_GT(Eigen::SelfAdjointEigenSolver<StateMatrix>(P).eigenvalues().minCoeff(), 0.0);
    for (const GaussianState& mode : state.modes)
      ASSERT_EQ(Eigen::LLT<StateMatrix>(mode.P).info(), Eigen::Success) << "step " << k;
    if (state.mode_probabilities.size() > 0) {
      EXPECT_NEAR(state.mode_probabilities.sum(), 1.0, 1e-12);
    }
  }
  // The track converged on the truth it was fed (a sanity bound: ~100x the
  // steady-state position sigma of tens of metres would be 1 km).
  EXPECT_LT((state.estimate.x.head<3>() - truth.head<3>()).norm(), 1000.0);
}

// Validates: with q = 0 on a two-body Earth the predicted mean equals
// flight::propagate_kepler and the predicted covariance Phi P Phi^T, with
// Phi from central differences of the Kepler solution (steps 1 m, 1e-3 m/s).
// Mean bound: RK4's local error ~ r (omega h)^5 / 120 ~ 2e-5 m per 10 s
// substep, allowed 1e-4 m per substep (30 substeps over 300 s); the UKF's
// sigma-point mean differs from f(x) by ~ |f''| P ~ 1e-12 m at these
// sigmas. Covariance bound: the test's Phi has ~1e-7 relative rounding
// (1e-9 m over 2e-3 m/s), so 1e-5 of sqrt(P_ii P_jj).
TYPED_TEST(FilterConformance, ZeroNoisePredictionMatchesKepler) {
  const auto filter = TypeParam::make(this->world, 0.0);
  const GaussianState prior{10.0, this->target(), this->prior_covariance() * 1e-2};
  const TrackState state = filter->initiate(prior);
  const double mu = this->world.earth.gm();
  for (double dt : {1.0, 60.0, 300.0}) {
    const GaussianState pred = filter->predict(state, 10.0 + dt).estimate;
    EXPECT_EQ(pred.t_s, 10.0 + dt);
    const flight::KeplerState k = flight::propagate_kepler(prior.x.head<3>(), prior.x.tail<3>(), dt, mu);
    const double substeps = std::ceil(dt / 10.0);
    EXPECT_LE((pred.x.head<3>() - k.r).norm(), 1e-4 * substeps) << "dt " << dt;
    EXPECT_LE((pred.x.segment<3>(3) - k.v).norm(), 1.2e-3 * 1e-4 * substeps + 1e-9) << "dt " << dt;

    Eigen::Matrix<double, 6, 6> Phi;
    for (int j = 0; j < 6; ++j) {
      const double h = j < 3 ? 1.0 : 1e-3;
      Vec3 rp = prior.x.head<3>(), rm = rp, vp = prior.x.tail<3>(), vm = vp;
      if (j < 3) { rp(j) += h; rm(j) -= h; } else { vp(j - 3) += h; vm(j - 3) -= h; }
      const flight::KeplerState a = flight::propagate_kepler(rp, vp, dt, mu);
      const flight::KeplerState b = flight::propagate_kepler(rm, vm, dt, mu);
      Phi.col(j) << (a.r - b.r) / (2 * h), (a.v - b.v) / (2 * h);
    }
    const Eigen::Matrix<double, 6, 6> P_ref = Phi * prior.P * Phi.transpose();
    for (int i = 0; i < 6; ++i)
      for (int j = 0; j < 6; ++j)
        EXPECT_NEAR(pred.P(i, j), P_ref(i, j), 1e-5 * std::sqrt(P_ref(i, i) * P_ref(j, j)))
            << "dt " << dt << " (" << i << "," << j << ")";
  }
  // Predicting to the state's own time changes nothing.
  EXPECT_EQ(filter->predict(state, 10.0).estimate.x, state.estimate.x);
}

// Validates: an update never adds uncertainty: trace(P) falls and
// P_prior - P_post is positive semi-definite (smallest eigenvalue above
// -1e-12 of the trace, rounding), for a measurement far more precise than
// the prior, and for one far less precise (a small but nonzero gain).
TYPED_TEST(FilterConformance, UpdateReducesUncertainty) {
  const auto filter = TypeParam::make(this->world, 1e-3);
  const GaussianState prior{0.0, this->target(), 1e4 * this->prior_covariance()};
  const TrackState state = filter->initiate(prior);
  const Vec3 z = rae_reference(this->world.earth, this->site_geodetic, prior.x.head<3>()) + Vec3(20.0, 0.0, 1e-4);
  for (double sigma_scale : {1.0, 1e3}) {
    const GaussianState post =
        filter->update(state, this->detection(0.0, z, 10.0 * sigma_scale, 1e-4 * sigma_scale), this->radar).estimate;
    const StateMatrix& P0 = state.estimate.P;
    EXPECT_LT(post.P.trace(), P0.trace());
    const StateMatrix D = P0 - post.P;
    EXPECT_GT(Eigen::SelfAdjointEigenSolver<StateMatrix>(D).eigenvalues().minCoeff(), -1e-12 * P0.trace());
  }
}

// Validates: predict_measurement gives z_hat = h(x) and, for this small
// prior, S = H P H^T without sensor noise (independent H by differences as
// above; 1e-3 relative for the UKF's nonlinearity), and the gain
// Pxz (S + R)^-1 reproduces the update's mean shift. z_hat tolerances: the
// UKF's mean of h carries the curvature bias ~ sigma_cross^2 / r ~ 2e-4 m in
// range and ~ (sigma/r)^2 ~ 1e-9 rad in angle at these 10 m sigmas and
// 550 km; bounds 1e-3 m and 1e-8 rad.
TYPED_TEST(FilterConformance, PredictedMeasurementIsConsistentWithTheUpdate) {
  const auto filter = TypeParam::make(this->world, 1e-3);
  const GaussianState prior{0.0, this->target(), this->prior_covariance()};
  const TrackState state = filter->initiate(prior);
  const MeasurementPrediction mp = filter->predict_measurement(state, this->radar);
  const Vec3 z_ref = rae_reference(this->world.earth, this->site_geodetic, prior.x.head<3>());
  EXPECT_NEAR(mp.z_hat(0), z_ref(0), 1e-3);
  EXPECT_NEAR(std::remainder(mp.z_hat(1) - z_ref(1), kTwoPi), 0.0, 1e-8);
  EXPECT_GE(mp.z_hat(1), 0.0);
  EXPECT_LT(mp.z_hat(1), kTwoPi);
  EXPECT_NEAR(mp.z_hat(2), z_ref(2), 1e-8);
  const auto H = this->radar.H(prior.x, 0.0);
  const Eigen::Matrix3d S_ref = H * prior.P * H.transpose();
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(mp.S(i, j), S_ref(i, j), 1e-3 * std::sqrt(S_ref(i, i) * S_ref(j, j)));
  const sense::Detection det = this->detection(0.0, z_ref + Vec3(10.0, 1e-5, -1e-5), 5.0, 2e-5);
  const StateVector shift = mp.Pxz * (mp.S + det.R).inverse() * wrapped(det.z - mp.z_hat);
  const GaussianState post = filter->update(state, det, this->radar).estimate;
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(post.x(i) - prior.x(i), shift(i), 1e-3 * std::sqrt(prior.P(i, i)));
}

// --- measurement model -------------------------------------------------------

// Validates: h on the rotating WGS-84 Earth equals the independent rae of
// the ECEF position obtained by rotating r_I about z by the Earth's angle
// at t (written out here), to 1e-9 relative (rounding of ~1e6 m values);
// H equals central differences of h (steps 1 m: truncation (1/r)^2 ~ 1e-12,
// rounding eps r / h ~ 1e-10 rad per m), and is zero beyond the position.
TEST(RadarMeasurementModel, MatchesIndependentGeometryOnTheRotatingEarth) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Geodetic site_geo{30.0 * constants::kDegToRad, -60.0 * constants::kDegToRad, 50.0};
  const sense::SensorSite site(earth, site_geo);
  const RadarMeasurementModel radar(earth, site);
  const double t = 1234.5;
  const double theta = earth.rotation_rate_radps() * t;
  Mat3 R_EI;
  R_EI << std::cos(theta), std::sin(theta), 0.0, -std::sin(theta), std::cos(theta), 0.0, 0.0, 0.0, 1.0;
  const Vec3 r_E = earth.ecef_from_geodetic({33.0 * constants::kDegToRad, -57.0 * constants::kDegToRad, 150e3});
  StateVector x(7);
  x << R_EI.transpose() * r_E, 100.0, 200.0, 300.0, 1e-4;
  const Vec3 z = radar.h(x, t);
  const Vec3 z_ref = rae_reference(earth, site_geo, r_E);
  EXPECT_NEAR(z(0), z_ref(0), 1e-9 * z_ref(0));
  EXPECT_NEAR(z(1), z_ref(1), 1e-9);
  EXPECT_NEAR(z(2), z_ref(2), 1e-9);
  const auto H = radar.H(x, t);
  ASSERT_EQ(H.cols(), 7);
  for (int k = 0; k < 7; ++k) {
    StateVector xp = x, xm = x;
    xp(k) += 1.0;
    xm(k) -= 1.0;
    const Vec3 col = wrapped(radar.h(xp, t) - radar.h(xm, t)) / 2.0;
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(H(i, k), col(i), 1e-9 + 1e-7 * std::abs(col(i))) << i << "," << k;
  }
}

TEST(RadarMeasurementModel, ResidualWrapsAzimuth) {
  // Validates: azimuth 0.01 against 2 pi - 0.01 differs by +0.02, not -2 pi + 0.02.
  const Vec3 nu = RadarMeasurementModel::residual(Vec3(1000.0, 0.01, 0.2), Vec3(990.0, kTwoPi - 0.01, 0.1));
  EXPECT_NEAR(nu(0), 10.0, 1e-12);
  EXPECT_NEAR(nu(1), 0.02, 1e-12);
  EXPECT_NEAR(nu(2), 0.1, 1e-12);
  EXPECT_NEAR(RadarMeasurementModel::residual(Vec3(0, kTwoPi - 0.01, 0), Vec3(0, 0.01, 0))(1), -0.02, 1e-12);
}

// --- factory -----------------------------------------------------------------

TEST(FilterFactory, MakesEveryFilterOverEveryModelByName) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  for (std::string_view f : filter_names())
    for (std::string_view m : motion_model_names()) {
      const auto filter = make_filter(f, m, earth, atmosphere);
      ASSERT_NE(filter, nullptr);
      EXPECT_EQ(filter->name(), f);
    }
  for (std::string_view m : motion_model_names()) EXPECT_EQ(make_motion_model(m, earth, atmosphere)->name(), m);
  EXPECT_EQ(make_motion_model("reentry", earth, atmosphere)->dimension(), 7);
  EXPECT_EQ(make_motion_model("singer", earth, atmosphere)->dimension(), 9);
  const auto imm = make_filter("imm", "cv+ca+singer", earth, atmosphere);
  EXPECT_EQ(dynamic_cast<const ImmFilter&>(*imm).mode_count(), 3);
  // A 6-state initiation gives an IMM state with a 9-state CA mode.
  GaussianState g{0.0, StateVector::Zero(6), StateMatrix::Identity(6, 6)};
  const TrackState s = imm->initiate(g);
  ASSERT_EQ(s.modes.size(), 3u);
  EXPECT_EQ(s.modes[1].x.size(), 9);
  EXPECT_EQ(s.estimate.x.size(), 6);
}

TEST(FilterFactory, UnknownNamesThrowListingTheKnownOnes) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  try {
    make_filter("kalman", "ballistic", earth, atmosphere);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "unknown filter 'kalman' (known: ekf, ukf, imm)");
  }
  try {
    make_filter("imm", "ballistic+orbit", earth, atmosphere);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown motion model 'orbit' (known: ballistic, reentry, boost, cv, ca, singer)");
  }
}

// Validates the EKF's fixed-size path for six-state ballistic tracks against
// the general formulas written out here: x1 and F from the model's
// propagate_with_jacobian, P1 = sym(F P F^T + Q) with the model's Q. The
// fast path promises the same numbers, so they are compared exactly.
TEST(EkfBallisticFastPath, EqualsTheGeneralPrediction) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const auto model = std::make_shared<BallisticModel>(earth, 0.5);
  const Ekf ekf(model);
  TrackState state;
  state.estimate.t_s = 100.0;
  state.estimate.x.resize(6);
  state.estimate.x << 6.6e6, 1.2e6, 1.9e6, -900.0, 5200.0, 2500.0;
  StateMatrix A = StateMatrix::Identity(6, 6);
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 6; ++j) A(i, j) += 0.01 * (i + 1) * (j + 2) / (1.0 + i + j);
  }
  state.estimate.P = A * A.transpose() * 400.0;
  for (double t : {100.0, 100.5, 104.0, 130.0, 95.0}) {
    SCOPED_TRACE(t);
    const TrackState out = ekf.predict(state, t);
    if (t == state.estimate.t_s) {
      EXPECT_EQ(out.estimate.x, state.estimate.x);
      EXPECT_EQ(out.estimate.P, state.estimate.P);
      continue;
    }
    const auto [x1, F] = model->propagate_with_jacobian(state.estimate.x, state.estimate.t_s, t);
    using Matrix6 = Eigen::Matrix<double, 6, 6>;
    const Matrix6 F6 = F;
    const Matrix6 Q6 = model->process_noise(state.estimate.x, state.estimate.t_s, t);
    const Matrix6 P6 = F6 * Matrix6(state.estimate.P) * F6.transpose() + Q6;
    const StateMatrix P1 = 0.5 * (P6 + P6.transpose());
    EXPECT_EQ(out.estimate.t_s, t);
    EXPECT_EQ(out.estimate.x, x1);
    EXPECT_EQ(out.estimate.P, P1);
  }
}

}  // namespace
}  // namespace rampart::track
