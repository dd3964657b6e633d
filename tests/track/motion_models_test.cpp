// Verification of the track motion models: the gravity gradient against
// differences of EarthModel::gravity, every transition Jacobian against
// central finite differences of its own propagate(), the ballistic and
// reentry means against DOPRI5 integration of flight::ballistic_derivative,
// drag against the US76 density, and the kinematic models' F and Q against
// their closed forms and quadrature of the defining integral.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/flight/state.hpp"
#include "rampart/track/ballistic_model.hpp"
#include "rampart/track/boost_model.hpp"
#include "rampart/track/kinematic_models.hpp"
#include "rampart/track/reentry_model.hpp"

namespace rampart::track {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An inertial state at `alt_m` above the equator-ish point at 35 deg
// latitude, moving at `speed_mps` with flight-path angle `gamma_deg`
// (negative: descending) toward the north-east, Earth-relative.
StateVector state_at(const earth::EarthModel& earth, double alt_m, double speed_mps, double gamma_deg) {
  flight::GeodeticNedState s;
  s.position = {35.0 * constants::kDegToRad, 20.0 * constants::kDegToRad, alt_m};
  const double g = gamma_deg * constants::kDegToRad;
  const double h = speed_mps * std::cos(g);
  s.v_ned_mps = Vec3(h * std::cos(0.7), h * std::sin(0.7), -speed_mps * std::sin(g));
  const flight::State6 y = flight::eci_state_from_geodetic_ned(earth, s, 0.0);
  return StateVector(y);
}

// Central-difference Jacobian of model.propagate with step h_k per component.
StateMatrix numerical_jacobian(const MotionModel& model, const StateVector& x, double t0, double t1,
                               const StateVector& step) {
  const int n = static_cast<int>(x.size());
  StateMatrix J(n, n);
  for (int k = 0; k < n; ++k) {
    StateVector xp = x, xm = x;
    xp(k) += step(k);
    xm(k) -= step(k);
    J.col(k) = (model.propagate(xp, t0, t1) - model.propagate(xm, t0, t1)) / (2.0 * step(k));
  }
  return J;
}

// Column-wise relative agreement: each column of J within rel * |column| + abs.
void expect_columns_near(const StateMatrix& J, const StateMatrix& J_ref, double rel, double abs) {
  for (int k = 0; k < J.cols(); ++k) {
    const double err = (J.col(k) - J_ref.col(k)).norm();
    EXPECT_LE(err, rel * J_ref.col(k).norm() + abs) << "column " << k << "\nJ=\n" << J << "\nref=\n" << J_ref;
  }
}

// Validates: the analytic gravity gradient (point mass + J2) equals central
// differences of EarthModel::gravity. Step 10 m at r ~ 7000 km: truncation
// ~ (h/r)^2 ~ 2e-12 relative, rounding eps |g| / h ~ 2e-16 /s^2 against
// |G| ~ 1e-6 /s^2; 1e-8 relative leaves a wide margin, and is 1e5 times
// smaller than the J2 part of G (~1e-3 relative), so a J2 slip fails.
TEST(GravityGradient, MatchesCentralDifferencesOfGravity) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  for (const Vec3& r : {Vec3(6.6e6, 1.2e6, 2.5e6), Vec3(-1e6, 3e6, 6.1e6), Vec3(7e6, 0.0, 0.0)}) {
    const Mat3 G = gravity_gradient(earth, r);
    Mat3 G_fd;
    const double h = 10.0;
    for (int j = 0; j < 3; ++j) {
      Vec3 rp = r, rm = r;
      rp(j) += h;
      rm(j) -= h;
      G_fd.col(j) = (earth.gravity(rp) - earth.gravity(rm)) / (2.0 * h);
    }
    EXPECT_LE((G - G_fd).norm(), 1e-8 * G_fd.norm()) << G << "\n" << G_fd;
    EXPECT_LE((G - G.transpose()).norm(), 1e-15 * G.norm());  // a potential's Hessian is symmetric
  }
}

// Validates: BallisticModel's Jacobian is the derivative of its propagate
// over 100 s (10 RK4 substeps). Steps 1 m and 1e-2 m/s: rounding of the
// ~7e6 m mean (~1e-9 m) over 2h is ~5e-8 of a unit entry, truncation is
// (h/r)^2-small; 1e-6 relative per column passes that and fails any error
// in the gravity gradient (G dt^2 ~ 1.5e-2 here, its J2 part ~2e-5).
TEST(BallisticModel, JacobianMatchesFiniteDifferences) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const BallisticModel model(earth, 1.0);
  const StateVector x = state_at(earth, 300e3, 6000.0, 20.0);
  StateVector step(6);
  step << 1.0, 1.0, 1.0, 1e-2, 1e-2, 1e-2;
  for (double dt : {1.0, 100.0, -30.0}) {
    const StateMatrix F = model.transition_jacobian(x, 50.0, 50.0 + dt);
    expect_columns_near(F, numerical_jacobian(model, x, 50.0, 50.0 + dt, step), 1e-6, 1e-9);
  }
}

// Validates: the mean of BallisticModel against DOPRI5 (relative tolerance
// 1e-13) integration of flight::ballistic_derivative without drag, WGS-84
// gravity with J2. The bound: RK4's local error for orbital motion is
// ~ r (omega h)^5 / 120 with omega = sqrt(mu/r^3) ~ 1.2e-3 /s; at h = 10 s
// that is ~2e-5 m per substep; we allow 1e-4 m per substep (a factor 5 for
// the constants the harmonic estimate leaves out) and omega times it in
// velocity. A wrong gravity (no J2: ~15 m over 100 s) fails by far.
TEST(BallisticModel, PropagateMatchesDopri5OfBallisticDerivative) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const BallisticModel model(earth, 0.0);
  const StateVector x = state_at(earth, 1200e3, 6500.0, 10.0);
  const flight::DragBody vacuum{0.0};
  const auto f = [&](double t, const flight::State6& y) {
    return flight::ballistic_derivative(t, y, earth, atmosphere, vacuum);
  };
  flight::AdaptiveOptions options;
  options.relative_tolerance = 1e-13;
  options.absolute_tolerance = 1e-9;
  for (double dt : {0.1, 1.0, 10.0, 100.0, 600.0}) {
    const StateVector got = model.propagate(x, 0.0, dt);
    const auto ref = flight::integrate_dopri54(f, 0.0, flight::State6(x.head<6>()), dt, {}, options);
    ASSERT_EQ(ref.status, flight::OdeStatus::kReachedEnd);
    const double substeps = std::ceil(dt / 10.0);
    EXPECT_LE((got.head<3>() - ref.y.head<3>()).norm(), 1e-4 * substeps) << "dt " << dt;
    EXPECT_LE((got.tail<3>() - ref.y.tail<3>()).norm(), 1.2e-3 * 1e-4 * substeps + 1e-9) << "dt " << dt;
  }
}

TEST(BallisticModel, ProcessNoiseIsTheWhiteNoiseAccelerationForm) {
  // Validates: Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]] per axis (the brief's
  // formula written out here), and the same for a backward interval.
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const BallisticModel model(earth, 0.5);
  const StateVector x = state_at(earth, 300e3, 6000.0, 0.0);
  const StateMatrix Q = model.process_noise(x, 10.0, 14.0);
  EXPECT_DOUBLE_EQ(Q(0, 0), 0.5 * 64.0 / 3.0);
  EXPECT_DOUBLE_EQ(Q(2, 5), 0.5 * 8.0);
  EXPECT_DOUBLE_EQ(Q(4, 4), 0.5 * 4.0);
  EXPECT_EQ(Q(0, 1), 0.0);
  EXPECT_EQ(Q, model.process_noise(x, 14.0, 10.0));
}

TEST(MotionModels, ConstructorsRejectBadParameters) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  EXPECT_THROW(BallisticModel(earth, -1.0), std::invalid_argument);
  EXPECT_THROW(BallisticModel(earth, kNaN), std::invalid_argument);
  EXPECT_THROW(BallisticModel(earth, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(ReentryModel(earth, atmosphere, 1.0, -1e-10), std::invalid_argument);
  EXPECT_THROW(ReentryModel(earth, atmosphere, kNaN, 1e-10), std::invalid_argument);
  EXPECT_THROW(ReentryModel(earth, atmosphere, 1.0, 1e-10, -0.5), std::invalid_argument);
  EXPECT_THROW(BoostModel(earth, -1.0), std::invalid_argument);
  EXPECT_THROW(ConstantVelocityModel(-1.0), std::invalid_argument);
  EXPECT_THROW(ConstantAccelerationModel{kNaN}, std::invalid_argument);
  EXPECT_THROW(SingerModel(1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(SingerModel(-1.0, 10.0), std::invalid_argument);
  EXPECT_NO_THROW(SingerModel(0.0, 10.0));
}

// --- reentry -----------------------------------------------------------------

// Validates: ReentryModel's Jacobian against central differences at 40 km,
// 3 km/s, beta = 5000 kg/m^2, over 2 s (4 substeps). The model's density
// gradient is along an approximate ellipsoid normal (angle error
// ~ e^2 h / R ~ 4e-5) and d rho/dh is a 1 m difference (truncation
// (1 m / 6 km)^2 ~ 3e-8), so 1e-4 relative per column; dropping the
// density gradient (a ~10 % effect here) or the kappa column fails.
TEST(ReentryModel, JacobianMatchesFiniteDifferences) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const ReentryModel model(earth, atmosphere, 1.0, 1e-10);
  StateVector x(7);
  x << state_at(earth, 40e3, 3000.0, -30.0), 2e-4;
  StateVector step(7);
  step << 1.0, 1.0, 1.0, 1e-2, 1e-2, 1e-2, 1e-6;
  const StateMatrix F = model.transition_jacobian(x, 0.0, 2.0);
  expect_columns_near(F, numerical_jacobian(model, x, 0.0, 2.0, step), 1e-4, 1e-9);
}

// Validates: the reentry mean against DOPRI5 (relative tolerance 1e-12) of
// flight::ballistic_derivative with Cd A/m = kappa, from 60 km at 4 km/s,
// 30 deg down, for 10 s (20 substeps of 0.5 s). Bound: the drag time scale
// is tau ~ min(v/a, H/(v sin gamma)) ~ 3 s, so RK4's local error is
// ~ v tau (h/tau)^5 / 120 ~ 1e-2 m per substep; we allow 0.05 m per
// substep in position (0.5 m in total, 1e-6 of the 10 s arc length) and
// the same divided by tau in velocity.
TEST(ReentryModel, PropagateMatchesDopri5OfBallisticDerivativeWithDrag) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const ReentryModel model(earth, atmosphere, 0.0, 0.0);
  const double kappa = 2e-4;
  StateVector x(7);
  x << state_at(earth, 60e3, 4000.0, -30.0), kappa;
  const flight::DragBody body{kappa};
  const auto f = [&](double t, const flight::State6& y) {
    return flight::ballistic_derivative(t, y, earth, atmosphere, body);
  };
  flight::AdaptiveOptions options;
  options.relative_tolerance = 1e-12;
  options.absolute_tolerance = 1e-9;
  const auto ref = flight::integrate_dopri54(f, 0.0, flight::State6(x.head<6>()), 10.0, {}, options);
  ASSERT_EQ(ref.status, flight::OdeStatus::kReachedEnd);
  const StateVector got = model.propagate(x, 0.0, 10.0);
  EXPECT_LE((got.head<3>() - ref.y.head<3>()).norm(), 20 * 0.05);
  EXPECT_LE((got.segment<3>(3) - ref.y.tail<3>()).norm(), 20 * 0.05 / 3.0);
  EXPECT_EQ(got(6), kappa);
  // And drag matters here: the vacuum arc ends ~70 m away, 70 times the bound.
  const flight::DragBody vacuum{0.0};
  const auto f0 = [&](double t, const flight::State6& y) {
    return flight::ballistic_derivative(t, y, earth, atmosphere, vacuum);
  };
  const auto ref0 = flight::integrate_dopri54(f0, 0.0, flight::State6(x.head<6>()), 10.0, {}, options);
  EXPECT_GT((ref0.y.head<3>() - ref.y.head<3>()).norm(), 20.0);
}

// Validates: over a short interval the velocity change due to drag (the
// difference between the model with kappa and with kappa = 0) equals
// -(rho/2) kappa |v_a| v_a dt with rho read from the US76 table at the
// geodetic altitude (GeographicLib, not the fast path the model uses), and
// scales linearly with kappa = 1/beta. dt = 1 ms: the neglected change of
// the drag over the interval is dt (v sin gamma / H + 2 a / v) ~ 3e-4
// relative; tolerance 1e-3. Above the atmosphere (1200 km) drag is zero.
TEST(ReentryModel, DragDeceleratesConsistentlyWithBeta) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const ReentryModel model(earth, atmosphere, 0.0, 0.0);
  const double dt = 1e-3;
  for (double beta : {1000.0, 5000.0, 20000.0}) {
    StateVector x(7), x0(7);
    x << state_at(earth, 30e3, 3000.0, -25.0), 1.0 / beta;
    x0 = x;
    x0(6) = 0.0;
    const Vec3 dv = model.propagate(x, 0.0, dt).segment<3>(3) - model.propagate(x0, 0.0, dt).segment<3>(3);
    const Vec3 r = x.head<3>();
    const double rho = atmosphere.density_kgpm3(earth.geodetic_from_ecef(earth.ecef_from_eci(r, 0.0)).alt_m);
    const Vec3 v_a = x.segment<3>(3) - earth.omega_I().cross(r);
    const Vec3 expected = -0.5 * rho / beta * v_a.norm() * v_a * dt;
    EXPECT_LE((dv - expected).norm(), 1e-3 * expected.norm()) << "beta " << beta;
    EXPECT_LT(dv.dot(v_a), 0.0);  // a deceleration along the air-relative velocity
  }
  StateVector high(7);
  high << state_at(earth, 1200e3, 7000.0, 0.0), 1e-3;
  StateVector high0 = high;
  high0(6) = 0.0;
  EXPECT_EQ(model.propagate(high, 0.0, 10.0).head<6>(), model.propagate(high0, 0.0, 10.0).head<6>());
}

// --- boost -------------------------------------------------------------------

// Validates: BoostModel's Jacobian against central differences over 20 s
// (2 substeps); same reasoning as the ballistic case, acceleration step
// 1e-2 m/s^2 (the flow is linear in a, so truncation vanishes there).
TEST(BoostModel, JacobianMatchesFiniteDifferences) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const BoostModel model(earth, 1.0);
  StateVector x(9);
  x << state_at(earth, 40e3, 2000.0, 40.0), 10.0, -20.0, 30.0;
  StateVector step(9);
  step << 1.0, 1.0, 1.0, 1e-2, 1e-2, 1e-2, 1e-2, 1e-2, 1e-2;
  const StateMatrix F = model.transition_jacobian(x, 0.0, 20.0);
  expect_columns_near(F, numerical_jacobian(model, x, 0.0, 20.0, step), 1e-6, 1e-9);
}

// Validates: the boost model adds to the ballistic mean (same r, v) exactly
// what a constant acceleration a does in the linearised gravity field:
// delta r = a dt^2/2 + G a dt^4/24, delta v = a dt + G a dt^3/6 (G the
// gravity gradient at the start; RK4 is exact for these polynomials). The
// neglected terms, G^2 a dt^6/720 and the change of G along the 20 km arc
// (~ 3 G v/r per second), are below 1e-4 m at dt = 10 s; tolerance 1e-3 m
// and 1e-3 m/s, 3 % of the G terms (~0.04 m, ~0.015 m/s), so the coupling
// of thrust into gravity is checked too.
TEST(BoostModel, ThrustAddsConstantAccelerationDisplacement) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const BoostModel boost(earth, 0.0);
  const BallisticModel ballistic(earth, 0.0);
  const Vec3 a(15.0, -5.0, 25.0);
  StateVector x(9);
  x << state_at(earth, 40e3, 2000.0, 40.0), a;
  const double dt = 10.0;
  const StateVector xb = boost.propagate(x, 0.0, dt);
  const StateVector x6 = ballistic.propagate(x.head(6), 0.0, dt);
  const Mat3 G = gravity_gradient(earth, x.head<3>());
  const Vec3 dr = 0.5 * a * dt * dt + G * a * std::pow(dt, 4) / 24.0;
  const Vec3 dv = a * dt + G * a * std::pow(dt, 3) / 6.0;
  EXPECT_LE(((xb.head<3>() - x6.head<3>()) - dr).norm(), 1e-3);
  EXPECT_LE(((xb.segment<3>(3) - x6.tail<3>()) - dv).norm(), 1e-3);
  EXPECT_EQ(xb.tail<3>(), a);
}

// --- kinematic models --------------------------------------------------------

// Integral of F(s) b b^T F(s)^T over [0, T] for one axis, by 5-point
// Gauss-Legendre on 8 panels: exact for the polynomial integrands of the
// CV and CA models (degree <= 4) and to ~1e-12 for Singer's exponentials.
template <class Fn>
Eigen::Matrix3d axis_noise_integral(const Fn& response, double T) {
  static const double node[5] = {-0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831,
                                 0.9061798459386640};
  static const double weight[5] = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889,
                                   0.4786286704993665, 0.2369268850561891};
  Eigen::Matrix3d sum = Eigen::Matrix3d::Zero();
  const int panels = 8;
  const double w = T / panels;
  for (int p = 0; p < panels; ++p)
    for (int k = 0; k < 5; ++k) {
      const double s = w * (p + 0.5 + 0.5 * node[k]);
      const Eigen::Vector3d g = response(s);
      sum += 0.5 * w * weight[k] * g * g.transpose();
    }
  return sum;
}

// Validates: CV and CA transition matrices are the kinematic closed forms
// and their Q equals q times the integral of the noise response (computed
// here by quadrature), to 1e-12 relative (rounding only).
TEST(KinematicModels, ConstantVelocityAndAccelerationMatchClosedForms) {
  const double q = 2.5, T = 3.0;
  const ConstantVelocityModel cv(q);
  StateVector x6(6);
  x6 << 1.0, 2.0, 3.0, 10.0, -20.0, 30.0;
  const StateVector y6 = cv.propagate(x6, 5.0, 5.0 + T);
  EXPECT_NEAR(y6(0), 1.0 + 10.0 * T, 1e-12);
  EXPECT_NEAR(y6(4), -20.0, 1e-12);
  const Eigen::Matrix3d cv_axis =
      q * axis_noise_integral([](double s) { return Eigen::Vector3d(s, 1.0, 0.0); }, T);
  const StateMatrix Qcv = cv.process_noise(x6, 5.0, 5.0 + T);
  EXPECT_NEAR(Qcv(1, 1), cv_axis(0, 0), 1e-12 * cv_axis(0, 0));
  EXPECT_NEAR(Qcv(1, 4), cv_axis(0, 1), 1e-12 * cv_axis(0, 1));
  EXPECT_NEAR(Qcv(4, 4), cv_axis(1, 1), 1e-12 * cv_axis(1, 1));

  const ConstantAccelerationModel ca(q);
  StateVector x9(9);
  x9 << 1.0, 2.0, 3.0, 10.0, -20.0, 30.0, 0.5, -1.0, 2.0;
  const StateVector y9 = ca.propagate(x9, 0.0, T);
  EXPECT_NEAR(y9(2), 3.0 + 30.0 * T + 0.5 * 2.0 * T * T, 1e-12);
  EXPECT_NEAR(y9(3), 10.0 + 0.5 * T, 1e-12);
  const Eigen::Matrix3d ca_axis =
      q * axis_noise_integral([](double s) { return Eigen::Vector3d(0.5 * s * s, s, 1.0); }, T);
  const StateMatrix Qca = ca.process_noise(x9, 0.0, T);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(Qca(3 * i + 1, 3 * j + 1), ca_axis(i, j), 1e-12 * ca_axis(i, j));
}

// Validates Singer's model three ways: Q equals Singer's (1970) closed-form
// entries at alpha T = 1 (where they are well conditioned; to 1e-10
// relative); for alpha T = 1e-4 Singer reduces to white-noise jerk with
// q = 2 sigma^2 / tau (the relative difference is O(alpha T), bound 1e-3);
// and the acceleration variance reaches the stationary sigma^2 (1 - e^-2aT).
TEST(KinematicModels, SingerMatchesClosedFormAndLimits) {
  const double sigma = 3.0, tau = 10.0, alpha = 1.0 / tau;
  const SingerModel singer(sigma, tau);
  StateVector x(9);
  x.setZero();
  {
    const double T = tau;  // alpha T = 1
    const double e1 = std::exp(-alpha * T), e2 = std::exp(-2.0 * alpha * T), aT = alpha * T;
    const double a2 = alpha * alpha, a3 = a2 * alpha, a4 = a3 * alpha, a5 = a4 * alpha;
    const double c = 2.0 * alpha * sigma * sigma;
    const double q11 = c / (2 * a5) * (1 - e2 + 2 * aT + 2 * aT * aT * aT / 3 - 2 * aT * aT - 4 * aT * e1);
    const double q12 = c / (2 * a4) * (e2 + 1 - 2 * e1 + 2 * aT * e1 - 2 * aT + aT * aT);
    const double q13 = c / (2 * a3) * (1 - e2 - 2 * aT * e1);
    const double q22 = c / (2 * a3) * (4 * e1 - 3 - e2 + 2 * aT);
    const double q23 = c / (2 * a2) * (e2 + 1 - 2 * e1);
    const double q33 = c / (2 * alpha) * (1 - e2);
    const StateMatrix Q = singer.process_noise(x, 0.0, T);
    EXPECT_NEAR(Q(0, 0), q11, 1e-10 * q11);
    EXPECT_NEAR(Q(0, 3), q12, 1e-10 * q12);
    EXPECT_NEAR(Q(0, 6), q13, 1e-10 * q13);
    EXPECT_NEAR(Q(3, 3), q22, 1e-10 * q22);
    EXPECT_NEAR(Q(3, 6), q23, 1e-10 * q23);
    EXPECT_NEAR(Q(6, 6), q33, 1e-10 * q33);
    EXPECT_NEAR(Q(6, 6), sigma * sigma * (1 - e2), 1e-12 * q33);
    const StateMatrix F = singer.transition_jacobian(x, 0.0, T);
    EXPECT_NEAR(F(0, 6), (aT - 1 + e1) / a2, 1e-12 * F(0, 6));
    EXPECT_NEAR(F(3, 6), (1 - e1) / alpha, 1e-12 * F(3, 6));
    EXPECT_NEAR(F(6, 6), e1, 1e-15);
  }
  {
    const double T = 1e-3;  // alpha T = 1e-4
    const StateMatrix Q = singer.process_noise(x, 0.0, T);
    const StateMatrix Qj = white_noise_jerk_q(2.0 * sigma * sigma * alpha, T);
    for (int i : {0, 3, 6})
      for (int j : {0, 3, 6}) EXPECT_NEAR(Q(i, j), Qj(i, j), 1e-3 * Qj(i, j)) << i << "," << j;
  }
}

}  // namespace
}  // namespace rampart::track
