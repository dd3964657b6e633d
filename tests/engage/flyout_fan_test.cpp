// Flyout fans: the tabulated earliest arrival time against direct flights of
// the same booster, the fan's outer edge against the booster's maximum range,
// and the edges of the table.

#include "rampart/engage/flyout_fan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/flight/boost.hpp"
#include "rampart/io/interceptor_catalog.hpp"

namespace rampart::engage {
namespace {

struct World {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  earth::Us76Atmosphere atmosphere;
  earth::Geodetic site{35.0 * constants::kDegToRad, 20.0 * constants::kDegToRad, 0.0};
};

Interceptor shipped(const std::string& name) {
  static const auto catalog = io::load_interceptor_catalog(io::default_interceptor_catalog_path());
  return Interceptor(io::find_interceptor(catalog, name, {}));
}

flight::FlightPath direct_flight(const World& w, const Interceptor& interceptor, double kick_rad, double step_s) {
  flight::FlightOptions options;
  options.sample_step_s = step_s;
  options.max_flight_time_s = 3600.0;
  return flight::fly_missile(interceptor.booster(), w.earth, w.atmosphere, w.site,
                             {0.0, kick_rad, interceptor.booster().total_burn_time_s()}, options);
}

constexpr double kTolS = 0.05;     // see expect_fan_matches_ascent
constexpr double kTolRel = 0.002;
constexpr double kTolDescentRel = 0.005;  // see IsNeverLaterThanADirectFlight

double altitude_of(const World& w, const flight::FlightPoint& p) {
  return w.earth.altitude_m(w.earth.ecef_from_eci(p.y_I.head<3>(), p.t_s));
}

// A direct flight at a kick between the sweep's (at most 1.33 degrees apart) is
// the fastest way to the points of its own ascent after burnout (trajectories
// of the family do not cross while they climb), so the fan must give its
// time there. Tolerance 0.05 s + 0.2 % of the time of flight: the table's
// error is linear interpolation between neighbouring trajectories (<= 1.33
// degree of kick) plus bilinear interpolation over cells of 1/200 of the
// range and 1/100 of the altitude, second order in both; the measured worst
// over all seven classes and three kicks each was 0.27 s on GBI flights of
// hundreds of seconds and 0.04 s on SM-3 IB, so this bound has a margin of ~4.
// Points above 90 % of the apogee height are left out: there the family's
// trajectories flatten and cross, and the fan's edge is within a cell.
void expect_fan_matches_ascent(const std::string& name, std::initializer_list<double> kicks_deg) {
  const World w;
  const Interceptor interceptor = shipped(name);
  const FlyoutFan fan(interceptor, w.earth, w.atmosphere, w.site);
  for (const double kick_deg : kicks_deg) {
    const auto path = direct_flight(w, interceptor, kick_deg * constants::kDegToRad, 1.0);
    ASSERT_TRUE(path.apogee.has_value());
    const double h_apogee = altitude_of(w, *path.apogee);
    int checked = 0;
    for (const auto& s : path.samples) {
      if (s.t_s < path.burnout.t_s) continue;
      const Vec3 r_E = w.earth.ecef_from_eci(s.y_I.head<3>(), s.t_s);
      const double h = w.earth.altitude_m(r_E);
      if (s.t_s > path.apogee->t_s || h > 0.9 * h_apogee) break;
      const auto t = fan.time_to_reach_s(fan_ground_range_m(w.earth, w.site, r_E), h);
      ASSERT_TRUE(t.has_value()) << name << " kick " << kick_deg << " t " << s.t_s;
      EXPECT_NEAR(*t, s.t_s, kTolS + kTolRel * s.t_s) << name << " kick " << kick_deg;
      ++checked;
    }
    EXPECT_GT(checked, 10) << name;
  }
}

TEST(FlyoutFan, MatchesDirectFlightsOnTheirAscentExo) { expect_fan_matches_ascent("sm3-ib", {7.3, 21.7, 46.4}); }
TEST(FlyoutFan, MatchesDirectFlightsOnTheirAscentEndo) { expect_fan_matches_ascent("pac3-mse", {7.3, 21.7, 46.4}); }

// Earliest arrival: on its way down a lofted flight reaches points that a
// flatter one reached sooner, so the fan is never later than any direct
// flight (0.05 s + 0.5 %: where a lofted descent is itself the fastest way
// in, the neighbouring descents spread apart and the interpolation between
// them was measured 0.23 % late at worst), checked within
// the class's intercept altitudes (near the ground the fan's lowest rows
// lean on steep, widely spaced descents and are no intercept region).
TEST(FlyoutFan, IsNeverLaterThanADirectFlight) {
  const World w;
  const Interceptor interceptor = shipped("thaad");
  const FlyoutFan fan(interceptor, w.earth, w.atmosphere, w.site);
  const auto path = direct_flight(w, interceptor, 12.5 * constants::kDegToRad, 2.0);
  int earlier = 0;
  int checked = 0;
  for (const auto& s : path.samples) {
    const Vec3 r_E = w.earth.ecef_from_eci(s.y_I.head<3>(), s.t_s);
    const double h = w.earth.altitude_m(r_E);
    if (h < interceptor.type().min_intercept_altitude_m) continue;
    const auto t = fan.time_to_reach_s(fan_ground_range_m(w.earth, w.site, r_E), h);
    if (!t) continue;
    ++checked;
    EXPECT_LE(*t, s.t_s + kTolS + kTolDescentRel * s.t_s);
    if (*t < 0.9 * s.t_s) ++earlier;
  }
  EXPECT_GT(checked, 50);
  EXPECT_GT(earlier, 5);  // the descent of a lofted shot is reached much sooner by flatter ones
}

/// Farthest impact of the booster over kick angles, by golden-section search
/// on a fine bracket (the range is unimodal in the kick).
double booster_max_range_m(const World& w, const Interceptor& interceptor) {
  const auto range_at = [&](double kick) {
    const auto path = direct_flight(w, interceptor, kick, 0.0);
    const auto& p = *path.impact;
    return fan_ground_range_m(w.earth, w.site, w.earth.ecef_from_eci(p.y_I.head<3>(), p.t_s));
  };
  const double g = 0.5 * (std::sqrt(5.0) - 1.0);
  double a = 10.0 * constants::kDegToRad;
  double b = 80.0 * constants::kDegToRad;
  double c = b - g * (b - a);
  double d = a + g * (b - a);
  double fc = range_at(c);
  double fd = range_at(d);
  for (int i = 0; i < 40; ++i) {
    if (fc > fd) {
      b = d; d = c; fd = fc; c = b - g * (b - a); fc = range_at(c);
    } else {
      a = c; c = d; fc = fd; d = a + g * (b - a); fd = range_at(d);
    }
  }
  return std::max(fc, fd);
}

// The fan's edge at the ground is the booster's maximum range. Sampling the
// kick every degree loses at most the range lost half a degree from the
// optimum, ~(1 - cos 1 deg) = 1.5e-4 of it near the flat-Earth optimum, so
// the fan may fall short by 0.1 % (margin for the Earth's curvature and
// drag) and may not exceed it beyond rounding.
TEST(FlyoutFan, OuterEdgeIsTheBoosterMaximumRange) {
  const World w;
  for (const std::string name : {"thaad", "s400-40n6"}) {
    const Interceptor interceptor = shipped(name);
    const FlyoutFan fan(interceptor, w.earth, w.atmosphere, w.site);
    const double r_max = booster_max_range_m(w, interceptor);
    const auto fan_edge = fan.max_ground_range_m(0.0);
    ASSERT_TRUE(fan_edge.has_value());
    EXPECT_LE(*fan_edge, r_max * (1.0 + 1e-6)) << name;
    EXPECT_GE(*fan_edge, r_max * (1.0 - 1e-3)) << name;
    // Beyond the edge nothing is reachable.
    EXPECT_FALSE(fan.time_to_reach_s(1.01 * r_max, 1e3).has_value()) << name;
  }
}

// Straight up is the fastest way overhead: range 0 is the vertical shot
// (same tolerance as the ascent test).
TEST(FlyoutFan, OverheadIsTheVerticalShot) {
  const World w;
  const Interceptor interceptor = shipped("s400-48n6");
  const FlyoutFan fan(interceptor, w.earth, w.atmosphere, w.site);
  const auto path = direct_flight(w, interceptor, 0.0, 1.0);
  for (const auto& s : path.samples) {
    if (s.t_s < path.burnout.t_s) continue;
    const Vec3 r_E = w.earth.ecef_from_eci(s.y_I.head<3>(), s.t_s);
    // The top cell of the table is the fan's edge (no node above the apogee).
    if (w.earth.altitude_m(r_E) > altitude_of(w, *path.apogee) - fan.altitude_step_m()) break;
    const auto t = fan.time_to_reach_s(0.0, w.earth.altitude_m(r_E));
    ASSERT_TRUE(t.has_value()) << s.t_s << " s, " << w.earth.altitude_m(r_E) << " m; cell " << fan.altitude_step_m();
    EXPECT_NEAR(*t, s.t_s, kTolS + kTolRel * s.t_s);
  }
}

TEST(FlyoutFan, OutsideTheTableIsNoValue) {
  const World w;
  const FlyoutFan fan(shipped("pac3-mse"), w.earth, w.atmosphere, w.site);
  EXPECT_FALSE(fan.time_to_reach_s(-1.0, 5e3).has_value());
  EXPECT_FALSE(fan.time_to_reach_s(5e3, -1.0).has_value());
  EXPECT_FALSE(fan.time_to_reach_s(fan.max_range_m() * 1.01, 5e3).has_value());
  EXPECT_FALSE(fan.time_to_reach_s(5e3, fan.max_altitude_m() * 1.01).has_value());
  EXPECT_FALSE(fan.max_ground_range_m(fan.max_altitude_m() * 1.01).has_value());
  EXPECT_TRUE(fan.time_to_reach_s(20e3, 10e3).has_value());
}

TEST(FlyoutFan, BadOptionsAreRejected) {
  const World w;
  const Interceptor interceptor = shipped("pac3-mse");
  FlyoutFanOptions options;
  options.kick_count = 1;
  EXPECT_THROW(FlyoutFan(interceptor, w.earth, w.atmosphere, w.site, options), std::invalid_argument);
  options = {};
  options.max_kick_rad = 0.5 * constants::kPi;
  EXPECT_THROW(FlyoutFan(interceptor, w.earth, w.atmosphere, w.site, options), std::invalid_argument);
  options = {};
  options.max_time_of_flight_s = 5.0;  // shorter than the burn
  EXPECT_THROW(FlyoutFan(interceptor, w.earth, w.atmosphere, w.site, options), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
