#include "rampart/track/impact_prediction.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>

#include "rampart/flight/ballistic_flight.hpp"

namespace rampart::track {
namespace {

constexpr int kMaxSigmaPoints = 2 * kMaxStateDimension + 1;

void require(bool ok, const char* what) {
  if (!ok) {
    std::string message("ImpactPredictor: ");
    message.append(what);
    throw std::invalid_argument(message);
  }
}

// A square root S of P (S S^T = P) that also exists for a singular P, where
// a plain Cholesky factorisation fails: LLT first (the common, fast case),
// then the pivoted LDLT, P = T^T L D L^T T, S = T^T L sqrt(D). Empty if P is
// not finite, not symmetric or has a clearly negative pivot.
std::optional<StateMatrix> covariance_square_root(const StateMatrix& P) {
  if (!P.allFinite()) return std::nullopt;
  const double scale = P.diagonal().cwiseAbs().maxCoeff();
  // Symmetric to rounding: filters write P from sums of products whose
  // asymmetry stays near n eps |P|.
  if ((P - P.transpose()).cwiseAbs().maxCoeff() > 1e-9 * scale) return std::nullopt;
  const StateMatrix P_sym = 0.5 * (P + P.transpose());
  Eigen::LLT<StateMatrix> llt(P_sym);
  if (llt.info() == Eigen::Success) return StateMatrix(llt.matrixL());
  Eigen::LDLT<StateMatrix> ldlt(P_sym);
  if (ldlt.info() != Eigen::Success) return std::nullopt;
  const StateVector D = ldlt.vectorD();
  // Pivots down to -n eps |P| are rounding in a semi-definite P, not a negative variance.
  const double tolerance = 16.0 * std::numeric_limits<double>::epsilon() * scale * static_cast<double>(P.rows());
  if (D.minCoeff() < -tolerance) return std::nullopt;
  StateMatrix L = ldlt.matrixL();
  L = L * D.cwiseMax(0.0).cwiseSqrt().asDiagonal();
  return StateMatrix(ldlt.transpositionsP().transpose() * L);
}

struct SigmaImpact {
  double t_s;
  Vec3 r_E;  // impact point, Earth-fixed at its own impact time
};

}  // namespace

ThreatEllipse threat_ellipse(const Eigen::Matrix2d& P_en_m2, double probability) {
  if (!(probability > 0.0 && probability < 1.0)) {
    throw std::invalid_argument("threat_ellipse: probability must be in (0, 1)");
  }
  // d^T P^-1 d is chi-square with 2 degrees of freedom for a 2-D Gaussian,
  // whose quantile is closed-form: P(chi2_2 <= k^2) = 1 - exp(-k^2/2).
  const double k = std::sqrt(-2.0 * std::log1p(-probability));
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eigen(0.5 * (P_en_m2 + P_en_m2.transpose()));
  const Eigen::Vector2d lambda = eigen.eigenvalues().cwiseMax(0.0);  // ascending
  const Eigen::Vector2d major = eigen.eigenvectors().col(1);         // (east, north)
  double azimuth = std::atan2(major.x(), major.y());
  if (azimuth < 0.0) azimuth += std::numbers::pi;
  if (azimuth >= std::numbers::pi) azimuth -= std::numbers::pi;
  ThreatEllipse ellipse;
  ellipse.probability = probability;
  ellipse.semi_major_m = k * std::sqrt(lambda(1));
  ellipse.semi_minor_m = k * std::sqrt(lambda(0));
  ellipse.major_axis_azimuth_rad = azimuth;
  return ellipse;
}

ImpactPredictor::ImpactPredictor(const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                                 const ImpactPredictionOptions& options)
    : earth_(earth), atmosphere_(atmosphere), options_(options) {
  const auto& o = options_;
  require(std::isfinite(o.nominal_inverse_beta_m2pkg) && o.nominal_inverse_beta_m2pkg >= 0.0,
          "nominal_inverse_beta_m2pkg must be finite and >= 0");
  require(o.ellipse_probability > 0.0 && o.ellipse_probability < 1.0, "ellipse_probability must be in (0, 1)");
  require(o.alpha > 0.0 && o.alpha <= 1.0, "alpha must be in (0, 1]");
  require(std::isfinite(o.beta), "beta must be finite");
  // n + kappa > 0 for every admissible dimension (6 and 7).
  require(std::isfinite(o.kappa) && 6.0 + o.kappa > 0.0, "kappa must be finite with 6 + kappa > 0");
  require(std::isfinite(o.max_flight_time_s) && o.max_flight_time_s > 0.0, "max_flight_time_s must be > 0");
  require(o.relative_tolerance > 0.0 && o.absolute_tolerance > 0.0 && std::isfinite(o.relative_tolerance) &&
              std::isfinite(o.absolute_tolerance),
          "tolerances must be finite and > 0");
}

ImpactPrediction ImpactPredictor::predict(const GaussianState& state) const {
  const int n = static_cast<int>(state.x.size());
  if ((n != 6 && n != 7) || state.P.rows() != n || state.P.cols() != n) {
    throw std::invalid_argument("ImpactPredictor::predict: state must have 6 or 7 components and P n x n");
  }
  ImpactPrediction result;
  if (!state.x.allFinite()) {
    result.status = ImpactStatus::kInvalidCovariance;
    return result;
  }
  const auto S = covariance_square_root(state.P);
  if (!S) {
    result.status = ImpactStatus::kInvalidCovariance;
    return result;
  }

  // Scaled unscented transform weights (Wan & van der Merwe 2000, eq. 15).
  const auto& o = options_;
  const double lambda = o.alpha * o.alpha * (n + o.kappa) - n;
  const double c = n + lambda;
  const double Wm0 = lambda / c;
  const double Wc0 = Wm0 + (1.0 - o.alpha * o.alpha + o.beta);
  const double Wi = 0.5 / c;
  const double gamma = std::sqrt(c);
  const int count = 2 * n + 1;

  flight::FlightOptions flight_options;
  flight_options.max_flight_time_s = o.max_flight_time_s;
  flight_options.relative_tolerance = o.relative_tolerance;
  flight_options.absolute_tolerance = o.absolute_tolerance;
  flight::SampleRecorder no_samples(0.0);

  std::array<SigmaImpact, kMaxSigmaPoints> impacts;
  for (int i = 0; i < count; ++i) {
    StateVector chi = state.x;
    if (i > 0) {
      const int column = (i - 1) % n;
      const double sign = i <= n ? 1.0 : -1.0;
      chi += sign * gamma * S->col(column);
    }
    const flight::FlightPoint start{state.t_s, chi.head<6>()};
    const Vec3 r_I = chi.head<3>();
    // A start on or below the ground has no descending crossing of altitude 0 ahead.
    if (!(earth_.altitude_m(earth_.ecef_from_eci(r_I, state.t_s)) > 0.0)) {
      result.status = ImpactStatus::kStartsBelowGround;
      result.failed_sigma_point = i;
      return result;
    }
    const double inverse_beta = n == 7 ? std::max(chi(6), 0.0) : o.nominal_inverse_beta_m2pkg;
    flight::FlightPath path;
    flight::fly_ballistic(earth_, atmosphere_, start, flight::DragBody{inverse_beta}, flight_options, no_samples,
                          path);
    if (path.status != flight::FlightStatus::kImpact || !path.impact) {
      result.status = path.status == flight::FlightStatus::kNoImpact ? ImpactStatus::kNoImpact
                                                                      : ImpactStatus::kIntegrationFailed;
      result.failed_sigma_point = i;
      return result;
    }
    impacts[i] = {path.impact->t_s, earth_.ecef_from_eci(flight::position(path.impact->y_I), path.impact->t_s)};
  }

  const auto weight_m = [&](int i) { return i == 0 ? Wm0 : Wi; };
  const auto weight_c = [&](int i) { return i == 0 ? Wc0 : Wi; };

  // Mean impact point: the weighted mean of the east-north offsets from the
  // mean state's impact, put back on the surface (the mean of points on a
  // curved surface lies below it).
  const auto on_ground = [&](const Vec3& r_E) {
    earth::Geodetic g = earth_.geodetic_from_ecef(r_E);
    g.alt_m = 0.0;
    return g;
  };
  const earth::Geodetic reference = on_ground(impacts[0].r_E);
  const Vec3 r_ref_E = earth_.ecef_from_geodetic(reference);
  const Mat3 R_EL_ref = earth_.R_EL(reference);
  Eigen::Vector2d mean_offset = Eigen::Vector2d::Zero();
  double t_mean = 0.0;
  for (int i = 0; i < count; ++i) {
    mean_offset += weight_m(i) * (R_EL_ref.transpose() * (impacts[i].r_E - r_ref_E)).head<2>();
    t_mean += weight_m(i) * impacts[i].t_s;
  }
  const earth::Geodetic mean_point =
      on_ground(r_ref_E + R_EL_ref * Vec3(mean_offset.x(), mean_offset.y(), 0.0));

  // Covariance in the tangent plane at the mean point: each impact projected
  // on its east and north axes.
  const Vec3 r_mean_E = earth_.ecef_from_geodetic(mean_point);
  const Mat3 R_EL = earth_.R_EL(mean_point);
  std::array<Eigen::Vector2d, kMaxSigmaPoints> d;
  Eigen::Vector2d d_mean = Eigen::Vector2d::Zero();
  for (int i = 0; i < count; ++i) {
    d[i] = (R_EL.transpose() * (impacts[i].r_E - r_mean_E)).head<2>();
    d_mean += weight_m(i) * d[i];
  }
  Eigen::Matrix2d P_en = Eigen::Matrix2d::Zero();
  double var_t = 0.0;
  for (int i = 0; i < count; ++i) {
    const Eigen::Vector2d e = d[i] - d_mean;
    P_en += weight_c(i) * e * e.transpose();
    var_t += weight_c(i) * (impacts[i].t_s - t_mean) * (impacts[i].t_s - t_mean);
  }
  P_en = 0.5 * (P_en + P_en.transpose());

  result.status = ImpactStatus::kPredicted;
  result.impact_point = mean_point;
  result.impact_time_s = t_mean;
  result.time_to_impact_s = t_mean - state.t_s;
  result.impact_time_sigma_s = std::sqrt(std::max(var_t, 0.0));
  result.P_en_m2 = P_en;
  result.threatened_area = threat_ellipse(P_en, o.ellipse_probability);
  return result;
}

}  // namespace rampart::track
