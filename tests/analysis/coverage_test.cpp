// Air-defence coverage against independent truth: the closed-form radar
// horizon on a sphere, the area of a spherical cap, the geometry of a wedge
// and of a circle seen from a point off its centre, and places put at known
// geodesic distances with GeographicLib directly.

#include "rampart/analysis/coverage.hpp"

#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/earth/horizon.hpp"

namespace rampart::analysis {
namespace {

using constants::kDegToRad;
using constants::kPi;

const earth::EarthModel kEarth(earth::EarthKind::kWgs84);
constexpr double kK = 4.0 / 3.0;
const earth::Geodetic kSite{54.63 * kDegToRad, 21.81 * kDegToRad, 50.0};

// sqrt(2 k R h1) + sqrt(2 k R h2): the textbook horizon (h << kR).
double textbook_horizon_m(double h1_m, double h2_m) {
  const double kr = kK * kEarth.mean_radius_m();
  return std::sqrt(2.0 * kr * h1_m) + std::sqrt(2.0 * kr * h2_m);
}

sim::BatteryConfig battery(double range_m, double min_alt_m = 100.0, double max_alt_m = 30000.0) {
  sim::BatteryConfig b;
  b.name = "test-battery";
  b.site = "site";
  b.location = kSite;
  b.interceptor.name = "test-interceptor";
  b.interceptor.max_intercept_range_m = range_m;
  b.interceptor.min_intercept_altitude_m = min_alt_m;
  b.interceptor.max_intercept_altitude_m = max_alt_m;
  return b;
}

sense::RadarConfig radar(double max_range_m, double boresight_deg = 0.0, double span_deg = 360.0,
                         earth::Geodetic site = kSite) {
  sense::RadarConfig r;
  r.name = "test-radar";
  r.site = site;
  r.boresight_azimuth_rad = boresight_deg * kDegToRad;
  r.azimuth_span_rad = span_deg * kDegToRad;
  r.max_range_m = max_range_m;
  r.effective_earth_radius_factor = kK;
  return r;
}

TEST(Coverage, HorizonGroundRangeMatchesTheTextbookFormula) {
  const double R = kEarth.mean_radius_m();
  const double expected = textbook_horizon_m(10.0, 100.0);
  EXPECT_NEAR(horizon_ground_range_m(R, 10.0, 100.0, kK), expected, 0.005 * expected);
  // And agrees with the project's own horizon (slant form) to well within that.
  EXPECT_NEAR(horizon_ground_range_m(R, 10.0, 100.0, kK), earth::radar_horizon_range_m(kEarth, 10.0, 100.0, kK),
              0.005 * expected);
}

TEST(Coverage, SlantRangeToGroundRangeOnTheSphere) {
  const double R = 6371000.0;
  // Same height: chord s = 2 (R + h) sin(theta / 2).
  const double h = 10000.0, theta = 0.05;
  const double chord = 2.0 * (R + h) * std::sin(theta / 2.0);
  EXPECT_NEAR(ground_range_at_slant_m(R, h, h, chord), R * theta, 1e-6);
  // Straight up: no ground range.
  EXPECT_EQ(ground_range_at_slant_m(R, 0.0, 30000.0, 20000.0), 0.0);
}

TEST(Coverage, HugeRadarRangeLeavesTheInterceptorRangeAndACapArea) {
  const double range_m = 250000.0;
  const auto r = radar(1e7);
  const auto fp = battery_coverage(kEarth, battery(range_m), &r, 30000.0, kDegToRad);
  ASSERT_EQ(fp.samples.size(), 360u);
  for (const auto& s : fp.samples) EXPECT_DOUBLE_EQ(s.reach_m, range_m);
  EXPECT_DOUBLE_EQ(fp.max_reach_m, range_m);
  EXPECT_EQ(fp.ring.size(), 360u);
  // Counter-clockwise: positive area. Spherical cap of geodesic radius r.
  const double R = kEarth.mean_radius_m();
  const double cap_m2 = 2.0 * kPi * R * R * (1.0 - std::cos(range_m / R));
  EXPECT_GT(fp.area_m2, 0.0);
  EXPECT_NEAR(fp.area_m2, cap_m2, 0.01 * cap_m2);
}

TEST(Coverage, CoveredRadiusIsTheSmallerOfEngagementRangeAndHorizon) {
  const double range_m = 250000.0;
  const auto r = radar(400000.0);
  for (double h : {100.0, 1000.0, 5000.0, 10000.0, 20000.0, 30000.0}) {
    const auto fp = battery_coverage(kEarth, battery(range_m), &r, h, kDegToRad);
    const double expected = std::min(range_m, textbook_horizon_m(kSite.alt_m, h));
    for (double az_deg : {0.0, 90.0, 211.0, 359.0}) {
      EXPECT_NEAR(fp.reach_at_m(az_deg * kDegToRad), expected, 0.005 * expected) << h << " m, " << az_deg << " deg";
    }
  }
}

TEST(Coverage, LowAltitudeIsMaskedWellInsideTheNominalRange) {
  const double range_m = 250000.0;
  const auto r = radar(400000.0);
  const auto low = battery_coverage(kEarth, battery(range_m), &r, 100.0, kDegToRad);
  const auto high = battery_coverage(kEarth, battery(range_m), &r, 30000.0, kDegToRad);
  EXPECT_NEAR(high.max_reach_m, range_m, 1e-6);
  EXPECT_LT(low.max_reach_m, 0.4 * range_m);  // horizon ~70 km for 50 m and 100 m
  EXPECT_LT(low.area_m2, 0.1 * high.area_m2);
}

TEST(Coverage, OutsideTheInterceptorAltitudeBandNothingIsCovered) {
  const auto r = radar(400000.0);
  const auto fp = battery_coverage(kEarth, battery(250000.0, 100.0, 27000.0), &r, 30000.0, kDegToRad);
  EXPECT_EQ(fp.max_reach_m, 0.0);
  EXPECT_TRUE(fp.ring.empty());
  EXPECT_EQ(fp.area_m2, 0.0);
  EXPECT_NE(fp.note.find("altitude outside"), std::string::npos);
}

TEST(Coverage, BatteryWithoutRadarHasItsInterceptorRangeAndSaysSo) {
  const auto fp = battery_coverage(kEarth, battery(120000.0), nullptr, 100.0, kDegToRad);
  EXPECT_DOUBLE_EQ(fp.reach_at_m(1.0), 120000.0);
  EXPECT_FALSE(fp.fire_control_radar.has_value());
  EXPECT_NE(fp.note.find("no fire-control radar"), std::string::npos);
}

TEST(Coverage, SectorRadarGivesAWedge) {
  const auto full = radar_coverage(kEarth, radar(1e7), 10000.0, kDegToRad);
  const auto wedge = radar_coverage(kEarth, radar(1e7, 90.0, 90.0), 10000.0, kDegToRad);
  const double horizon = textbook_horizon_m(kSite.alt_m, 10000.0);
  // Inside the sector (45..135 deg) the horizon, outside nothing.
  for (double az : {45.0, 60.0, 90.0, 134.5, 135.0}) {
    EXPECT_NEAR(wedge.reach_at_m(az * kDegToRad), horizon, 0.005 * horizon) << az;
  }
  for (double az : {0.0, 44.5, 135.5, 180.0, 270.0}) EXPECT_EQ(wedge.reach_at_m(az * kDegToRad), 0.0) << az;
  // A quarter of the disk, and the site is a vertex of the outline.
  EXPECT_NEAR(wedge.area_m2, 0.25 * full.area_m2, 0.01 * 0.25 * full.area_m2);
  int site_vertices = 0;
  for (const auto& v : wedge.ring) site_vertices += (v.lat_rad == kSite.lat_rad && v.lon_rad == kSite.lon_rad) ? 1 : 0;
  EXPECT_EQ(site_vertices, 1);
}

TEST(Coverage, SectorAcrossNorthWraps) {
  const auto wedge = radar_coverage(kEarth, radar(1e7, 0.0, 60.0), 10000.0, kDegToRad);
  EXPECT_GT(wedge.reach_at_m(350.0 * kDegToRad), 0.0);
  EXPECT_GT(wedge.reach_at_m(10.0 * kDegToRad), 0.0);
  EXPECT_EQ(wedge.reach_at_m(40.0 * kDegToRad), 0.0);
  EXPECT_GT(wedge.area_m2, 0.0);
}

TEST(Coverage, PlaceDueNorthIsCoveredIffWithinTheReach) {
  const double range_m = 250000.0;
  const auto r = radar(400000.0);
  const double h = 1000.0;
  const auto fp = battery_coverage(kEarth, battery(range_m), &r, h, kDegToRad);
  const double r_max = std::min(range_m, textbook_horizon_m(kSite.alt_m, h));  // ~159 km
  const GeographicLib::Geodesic geodesic(constants::kWgs84A, constants::kWgs84F);
  std::vector<NamedPlace> places;
  for (double factor : {0.5, 0.99, 1.01, 1.5}) {
    double lat = 0.0, lon = 0.0;
    geodesic.Direct(kSite.lat_rad / kDegToRad, kSite.lon_rad / kDegToRad, 0.0, factor * r_max, lat, lon);
    places.push_back({std::to_string(factor), {lat * kDegToRad, lon * kDegToRad, 0.0}});
  }
  const auto rows = reach_table(kEarth, {fp}, places);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0].covered);
  EXPECT_TRUE(rows[1].covered);
  EXPECT_FALSE(rows[2].covered);
  EXPECT_FALSE(rows[3].covered);
  EXPECT_NEAR(rows[0].distance_m, 0.5 * r_max, 1e-3);
  EXPECT_NEAR(rows[0].azimuth_rad, 0.0, 1e-9);
}

TEST(Coverage, RadarStandingApartLimitsTheReachAlongEachAzimuth) {
  // The radar stands 50 km due east of the battery and sees all round out to
  // its horizon H at 1 km: due east the battery covers 50 + H, due west H - 50.
  const GeographicLib::Geodesic geodesic(constants::kWgs84A, constants::kWgs84F);
  double lat = 0.0, lon = 0.0;
  geodesic.Direct(kSite.lat_rad / kDegToRad, kSite.lon_rad / kDegToRad, 90.0, 50000.0, lat, lon);
  const auto r = radar(1e7, 0.0, 360.0, {lat * kDegToRad, lon * kDegToRad, kSite.alt_m});
  const double h = 1000.0;
  const double H = horizon_ground_range_m(kEarth.mean_radius_m(), kSite.alt_m, h, kK);
  const auto fp = battery_coverage(kEarth, battery(1e6), &r, h, kDegToRad);
  EXPECT_NEAR(fp.reach_at_m(90.0 * kDegToRad), 50000.0 + H, 1000.0);
  EXPECT_NEAR(fp.reach_at_m(270.0 * kDegToRad), H - 50000.0, 1000.0);
}

}  // namespace
}  // namespace rampart::analysis
