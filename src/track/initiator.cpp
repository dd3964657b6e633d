#include "rampart/track/initiator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <tuple>

namespace rampart::track {

PositionFix position_fix(const sense::Detection& detection, const sense::SensorSite& site,
                         const earth::EarthModel& earth) {
  const double r = detection.z(0), az = detection.z(1), el = detection.z(2);
  const double ca = std::cos(az), sa = std::sin(az), ce = std::cos(el), se = std::sin(el);
  Mat3 J_L;  // d(east, north, up) / d(range, azimuth, elevation)
  J_L << ce * sa, r * ce * ca, -r * se * sa,
         ce * ca, -r * ce * sa, -r * se * ca,
         se, 0.0, r * ce;
  const Mat3 R_IL = earth.R_EI(detection.t_s).transpose() * site.R_EL();
  const Mat3 J_I = R_IL * J_L;
  PositionFix fix;
  fix.t_s = detection.t_s;
  fix.sensor = detection.sensor;
  fix.r_I = earth.eci_from_ecef(site.ecef_from_rae(detection.z), detection.t_s);
  fix.C_I = J_I * detection.R * J_I.transpose();
  return fix;
}

TwoPointInitiator::TwoPointInitiator(const earth::EarthModel& earth, const TwoPointInitiatorParameters& parameters)
    : earth_(earth), parameters_(parameters) {
  const auto& p = parameters;
  if (!(p.max_speed_mps > 0.0) || !std::isfinite(p.max_speed_mps))
    throw std::invalid_argument("TwoPointInitiator: max_speed_mps must be positive and finite");
  if (!(p.gate_sigmas >= 0.0) || !std::isfinite(p.gate_sigmas))
    throw std::invalid_argument("TwoPointInitiator: gate_sigmas must be >= 0");
  if (!(p.min_interval_s >= 0.0) || !(p.max_interval_s > p.min_interval_s) || !std::isfinite(p.max_interval_s))
    throw std::invalid_argument("TwoPointInitiator: need 0 <= min_interval_s < max_interval_s < infinity");
  if (!(p.acceleration_sigma_mps2 >= 0.0) || !std::isfinite(p.acceleration_sigma_mps2))
    throw std::invalid_argument("TwoPointInitiator: acceleration_sigma_mps2 must be >= 0");
  if (p.extra_mean.size() != p.extra_variance.size() || p.extra_mean.size() > kMaxStateDimension - 6 ||
      !(p.extra_variance.array() > 0.0).all() || !p.extra_mean.allFinite())
    throw std::invalid_argument("TwoPointInitiator: extra_mean and extra_variance need equal sizes <= " +
                                std::to_string(kMaxStateDimension - 6) + " and positive variances");
}

GaussianState TwoPointInitiator::two_point_state(const PositionFix& first, const PositionFix& second) const {
  const double dt = second.t_s - first.t_s;
  const int n = 6 + static_cast<int>(parameters_.extra_mean.size());
  GaussianState g;
  g.t_s = second.t_s;
  g.x = StateVector::Zero(n);
  g.P = StateMatrix::Zero(n, n);
  g.x.head<3>() = second.r_I;
  // For a constant acceleration a, r2 - r1 = v2 dt - a dt^2 / 2.
  g.x.segment<3>(3) = (second.r_I - first.r_I) / dt;
  if (parameters_.add_gravity) g.x.segment<3>(3) += earth_.gravity(second.r_I) * (0.5 * dt);
  const double sigma_v = parameters_.acceleration_sigma_mps2 * 0.5 * dt;
  g.P.topLeftCorner<3, 3>() = second.C_I;
  g.P.block<3, 3>(0, 3) = second.C_I / dt;
  g.P.block<3, 3>(3, 0) = second.C_I / dt;
  g.P.block<3, 3>(3, 3) = (first.C_I + second.C_I) / (dt * dt) + sigma_v * sigma_v * Mat3::Identity();
  if (n > 6) {
    g.x.tail(n - 6) = parameters_.extra_mean;
    g.P.bottomRightCorner(n - 6, n - 6) = parameters_.extra_variance.asDiagonal();
  }
  return g;
}

std::vector<Initiation> TwoPointInitiator::initiate(const std::vector<sense::Detection>& unassociated,
                                                    const RadarMeasurementModel& sensor, double t_s,
                                                    InitiatorState& state) const {
  auto& pending = state.pending;
  std::erase_if(pending, [&](const PositionFix& p) { return t_s - p.t_s > parameters_.max_interval_s; });

  if (unassociated.empty()) return {};  // nothing to pair; the pending fixes stay as they are

  std::vector<PositionFix> fixes;
  fixes.reserve(unassociated.size());
  for (const auto& detection : unassociated) fixes.push_back(position_fix(detection, sensor.site(), earth_));

  // Feasible pairs (implied speed, new index, pending index).
  std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
  for (std::size_t j = 0; j < fixes.size(); ++j) {
    for (std::size_t k = 0; k < pending.size(); ++k) {
      const PositionFix& a = pending[k];
      const PositionFix& b = fixes[j];
      const double dt = b.t_s - a.t_s;
      if (a.sensor != b.sensor || dt < parameters_.min_interval_s || dt > parameters_.max_interval_s) continue;
      const double distance = (b.r_I - a.r_I).norm();
      const double allowance = parameters_.gate_sigmas * std::sqrt((a.C_I + b.C_I).trace());
      if (distance <= parameters_.max_speed_mps * dt + allowance) pairs.emplace_back(distance / dt, j, k);
    }
  }
  std::sort(pairs.begin(), pairs.end());

  std::vector<Initiation> out;
  std::vector<char> new_used(fixes.size(), 0), pending_used(pending.size(), 0);
  for (const auto& [speed, j, k] : pairs) {
    if (new_used[j] || pending_used[k]) continue;
    new_used[j] = pending_used[k] = 1;
    out.push_back({two_point_state(pending[k], fixes[j]), j});
  }
  // Kept: the unused pending fixes, then the unused new ones, in order (in
  // place: the pending list holds every unpaired detection of the last
  // max_interval_s, false alarms mostly, and is rarely paired).
  if (!out.empty()) {
    std::size_t kept = 0;
    for (std::size_t k = 0; k < pending.size(); ++k) {
      if (pending_used[k]) continue;
      if (kept != k) pending[kept] = pending[k];
      ++kept;
    }
    pending.resize(kept);
  }
  for (std::size_t j = 0; j < fixes.size(); ++j)
    if (!new_used[j]) pending.push_back(fixes[j]);
  return out;
}

}  // namespace rampart::track
