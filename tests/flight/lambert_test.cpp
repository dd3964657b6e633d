// Verification of Izzo's Lambert solver: the solution must be a two-body arc
// that actually goes from r1 to r2 in the given time (checked with the
// independent universal-variable propagator), a published example, and
// rejection of invalid input.

#include "rampart/flight/lambert.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/flight/kepler.hpp"

namespace rampart::flight {
namespace {

constexpr double kMu = constants::kWgs84GM;
constexpr double kR = constants::kSphereRadius;

struct Case {
  std::string name;
  Vec3 r1;
  Vec3 r2;
  double tof_s;
  bool prograde;
};

// A point at radius r, angle theta (deg) in a plane inclined by inc (deg)
// about the x axis.
Vec3 in_plane(double r, double theta_deg, double inc_deg) {
  const double th = theta_deg * constants::kDegToRad;
  const double inc = inc_deg * constants::kDegToRad;
  return r * Vec3(std::cos(th), std::sin(th) * std::cos(inc), std::sin(th) * std::sin(inc));
}

std::vector<Case> sweep() {
  std::vector<Case> cases;
  const double r_leo = 7000e3, r_geo = 42164e3;
  // Orbital transfers: short and long times, ellipse and hyperbola.
  cases.push_back({"leo-geo 120deg 5h", in_plane(r_leo, 0, 20), in_plane(r_geo, 120, 20), 5 * 3600.0, true});
  cases.push_back({"leo-geo 120deg 30h", in_plane(r_leo, 0, 20), in_plane(r_geo, 120, 20), 30 * 3600.0, true});
  cases.push_back({"leo-geo 120deg 20min (hyperbolic)", in_plane(r_leo, 0, 20), in_plane(r_geo, 120, 20), 1200.0, true});
  cases.push_back({"leo-leo 30deg 100s (hyperbolic)", in_plane(r_leo, 0, 50), in_plane(r_leo, 30, 50), 100.0, true});
  // Near 180 degrees, both sides, never exactly (the plane would be undefined).
  for (const double theta : {179.0, 179.9, 179.999, 180.001, 181.0}) {
    cases.push_back({"near-180 " + std::to_string(theta), in_plane(r_leo, 0, 10), in_plane(r_geo, theta, 10),
                     5.25 * 3600.0, true});
  }
  // Long way (transfer angle > 180 deg prograde) and retrograde.
  cases.push_back({"long way 250deg", in_plane(r_leo, 0, 5), in_plane(2.0 * r_leo, 250, 5), 4 * 3600.0, true});
  cases.push_back({"retrograde 60deg", in_plane(r_leo, 0, 5), in_plane(2.0 * r_leo, 60, 5), 4 * 3600.0, false});
  cases.push_back({"retrograde 300deg", in_plane(r_leo, 0, 5), in_plane(2.0 * r_leo, 300, 5), 2 * 3600.0, false});
  // Polar plane (r1 x r2 has z = 0 to rounding) and a plane normal near -z.
  cases.push_back({"polar plane", in_plane(r_leo, 0, 90), in_plane(r_leo, 100, 90), 3000.0, true});
  cases.push_back({"inclined 170deg", in_plane(r_leo, 0, 170), in_plane(r_geo, 90, 170), 6 * 3600.0, true});
  // Earth ballistic arcs: launch and impact on the sphere, ranges 300 to
  // 10000 km, flight times of minutes, several azimuths and both senses.
  int k = 0;
  for (const double range_km : {300.0, 1000.0, 3000.0, 6000.0, 10000.0}) {
    const double angle_deg = range_km * 1e3 / kR * constants::kRadToDeg;
    for (const double tof_min : {0.6 * std::sqrt(range_km) / 2.0 + 2.0, std::sqrt(range_km) / 2.0 + 4.0}) {
      const double inc = 15.0 + 37.0 * (k++ % 5);
      cases.push_back({"ballistic " + std::to_string(range_km) + " km " + std::to_string(tof_min) + " min",
                       in_plane(kR, 0, inc), in_plane(kR, angle_deg, inc), tof_min * 60.0, true});
      cases.push_back({"ballistic retro " + std::to_string(range_km) + " km", in_plane(kR, 10, inc),
                       in_plane(kR, 10 - angle_deg, inc), tof_min * 60.0, false});
    }
  }
  // Short chords flown fast (T between the parabolic T1 and T00 with
  // T00/T1 ~ 10): a mis-transcribed initial guess once diverged here.
  cases.push_back({"ballistic 220 km 2 min", in_plane(kR, 0, 33), in_plane(kR, 220e3 / kR * constants::kRadToDeg, 33),
                   120.0, true});
  cases.push_back({"ballistic 3000 km 5 min", in_plane(kR, 0, 33),
                   in_plane(kR, 3000e3 / kR * constants::kRadToDeg, 33), 300.0, true});
  return cases;
}

// Validates: each solution is the two-body arc from r1 to r2 in tof. The
// truth is propagate_kepler (universal variables, an independent
// formulation): from (r1, v1) over tof it must reach r2 within 1 m (the
// issue's requirement) and arrive with v2. Velocity bound: the arrival
// position error implies a velocity mismatch of the same relative size in
// the propagated state; we allow 1 mm/s, i.e. 1 m spread over ~1000 s, the
// shortest flights here being ~100-400 s (the bound is then generous).
// The sense of motion must match `prograde`: the angular momentum r1 x v1
// has z > 0 for prograde (header's definition), except in the polar plane
// where z = 0 and only the arrival is checked.
TEST(Lambert, SolutionsReachTheTarget) {
  for (const Case& c : sweep()) {
    SCOPED_TRACE(c.name);
    const auto solution = solve_lambert(c.r1, c.r2, c.tof_s, kMu, c.prograde);
    ASSERT_TRUE(solution.has_value());
    const KeplerState arrival = propagate_kepler(c.r1, solution->v1, c.tof_s, kMu);
    EXPECT_LT((arrival.r - c.r2).norm(), 1.0);
    EXPECT_LT((arrival.v - solution->v2).norm(), 1e-3);
    const Vec3 h = c.r1.cross(solution->v1);
    if (std::abs(h.normalized().z()) > 1e-6) {
      EXPECT_EQ(h.z() > 0.0, c.prograde);
    }
  }
}

// Validates: the prograde and retrograde solutions of one geometry are
// different arcs, both correct, with opposite angular momentum directions.
TEST(Lambert, ProgradeAndRetrogradeDiffer) {
  const Vec3 r1 = in_plane(7000e3, 0, 30), r2 = in_plane(9000e3, 100, 30);
  const auto pro = solve_lambert(r1, r2, 3000.0, kMu, true);
  const auto retro = solve_lambert(r1, r2, 3000.0, kMu, false);
  ASSERT_TRUE(pro && retro);
  EXPECT_GT(r1.cross(pro->v1).z(), 0.0);
  EXPECT_LT(r1.cross(retro->v1).z(), 0.0);
  EXPECT_LT((propagate_kepler(r1, retro->v1, 3000.0, kMu).r - r2).norm(), 1.0);
}

// Validates: Curtis, Orbital Mechanics for Engineering Students (3rd ed.),
// Example 5.2: r1 = 5000 i + 10000 j + 2100 k km, r2 = -14600 i + 2500 j +
// 7000 k km, one hour, prograde, mu = 398600 km^3/s^2: v1 = -5.9925 i +
// 1.9254 j + 3.2456 k km/s, v2 = -3.3125 i - 4.1966 j - 0.38529 k km/s.
// Curtis iterates z to 1e-8 relative, so his values are exact to the digits
// printed: the tolerance is half a unit of the last printed digit (0.05 m/s,
// 0.005 m/s for the 5-decimal component).
TEST(Lambert, CurtisExample5_2) {
  const double mu = 398600e9;
  const auto solution = solve_lambert(Vec3(5000e3, 10000e3, 2100e3), Vec3(-14600e3, 2500e3, 7000e3), 3600.0, mu);
  ASSERT_TRUE(solution.has_value());
  EXPECT_NEAR(solution->v1.x(), -5.9925e3, 0.05);
  EXPECT_NEAR(solution->v1.y(), 1.9254e3, 0.05);
  EXPECT_NEAR(solution->v1.z(), 3.2456e3, 0.05);
  EXPECT_NEAR(solution->v2.x(), -3.3125e3, 0.05);
  EXPECT_NEAR(solution->v2.y(), -4.1966e3, 0.05);
  EXPECT_NEAR(solution->v2.z(), -0.38529e3, 0.005);
}

// Validates: invalid input is an outcome (nullopt), never a crash or NaN.
TEST(Lambert, InvalidInputGivesNullopt) {
  const Vec3 r1(7000e3, 0, 0), r2(0, 8000e3, 0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(solve_lambert(r1, r2, 0.0, kMu));
  EXPECT_FALSE(solve_lambert(r1, r2, -100.0, kMu));
  EXPECT_FALSE(solve_lambert(r1, r2, nan, kMu));
  EXPECT_FALSE(solve_lambert(Vec3::Zero(), r2, 1000.0, kMu));
  EXPECT_FALSE(solve_lambert(r1, Vec3::Zero(), 1000.0, kMu));
  EXPECT_FALSE(solve_lambert(r1, 2.0 * r1, 1000.0, kMu));   // collinear, same direction
  EXPECT_FALSE(solve_lambert(r1, -1.5 * r1, 1000.0, kMu));  // collinear, exactly 180 deg
  EXPECT_FALSE(solve_lambert(r1, r1, 1000.0, kMu));         // same point
  EXPECT_FALSE(solve_lambert(r1, Vec3(nan, 0, 0), 1000.0, kMu));
  EXPECT_FALSE(solve_lambert(r1, r2, 1000.0, 0.0));
}

}  // namespace
}  // namespace rampart::flight
