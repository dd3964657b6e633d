#include "rampart/engage/threat_evaluation.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace rampart::engage {
namespace {

using Vec2 = Eigen::Vector2d;

// The Gaussian's principal-axis integral is truncated at +-kTailSigma on the
// minor axis: the mass beyond, 2 Phi(-8.5) ~ 2e-17, is below double rounding.
constexpr double kTailSigma = 8.5;
// Largest panel of the composite outer rule, in minor-axis sigmas: eight
// Gauss-Legendre nodes on a quarter sigma integrate the analytic pieces of
// the outer integrand to rounding.
constexpr double kMaxPanelSigma = 0.25;

// 8-point Gauss-Legendre rule on [-1, 1] (Abramowitz & Stegun, Table 25.4).
constexpr std::array<double, 8> kGaussNodes = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                                               -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                                               0.7966664774136267,  0.9602898564975363};
constexpr std::array<double, 8> kGaussWeights = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
                                                 0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
                                                 0.2223810344533745, 0.1012285362903763};

[[noreturn]] void fail(const DefendedAsset& asset, const char* what) {
  std::string message("defended asset '");
  message.append(asset.name);
  message.append("': ");
  message.append(what);
  throw std::invalid_argument(message);
}

/// Standard normal cumulative distribution.
double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

/// Standard normal density.
double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi); }

/// An asset's area on the tangent plane (east, north in metres from the mean
/// impact point): a disk or a polygon.
struct PlaneArea {
  bool is_disk = true;
  Vec2 centre = Vec2::Zero();
  double radius_m = 0.0;
  std::vector<Vec2> vertices;
};

/// Is `p` inside the area? Polygons by the crossing-number (even-odd) rule
/// with half-open edges, the same rule the chord intersections use.
bool contains(const PlaneArea& area, const Vec2& p) {
  if (area.is_disk) return (p - area.centre).norm() <= area.radius_m;
  bool inside = false;
  const std::size_t n = area.vertices.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2& a = area.vertices[j];
    const Vec2& b = area.vertices[i];
    if ((a.y() > p.y()) != (b.y() > p.y())) {
      const double x = a.x() + (p.y() - a.y()) / (b.y() - a.y()) * (b.x() - a.x());
      if (p.x() < x) inside = !inside;
    }
  }
  return inside;
}

/// The Gaussian's principal axes: the major axis `major` (unit) with sigma
/// `sigma_major`, the minor axis `minor` (unit) with `sigma_minor`.
struct PrincipalAxes {
  Vec2 major;
  Vec2 minor;
  double sigma_major;
  double sigma_minor;
};

PrincipalAxes principal_axes(const Eigen::Matrix2d& P) {
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eigen(0.5 * (P + P.transpose()));
  const Vec2 lambda = eigen.eigenvalues().cwiseMax(0.0);  // ascending
  return {eigen.eigenvectors().col(1), eigen.eigenvectors().col(0), std::sqrt(lambda(1)), std::sqrt(lambda(0))};
}

/// Probability mass of N(0, 1) in t along the line x(t) = offset * minor +
/// t * sigma_major * major that lies inside the area (the inner integral,
/// exact through the normal CDF). `crossings` is scratch space.
double line_mass(const PlaneArea& area, const PrincipalAxes& axes, double offset_m, std::vector<double>& crossings) {
  const Vec2 origin = offset_m * axes.minor;
  if (area.is_disk) {
    const Vec2 c = area.centre - origin;
    const double across = c.dot(axes.minor);
    const double half_chord_sq = area.radius_m * area.radius_m - across * across;
    if (half_chord_sq <= 0.0) return 0.0;
    const double half_chord = std::sqrt(half_chord_sq) / axes.sigma_major;
    const double along = c.dot(axes.major) / axes.sigma_major;
    return normal_cdf(along + half_chord) - normal_cdf(along - half_chord);
  }
  // Crossings of the line with the polygon's edges, paired in order along the
  // line (even-odd rule; half-open edges so that a vertex on the line counts once).
  crossings.clear();
  const std::size_t n = area.vertices.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 a = area.vertices[j] - origin;
    const Vec2 b = area.vertices[i] - origin;
    const double side_a = a.dot(axes.minor);
    const double side_b = b.dot(axes.minor);
    if ((side_a > 0.0) != (side_b > 0.0)) {
      const double u = side_a / (side_a - side_b);
      crossings.push_back((a + u * (b - a)).dot(axes.major) / axes.sigma_major);
    }
  }
  std::sort(crossings.begin(), crossings.end());
  double mass = 0.0;
  for (std::size_t k = 0; k + 1 < crossings.size(); k += 2)
    mass += normal_cdf(crossings[k + 1]) - normal_cdf(crossings[k]);
  return mass;
}

/// Integral over u in [lo, hi] of f(u), composite 8-point Gauss-Legendre on
/// panels no wider than kMaxPanelSigma. An end flagged `sqrt_end` is where f
/// vanishes like sqrt(distance) (a disk's tangent line): its panel is mapped
/// by u = end +- w s^2, which makes the integrand smooth in s.
template <class F>
double integrate_outer(double lo, double hi, bool sqrt_lo, bool sqrt_hi, const F& f) {
  if (!(hi > lo)) return 0.0;
  const int panels = std::max(2, static_cast<int>(std::ceil((hi - lo) / kMaxPanelSigma)));
  const double w = (hi - lo) / panels;
  double sum = 0.0;
  for (int p = 0; p < panels; ++p) {
    const double a = lo + p * w;
    for (std::size_t k = 0; k < kGaussNodes.size(); ++k) {
      const double s = 0.5 * (kGaussNodes[k] + 1.0);  // in [0, 1]
      const double weight = 0.5 * kGaussWeights[k];
      if (p == 0 && sqrt_lo) {
        sum += weight * 2.0 * w * s * f(lo + w * s * s);
      } else if (p == panels - 1 && sqrt_hi) {
        sum += weight * 2.0 * w * s * f(hi - w * s * s);
      } else {
        sum += weight * w * f(a + w * s);
      }
    }
  }
  return sum;
}

/// P(impact inside the area) for N(0, P) on the plane: the inner integral
/// along the major axis exactly (normal CDF of the chord ends), the outer one
/// over the minor axis by the composite rule between the breakpoints where
/// the chords change topology (polygon vertices, disk tangents). A zero minor
/// sigma leaves the single chord through the mean; a zero covariance the
/// point test.
double hit_probability(const PlaneArea& area, const Eigen::Matrix2d& P) {
  const PrincipalAxes axes = principal_axes(P);
  if (!(axes.sigma_major > 0.0)) return contains(area, Vec2::Zero()) ? 1.0 : 0.0;
  std::vector<double> crossings;
  crossings.reserve(area.vertices.size());
  if (!(axes.sigma_minor > 0.0)) return line_mass(area, axes, 0.0, crossings);

  const double s = axes.sigma_minor;
  const auto integrand = [&](double u) { return normal_pdf(u) * line_mass(area, axes, u * s, crossings); };
  const auto clip = [](double u) { return std::clamp(u, -kTailSigma, kTailSigma); };
  double probability = 0.0;
  if (area.is_disk) {
    const double across = area.centre.dot(axes.minor) / s;
    const double half = area.radius_m / s;
    const double lo = across - half;
    const double hi = across + half;
    probability = integrate_outer(clip(lo), clip(hi), lo >= -kTailSigma, hi <= kTailSigma, integrand);
  } else {
    std::vector<double> breaks;
    breaks.reserve(area.vertices.size());
    for (const Vec2& v : area.vertices) breaks.push_back(clip(v.dot(axes.minor) / s));
    std::sort(breaks.begin(), breaks.end());
    for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
      probability += integrate_outer(breaks[k], breaks[k + 1], false, false, integrand);
    }
  }
  return std::clamp(probability, 0.0, 1.0);
}

/// The asset on the tangent plane at `origin` (east, north components of the
/// ECEF offset from the impact point; points taken on the ellipsoid).
PlaneArea project(const DefendedAsset& asset, const earth::EarthModel& earth, const Vec3& origin_E, const Mat3& R_EL) {
  const auto to_plane = [&](earth::Geodetic g) -> Vec2 {
    g.alt_m = 0.0;
    return (R_EL.transpose() * (earth.ecef_from_geodetic(g) - origin_E)).head<2>();
  };
  PlaneArea area;
  if (asset.polygon.empty()) {
    area.is_disk = true;
    area.centre = to_plane(asset.point);
    area.radius_m = asset.radius_m;
  } else {
    area.is_disk = false;
    area.vertices.reserve(asset.polygon.size());
    for (const auto& v : asset.polygon) area.vertices.push_back(to_plane(v));
  }
  return area;
}

bool finite_geodetic(const earth::Geodetic& g) {
  return std::isfinite(g.lat_rad) && std::isfinite(g.lon_rad) && std::isfinite(g.alt_m);
}

}  // namespace

void validate(const DefendedAsset& asset) {
  if (!(std::isfinite(asset.value) && asset.value >= 0.0)) fail(asset, "value must be finite and >= 0");
  if (!(std::isfinite(asset.radius_m) && asset.radius_m >= 0.0)) fail(asset, "radius must be finite and >= 0");
  if (!finite_geodetic(asset.point)) fail(asset, "point must be finite");
  if (asset.polygon.empty()) {
    if (asset.radius_m == 0.0) fail(asset, "a point asset needs a radius > 0");
    return;
  }
  if (asset.polygon.size() < 3) fail(asset, "a polygon needs at least 3 vertices");
  for (const auto& v : asset.polygon) {
    if (!finite_geodetic(v)) fail(asset, "polygon vertices must be finite");
  }
}

ThreatAssessment evaluate_threat(const track::ImpactPrediction& prediction, double now_s,
                                 const std::vector<DefendedAsset>& assets, const earth::EarthModel& earth,
                                 const ThreatEvaluationOptions& options) {
  if (prediction.status != track::ImpactStatus::kPredicted) {
    throw std::invalid_argument("evaluate_threat: the impact prediction failed (status is not kPredicted)");
  }
  if (!(options.min_hit_probability > 0.0 && options.min_hit_probability < 1.0)) {
    throw std::invalid_argument("evaluate_threat: min_hit_probability must be in (0, 1)");
  }
  if (!prediction.P_en_m2.allFinite() || !std::isfinite(now_s)) {
    throw std::invalid_argument("evaluate_threat: covariance and time must be finite");
  }
  for (const auto& asset : assets) validate(asset);

  earth::Geodetic origin = prediction.impact_point;
  origin.alt_m = 0.0;
  const Vec3 origin_E = earth.ecef_from_geodetic(origin);
  const Mat3 R_EL = earth.R_EL(origin);

  ThreatAssessment assessment;
  assessment.time_to_go_s = prediction.impact_time_s - now_s;
  for (std::size_t i = 0; i < assets.size(); ++i) {
    const double p = hit_probability(project(assets[i], earth, origin_E, R_EL), prediction.P_en_m2);
    if (p >= options.min_hit_probability) {
      assessment.threatened.push_back({static_cast<int>(i), p});
      assessment.value_at_risk += p * assets[i].value;
    }
  }
  return assessment;
}

}  // namespace rampart::engage
