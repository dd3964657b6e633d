// Trajectory shaping and range targeting (rampart::flight::solve_trajectory).

#include "rampart/flight/trajectory.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/flight/trajectory_summary.hpp"
#include "rampart/io/missile_catalog.hpp"

namespace rampart::flight {
namespace {

using constants::kDegToRad;
using constants::kPi;

earth::Geodetic at(double lat_deg, double lon_deg) { return {lat_deg * kDegToRad, lon_deg * kDegToRad, 0.0}; }

/// Geodesic distance in metres on `earth`, by GeographicLib directly (not rampart's ground_arc).
double geodesic_m(const earth::EarthModel& earth, const earth::Geodetic& a, const earth::Geodetic& b) {
  const GeographicLib::Geodesic g(earth.parameters().equatorial_radius_m, earth.parameters().flattening);
  double s12 = 0.0;
  g.Inverse(a.lat_rad / kDegToRad, a.lon_rad / kDegToRad, b.lat_rad / kDegToRad, b.lon_rad / kDegToRad, s12);
  return s12;
}

earth::Geodetic impact_point(const earth::EarthModel& earth, const FlightPath& path) {
  return earth.geodetic_from_ecef(earth.ecef_from_eci(position(path.impact->y_I), path.impact->t_s));
}

// --- Minimum-energy free flight on the spherical Earth against the closed form ---
//
// Closed form for a burnout on the surface of a non-rotating sphere of radius
// R in vacuum, range angle psi = s / R (Wheelon, "Free flight of a ballistic
// missile", ARS Journal 29, 1959; Regan & Anandakrishnan, Dynamics of
// Atmospheric Re-Entry, 1993, ch. 2):
//   flight-path angle  gamma = (pi - psi) / 4
//   speed              nu = v^2 R / mu = 2 sin(psi/2) / (1 + sin(psi/2))
//   ellipse            a = R / (2 - nu),  e^2 = 1 - nu (2 - nu) cos^2 gamma
//   apogee altitude    a (1 + e) - R
//   flight time        2 (pi - M) / n, M = E - e sin E, cos E = (1 - R/a) / e, n = sqrt(mu / a^3)
struct ClosedForm {
  double speed_mps, gamma_rad, flight_time_s, apogee_alt_m;
};

ClosedForm min_energy_closed_form(double range_m, double radius_m, double mu) {
  const double psi = range_m / radius_m;
  const double s = std::sin(psi / 2.0);
  const double nu = 2.0 * s / (1.0 + s);
  const double gamma = (kPi - psi) / 4.0;
  const double a = radius_m / (2.0 - nu);
  const double e = std::sqrt(1.0 - nu * (2.0 - nu) * std::cos(gamma) * std::cos(gamma));
  const double E = std::acos((1.0 - radius_m / a) / e);
  const double M = E - e * std::sin(E);
  const double n = std::sqrt(mu / (a * a * a));
  return {std::sqrt(nu * mu / radius_m), gamma, 2.0 * (kPi - M) / n, a * (1.0 + e) - radius_m};
}

class MinEnergySphere : public ::testing::TestWithParam<double> {};

TEST_P(MinEnergySphere, MatchesClosedForm) {
  const earth::EarthModel earth(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const double range_m = GetParam();
  const double R = earth.parameters().equatorial_radius_m;
  // Along a meridian from 10 S, so the arc spans range_m exactly.
  TrajectoryRequest request;
  request.launch = at(-10.0, 20.0);
  request.aim = at(-10.0 + range_m / R / kDegToRad, 20.0);
  const Trajectory trajectory = solve_trajectory(request, earth, atmosphere);
  const TrajectorySummary s = summarize(trajectory, earth, request.launch);
  const ClosedForm truth = min_energy_closed_form(range_m, R, earth.gm());

  // The issue asks for 0.1%. The solution is found by minimising the Lambert
  // speed over flight time (golden section to 1e-7 relative) and then
  // integrating with DOPRI5 at 1e-10; both leave errors near 1e-6, so
  // 1e-4 relative is a strict check with a wide margin against round-off.
  constexpr double kRelative = 1e-4;
  EXPECT_NEAR(s.ground_range_m, range_m, kRelative * range_m);
  EXPECT_NEAR(s.burnout_speed_mps, truth.speed_mps, kRelative * truth.speed_mps);
  EXPECT_NEAR(s.burnout_flight_path_angle_rad, truth.gamma_rad, kRelative * truth.gamma_rad);
  EXPECT_NEAR(s.flight_time_s, truth.flight_time_s, kRelative * truth.flight_time_s);
  EXPECT_NEAR(s.apogee_altitude_m, truth.apogee_alt_m, kRelative * truth.apogee_alt_m);
  // Symmetry of the vacuum ellipse: apogee at half time, impact at the burnout speed and angle.
  EXPECT_NEAR(s.apogee_time_s, truth.flight_time_s / 2.0, kRelative * truth.flight_time_s);
  EXPECT_NEAR(s.impact_speed_mps, truth.speed_mps, kRelative * truth.speed_mps);
  EXPECT_LT(s.miss_m, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Ranges, MinEnergySphere, ::testing::Values(1000e3, 3000e3, 10000e3));

// With a burnout speed above the minimum, the lofted and depressed solutions
// fly at exactly that speed, straddle the minimum-energy angle, and both land.
TEST(FreeFlight, BurnoutSpeedGivesLoftedAndDepressed) {
  const earth::EarthModel earth(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  TrajectoryRequest request;
  request.launch = at(0.0, 0.0);
  request.aim = at(0.0, 27.0);
  const double range = 27.0 * kDegToRad * earth.parameters().equatorial_radius_m;
  const auto truth = min_energy_closed_form(range, earth.parameters().equatorial_radius_m, earth.gm());
  request.burnout_speed_mps = truth.speed_mps * 1.05;
  request.shape = TrajectoryShape::kLofted;
  const auto lofted = summarize(solve_trajectory(request, earth, atmosphere), earth, request.launch);
  request.shape = TrajectoryShape::kDepressed;
  const auto depressed = summarize(solve_trajectory(request, earth, atmosphere), earth, request.launch);
  EXPECT_NEAR(lofted.burnout_speed_mps, *request.burnout_speed_mps, 1e-6 * *request.burnout_speed_mps);
  EXPECT_NEAR(depressed.burnout_speed_mps, *request.burnout_speed_mps, 1e-6 * *request.burnout_speed_mps);
  EXPECT_GT(lofted.burnout_flight_path_angle_rad, truth.gamma_rad);
  EXPECT_LT(depressed.burnout_flight_path_angle_rad, truth.gamma_rad);
  // In vacuum from the surface the two angles are complementary about the
  // chord: gamma_lofted + gamma_depressed = 2 gamma_min_energy (Wheelon 1959).
  EXPECT_NEAR(lofted.burnout_flight_path_angle_rad + depressed.burnout_flight_path_angle_rad, 2.0 * truth.gamma_rad,
              1e-6);
  EXPECT_GT(lofted.apogee_altitude_m, truth.apogee_alt_m);
  EXPECT_LT(depressed.apogee_altitude_m, truth.apogee_alt_m);

  request.burnout_speed_mps = truth.speed_mps * 0.99;
  EXPECT_THROW(solve_trajectory(request, earth, atmosphere), InputError);
}

// Shaped by the burnout angle on the sphere: the speed follows from the
// range equation for burnout on the surface (Wheelon 1959),
//   tan(psi/2) = nu sin(gamma) cos(gamma) / (1 - nu cos^2(gamma)).
TEST(FreeFlight, BurnoutAngleMeetsTheRangeEquation) {
  const earth::EarthModel earth(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const double R = earth.parameters().equatorial_radius_m;
  const double psi = 27.0 * kDegToRad;
  for (const double gamma_deg : {20.0, 50.0, 70.0}) {
    const double gamma = gamma_deg * kDegToRad;
    TrajectoryRequest request;
    request.launch = at(0.0, 0.0);
    request.aim = at(0.0, 27.0);
    request.burnout_flight_path_angle_rad = gamma;
    const auto s = summarize(solve_trajectory(request, earth, atmosphere), earth, request.launch);
    const double t = std::tan(psi / 2.0);
    const double nu = t / (std::sin(gamma) * std::cos(gamma) + t * std::cos(gamma) * std::cos(gamma));
    const double v = std::sqrt(nu * earth.gm() / R);
    // The flight-time root is solved to 1e-10 relative; integration and
    // event location leave ~1e-7: 1e-5 relative is a strict check.
    EXPECT_NEAR(s.burnout_flight_path_angle_rad, gamma, 1e-6) << gamma_deg;
    EXPECT_NEAR(s.burnout_speed_mps, v, 1e-5 * v) << gamma_deg;
  }
}

// A flight that tops out 50 m above 100 km crosses 100 km twice within a
// few seconds; the descending crossing must still be found, and in vacuum
// its speed follows from energy conservation: v^2 = v_top^2 + 2 mu (1/r - 1/r_top).
TEST(FreeFlight, ReentryCrossingJustBelowTheApogeeIsFound) {
  const earth::EarthModel earth(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  TrajectoryRequest request;
  request.launch = at(10.0, 10.0);
  request.aim = at(12.0, 13.0);
  request.apogee_altitude_m = 100.05e3;
  const Trajectory trajectory = solve_trajectory(request, earth, atmosphere);
  ASSERT_TRUE(trajectory.path.apogee);
  ASSERT_TRUE(trajectory.path.reentry_100km);
  const double R = earth.parameters().equatorial_radius_m;
  const double r_top = position(trajectory.path.apogee->y_I).norm();
  const double v_top = velocity(trajectory.path.apogee->y_I).norm();
  const double r = position(trajectory.path.reentry_100km->y_I).norm();
  // Event located to 1e-7 s at a sink rate of ~30 m/s: micrometres.
  EXPECT_NEAR(r - R, 100e3, 1e-3);
  const double expected = std::sqrt(v_top * v_top + 2.0 * earth.gm() * (1.0 / r - 1.0 / r_top));
  EXPECT_NEAR(velocity(trajectory.path.reentry_100km->y_I).norm(), expected, 1e-6 * expected);
  EXPECT_GT(trajectory.path.reentry_100km->t_s, trajectory.path.apogee->t_s);
}

// --- Range targeting on the rotating WGS-84 Earth ---

struct TargetCase {
  const char* name;
  double from_lat, from_lon, to_lat, to_lon;
  const char* missile;  // nullptr: free flight
  TrajectoryShape shape;
};

void PrintTo(const TargetCase& c, std::ostream* os) { *os << c.name; }

class RangeTargeting : public ::testing::TestWithParam<TargetCase> {
 protected:
  static void SetUpTestSuite() { catalog_ = io::load_missile_catalog(io::default_missile_catalog_path()); }
  static std::vector<MissileType> catalog_;
};
std::vector<MissileType> RangeTargeting::catalog_;

TEST_P(RangeTargeting, LandsWithin100mOfTheAimPoint) {
  const auto& c = GetParam();
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  TrajectoryRequest request;
  request.launch = at(c.from_lat, c.from_lon);
  request.aim = at(c.to_lat, c.to_lon);
  request.shape = c.shape;
  if (c.missile) request.missile = &io::find_missile(catalog_, c.missile, {});
  const Trajectory trajectory = solve_trajectory(request, earth, atmosphere);
  ASSERT_EQ(trajectory.path.status, FlightStatus::kImpact);
  // The miss measured independently: geodesic distance from the impact to the aim.
  EXPECT_LT(geodesic_m(earth, impact_point(earth, trajectory.path), request.aim), 100.0) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, RangeTargeting,
    ::testing::Values(
        TargetCase{"srbm_short", 33.0, 44.0, 35.0, 45.5, "srbm-300", TrajectoryShape::kMinEnergy},
        TargetCase{"mrbm1300_to_incirlik", 34.3, 47.1, 37.0, 35.4, "mrbm-1300", TrajectoryShape::kMinEnergy},
        TargetCase{"mrbm2000_to_deveselu", 38.1, 46.3, 44.1, 24.3, "mrbm-2000", TrajectoryShape::kLofted},
        TargetCase{"mrbm2000_depressed", 38.1, 46.3, 44.1, 24.3, "mrbm-2000", TrajectoryShape::kDepressed},
        TargetCase{"icbm_to_london", 32.0, 53.0, 51.5, -0.1, "icbm-10000", TrajectoryShape::kMinEnergy},
        TargetCase{"icbm_eastward_long", 40.0, 60.0, 35.0, 150.0, "icbm-10000", TrajectoryShape::kMinEnergy},
        TargetCase{"across_antimeridian", 52.0, 170.0, 58.0, -165.0, "mrbm-2000", TrajectoryShape::kMinEnergy},
        TargetCase{"near_north_pole", 84.0, 10.0, 86.0, 160.0, "mrbm-1300", TrajectoryShape::kMinEnergy},
        TargetCase{"southern_westward", -30.0, 20.0, -25.0, 5.0, "mrbm-2000", TrajectoryShape::kMinEnergy},
        TargetCase{"free_flight_over_pole", 70.0, 0.0, 70.0, 180.0, nullptr, TrajectoryShape::kMinEnergy},
        TargetCase{"free_flight_antimeridian", -10.0, 175.0, 5.0, -170.0, nullptr, TrajectoryShape::kMinEnergy}),
    [](const auto& info) { return std::string(info.param.name); });

// --- The catalog's missiles reach their stated ranges ---

TEST(MissileCatalog, EachClassReachesItsStatedRangeWithinTenPercent) {
  const auto catalog = io::load_missile_catalog(io::default_missile_catalog_path());
  ASSERT_GE(catalog.size(), 4u);
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  // From central Iran, due north (little help or hindrance from the Earth's
  // rotation) and north-west toward Europe (against it).
  for (const auto& missile : catalog) {
    for (const double azimuth_deg : {0.0, 315.0}) {
      const MaxRange reach = max_range(missile, at(32.0, 53.0), azimuth_deg * kDegToRad, earth, atmosphere);
      EXPECT_NEAR(reach.range_m, missile.nominal_range_m, 0.10 * missile.nominal_range_m)
          << missile.name << " on azimuth " << azimuth_deg;
    }
  }
}

/// An mrbm-2000 from the Tabriz area to the Bucharest area (1830 km) on the wgs84 Earth.
class MissileTargeting : public ::testing::Test {
 protected:
  MissileTargeting() {
    request.launch = at(38.1, 46.3);
    request.aim = at(44.4, 26.1);
    request.missile = &io::find_missile(catalog, "mrbm-2000", {});
  }
  const std::vector<MissileType> catalog = io::load_missile_catalog(io::default_missile_catalog_path());
  const earth::EarthModel earth{earth::EarthKind::kWgs84};
  const earth::Us76Atmosphere atmosphere;
  TrajectoryRequest request;
};

TEST_F(MissileTargeting, ShapesOrderTheirApogeesAndAnApogeeIsMet) {
  const auto apogee_of = [&](TrajectoryShape shape) {
    request.shape = shape;
    return summarize(solve_trajectory(request, earth, atmosphere), earth, request.launch).apogee_altitude_m;
  };
  const double lofted = apogee_of(TrajectoryShape::kLofted);
  const double min_energy = apogee_of(TrajectoryShape::kMinEnergy);
  const double depressed = apogee_of(TrajectoryShape::kDepressed);
  EXPECT_GT(lofted, min_energy);
  EXPECT_GT(min_energy, depressed);

  request.apogee_altitude_m = 0.5 * (min_energy + depressed);
  const auto shaped = solve_trajectory(request, earth, atmosphere);
  const auto s = summarize(shaped, earth, request.launch);
  // Targeting stops when the residual (miss, apogee error) is below 1 m.
  EXPECT_NEAR(s.apogee_altitude_m, *request.apogee_altitude_m, 1.0);
  EXPECT_LT(s.miss_m, 1.0);
  ASSERT_TRUE(shaped.command);
  EXPECT_LT(shaped.command->cutoff_time_s, request.missile->total_burn_time_s());
}

TEST_F(MissileTargeting, BurnoutAngleIsMetWithThrustCutOff) {
  request.burnout_flight_path_angle_rad = 35.0 * kDegToRad;
  const auto trajectory = solve_trajectory(request, earth, atmosphere);
  const auto s = summarize(trajectory, earth, request.launch);
  // Newton stops when miss and (range x angle error) are below 1 m: the
  // angle is then within 1 m / 1800 km ~ 6e-7 rad.
  EXPECT_NEAR(s.burnout_flight_path_angle_rad, 35.0 * kDegToRad, 1e-6);
  EXPECT_LT(s.miss_m, 1.0);
  EXPECT_LT(trajectory.command->cutoff_time_s, request.missile->total_burn_time_s());
}

TEST_F(MissileTargeting, BeyondMaximumRangeSaysTheMaximum) {
  request.launch = at(32.0, 53.0);
  request.aim = at(51.5, -0.1);  // London, ~4400 km
  try {
    solve_trajectory(request, earth, atmosphere);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("beyond the mrbm-2000's maximum range of"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace rampart::flight
