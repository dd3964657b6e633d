#include "rampart/track/gating.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace rampart::track {

double chi_square_3_cdf(double x) {
  if (!(x > 0.0)) return 0.0;
  // P(3/2, x/2) by one integration by parts of the lower incomplete gamma
  // function from P(1/2, y) = erf(sqrt(y)) (Abramowitz & Stegun 6.5.16, 26.4.4).
  return std::erf(std::sqrt(0.5 * x)) - std::sqrt(2.0 * x / std::numbers::pi) * std::exp(-0.5 * x);
}

double chi_square_3_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("chi_square_3_quantile: p must be in (0, 1)");
  // Bracket [lo, hi] and Newton steps with the density sqrt(x/(2 pi)) exp(-x/2);
  // a step that leaves the bracket is replaced by bisection, so this cannot diverge.
  double lo = 0.0, hi = 8.0;
  while (chi_square_3_cdf(hi) < p) hi *= 2.0;
  double x = 0.5 * (lo + hi);
  for (int i = 0; i < 200; ++i) {
    const double f = chi_square_3_cdf(x) - p;
    if (f < 0.0) lo = x; else hi = x;
    const double density = std::sqrt(x / (2.0 * std::numbers::pi)) * std::exp(-0.5 * x);
    double next = density > 0.0 ? x - f / density : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::abs(next - x) <= 4.0 * std::numeric_limits<double>::epsilon() * x) return next;
    x = next;
  }
  return x;
}

double GatedPair::log_likelihood() const {
  return -0.5 * (d2 + log_det_S + 3.0 * std::log(2.0 * std::numbers::pi));
}

Gate::Gate(const earth::EarthModel& earth, const GateParameters& parameters)
    : earth_(earth), parameters_(parameters), threshold_(0.0) {
  if (!(parameters.probability > 0.0 && parameters.probability < 1.0))
    throw std::invalid_argument("Gate: probability must be in (0, 1)");
  if (!(parameters.pregate_margin >= 1.0) || !std::isfinite(parameters.pregate_margin))
    throw std::invalid_argument("Gate: pregate_margin must be finite and >= 1");
  threshold_ = chi_square_3_quantile(parameters.probability);
}

DetectionPoint detection_point(const sense::Detection& detection, const sense::SensorSite& site) {
  const double r = detection.z(0), cos_el = std::cos(detection.z(2));
  const Mat3& R = detection.R;
  return {site.ecef_from_rae(detection.z), R(0, 0) + r * r * (cos_el * cos_el * R(1, 1) + R(2, 2))};
}

GatedScan Gate::gate(const std::vector<TrackState>& predicted, const std::vector<sense::Detection>& detections,
                     const RadarMeasurementModel& sensor, const Filter& filter, double t_s) const {
  GatedScan scan;
  scan.track_count = predicted.size();
  scan.detection_count = detections.size();
  scan.predictions.resize(predicted.size());
  if (predicted.empty() || detections.empty()) return scan;

  std::vector<DetectionPoint> points;
  points.reserve(detections.size());
  for (const auto& detection : detections) points.push_back(detection_point(detection, sensor.site()));

  // Pre-gate. To first order the innovation is nu = J delta with delta the ECEF
  // distance between the predicted and measured positions and S = J C J^T,
  // C = P_rr + C_z. Then d2 = delta^T C^-1 delta >= |delta|^2 / lambda_max(C)
  // >= |delta|^2 / trace(C), so |delta|^2 > gamma trace(C) is outside the gate
  // (the margin covers the curvature of the polar coordinates).
  const double k2 = threshold_ * parameters_.pregate_margin * parameters_.pregate_margin;
  const Mat3 R_EI = earth_.R_EI(t_s);
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    const GaussianState& x = predicted[i].estimate;
    const Vec3 r_E = R_EI * x.x.head<3>();
    const double trace_P = x.P.topLeftCorner<3, 3>().trace();  // rotation invariant
    candidates.clear();
    for (std::size_t j = 0; j < points.size(); ++j) {
      if ((points[j].r_E - r_E).squaredNorm() <= k2 * (trace_P + points[j].trace_C_m2)) candidates.push_back(j);
    }
    if (candidates.empty()) continue;

    const MeasurementPrediction& prediction = scan.predictions[i].emplace(filter.predict_measurement(predicted[i], sensor));
    for (const std::size_t j : candidates) {
      ++scan.fine_tests;
      GatedPair pair;
      pair.track = i;
      pair.detection = j;
      pair.nu = RadarMeasurementModel::residual(detections[j].z, prediction.z_hat);
      pair.S = prediction.S + detections[j].R;
      const Eigen::LLT<MeasurementMatrix> llt(pair.S);
      if (llt.info() != Eigen::Success) continue;  // not positive definite: no valid gate
      pair.d2 = pair.nu.dot(llt.solve(pair.nu));
      if (!(pair.d2 <= threshold_)) continue;
      pair.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
      scan.pairs.push_back(pair);
    }
  }
  return scan;
}

}  // namespace rampart::track
