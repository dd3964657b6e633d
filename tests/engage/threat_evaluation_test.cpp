// Threat evaluation: the probability of impact inside an asset against
// closed forms of the 2-D Gaussian (Rayleigh disk, principal-axis
// rectangles, half-planes, the 1-D rank-deficient case), a brute-force grid
// for an offset disk under an anisotropic covariance, the exact 0/1 of a
// zero covariance, and the bookkeeping (value at risk, time to go, checks).

#include "rampart/engage/threat_evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "rampart/core/constants.hpp"

namespace rampart::engage {
namespace {

const earth::EarthModel& wgs84() {
  static const earth::EarthModel earth(earth::EarthKind::kWgs84);
  return earth;
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

/// A prediction at 47 N, 8 E with east-north covariance P.
track::ImpactPrediction prediction_with(const Eigen::Matrix2d& P) {
  track::ImpactPrediction p;
  p.status = track::ImpactStatus::kPredicted;
  p.impact_point = {47.0 * constants::kDegToRad, 8.0 * constants::kDegToRad, 0.0};
  p.impact_time_s = 812.5;
  p.P_en_m2 = P;
  return p;
}

/// The point on the ellipsoid whose projection on the tangent plane at the
/// prediction's impact point is (east, north) metres: the plane point lowered
/// along the local vertical until its height is 0 (a few fixed-point steps).
earth::Geodetic at_offset(const track::ImpactPrediction& p, double east_m, double north_m) {
  const Vec3 origin = wgs84().ecef_from_geodetic(p.impact_point);
  const Mat3 R_EL = wgs84().R_EL(p.impact_point);
  double up_m = 0.0;
  earth::Geodetic g;
  for (int i = 0; i < 6; ++i) {
    g = wgs84().geodetic_from_ecef(origin + R_EL * Vec3(east_m, north_m, up_m));
    up_m -= g.alt_m / R_EL.col(2).dot(wgs84().R_EL(g).col(2));  // Newton on the height
  }
  g.alt_m = 0.0;
  return g;
}

DefendedAsset disk(const track::ImpactPrediction& p, double east_m, double north_m, double radius_m,
                   double value = 1.0) {
  DefendedAsset a;
  a.name = "disk";
  a.point = at_offset(p, east_m, north_m);
  a.radius_m = radius_m;
  a.value = value;
  return a;
}

DefendedAsset polygon(const track::ImpactPrediction& p, const std::vector<Eigen::Vector2d>& en) {
  DefendedAsset a;
  a.name = "polygon";
  for (const auto& v : en) a.polygon.push_back(at_offset(p, v.x(), v.y()));
  a.point = a.polygon.front();
  return a;
}

/// Covariance with standard deviations s1 along the unit direction at
/// azimuth `az` (clockwise from north) and s2 across it.
Eigen::Matrix2d covariance(double s1, double s2, double az) {
  const Eigen::Vector2d u(std::sin(az), std::cos(az));
  const Eigen::Vector2d w(u.y(), -u.x());
  return s1 * s1 * u * u.transpose() + s2 * s2 * w * w.transpose();
}

/// Probability of the single asset (0 when below the threshold).
double probability(const track::ImpactPrediction& p, const DefendedAsset& asset) {
  ThreatEvaluationOptions options;
  options.min_hit_probability = 1e-300;
  const auto assessment = evaluate_threat(p, 0.0, {asset}, wgs84(), options);
  return assessment.threatened.empty() ? 0.0 : assessment.threatened.front().hit_probability;
}

// An isotropic Gaussian's radius is Rayleigh: P(|d| <= R) = 1 - exp(-R^2 / (2 s^2)).
TEST(ThreatEvaluation, DiskOnTheMeanIsRayleigh) {
  const double s = 300.0;
  const auto p = prediction_with(covariance(s, s, 0.3));
  for (const double R : {30.0, 150.0, 300.0, 600.0, 1200.0, 2500.0}) {
    EXPECT_NEAR(probability(p, disk(p, 0.0, 0.0, R)), 1.0 - std::exp(-R * R / (2.0 * s * s)), 1e-9) << R;
  }
}

// A rectangle aligned with the principal axes factorises into two 1-D normal
// probabilities, whatever the axes' orientation on the map.
TEST(ThreatEvaluation, PrincipalAxisRectangleFactorises) {
  const double s1 = 800.0, s2 = 250.0, az = 0.7;
  const auto p = prediction_with(covariance(s1, s2, az));
  const Eigen::Vector2d u(std::sin(az), std::cos(az));
  const Eigen::Vector2d w(u.y(), -u.x());
  const double a1 = -300.0, b1 = 1500.0, a2 = 100.0, b2 = 400.0;  // along u, along w
  const auto corner = [&](double x1, double x2) -> Eigen::Vector2d { return x1 * u + x2 * w; };
  const auto asset = polygon(p, {corner(a1, a2), corner(b1, a2), corner(b1, b2), corner(a1, b2)});
  const double expected = (normal_cdf(b1 / s1) - normal_cdf(a1 / s1)) * (normal_cdf(b2 / s2) - normal_cdf(a2 / s2));
  EXPECT_NEAR(probability(p, asset), expected, 1e-9);
}

// A non-convex polygon (an L) is the sum of its two rectangles.
TEST(ThreatEvaluation, NonConvexPolygonIsTheSumOfItsParts) {
  const double s1 = 500.0, s2 = 400.0;
  const auto p = prediction_with(covariance(s1, s2, 0.0));  // s1 north, s2 east
  // East-north vertices: the L = [-200, 600] x [-300, 0] plus [-200, 100] x [0, 700].
  const auto asset =
      polygon(p, {{-200.0, -300.0}, {600.0, -300.0}, {600.0, 0.0}, {100.0, 0.0}, {100.0, 700.0}, {-200.0, 700.0}});
  const auto box = [&](double e0, double e1, double n0, double n1) {
    return (normal_cdf(e1 / s2) - normal_cdf(e0 / s2)) * (normal_cdf(n1 / s1) - normal_cdf(n0 / s1));
  };
  EXPECT_NEAR(probability(p, asset), box(-200.0, 600.0, -300.0, 0.0) + box(-200.0, 100.0, 0.0, 700.0), 1e-9);
}

// A huge rectangle whose edge passes through the mean holds half the mass, for any orientation.
TEST(ThreatEvaluation, HalfPlaneThroughTheMeanIsOneHalf) {
  const auto p = prediction_with(covariance(900.0, 200.0, 1.1));
  for (const double edge_az : {0.0, 0.4, 1.1, 2.5}) {
    const Eigen::Vector2d d(std::sin(edge_az), std::cos(edge_az));
    const Eigen::Vector2d n(d.y(), -d.x());
    const double L = 40e3;  // 44 sigma: nothing beyond
    const auto asset = polygon(p, {-L * d, L * d, L * d + L * n, -L * d + L * n});
    EXPECT_NEAR(probability(p, asset), 0.5, 1e-6) << edge_az;
  }
}

// Brute force: an offset disk under a tilted, elongated Gaussian, integrated
// by the midpoint rule on a 1 m grid over the disk.
TEST(ThreatEvaluation, OffsetDiskMatchesBruteForceGrid) {
  const Eigen::Matrix2d P = covariance(700.0, 150.0, 0.5);
  const auto p = prediction_with(P);
  const double ce = 350.0, cn = -120.0, R = 400.0;
  const Eigen::Matrix2d Pinv = P.inverse();
  const double norm = 1.0 / (2.0 * std::numbers::pi * std::sqrt(P.determinant()));
  const double h = 1.0;
  double sum = 0.0;
  for (double x = ce - R + 0.5 * h; x < ce + R; x += h) {
    for (double y = cn - R + 0.5 * h; y < cn + R; y += h) {
      if ((x - ce) * (x - ce) + (y - cn) * (y - cn) > R * R) continue;
      const Eigen::Vector2d e(x, y);
      sum += norm * std::exp(-0.5 * e.dot(Pinv * e)) * h * h;
    }
  }
  // The grid's error at the circle's edge is ~ perimeter x h x density: ~1e-4.
  EXPECT_NEAR(probability(p, disk(p, ce, cn, R)), sum, 3e-4);
}

// A rank-one covariance puts all the mass on a line: P = erf(R / (s sqrt 2)) for a disk on the mean.
TEST(ThreatEvaluation, LineCovarianceIsOneDimensional) {
  const double s = 500.0, R = 300.0;
  const auto p = prediction_with(covariance(s, 0.0, 0.9));
  EXPECT_NEAR(probability(p, disk(p, 0.0, 0.0, R)), std::erf(R / (s * std::numbers::sqrt2)), 1e-12);
  // A disk off the line (its centre 400 m across it, radius 300 m) is never hit.
  const Eigen::Vector2d across(std::cos(0.9), -std::sin(0.9));
  EXPECT_EQ(probability(p, disk(p, 400.0 * across.x(), 400.0 * across.y(), R)), 0.0);
}

// A zero covariance is the point test: exactly 0 or 1.
TEST(ThreatEvaluation, ZeroCovarianceIsThePointTest) {
  const auto p = prediction_with(Eigen::Matrix2d::Zero());
  EXPECT_EQ(probability(p, disk(p, 50.0, 50.0, 100.0)), 1.0);
  EXPECT_EQ(probability(p, disk(p, 100.0, 100.0, 100.0)), 0.0);
  EXPECT_EQ(probability(p, polygon(p, {{-10.0, -10.0}, {10.0, -10.0}, {0.0, 10.0}})), 1.0);
  // The mean in the notch of an L is outside.
  EXPECT_EQ(
      probability(
          p,
          polygon(
              p, {{-100.0, -100.0}, {100.0, -100.0}, {100.0, -50.0}, {-50.0, -50.0}, {-50.0, 100.0}, {-100.0, 100.0}})),
      0.0);
}

TEST(ThreatEvaluation, FarAssetIsNotThreatened) {
  const auto p = prediction_with(covariance(1000.0, 600.0, 0.2));
  const auto assessment = evaluate_threat(p, 100.0, {disk(p, 60e3, -20e3, 5e3)}, wgs84());
  EXPECT_TRUE(assessment.threatened.empty());
  EXPECT_EQ(assessment.value_at_risk, 0.0);
  EXPECT_EQ(probability(p, disk(p, 60e3, -20e3, 5e3)), 0.0);
}

// Value at risk sums p x value over the threatened assets only; time to go is
// the impact time minus now.
TEST(ThreatEvaluation, ValueAtRiskAndTimeToGo) {
  const double s = 400.0;
  const auto p = prediction_with(covariance(s, s, 0.0));
  const auto rayleigh = [&](double R) { return 1.0 - std::exp(-R * R / (2.0 * s * s)); };
  const std::vector<DefendedAsset> assets = {
      disk(p, 0.0, 0.0, 200.0, 10.0),   // p = rayleigh(200)
      disk(p, 80e3, 0.0, 1e3, 1000.0),  // far: not counted
      disk(p, 0.0, 0.0, 800.0, 3.0),    // p = rayleigh(800)
      disk(p, 0.0, 0.0, 50.0, 7.0),     // p = rayleigh(50) = 0.0078 < 0.01: not counted
  };
  const auto assessment = evaluate_threat(p, 700.0, assets, wgs84());
  ASSERT_EQ(assessment.threatened.size(), 2u);
  EXPECT_EQ(assessment.threatened[0].asset, 0);
  EXPECT_EQ(assessment.threatened[1].asset, 2);
  EXPECT_NEAR(assessment.threatened[0].hit_probability, rayleigh(200.0), 1e-9);
  EXPECT_NEAR(assessment.threatened[1].hit_probability, rayleigh(800.0), 1e-9);
  EXPECT_NEAR(assessment.value_at_risk, 10.0 * rayleigh(200.0) + 3.0 * rayleigh(800.0), 1e-8);
  EXPECT_DOUBLE_EQ(assessment.time_to_go_s, 812.5 - 700.0);
}

TEST(ThreatEvaluation, BadInputIsRejected) {
  const auto p = prediction_with(covariance(100.0, 100.0, 0.0));
  DefendedAsset good = disk(p, 0.0, 0.0, 100.0);
  EXPECT_NO_THROW(validate(good));

  DefendedAsset a = good;
  a.value = -1.0;
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = good;
  a.value = std::nan("");
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = good;
  a.radius_m = -5.0;
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = good;
  a.radius_m = std::numeric_limits<double>::infinity();
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = good;
  a.radius_m = 0.0;
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = polygon(p, {{0.0, 0.0}, {10.0, 0.0}});
  EXPECT_THROW(validate(a), std::invalid_argument);
  a = polygon(p, {{0.0, 0.0}, {10.0, 0.0}, {0.0, 10.0}});
  EXPECT_NO_THROW(validate(a));  // a polygon needs no radius

  EXPECT_THROW(evaluate_threat(p, 0.0, {a, disk(p, 0.0, 0.0, 0.0)}, wgs84()), std::invalid_argument);
  auto failed = p;
  failed.status = track::ImpactStatus::kNoImpact;
  EXPECT_THROW(evaluate_threat(failed, 0.0, {good}, wgs84()), std::invalid_argument);
  ThreatEvaluationOptions options;
  options.min_hit_probability = 0.0;
  EXPECT_THROW(evaluate_threat(p, 0.0, {good}, wgs84(), options), std::invalid_argument);
  options.min_hit_probability = 1.0;
  EXPECT_THROW(evaluate_threat(p, 0.0, {good}, wgs84(), options), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::engage
