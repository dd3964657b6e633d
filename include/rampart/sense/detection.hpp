#pragma once
// What a sensor reports: detections as plain values. The tracker sees only
// these; truth_id is carried for evaluation and never read by the tracker.

#include <cstdint>
#include <optional>

#include "rampart/core/vector.hpp"

namespace rampart::sense {

/// Index of a sensor in the scenario's sensor list.
using SensorId = std::uint32_t;
/// Identifier of a true object (a threat, a stage, a debris piece).
using TruthId = std::uint32_t;

/// One radar detection: range, azimuth (clockwise from geodetic north) and
/// elevation (above the plane normal to the ellipsoid normal at the site),
/// geometric (no refraction bias), from the sensor site, with the
/// measurement noise covariance the sensor reports for it.
struct Detection {
  double t_s = 0.0;                   ///< seconds since the scenario epoch
  SensorId sensor = 0;
  Vec3 z = Vec3::Zero();              ///< [range_m, azimuth_rad in [0, 2pi), elevation_rad]
  Mat3 R = Mat3::Identity();          ///< noise covariance of z (m^2, rad^2)
  double snr = 0.0;                   ///< signal-to-noise ratio, linear
  std::optional<TruthId> truth_id;    ///< evaluation only; empty for a false alarm
};

}  // namespace rampart::sense
