// Verification of impact-point prediction: on the spherical vacuum Earth the
// predicted impact equals the closed-form intersection of the Kepler conic
// with the sphere, the sigma-point covariance equals the linearised one
// (Jacobian by finite differences of that closed form), and the threatened
// area holds its stated share of Monte Carlo impacts, also with drag on
// WGS-84. Outcomes (orbit, below ground, bad covariance) are values.

#include "rampart/track/impact_prediction.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/core/random.hpp"
#include "rampart/flight/ballistic_flight.hpp"
#include "rampart/flight/kepler.hpp"

namespace rampart::track {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kR = constants::kSphereRadius;
constexpr double kMu = constants::kWgs84GM;

// ------------------------------------------------------------ closed form

struct ClosedFormImpact {
  double dt_s;  // time from the state to impact
  Vec3 r_m;     // impact point (ECI = ECEF on the non-rotating sphere)
};

// Where the conic through (r0, v0) meets the sphere |r| = R on the way down:
// orbit equation r = p / (1 + e cos nu) = R on the descending branch
// (nu in (pi, 2 pi)), the point R (cos nu P + sin nu Q) in the perifocal
// axes, the time from Kepler's equation M = E - e sin E. Elliptic arcs only.
ClosedFormImpact kepler_impact(const Vec3& r0, const Vec3& v0) {
  const Vec3 h = r0.cross(v0);
  const Vec3 e_vec = v0.cross(h) / kMu - r0.normalized();
  const double e = e_vec.norm();
  const double p = h.squaredNorm() / kMu;
  const Vec3 P = e_vec / e;
  const Vec3 Q = h.normalized().cross(P);
  double nu0 = std::atan2(r0.dot(Q), r0.dot(P));
  if (nu0 < 0.0) nu0 += 2.0 * kPi;
  const double nu_impact = 2.0 * kPi - std::acos((p / kR - 1.0) / e);
  const auto mean_anomaly = [e](double nu) {
    double E = std::atan2(std::sqrt(1.0 - e * e) * std::sin(nu), e + std::cos(nu));
    if (E < 0.0) E += 2.0 * kPi;
    return E - e * std::sin(E);
  };
  const double a = p / (1.0 - e * e);
  const double n = std::sqrt(kMu / (a * a * a));
  return {(mean_anomaly(nu_impact) - mean_anomaly(nu0)) / n,
          kR * (std::cos(nu_impact) * P + std::sin(nu_impact) * Q)};
}

// East and north unit vectors at a point of the sphere.
Vec3 east_at(const Vec3& r) { return Vec3(-r.y(), r.x(), 0.0).normalized(); }
Vec3 north_at(const Vec3& r) { return r.normalized().cross(east_at(r)); }

// A ballistic arc of some 2000 km: 200 km up over (40 N, 20 E), 4 km/s
// climbing at 25 degrees toward the north-east, in an inclined plane so that
// every component of the state matters.
flight::State6 arc_state() {
  const double lat = 40.0 * constants::kDegToRad, lon = 20.0 * constants::kDegToRad;
  const Vec3 up(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
  const Vec3 east = east_at(up), north = up.cross(east);
  const double gamma = 25.0 * constants::kDegToRad, azimuth = 50.0 * constants::kDegToRad;
  const Vec3 horizontal = std::cos(azimuth) * north + std::sin(azimuth) * east;
  flight::State6 y;
  y << (kR + 200e3) * up, 4000.0 * (std::cos(gamma) * horizontal + std::sin(gamma) * up);
  return y;
}

GaussianState gaussian(const flight::State6& y, const StateMatrix& P, double t_s = 100.0) {
  GaussianState s;
  s.t_s = t_s;
  s.x = y;
  s.P = P;
  return s;
}

// Position sigma 100 m, velocity 1 m/s, with a position-velocity correlation
// of 0.5 along each axis (what a filter tracking a coasting object reports).
StateMatrix small_covariance(double sigma_r_m, double sigma_v_mps) {
  StateMatrix P = StateMatrix::Zero(6, 6);
  for (int i = 0; i < 3; ++i) {
    P(i, i) = sigma_r_m * sigma_r_m;
    P(i + 3, i + 3) = sigma_v_mps * sigma_v_mps;
    P(i, i + 3) = P(i + 3, i) = 0.5 * sigma_r_m * sigma_v_mps;
  }
  return P;
}

ImpactPredictionOptions tight_options() {
  ImpactPredictionOptions o;
  o.relative_tolerance = 1e-12;
  o.absolute_tolerance = 1e-7;
  return o;
}

// Validates: with zero covariance (every sigma point at the mean: the
// singular P must be accepted) the predicted impact point and time equal
// the closed-form impact of the Kepler conic on the 6371 km sphere, and the
// closed form itself agrees with propagate_kepler over dt (the oracle's own
// check, to 1e-4 m: both are exact to ~1e-12 relative of 7e6 m). Tolerances:
// DOPRI5 at rtol 1e-12 over the ~580 s arc keeps the position to
// ~1e-12 x 7e6 m x (tens of steps) ~ 1e-4 m; the impact event is bracketed
// to 1e-7 s, 0.4 mm at ~4 km/s; so 1 cm and 10 us bound both with margin.
TEST(ImpactPrediction, MatchesTheClosedFormKeplerImpactOnTheSphere) {
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const ImpactPredictor predictor(sphere, atmosphere, tight_options());
  const flight::State6 y = arc_state();
  const ClosedFormImpact truth = kepler_impact(y.head<3>(), y.tail<3>());
  EXPECT_NEAR((flight::propagate_kepler(y.head<3>(), y.tail<3>(), truth.dt_s, kMu).r - truth.r_m).norm(), 0.0,
              1e-4);

  const ImpactPrediction impact = predictor.predict(gaussian(y, StateMatrix::Zero(6, 6)));
  ASSERT_EQ(impact.status, ImpactStatus::kPredicted);
  EXPECT_NEAR(impact.time_to_impact_s, truth.dt_s, 1e-5);
  EXPECT_NEAR(impact.impact_time_s, 100.0 + truth.dt_s, 1e-5);
  EXPECT_NEAR(impact.impact_point.alt_m, 0.0, 1e-9);
  const Vec3 r_predicted = sphere.ecef_from_geodetic(impact.impact_point);
  EXPECT_LT((r_predicted - truth.r_m).norm(), 0.01);
  EXPECT_NEAR(impact.impact_time_sigma_s, 0.0, 1e-12);
  EXPECT_NEAR(impact.P_en_m2.norm(), 0.0, 1e-12);
  // The arc is a real one: about 2000 km long and 10 minutes of flight.
  EXPECT_GT(truth.dt_s, 400.0);
  EXPECT_GT(std::acos(y.head<3>().normalized().dot(truth.r_m.normalized())) * kR, 1000e3);
}

// Validates: for a small covariance the sigma-point covariance of the impact
// point (east-north) and of the impact time equals the linearised one,
// J P J^T, with J computed in the test by central finite differences of the
// closed-form impact (steps 1 m and 1 mm/s: truncation ~h^2 f'''/6 and
// rounding ~eps 7e6 m / h both below 1e-8 relative). The unscented transform
// agrees with linearisation to second order, so the remaining difference is
// relative (sigma_impact / curvature scale)^2 ~ (2 km / 2000 km)^2 = 1e-6
// plus the integration noise of the sigma-point impacts (~1e-4 m each against
// a ~1 km spread: 1e-7); 1e-4 relative bounds both with margin.
TEST(ImpactPrediction, SigmaPointCovarianceMatchesTheLinearisedOne) {
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const ImpactPredictor predictor(sphere, atmosphere, tight_options());
  const flight::State6 y = arc_state();
  const StateMatrix P = small_covariance(100.0, 1.0);
  const ImpactPrediction impact = predictor.predict(gaussian(y, P));
  ASSERT_EQ(impact.status, ImpactStatus::kPredicted);

  const ClosedFormImpact nominal = kepler_impact(y.head<3>(), y.tail<3>());
  const Vec3 east = east_at(nominal.r_m), north = north_at(nominal.r_m);
  Eigen::Matrix<double, 3, 6> J;  // rows: east, north, time
  for (int k = 0; k < 6; ++k) {
    const double h = k < 3 ? 1.0 : 1e-3;
    flight::State6 plus = y, minus = y;
    plus(k) += h;
    minus(k) -= h;
    const ClosedFormImpact a = kepler_impact(plus.head<3>(), plus.tail<3>());
    const ClosedFormImpact b = kepler_impact(minus.head<3>(), minus.tail<3>());
    J(0, k) = east.dot(a.r_m - b.r_m) / (2.0 * h);
    J(1, k) = north.dot(a.r_m - b.r_m) / (2.0 * h);
    J(2, k) = (a.dt_s - b.dt_s) / (2.0 * h);
  }
  const Eigen::Matrix3d P_lin = J * Eigen::Matrix<double, 6, 6>(P) * J.transpose();
  const Eigen::Matrix2d P_en_lin = P_lin.topLeftCorner<2, 2>();
  EXPECT_LT((impact.P_en_m2 - P_en_lin).norm(), 1e-4 * P_en_lin.norm())
      << "UT:\n" << impact.P_en_m2 << "\nlinearised:\n" << P_en_lin;
  EXPECT_NEAR(impact.impact_time_sigma_s, std::sqrt(P_lin(2, 2)), 1e-4 * std::sqrt(P_lin(2, 2)));
  // A meaningful spread: the impact sigma is hundreds of metres or more.
  EXPECT_GT(std::sqrt(P_en_lin.trace()), 500.0);
}

// Fraction of samples inside the ellipse, measured on the east-north plane
// at the predicted impact point (east/north of the sphere or ellipsoid there).
struct Containment {
  int inside = 0;
  int total = 0;
  Eigen::Vector2d mean_offset = Eigen::Vector2d::Zero();
};

bool in_ellipse(const Eigen::Vector2d& d_en, const ThreatEllipse& ellipse) {
  const Eigen::Vector2d major(std::sin(ellipse.major_axis_azimuth_rad), std::cos(ellipse.major_axis_azimuth_rad));
  const Eigen::Vector2d minor(major.y(), -major.x());
  const double u = d_en.dot(major) / ellipse.semi_major_m, v = d_en.dot(minor) / ellipse.semi_minor_m;
  return u * u + v * v <= 1.0;
}

// Validates: the 95 % threatened-area ellipse contains 95 % of the impacts of
// 4000 initial states drawn from the track's Gaussian, each flown in closed
// form (Kepler on the sphere). Binomial: sd = sqrt(0.95 0.05 / 4000) = 0.0034;
// the band 0.95 +- 0.015 (4.4 sd) fails for a correct ellipse with
// probability ~1e-5 (100000 samples gave 0.951, so the UT ellipse is not
// biased at this size). The covariance is large (500 m, 5 m/s: a 15 km by
// 7 km ellipse) so that non-Gaussian impacts would show; a covariance off by
// 25 % moves the share to 0.976 or 0.894 and is caught.
TEST(ImpactPrediction, EllipseHoldsItsShareOfMonteCarloImpactsInVacuum) {
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const ImpactPredictor predictor(sphere, atmosphere);
  const flight::State6 y = arc_state();
  const StateMatrix P = small_covariance(500.0, 5.0);
  const ImpactPrediction impact = predictor.predict(gaussian(y, P));
  ASSERT_EQ(impact.status, ImpactStatus::kPredicted);
  EXPECT_EQ(impact.threatened_area.probability, 0.95);

  const Vec3 r_mean = sphere.ecef_from_geodetic(impact.impact_point);
  const Vec3 east = east_at(r_mean), north = north_at(r_mean);
  const StateMatrix L = Eigen::LLT<StateMatrix>(P).matrixL();
  RandomStream random(3, 14);
  const int N = 4000;
  int inside = 0;
  for (int k = 0; k < N; ++k) {
    StateVector w(6);
    for (int i = 0; i < 6; ++i) w(i) = random.normal();
    const flight::State6 sample = y + flight::State6(L * w);
    const Vec3 d = kepler_impact(sample.head<3>(), sample.tail<3>()).r_m - r_mean;
    inside += in_ellipse(Eigen::Vector2d(east.dot(d), north.dot(d)), impact.threatened_area) ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(inside) / N, 0.95, 0.015);
  EXPECT_GT(impact.threatened_area.semi_major_m, 5e3);
}

// Validates: with drag and a 7th state component (1/beta), on the rotating
// WGS-84 Earth, the 90 % ellipse contains 90 % of 1000 Monte Carlo impacts,
// each sample (its own 1/beta included) flown with fly_ballistic, and the
// sample mean lies where the prediction puts it: N d^T P^-1 d ~ chi2_2 for
// the sample mean d, below chi2_2(0.9999) = 18.42 with probability 0.9999.
// Binomial band: sd = sqrt(0.9 0.1 / 1000) = 0.0095, +-0.04 is 4.2 sd.
TEST(ImpactPrediction, EllipseHoldsItsShareOfMonteCarloImpactsWithDrag) {
  const earth::EarthModel wgs84(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  ImpactPredictionOptions options;
  options.ellipse_probability = 0.9;
  const ImpactPredictor predictor(wgs84, atmosphere, options);

  // A reentry vehicle 80 km above (45 N, 30 E), 6 km/s Earth-relative, 30 deg
  // below the horizon heading east; beta = 5000 kg/m^2 known to 20 %.
  flight::GeodeticNedState ned;
  ned.position = {45.0 * constants::kDegToRad, 30.0 * constants::kDegToRad, 80e3};
  const double gamma = -30.0 * constants::kDegToRad;
  ned.v_ned_mps = Vec3(0.0, 6000.0 * std::cos(gamma), -6000.0 * std::sin(gamma));
  const double t0 = 500.0;
  const flight::State6 y6 = flight::eci_state_from_geodetic_ned(wgs84, ned, t0);
  StateVector x(7);
  x << y6, 1.0 / 5000.0;
  StateMatrix P = StateMatrix::Zero(7, 7);
  P.topLeftCorner(6, 6) = small_covariance(200.0, 3.0);
  P(6, 6) = std::pow(0.2 / 5000.0, 2);
  GaussianState state;
  state.t_s = t0;
  state.x = x;
  state.P = P;
  const ImpactPrediction impact = predictor.predict(state);
  ASSERT_EQ(impact.status, ImpactStatus::kPredicted);
  EXPECT_GT(impact.time_to_impact_s, 10.0);

  const Vec3 r_mean = wgs84.ecef_from_geodetic(impact.impact_point);
  const Mat3 R_EL = wgs84.R_EL(impact.impact_point);
  const StateMatrix L = Eigen::LLT<StateMatrix>(P).matrixL();
  RandomStream random(8, 2);
  const int N = 1000;
  int inside = 0;
  Eigen::Vector2d sum = Eigen::Vector2d::Zero();
  flight::FlightOptions flight_options;
  for (int k = 0; k < N; ++k) {
    StateVector w(7);
    for (int i = 0; i < 7; ++i) w(i) = random.normal();
    const StateVector sample = x + L * w;
    flight::FlightPath path;
    flight::SampleRecorder none(0.0);
    flight::fly_ballistic(wgs84, atmosphere, {t0, sample.head<6>()}, flight::DragBody{std::max(sample(6), 0.0)},
                          flight_options, none, path);
    ASSERT_TRUE(path.impact.has_value());
    const Vec3 d_E = wgs84.ecef_from_eci(flight::position(path.impact->y_I), path.impact->t_s) - r_mean;
    const Eigen::Vector2d d = (R_EL.transpose() * d_E).head<2>();
    sum += d;
    inside += in_ellipse(d, impact.threatened_area) ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(inside) / N, 0.9, 0.04);
  const Eigen::Vector2d mean = sum / N;
  EXPECT_LT(N * mean.dot(impact.P_en_m2.ldlt().solve(mean)), 18.42) << mean.transpose();
}

// Validates: the ellipse of a 2-D Gaussian by hand. For P = diag(sE^2, sN^2)
// with sE > sN the major axis points east (azimuth pi/2) with semi-axes
// k sE and k sN, k = sqrt(-2 ln 0.05) = sqrt(5.99146) (the chi2_2 95 % point
// of printed tables); rotating P by a known angle turns the axis by it.
TEST(ImpactPrediction, ThreatEllipseByHand) {
  const double k = std::sqrt(5.99146);
  ThreatEllipse e = threat_ellipse(Eigen::Vector2d(900.0, 100.0).asDiagonal(), 0.95);
  EXPECT_NEAR(e.semi_major_m, 30.0 * k, 30.0 * 1e-6);
  EXPECT_NEAR(e.semi_minor_m, 10.0 * k, 10.0 * 1e-6);
  EXPECT_NEAR(e.major_axis_azimuth_rad, kPi / 2.0, 1e-12);
  // Major axis at azimuth 30 deg: unit (east, north) = (sin 30, cos 30).
  const double az = 30.0 * constants::kDegToRad;
  Eigen::Matrix2d V;
  V << std::sin(az), std::cos(az), std::cos(az), -std::sin(az);
  e = threat_ellipse(V * Eigen::Vector2d(400.0, 25.0).asDiagonal() * V.transpose(), 0.5);
  EXPECT_NEAR(e.major_axis_azimuth_rad, az, 1e-12);
  EXPECT_NEAR(e.semi_major_m, 20.0 * std::sqrt(-2.0 * std::log(0.5)), 1e-12);
  EXPECT_THROW(threat_ellipse(Eigen::Matrix2d::Identity(), 1.0), std::invalid_argument);
}

// Validates: what cannot be predicted is an outcome, not an exception: a
// circular orbit never comes down (kNoImpact within the time limit); a
// state 100 m up with a 1 km position sigma has sigma points underground
// (kStartsBelowGround, naming a non-central point), a state below ground
// fails at the mean (point 0); a covariance with a negative eigenvalue is
// kInvalidCovariance. Bad options and sizes are programmer errors: throw.
TEST(ImpactPrediction, FailuresAreOutcomes) {
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  ImpactPredictionOptions options;
  options.max_flight_time_s = 2000.0;
  const ImpactPredictor predictor(sphere, atmosphere, options);

  const double r = kR + 500e3;
  flight::State6 orbit;
  orbit << r, 0.0, 0.0, 0.0, std::sqrt(kMu / r), 0.0;
  ImpactPrediction p = predictor.predict(gaussian(orbit, small_covariance(10.0, 0.01)));
  EXPECT_EQ(p.status, ImpactStatus::kNoImpact);
  EXPECT_EQ(p.failed_sigma_point, 0);

  flight::State6 low;
  low << kR + 100.0, 0.0, 0.0, -100.0, 1000.0, 0.0;
  p = predictor.predict(gaussian(low, small_covariance(1000.0, 1.0)));
  EXPECT_EQ(p.status, ImpactStatus::kStartsBelowGround);
  EXPECT_GT(p.failed_sigma_point, 0);
  low(0) = kR - 10.0;
  p = predictor.predict(gaussian(low, StateMatrix::Zero(6, 6)));
  EXPECT_EQ(p.status, ImpactStatus::kStartsBelowGround);
  EXPECT_EQ(p.failed_sigma_point, 0);

  StateMatrix bad = small_covariance(100.0, 1.0);
  bad(0, 0) = -1.0;
  EXPECT_EQ(predictor.predict(gaussian(arc_state(), bad)).status, ImpactStatus::kInvalidCovariance);

  GaussianState wrong;
  wrong.x = StateVector::Zero(5);
  wrong.P = StateMatrix::Identity(5, 5);
  EXPECT_THROW(predictor.predict(wrong), std::invalid_argument);
  ImpactPredictionOptions o;
  o.ellipse_probability = 1.0;
  EXPECT_THROW(ImpactPredictor(sphere, atmosphere, o), std::invalid_argument);
  o = {};
  o.nominal_inverse_beta_m2pkg = -1e-3;
  EXPECT_THROW(ImpactPredictor(sphere, atmosphere, o), std::invalid_argument);
  o = {};
  o.alpha = 0.0;
  EXPECT_THROW(ImpactPredictor(sphere, atmosphere, o), std::invalid_argument);
  o = {};
  o.relative_tolerance = 0.0;
  EXPECT_THROW(ImpactPredictor(sphere, atmosphere, o), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::track
