#include "rampart/sense/rcs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"

namespace rampart::sense {

RcsModel::RcsModel(RcsConfig config) : config_(std::move(config)) {
  const auto& table = config_.table;
  if (table.empty()) throw std::invalid_argument("RCS table of \"" + config_.name + "\" is empty");
  for (std::size_t i = 0; i < table.size(); ++i) {
    const RcsPoint& point = table[i];
    if (!(point.aspect_rad >= 0.0 && point.aspect_rad <= constants::kPi)) {
      throw std::invalid_argument("RCS table of \"" + config_.name + "\": aspect must lie in [0, 180] deg");
    }
    if (!(point.rcs_m2 > 0.0) || !std::isfinite(point.rcs_m2)) {
      throw std::invalid_argument("RCS table of \"" + config_.name + "\": RCS must be finite and > 0");
    }
    if (i > 0 && !(point.aspect_rad > table[i - 1].aspect_rad)) {
      throw std::invalid_argument("RCS table of \"" + config_.name + "\": aspects must be strictly increasing");
    }
    log_rcs_.push_back(std::log(point.rcs_m2));
  }
}

double RcsModel::rcs_m2(double aspect_rad) const {
  const auto& table = config_.table;
  if (!(aspect_rad > table.front().aspect_rad)) return table.front().rcs_m2;  // NaN lands here too
  if (aspect_rad >= table.back().aspect_rad) return table.back().rcs_m2;
  const auto upper = std::upper_bound(table.begin(), table.end(), aspect_rad,
                                      [](double a, const RcsPoint& p) { return a < p.aspect_rad; });
  const std::size_t i = static_cast<std::size_t>(upper - table.begin());
  const double f = (aspect_rad - table[i - 1].aspect_rad) / (table[i].aspect_rad - table[i - 1].aspect_rad);
  return std::exp(log_rcs_[i - 1] + f * (log_rcs_[i] - log_rcs_[i - 1]));
}

double RcsModel::rcs_m2(const Vec3& v_E, const Vec3& target_E, const Vec3& sensor_E) const {
  return rcs_m2(aspect_angle_rad(v_E, sensor_E - target_E));
}

double aspect_angle_rad(const Vec3& v, const Vec3& target_to_sensor) {
  const double norms = v.norm() * target_to_sensor.norm();
  if (norms == 0.0) return 0.5 * constants::kPi;
  // atan2 of |cross| and dot keeps full precision near 0 and pi, unlike acos.
  return std::atan2(v.cross(target_to_sensor).norm(), v.dot(target_to_sensor));
}

}  // namespace rampart::sense
