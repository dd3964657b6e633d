// Verification of line of sight and radar horizons against closed-form
// geometry: the geometric horizon of a sphere, the equatorial circle and the
// polar axis of the ellipsoid, and the classic 4/3-Earth radar horizon rule.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/earth/horizon.hpp"

namespace rampart::earth {
namespace {

using constants::kDegToRad;
using constants::kPi;

// Validates line_of_sight on the equator of the ellipsoid, where the
// cross-section is a circle of radius a: two points at height h, separated
// by longitude dlon, see each other exactly while dlon <= 2 acos(a/(a+h)).
// Checked at the boundary +/- 1e-9 rad: there the midpoint height moves by
// (a+h) sin(dlon/2) 0.5e-9 ~ 0.1-0.6 mm, above the golden-section search's
// 0.1 mm bracket and altitude_m()'s micrometres.
TEST(LineOfSight, EquatorialHorizonIsExact) {
  const EarthModel earth(EarthKind::kWgs84);
  const double a = earth.parameters().equatorial_radius_m;
  for (double h : {1000.0, 10000.0, 100000.0, 1000000.0}) {
    SCOPED_TRACE(h);
    const double limit = 2.0 * std::acos(a / (a + h));
    for (const double lon0 : {0.0, kPi - 0.5 * limit}) {  // also across the antimeridian
      const Vec3 p = earth.ecef_from_geodetic({0.0, lon0, h});
      const Vec3 inside = earth.ecef_from_geodetic({0.0, lon0 + limit - 1e-9, h});
      const Vec3 outside = earth.ecef_from_geodetic({0.0, lon0 + limit + 1e-9, h});
      EXPECT_TRUE(line_of_sight(earth, p, inside));
      EXPECT_FALSE(line_of_sight(earth, p, outside));
      EXPECT_TRUE(line_of_sight(earth, inside, p)) << "symmetric";
    }
  }
}

// Validates line_of_sight over the pole of the ellipsoid: two points at the
// same height on opposite meridians (lon 0 and 180) at colatitude d. By
// symmetry the segment's lowest point is on the axis, at z = z_p; the surface
// there is at z = b (+ clearance). The test finds the boundary d* by
// bisection on that closed form (the ECEF z of the points), then checks just
// inside and outside; 1e-9 rad of d moves z_p by ~ rho * 1e-9 (< 1 mm).
TEST(LineOfSight, PolarHorizonOnEllipsoid) {
  const EarthModel earth(EarthKind::kWgs84);
  const double b = earth.parameters().equatorial_radius_m * (1.0 - earth.parameters().flattening);
  for (double h : {5000.0, 300000.0}) {
    for (double clearance : {0.0, 2000.0}) {
      SCOPED_TRACE(testing::Message() << h << " " << clearance);
      auto z_mid = [&](double d) { return earth.ecef_from_geodetic({kPi / 2 - d, 0.0, h}).z(); };
      double lo = 0.0, hi = 0.5;  // z_mid decreases with d
      for (int i = 0; i < 100; ++i) {
        const double mid = 0.5 * (lo + hi);
        (z_mid(mid) >= b + clearance ? lo : hi) = mid;
      }
      auto pair_visible = [&](double d) {
        return line_of_sight(earth, earth.ecef_from_geodetic({kPi / 2 - d, 0.0, h}),
                             earth.ecef_from_geodetic({kPi / 2 - d, kPi, h}), clearance);
      };
      EXPECT_TRUE(pair_visible(lo - 1e-9));
      EXPECT_FALSE(pair_visible(lo + 1e-9));
    }
  }
}

// Validates the clearance semantics and edge cases: a segment grazing at
// height g clears c < g and not c > g; an endpoint below the surface blocks;
// zero-length segments; the spherical model.
TEST(LineOfSight, ClearanceAndEdges) {
  const EarthModel sphere(EarthKind::kSpherical);
  const double R = sphere.parameters().equatorial_radius_m;
  const double h = 50000.0;
  // Points at height h, 2 * 0.1 rad apart: lowest point at (R+h) cos(0.1) - R.
  const Vec3 p(R + h, 0.0, 0.0);
  const Vec3 q = Eigen::AngleAxisd(0.2, Vec3::UnitZ()) * p;
  const double graze = (R + h) * std::cos(0.1) - R;  // ~18.1 km
  EXPECT_TRUE(line_of_sight(sphere, p, q, graze - 1e-3));
  EXPECT_FALSE(line_of_sight(sphere, p, q, graze + 1e-3));
  EXPECT_TRUE(line_of_sight(sphere, p, p));
  EXPECT_FALSE(line_of_sight(sphere, Vec3(R - 1.0, 0.0, 0.0), Vec3(R + 1e6, 0.0, 0.0)));
  EXPECT_THROW(line_of_sight(sphere, p, q, std::nan("")), std::invalid_argument);
  // Same geometry on the ellipsoid's equator, where it goes through the search.
  const EarthModel earth(EarthKind::kWgs84);
  const double a = earth.parameters().equatorial_radius_m;
  const Vec3 pe(a + h, 0.0, 0.0);
  const Vec3 qe = Eigen::AngleAxisd(0.2, Vec3::UnitZ()) * pe;
  const double graze_e = (a + h) * std::cos(0.1) - a;
  EXPECT_TRUE(line_of_sight(earth, pe, qe, graze_e - 1e-3));
  EXPECT_FALSE(line_of_sight(earth, pe, qe, graze_e + 1e-3));
}

// Validates radar_horizon_range_m with k = 1 against the geometric tangent
// distance sqrt((R+h)^2 - R^2) (R the mean radius). The reference loses
// precision to cancellation: (R+h)^2 - R^2 carries ~2 eps (R+h)^2 of
// rounding, which the square root turns into eps (R+h)^2 / d per term; the
// tolerance is four times that.
TEST(RadarHorizon, GeometricWithKOne) {
  const EarthModel earth(EarthKind::kWgs84);
  const double R = earth.mean_radius_m();
  for (double h1 : {0.0, 10.0, 30.0, 1000.0}) {
    for (double h2 : {0.0, 100.0, 1e5}) {
      const double eps = std::numeric_limits<double>::epsilon();
      double expected = 0.0, tol = 0.0;
      for (double h : {h1, h2}) {
        const double d = std::sqrt((R + h) * (R + h) - R * R);
        expected += d;
        if (d > 0.0) tol += 4.0 * eps * (R + h) * (R + h) / d;
      }
      EXPECT_NEAR(radar_horizon_range_m(earth, h1, h2, 1.0), expected, tol);
    }
  }
  EXPECT_EQ(radar_horizon_range_m(earth, 0.0, 0.0, 1.0), 0.0);
  EXPECT_EQ(radar_horizon_range_m(earth, -50.0, 0.0, 1.0), 0.0) << "below the surface counts as 0 m";
  EXPECT_THROW(radar_horizon_range_m(earth, 10.0, 10.0, 0.0), std::invalid_argument);
  EXPECT_THROW(radar_horizon_range_m(earth, 10.0, 10.0, std::nan("")), std::invalid_argument);
}

// Validates the 4/3-Earth horizon against the classic rule d[km] = 4.12
// sqrt(h[m]) (Skolnik). The rule's coefficient is sqrt(2 * 4/3 * R) rounded
// to three figures, so it holds within its rounding, 0.005 / 4.12 = 0.12 %,
// plus the h^2 term the rule drops, h / (4 k R) relative.
TEST(RadarHorizon, FourThirdsEarthRule) {
  const EarthModel earth(EarthKind::kWgs84);
  const double kR = 4.0 / 3.0 * earth.mean_radius_m();
  for (double h : {1.0, 10.0, 30.0, 100.0, 1000.0, 10000.0}) {
    SCOPED_TRACE(h);
    const double rule_m = 4.12e3 * std::sqrt(h);
    const double tol = rule_m * (0.005 / 4.12 + h / (4.0 * kR));
    EXPECT_NEAR(radar_horizon_range_m(earth, h, 0.0), rule_m, tol);
    EXPECT_NEAR(radar_horizon_range_m(earth, 0.0, h), rule_m, tol);
  }
  // Default k is 4/3.
  EXPECT_EQ(radar_horizon_range_m(earth, 30.0, 3000.0), radar_horizon_range_m(earth, 30.0, 3000.0, 4.0 / 3.0));
}

// Validates apparent_elevation_rad with k = 1: it is the exact geometric
// elevation asin(up . d / |d|) on the ellipsoid (written out here); a target
// straight up is at +90 deg; refraction (k = 4/3) raises distant targets.
TEST(ApparentElevation, GeometricAndRefracted) {
  const EarthModel earth(EarthKind::kWgs84);
  const Geodetic sensor{44.1 * kDegToRad, 24.3 * kDegToRad, 150.0};
  const Vec3 s = earth.ecef_from_geodetic(sensor);
  const Vec3 up = earth.R_EL(sensor).col(2);
  for (const Geodetic target : {Geodetic{45.0 * kDegToRad, 26.0 * kDegToRad, 100000.0},
                                Geodetic{40.0 * kDegToRad, 20.0 * kDegToRad, 10000.0},
                                Geodetic{44.2 * kDegToRad, 24.3 * kDegToRad, 0.0}}) {
    const Vec3 t = earth.ecef_from_geodetic(target);
    const double expected = std::asin(up.dot(t - s) / (t - s).norm());
    EXPECT_NEAR(apparent_elevation_rad(earth, sensor, t, 1.0), expected, 1e-12);
    EXPECT_GT(apparent_elevation_rad(earth, sensor, t), expected) << "refraction lifts";
  }
  const Vec3 zenith = s + 5e5 * up;
  EXPECT_NEAR(apparent_elevation_rad(earth, sensor, zenith, 1.0), kPi / 2, 1e-7);
  EXPECT_NEAR(apparent_elevation_rad(earth, sensor, zenith), kPi / 2, 1e-7);
}

// Validates that visible() and apparent_elevation_rad agree with
// radar_horizon_range_m: on the spherical model (where the effective-Earth
// picture is exact), a target at height h2 and ground distance s from a
// sensor at h1 is visible exactly while the effective central angle s/(kR)
// is <= acos(kR/(kR+h1)) + acos(kR/(kR+h2)), and at that angle the
// effective-Earth slant range equals the horizon range (the ray grazes: both
// tangent segments are collinear). Boundary checked at +/- 1e-9 rad of
// central angle when h2 > 0 (the graze height then moves linearly, by ~6 mm);
// for a target on the surface it moves only to second order, kR dg^2 / 2, so
// there +/- 1e-5 rad (0.4 mm, above visible()'s 1 um slack for surface points).
TEST(Visibility, ConsistentWithHorizonRange) {
  const EarthModel sphere(EarthKind::kSpherical);
  const double R = sphere.mean_radius_m();
  for (double k : {1.0, 4.0 / 3.0}) {
    for (double h1 : {30.0, 1000.0}) {
      for (double h2 : {0.0, 5000.0, 200000.0}) {
        SCOPED_TRACE(testing::Message() << k << " " << h1 << " " << h2);
        const double kR = k * R;
        const double g_max = std::acos(kR / (kR + h1)) + std::acos(kR / (kR + h2));  // effective
        const double dg = h2 > 0.0 ? 1e-9 : 1e-5;
        // Slant range in the effective picture at g_max equals the horizon range.
        const double slant =
            std::sqrt((kR + h1) * (kR + h1) + (kR + h2) * (kR + h2) - 2.0 * (kR + h1) * (kR + h2) * std::cos(g_max));
        EXPECT_NEAR(slant, radar_horizon_range_m(sphere, h1, h2, k), 1e-6 * slant);
        const Geodetic sensor{0.0, 0.0, h1};
        // True central angle = effective one times k (same ground distance).
        auto target_at = [&](double g_eff) { return sphere.ecef_from_geodetic({0.0, k * g_eff, h2}); };
        EXPECT_TRUE(visible(sphere, sensor, target_at(g_max - dg), -kPi / 2, k));
        EXPECT_FALSE(visible(sphere, sensor, target_at(g_max + dg), -kPi / 2, k));
        // At the horizon the apparent elevation is the tangent ray's,
        // -acos(kR/(kR+h1)), below the local horizontal.
        EXPECT_NEAR(apparent_elevation_rad(sphere, sensor, target_at(g_max), k), -std::acos(kR / (kR + h1)), 1e-7);
      }
    }
  }
}

// Validates the elevation mask of visible(): a target in line of sight is
// visible only when its apparent elevation reaches min_elevation_rad; a
// target below the sensor but close by is visible with a negative mask even
// though it lies far below the horizon's dip angle.
TEST(Visibility, ElevationMask) {
  const EarthModel earth(EarthKind::kWgs84);
  const Geodetic sensor{52.0 * kDegToRad, 17.0 * kDegToRad, 1000.0};
  const Vec3 target = earth.ecef_from_geodetic({52.5 * kDegToRad, 17.0 * kDegToRad, 30000.0});
  const double el = apparent_elevation_rad(earth, sensor, target);
  EXPECT_GT(el, 0.0);
  EXPECT_TRUE(visible(earth, sensor, target, el - 1e-9));
  EXPECT_FALSE(visible(earth, sensor, target, el + 1e-9));
  const Vec3 low_close = earth.ecef_from_geodetic({52.0 * kDegToRad, 17.01 * kDegToRad, 10.0});
  EXPECT_LT(apparent_elevation_rad(earth, sensor, low_close), -0.5);
  EXPECT_TRUE(visible(earth, sensor, low_close, -kPi / 2));
  EXPECT_FALSE(visible(earth, sensor, low_close)) << "below the default 0 rad mask";
  const Vec3 far_low = earth.ecef_from_geodetic({60.0 * kDegToRad, 17.0 * kDegToRad, 100.0});
  EXPECT_FALSE(visible(earth, sensor, far_low, -kPi / 2)) << "900 km away at 100 m: below the horizon";
}

}  // namespace
// Validates the overloads that take a precomputed SiteGeometry (what a radar
// keeps) against the geodetic ones: the same results bit for bit on both
// Earth models, for targets above and below the horizon, near the zenith
// and at both refraction factors; and visible_elevation_rad() as the pair
// visible() (no mask) plus apparent_elevation_rad().
TEST(Visibility, CachedSiteGeometryGivesTheSameAnswers) {
  for (const EarthKind kind : {EarthKind::kWgs84, EarthKind::kSpherical}) {
    const EarthModel earth(kind);
    for (const Geodetic sensor : {Geodetic{44.08 * kDegToRad, 24.41 * kDegToRad, 30.0},
                                  Geodetic{-71.0 * kDegToRad, -170.0 * kDegToRad, 0.0},
                                  Geodetic{89.9 * kDegToRad, 10.0 * kDegToRad, 3000.0}}) {
      const SiteGeometry site(earth, sensor);
      EXPECT_EQ(site.r_E(), earth.ecef_from_geodetic(sensor));
      EXPECT_EQ(site.up_E(), Vec3(earth.R_EL(sensor).col(2)));
      for (double dlat : {-20.0, -3.0, 0.0, 0.5, 8.0, 25.0}) {
        for (double dlon : {-30.0, -1.0, 0.0, 2.0, 12.0}) {
          for (double h : {0.0, 5e3, 150e3, 1200e3}) {
            const double lat = std::clamp(sensor.lat_rad + dlat * kDegToRad, -kPi / 2, kPi / 2);
            const Vec3 t = earth.ecef_from_geodetic({lat, sensor.lon_rad + dlon * kDegToRad, h});
            for (double k : {1.0, 4.0 / 3.0}) {
              const double el = apparent_elevation_rad(earth, sensor, t, k);
              EXPECT_EQ(apparent_elevation_rad(earth, site, t, k), el);
              for (double mask : {-kPi / 2, 0.0, 0.1}) {
                EXPECT_EQ(visible(earth, site, t, mask, k), visible(earth, sensor, t, mask, k));
              }
              const auto both = visible_elevation_rad(earth, site, t, k);
              EXPECT_EQ(both.has_value(), visible(earth, sensor, t, -kPi / 2, k));
              if (both) {
                EXPECT_EQ(*both, el);
              }
            }
          }
        }
      }
    }
  }
}

}  // namespace rampart::earth
