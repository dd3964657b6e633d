#pragma once
// Radar cross section of an object type as a function of aspect angle
// (docs/models.md "Radar cross section").

#include <string>
#include <vector>

#include "rampart/core/vector.hpp"

namespace rampart::sense {

/// One point of an RCS table: the mean RCS seen at an aspect angle.
struct RcsPoint {
  double aspect_rad = 0.0;  ///< angle between the velocity and the line of sight to the sensor: 0 nose-on, pi tail-on
  double rcs_m2 = 0.0;      ///< mean RCS (the Swerling model fluctuates about it)
};

/// An object type's RCS (configuration, SI). One point makes it constant.
struct RcsConfig {
  std::string name;          ///< "boost-body", "reentry-vehicle", ...
  std::string description;
  std::string source;
  std::vector<RcsPoint> table;  ///< strictly increasing aspect in [0, pi], RCS > 0
};

class RcsModel {
 public:
  /// Throws std::invalid_argument for an empty table, aspects outside
  /// [0, pi] or not strictly increasing, or an RCS that is not finite and > 0.
  explicit RcsModel(RcsConfig config);

  const RcsConfig& config() const { return config_; }
  /// Mean RCS (m^2) at an aspect angle (rad), interpolated linearly in dBsm
  /// between table points and held constant beyond the first and last.
  double rcs_m2(double aspect_rad) const;
  /// Mean RCS of a target at target_E moving with velocity v_E (ECEF, any
  /// frame as long as all three agree) seen from sensor_E; a target at rest
  /// or at the sensor is seen broadside (aspect pi/2).
  double rcs_m2(const Vec3& v_E, const Vec3& target_E, const Vec3& sensor_E) const;

 private:
  RcsConfig config_;
  std::vector<double> log_rcs_;  // ln(rcs) per table point: interpolation in dB is linear in ln
};

/// Aspect angle (rad, [0, pi]) between velocity v and the line of sight from
/// the target to the sensor; pi/2 when either vector is zero.
double aspect_angle_rad(const Vec3& v, const Vec3& target_to_sensor);

}  // namespace rampart::sense
