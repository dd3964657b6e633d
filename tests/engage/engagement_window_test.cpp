// Engagement windows: the predicted path against two-body motion, every
// opportunity checked against the constraints computed independently, the
// points plainly in reach all present, the doctrine's floor and the earliest
// launch cutting the window to the right subset, and shot counting on a
// hand-made window.

#include "rampart/engage/engagement_window.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/point_mass.hpp"
#include "rampart/io/interceptor_catalog.hpp"

namespace rampart::engage {
namespace {

constexpr double kDeg = constants::kDegToRad;

track::GaussianState state_at(double t_s, const flight::State6& y, std::optional<double> inverse_beta = {}) {
  track::GaussianState s;
  s.t_s = t_s;
  const int n = inverse_beta ? 7 : 6;
  s.x.resize(n);
  s.x.head<6>() = y;
  if (inverse_beta) s.x(6) = *inverse_beta;
  s.P = track::StateMatrix::Identity(n, n);
  return s;
}

// On the spherical Earth (point-mass gravity, no rotation, no air) the path
// is a Kepler arc: every sample, and the Hermite interpolant between them.
TEST(PredictPath, SphericalVacuumIsKepler) {
  const earth::EarthModel earth(earth::EarthKind::kSpherical);
  const earth::Us76Atmosphere atmosphere;
  const double t0 = 10.3;
  const flight::State6 y =
      flight::eci_state_from_geodetic_ned(earth, {{20.0 * kDeg, 30.0 * kDeg, 300e3}, Vec3(3000.0, 4000.0, -800.0)}, t0);
  const auto path = predict_path(state_at(t0, y), earth, atmosphere, 0.0, 2.0);
  ASSERT_TRUE(path.reaches_ground);
  ASSERT_GT(path.points.size(), 100u);
  EXPECT_EQ(path.points.front().t_s, t0);
  for (std::size_t i = 1; i + 1 < path.points.size(); ++i) {
    EXPECT_NEAR(path.points[i].t_s, 2.0 * std::round(path.points[i].t_s / 2.0), 1e-9);  // the shared 2 s grid
  }
  // Bounds from the flight's tolerances (rtol 1e-10 of |r| ~ 6.7e6 m: 0.7 mm
  // per step, accumulated over the arc); measured 0.4 mm to 7 cm and 1e-6 to
  // 2.4e-4 m/s depending on the steps the integrator takes in a given build.
  const double mu = earth.gm();
  for (const auto& p : path.points) {
    const auto k = flight::propagate_kepler(y.head<3>(), y.tail<3>(), p.t_s - t0, mu);
    EXPECT_LT((p.r_I - k.r).norm(), 0.2) << p.t_s;
    EXPECT_LT((p.v_I - k.v).norm(), 1e-3) << p.t_s;
  }
  // The last point is the impact on the sphere.
  EXPECT_NEAR(path.points.back().r_I.norm(), constants::kSphereRadius, 1e-3);
  // Between samples: cubic Hermite, error O(h^4 r'''') (micrometres) on top
  // of the samples' own; its derivative, the velocity, also carries the
  // samples' position errors divided by the step (measured 6e-5 to 4e-3 m/s).
  for (std::size_t i = 1; i + 1 < path.points.size(); i += 37) {
    const double t = 0.5 * (path.points[i].t_s + path.points[i + 1].t_s);
    const auto q = path.at(t);
    ASSERT_TRUE(q.has_value());
    const auto k = flight::propagate_kepler(y.head<3>(), y.tail<3>(), t - t0, mu);
    EXPECT_LT((q->r_I - k.r).norm(), 0.2);
    EXPECT_LT((q->v_I - k.v).norm(), 2e-2);
  }
  EXPECT_FALSE(path.at(t0 - 1e-3).has_value());
  EXPECT_FALSE(path.at(path.points.back().t_s + 1e-3).has_value());
}

// A seven-state track flies with its own 1/beta (clamped at 0): the same path
// as a six-state track given that value as nominal.
TEST(PredictPath, SevenStateFliesItsOwnBallisticCoefficient) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const flight::State6 y =
      flight::eci_state_from_geodetic_ned(earth, {{40.0 * kDeg, 20.0 * kDeg, 120e3}, Vec3(-2500.0, 0.0, 1500.0)}, 0.0);
  const auto six = predict_path(state_at(0.0, y), earth, atmosphere, 1e-3);
  const auto seven = predict_path(state_at(0.0, y, 1e-3), earth, atmosphere, 0.0);
  const auto vacuum6 = predict_path(state_at(0.0, y), earth, atmosphere, 0.0);
  const auto vacuum7 = predict_path(state_at(0.0, y, -1e-3), earth, atmosphere, 1e-3);
  ASSERT_EQ(six.points.size(), seven.points.size());
  EXPECT_LT((six.points.back().r_I - seven.points.back().r_I).norm(), 1e-9);
  ASSERT_EQ(vacuum6.points.size(), vacuum7.points.size());
  EXPECT_LT((vacuum6.points.back().r_I - vacuum7.points.back().r_I).norm(), 1e-9);
  // Drag slows the fall: the heavy-drag path lands later than the vacuum one.
  EXPECT_GT(six.points.back().t_s, vacuum6.points.back().t_s + 1.0);
}

TEST(PredictPath, BadInputIsRejected) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  track::GaussianState s;
  s.x = track::StateVector::Zero(5);
  s.P = track::StateMatrix::Identity(5, 5);
  EXPECT_THROW(predict_path(s, earth, atmosphere, 0.0), std::invalid_argument);
  const flight::State6 y =
      flight::eci_state_from_geodetic_ned(earth, {{40.0 * kDeg, 20.0 * kDeg, 120e3}, Vec3(-2500.0, 0.0, 1500.0)}, 0.0);
  EXPECT_THROW(predict_path(state_at(0.0, y), earth, atmosphere, 0.0, 0.0), std::invalid_argument);
  EXPECT_THROW(predict_path(state_at(0.0, y), earth, atmosphere, 0.0, -1.0), std::invalid_argument);
  EXPECT_THROW(predict_path(state_at(0.0, y), earth, atmosphere, 0.0, 2.0, 0.0), std::invalid_argument);
}

// A THAAD-class battery against a reentry vehicle in a shallow dive from
// 180 km, 400 km north of the battery, that passes over it and lands 76 km
// south (coarse fan: the test is about the window, not the fan's accuracy).
struct Engagement {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  earth::Us76Atmosphere atmosphere;
  earth::Geodetic site{35.0 * kDeg, 20.0 * kDeg, 0.0};
  Interceptor interceptor = shipped("thaad");
  FlyoutFan fan{interceptor, earth, atmosphere, site, coarse()};
  PredictedPath path =
      predict_path(state_at(500.0, flight::eci_state_from_geodetic_ned(
                                       earth, {{38.6 * kDeg, 20.3 * kDeg, 180e3}, Vec3(-3000.0, 0.0, 500.0)}, 500.0)),
                   earth, atmosphere, 1.0 / 5000.0, 1.0);
  BatteryGeometry battery{site, &interceptor, &fan};

  static Interceptor shipped(const std::string& name) {
    static const auto catalog = io::load_interceptor_catalog(io::default_interceptor_catalog_path());
    return Interceptor(io::find_interceptor(catalog, name, {}));
  }
  static FlyoutFanOptions coarse() {
    FlyoutFanOptions o;
    o.kick_count = 31;
    o.range_cells = 60;
    o.altitude_cells = 40;
    return o;
  }
  /// Height above the ellipsoid by GeographicLib (the window uses Bowring's formula).
  double altitude(const Vec3& r_I, double t_s) const {
    return earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s)).alt_m;
  }
  /// Great-circle ground range by the spherical law of cosines on the mean
  /// sphere (the window uses the haversine).
  double ground_range(const Vec3& r_I, double t_s) const {
    const earth::Geodetic g = earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s));
    const double c = std::sin(site.lat_rad) * std::sin(g.lat_rad) +
                     std::cos(site.lat_rad) * std::cos(g.lat_rad) * std::cos(g.lon_rad - site.lon_rad);
    return earth.mean_radius_m() * std::acos(std::clamp(c, -1.0, 1.0));
  }
};

const Engagement& engagement() {
  static const Engagement e;
  return e;
}

bool same(const InterceptOpportunity& a, const InterceptOpportunity& b) {
  return a.intercept_time_s == b.intercept_time_s && a.latest_launch_s == b.latest_launch_s;
}

TEST(EngagementWindow, EveryOpportunityMeetsEveryConstraint) {
  const Engagement& e = engagement();
  ASSERT_TRUE(e.path.reaches_ground);
  WindowConstraints constraints;
  constraints.earliest_launch_s = 400.0;
  const EngagementWindow window = engagement_window(e.path, e.battery, e.earth, constraints);
  ASSERT_GT(window.opportunities.size(), 10u);
  const auto& type = e.interceptor.type();
  double previous = -std::numeric_limits<double>::infinity();
  for (const auto& o : window.opportunities) {
    EXPECT_GT(o.intercept_time_s, previous);  // time order
    previous = o.intercept_time_s;
    // On the path, at one of its samples.
    const auto sample = std::find_if(e.path.points.begin(), e.path.points.end(),
                                     [&](const PredictedPoint& p) { return p.t_s == o.intercept_time_s; });
    ASSERT_NE(sample, e.path.points.end());
    EXPECT_EQ(sample->r_I, o.r_I);
    const double h = e.altitude(o.r_I, o.intercept_time_s);
    const double range = e.ground_range(o.r_I, o.intercept_time_s);
    EXPECT_GE(h, type.min_intercept_altitude_m - 1e-3);
    EXPECT_LE(h, type.max_intercept_altitude_m + 1e-3);
    EXPECT_LE(range, type.max_intercept_range_m + 1.0);
    EXPECT_NEAR(o.altitude_m, h, 1e-3);
    EXPECT_NEAR(o.ground_range_m, range, 1.0);
    // The fan reaches it, and the launch deadline is the intercept minus the fan time.
    const auto tof = e.fan.time_to_reach_s(o.ground_range_m, o.altitude_m);
    ASSERT_TRUE(tof.has_value());
    EXPECT_DOUBLE_EQ(o.time_of_flight_s, *tof);
    EXPECT_DOUBLE_EQ(o.latest_launch_s, o.intercept_time_s - *tof);
    EXPECT_GE(o.latest_launch_s, constraints.earliest_launch_s);
  }
}

// The path leaves the band on both sides (it starts at 180 km, ends on the
// ground) and enters it beyond the range limit: none of those points are offered; every point well inside the band
// and the range that the fan reaches is.
TEST(EngagementWindow, HoldsExactlyThePointsInReach) {
  const Engagement& e = engagement();
  const auto& type = e.interceptor.type();
  const EngagementWindow window = engagement_window(e.path, e.battery, e.earth, {-1e9, 0.0});
  const auto offered = [&](double t_s) {
    return window.first_at_or_after(t_s) && window.first_at_or_after(t_s)->intercept_time_s == t_s;
  };
  int above = 0, below = 0, beyond = 0, inside = 0;
  for (const auto& p : e.path.points) {
    const double h = e.altitude(p.r_I, p.t_s);
    const double range = e.ground_range(p.r_I, p.t_s);
    if (h > type.max_intercept_altitude_m + 1.0) {
      ++above;
      EXPECT_FALSE(offered(p.t_s)) << p.t_s;
    } else if (h < type.min_intercept_altitude_m - 1.0) {
      ++below;
      EXPECT_FALSE(offered(p.t_s)) << p.t_s;
    } else if (range > type.max_intercept_range_m + 10.0) {
      ++beyond;
      EXPECT_FALSE(offered(p.t_s)) << p.t_s;
    } else if (h > type.min_intercept_altitude_m + 1e3 && h < type.max_intercept_altitude_m - 1e3 &&
               range < type.max_intercept_range_m - 1e3 && e.fan.time_to_reach_s(range, h)) {
      ++inside;
      EXPECT_TRUE(offered(p.t_s)) << p.t_s;
    }
  }
  EXPECT_GT(above, 5);
  EXPECT_GT(below, 5);
  EXPECT_GT(beyond, 5);
  EXPECT_GT(inside, 10);
}

// The doctrine's floor and the earliest launch keep exactly the subset of the
// unconstrained window that satisfies them.
TEST(EngagementWindow, ConstraintsCutTheWindowToTheirSubset) {
  const Engagement& e = engagement();
  const EngagementWindow all = engagement_window(e.path, e.battery, e.earth, {-1e9, 0.0});
  ASSERT_GT(all.opportunities.size(), 10u);

  const double floor_m = 80e3;
  const EngagementWindow high = engagement_window(e.path, e.battery, e.earth, {-1e9, floor_m});
  std::size_t k = 0;
  for (const auto& o : all.opportunities) {
    if (o.altitude_m < floor_m) continue;
    ASSERT_LT(k, high.opportunities.size());
    EXPECT_TRUE(same(o, high.opportunities[k++]));
  }
  EXPECT_EQ(k, high.opportunities.size());
  EXPECT_LT(high.opportunities.size(), all.opportunities.size());
  EXPECT_FALSE(high.empty());

  // Cut at the median launch deadline.
  std::vector<double> deadlines;
  for (const auto& o : all.opportunities) deadlines.push_back(o.latest_launch_s);
  std::nth_element(deadlines.begin(), deadlines.begin() + deadlines.size() / 2, deadlines.end());
  const double earliest = deadlines[deadlines.size() / 2];
  const EngagementWindow late = engagement_window(e.path, e.battery, e.earth, {earliest, 0.0});
  k = 0;
  for (const auto& o : all.opportunities) {
    if (o.latest_launch_s < earliest) continue;
    ASSERT_LT(k, late.opportunities.size());
    EXPECT_TRUE(same(o, late.opportunities[k++]));
  }
  EXPECT_EQ(k, late.opportunities.size());
  EXPECT_LT(late.opportunities.size(), all.opportunities.size());
  EXPECT_FALSE(late.empty());

  // A launch after every deadline leaves nothing.
  EXPECT_TRUE(engagement_window(e.path, e.battery, e.earth, {1e9, 0.0}).empty());
  EXPECT_THROW(engagement_window(e.path, BatteryGeometry{e.site, &e.interceptor, nullptr}, e.earth, {}),
               std::invalid_argument);
}

// Validates engagement_windows() (several batteries against one path, each
// point's geometry worked out once) against engagement_window() per battery:
// the same opportunities, bit for bit, for a battery with the path in reach,
// one far away (an empty window) and the first again with a doctrine floor.
// Also checks the split ground range against the one-call form.
TEST(EngagementWindow, SeveralBatteriesGiveEachBatterysOwnWindow) {
  const Engagement& e = engagement();
  const earth::Geodetic far_site{-30.0 * kDeg, 150.0 * kDeg, 0.0};
  const FlyoutFan far_fan{e.interceptor, e.earth, e.atmosphere, far_site, Engagement::coarse()};
  const std::vector<BatteryGeometry> batteries{e.battery, {far_site, &e.interceptor, &far_fan}, e.battery};
  for (const WindowConstraints constraints : {WindowConstraints{-1e9, 0.0}, WindowConstraints{-1e9, 60e3}}) {
    const auto windows = engagement_windows(e.path, batteries, e.earth, constraints);
    ASSERT_EQ(windows.size(), batteries.size());
    for (std::size_t b = 0; b < batteries.size(); ++b) {
      const EngagementWindow one = engagement_window(e.path, batteries[b], e.earth, constraints);
      ASSERT_EQ(windows[b].opportunities.size(), one.opportunities.size()) << b;
      for (std::size_t k = 0; k < one.opportunities.size(); ++k) {
        const auto& x = windows[b].opportunities[k];
        const auto& y = one.opportunities[k];
        EXPECT_TRUE(same(x, y));
        EXPECT_EQ(x.ground_range_m, y.ground_range_m);
        EXPECT_EQ(x.altitude_m, y.altitude_m);
        EXPECT_EQ(x.time_of_flight_s, y.time_of_flight_s);
      }
    }
    EXPECT_FALSE(windows[0].empty());
    EXPECT_TRUE(windows[1].empty()) << "the far battery is out of reach";
  }
  for (const auto& p : e.path.points) {
    const Vec3 r_E = e.earth.ecef_from_eci(p.r_I, p.t_s);
    EXPECT_EQ(fan_ground_range_m(e.earth, e.site, fan_ground_point(e.earth, r_E)),
              fan_ground_range_m(e.earth, e.site, r_E));
  }
  EXPECT_THROW(engagement_windows(e.path, {e.battery, BatteryGeometry{e.site, &e.interceptor, nullptr}}, e.earth, {}),
               std::invalid_argument);
}

/// A hand-made window: intercepts every 10 s from 100 to 200 s with a 30 s
/// fan time (deadlines 70 ... 170 s), then a gap, and one late point at
/// 400 s with a 150 s fan time (deadline 250 s).
EngagementWindow synthetic_window() {
  EngagementWindow w;
  for (int i = 0; i <= 10; ++i) {
    InterceptOpportunity o;
    o.intercept_time_s = 100.0 + 10.0 * i;
    o.time_of_flight_s = 30.0;
    o.latest_launch_s = o.intercept_time_s - o.time_of_flight_s;
    w.opportunities.push_back(o);
  }
  InterceptOpportunity late;
  late.intercept_time_s = 400.0;
  late.time_of_flight_s = 150.0;
  late.latest_launch_s = 250.0;
  w.opportunities.push_back(late);
  return w;
}

TEST(EngagementWindow, QueriesOnAHandMadeWindow) {
  const EngagementWindow w = synthetic_window();
  EXPECT_EQ(w.first_at_or_after(0.0)->intercept_time_s, 100.0);
  EXPECT_EQ(w.first_at_or_after(101.0)->intercept_time_s, 110.0);
  EXPECT_EQ(w.first_at_or_after(250.0)->intercept_time_s, 400.0);
  EXPECT_FALSE(w.first_at_or_after(400.5).has_value());
  EXPECT_EQ(w.first_launchable_after(0.0)->intercept_time_s, 100.0);
  EXPECT_EQ(w.first_launchable_after(95.0)->intercept_time_s, 130.0);   // deadline 100
  EXPECT_EQ(w.first_launchable_after(170.0)->intercept_time_s, 200.0);  // deadline 170
  EXPECT_EQ(w.first_launchable_after(170.5)->intercept_time_s, 400.0);  // deadline 250
  EXPECT_FALSE(w.first_launchable_after(250.5).has_value());
  EXPECT_FALSE(EngagementWindow{}.first_at_or_after(0.0).has_value());
}

// Counted by hand on the window above (each shot: the first point after the
// previous one whose deadline is at or after the launch time; the next launch
// is that intercept plus the kill-assessment delay):
//  - from 60 s, 15 s delay: 100; >= 115: 150 (deadline 120); >= 165: 200
//    (170); >= 215: 400 (250); >= 415: none. 4 shots.
//  - from 60 s, no delay: 100; 130 (100); 160 (130); 190 (160); >= 190: 400
//    (250); none. 5 shots.
//  - from 60 s, 45 s delay: 100; >= 145: 180 (150); >= 225: 400; none. 3 shots.
//  - from 99 s, 300 s delay: 130 (deadline 100); >= 430: none. 1 shot.
//  - from 200 s: only the late point. 1 shot; from 260 s: none.
TEST(EngagementWindow, SequentialShotsMatchAHandCount) {
  const EngagementWindow w = synthetic_window();
  EXPECT_EQ(sequential_shot_opportunities(w, 60.0, 15.0), 4);
  EXPECT_EQ(sequential_shot_opportunities(w, 60.0, 0.0), 5);
  EXPECT_EQ(sequential_shot_opportunities(w, 60.0, 45.0), 3);
  EXPECT_EQ(sequential_shot_opportunities(w, 99.0, 300.0), 1);
  EXPECT_EQ(sequential_shot_opportunities(w, 200.0, 0.0), 1);
  EXPECT_EQ(sequential_shot_opportunities(w, 260.0, 0.0), 0);
  EXPECT_EQ(sequential_shot_opportunities(EngagementWindow{}, 0.0, 10.0), 0);
  EXPECT_THROW(sequential_shot_opportunities(w, 0.0, -1.0), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
