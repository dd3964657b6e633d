// ballistic_derivative against truths that do not go through it: Newton's
// point-mass and J2 gravity written out here, drag magnitudes from densities
// typed from the U.S. Standard Atmosphere 1976 tables, the co-rotating air,
// the terminal velocity of a dropped sphere, and the conservation of energy
// and of the axial angular momentum in vacuum.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "rampart/core/constants.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/point_mass.hpp"

namespace rampart::flight {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

State6 make_state(const Vec3& r, const Vec3& v) {
  State6 y;
  y << r, v;
  return y;
}

Vec3 acceleration(const State6& dy) { return dy.segment<3>(3); }

/// Point-mass plus J2 gravity written out (Vallado, 4th ed., eq. 8-30).
Vec3 gravity_j2(const Vec3& r, double gm, double j2, double a) {
  const double rn = r.norm();
  const double zr2 = (r.z() / rn) * (r.z() / rn);
  const double k = 1.5 * j2 * (a / rn) * (a / rn);
  const double c = -gm / (rn * rn * rn);
  return Vec3(c * r.x() * (1.0 + k * (1.0 - 5.0 * zr2)), c * r.y() * (1.0 + k * (1.0 - 5.0 * zr2)),
              c * r.z() * (1.0 + k * (3.0 - 5.0 * zr2)));
}

/// Specific energy in the point-mass + J2 field: v^2/2 - GM/r (1 - J2 (a/r)^2 P2(sin phi)).
double energy_j2(const State6& y, double gm, double j2, double a) {
  const Vec3 r = y.head<3>();
  const double rn = r.norm();
  const double s = r.z() / rn;
  const double p2 = 0.5 * (3.0 * s * s - 1.0);
  return 0.5 * y.segment<3>(3).squaredNorm() - gm / rn * (1.0 - j2 * (a / rn) * (a / rn) * p2);
}

class PointMassTest : public ::testing::Test {
 protected:
  earth::EarthModel wgs84_{earth::EarthKind::kWgs84};
  earth::EarthModel sphere_{earth::EarthKind::kSpherical};
  earth::Us76Atmosphere atmosphere_;
  double a_ = wgs84_.parameters().equatorial_radius_m;
  double b_ = a_ * (1.0 - wgs84_.parameters().flattening);
  double gm_ = wgs84_.gm();
  double j2_ = wgs84_.parameters().j2;
  double omega_ = wgs84_.rotation_rate_radps();
};

TEST_F(PointMassTest, VelocityIsThePositionDerivative) {
  const State6 y = make_state(Vec3(a_ + 3e5, -2e5, 1e6), Vec3(1234.0, -567.0, 89.0));
  const State6 dy = ballistic_derivative(0.0, y, wgs84_, atmosphere_, DragBody{0.01});
  EXPECT_EQ(dy.head<3>(), y.segment<3>(3));
}

TEST_F(PointMassTest, InVacuumTheAccelerationIsGravity) {
  // The spherical Earth: no J2, no atmosphere, so a = -GM r / |r|^3 even with a
  // large drag coefficient and low down.
  const Vec3 r(3.0e6, -4.0e6, 3.5e6);
  const State6 y = make_state(r, Vec3(-300.0, 7000.0, 10.0));
  const Vec3 a = acceleration(ballistic_derivative(0.0, y, sphere_, atmosphere_, DragBody{1.0}));
  const Vec3 newton = -sphere_.gm() / std::pow(r.norm(), 3) * r;
  EXPECT_LE((a - newton).norm(), 8 * kEps * newton.norm());

  // WGS-84 without drag (Cd A/m = 0) in the air, and with drag above the
  // atmosphere's top (1000 km): point mass + J2 as written out above.
  for (const auto& [r_I, body] : {std::pair{Vec3(a_ + 5e3, 0.0, 0.0), DragBody{0.0}},
                                  std::pair{Vec3(0.0, 0.0, b_ + 20e3), DragBody{0.0}},
                                  std::pair{Vec3(a_ + 1500e3, 1e5, 2e6), DragBody{5.0}}}) {
    const Vec3 a_I = acceleration(ballistic_derivative(0.0, make_state(r_I, Vec3(10.0, 7e3, 30.0)), wgs84_,
                                                       atmosphere_, body));
    const Vec3 g = gravity_j2(r_I, gm_, j2_, a_);
    EXPECT_LE((a_I - g).norm(), 16 * kEps * g.norm()) << r_I.transpose();
  }
}

TEST_F(PointMassTest, DragOpposesTheAirRelativeVelocityWithTheTabulatedDensity) {
  // On the equator at 10 km: altitude is |r| - a. US76 Table I (geometric
  // altitude 10 000 m): rho = 4.1351e-1 kg/m^3, given to 5 digits, so the
  // check is to half a unit of the last digit (1.2e-5 relative); the height
  // from Bowring's formula (< 1 mm) moves rho by 1e-7 relative.
  constexpr double kRho10km = 0.41351;
  const double tolerance = 0.5e-5 / kRho10km + 1e-7;
  const Vec3 r_I(a_ + 10e3, 0.0, 0.0);
  const Vec3 v_I(150.0, 900.0, -400.0);
  const DragBody body{0.004};
  const Vec3 a_I = acceleration(ballistic_derivative(0.0, make_state(r_I, v_I), wgs84_, atmosphere_, body));
  const Vec3 drag = a_I - gravity_j2(r_I, gm_, j2_, a_);

  // Air turns with the Earth: at (x, 0, 0) it moves east at omega x.
  const Vec3 v_air = v_I - Vec3(0.0, omega_ * r_I.x(), 0.0);
  const double expected = 0.5 * kRho10km * v_air.squaredNorm() * body.cd_area_per_mass_m2pkg;
  EXPECT_NEAR(drag.norm(), expected, tolerance * expected);
  // Direction: antiparallel to v_air. The drag vector is the difference of two
  // accelerations of ~9.8 m/s^2, so its direction carries their rounding.
  EXPECT_LE(drag.cross(v_air).norm() / (drag.norm() * v_air.norm()), 64 * kEps * 9.8 / drag.norm());
  EXPECT_LT(drag.dot(v_air), 0.0);

  // Sea level at the pole (altitude |z| - b; no air motion on the axis):
  // rho = 1.2250 kg/m^3 (US76 Table I), 5 digits.
  constexpr double kRho0 = 1.2250;
  const Vec3 r_pole(0.0, 0.0, b_);
  const Vec3 v_pole(30.0, -40.0, 0.0);
  const Vec3 drag0 = acceleration(ballistic_derivative(0.0, make_state(r_pole, v_pole), wgs84_, atmosphere_, body)) -
                     gravity_j2(r_pole, gm_, j2_, a_);
  const double expected0 = 0.5 * kRho0 * v_pole.squaredNorm() * body.cd_area_per_mass_m2pkg;
  EXPECT_NEAR(drag0.norm(), expected0, (0.5e-4 / kRho0 + 1e-7) * expected0);
}

TEST_F(PointMassTest, AtRestInTheTurningAtmosphereThereIsNoDrag) {
  // An object at rest on the Earth moves inertially at omega x r, like the air.
  const flight::GeodeticNedState at_rest{earth::Geodetic{0.7, -1.2, 3000.0}, Vec3::Zero()};
  const State6 y = eci_state_from_geodetic_ned(wgs84_, at_rest, 0.0);
  const Vec3 r_I = y.head<3>();
  EXPECT_LE((y.segment<3>(3) - Vec3(-omega_ * r_I.y(), omega_ * r_I.x(), 0.0)).norm(), 1e-12);
  const Vec3 a_I = acceleration(ballistic_derivative(0.0, y, wgs84_, atmosphere_, DragBody{1.0}));
  const Vec3 g = gravity_j2(r_I, gm_, j2_, a_);
  // |v_air| ~ 1e-13 m/s of rounding: drag ~ rho |v_air|^2 is nothing.
  EXPECT_LE((a_I - g).norm(), 16 * kEps * g.norm());
}

TEST_F(PointMassTest, TerminalVelocityBalancesGravity) {
  // Falling along the polar axis at v_t = sqrt(2 g / (rho Cd A/m)): gravity
  // on the axis is GM/r^2 (1 - 3 J2 (a/r)^2) (the J2 potential's radial
  // derivative at P2 = 1), rho at 5 km is 7.3643e-1 kg/m^3 (US76 Table I).
  // The net acceleration is then zero to the table's rounding (6.8e-6).
  constexpr double kRho5km = 0.73643;
  const double r = b_ + 5e3;
  const double g = gm_ / (r * r) * (1.0 - 3.0 * j2_ * (a_ / r) * (a_ / r));
  const DragBody body{0.02};
  const double v_t = std::sqrt(2.0 * g / (kRho5km * body.cd_area_per_mass_m2pkg));
  const State6 y = make_state(Vec3(0.0, 0.0, r), Vec3(0.0, 0.0, -v_t));
  const Vec3 a_I = acceleration(ballistic_derivative(0.0, y, wgs84_, atmosphere_, body));
  EXPECT_LE(a_I.norm(), (0.5e-5 / kRho5km + 1e-7) * g);
}

TEST_F(PointMassTest, DroppedSphereApproachesTerminalVelocity) {
  // Dropped at rest at the pole from 2 km, a light sphere (Cd A/m = 0.05
  // m^2/kg, v_t ~ 18 m/s) reaches its terminal speed within a few time
  // constants tau = v_t / (2 g). It then lags the local v_t(h), which falls
  // as the air thickens: v - v_t ~ tau dv_t/dt = v_t^3 / (4 g H), with H the
  // density scale height, a relative lag of ~1e-3.
  const DragBody body{0.05};
  const State6 y0 = make_state(Vec3(0.0, 0.0, b_ + 2000.0), Vec3::Zero());
  const auto f = [&](double t, const State6& y) { return ballistic_derivative(t, y, wgs84_, atmosphere_, body); };
  AdaptiveOptions options;
  options.relative_tolerance = 1e-12;
  options.absolute_tolerance = 1e-10;
  const auto result = integrate_dopri54(f, 0.0, y0, 30.0, {}, options);
  ASSERT_EQ(result.status, OdeStatus::kReachedEnd);

  const double r = result.y(2);
  const double h = r - b_;
  ASSERT_GT(h, 1000.0);
  const double g = gm_ / (r * r) * (1.0 - 3.0 * j2_ * (a_ / r) * (a_ / r));
  const double rho = atmosphere_.density_kgpm3(h);
  const double v_t = std::sqrt(2.0 * g / (rho * body.cd_area_per_mass_m2pkg));
  const double scale_height = 2.0 * rho / (atmosphere_.density_kgpm3(h - 1.0) - atmosphere_.density_kgpm3(h + 1.0));
  const double lag = v_t * v_t * v_t / (4.0 * g * scale_height);
  const double speed = result.y.segment<3>(3).norm();
  EXPECT_GT(speed - v_t, 0.5 * lag);
  EXPECT_LT(speed - v_t, 1.5 * lag);
  // Straight down the axis.
  EXPECT_LE(result.y.head<2>().norm(), 1e-9);
}

TEST_F(PointMassTest, VacuumFlightConservesEnergyAndAxialAngularMomentum) {
  // Without drag the J2 field is static and symmetric about z: the specific
  // energy and h_z = x vy - y vx are constant. A 5-minute suborbital arc at
  // relative tolerance 1e-12 over ~1e3 steps keeps both to ~1e-9.
  const GeodeticNedState start{earth::Geodetic{0.3, 0.5, 100e3}, Vec3(2000.0, 3000.0, -1500.0)};
  const State6 y0 = eci_state_from_geodetic_ned(wgs84_, start, 0.0);
  const auto f = [&](double t, const State6& y) {
    return ballistic_derivative(t, y, wgs84_, atmosphere_, DragBody{0.0});
  };
  AdaptiveOptions options;
  options.relative_tolerance = 1e-12;
  options.absolute_tolerance = 1e-9;
  const auto result = integrate_dopri54(f, 0.0, y0, 300.0, {}, options);
  ASSERT_EQ(result.status, OdeStatus::kReachedEnd);
  const double e0 = energy_j2(y0, gm_, j2_, a_);
  const double e1 = energy_j2(result.y, gm_, j2_, a_);
  EXPECT_LE(std::abs(e1 - e0), 1e-9 * std::abs(e0));
  const auto hz = [](const State6& y) { return y(0) * y(4) - y(1) * y(3); };
  EXPECT_LE(std::abs(hz(result.y) - hz(y0)), 1e-9 * std::abs(hz(y0)));
}

TEST_F(PointMassTest, GeodeticNedRoundTrip) {
  // To and from the inertial state at a later time (the Earth has turned):
  // position to nanometres, velocity to nanometres per second.
  for (const double lat : {-90.0, -45.0, 0.0, 30.0, 89.9999, 90.0}) {
    for (const double lon : {-180.0, -100.0, 0.0, 75.0, 180.0}) {
      const GeodeticNedState s{earth::Geodetic{lat * constants::kDegToRad, lon * constants::kDegToRad, 12345.0},
                               Vec3(123.0, -456.0, 78.0)};
      const double t = 1000.0;
      const GeodeticNedState back = geodetic_ned_from_eci_state(wgs84_, eci_state_from_geodetic_ned(wgs84_, s, t), t);
      const Vec3 r0 = wgs84_.ecef_from_geodetic(s.position);
      const Vec3 r1 = wgs84_.ecef_from_geodetic(back.position);
      EXPECT_LE((r1 - r0).norm(), 1e-8) << lat << " " << lon;
      // At the poles north and east depend on the longitude, which the
      // round trip may return as another (equivalent) value.
      if (std::abs(lat) < 90.0) {
        EXPECT_LE((back.v_ned_mps - s.v_ned_mps).norm(), 1e-9) << lat << " " << lon;
      } else {
        EXPECT_NEAR(back.v_ned_mps.norm(), s.v_ned_mps.norm(), 1e-9);
        EXPECT_NEAR(back.v_ned_mps.z(), s.v_ned_mps.z(), 1e-9);
      }
    }
  }
}

}  // namespace
}  // namespace rampart::flight
