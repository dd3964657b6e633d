#pragma once
// Space-based infrared early warning: a constellation that sees the plume of
// a boosting missile once it climbs above the cloud tops and, after a
// processing and reporting delay, cues radars with a coarse launch point
// and launch azimuth (docs/models.md "Infrared early warning").

#include <optional>
#include <span>
#include <string>

#include "rampart/core/random.hpp"
#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"

namespace rampart::sense {

/// Configuration of an early-warning constellation (SI units). Coverage is
/// taken as global and continuous (a GEO + HEO constellation).
struct IrSensorConfig {
  std::string name;
  std::string description;
  std::string source;
  double cloud_top_altitude_m = 0.0;   ///< the plume is seen once the missile is above this, >= 0
  double report_delay_s = 0.0;         ///< from first sight to the cue reaching the radars, >= 0
  double position_sigma_m = 0.0;       ///< per horizontal axis (east, north) of the launch point, >= 0
  double azimuth_sigma_rad = 0.0;      ///< of the launch-azimuth estimate, >= 0

  /// Throws std::invalid_argument naming the first bad field.
  void validate() const;
};

/// A truth sample of a boosting missile: time and ECEF position.
struct TruthSample {
  double t_s = 0.0;
  Vec3 r_E = Vec3::Zero();
};

/// The cue an early-warning report gives to radars.
struct LaunchCue {
  double t_s = 0.0;                    ///< time the cue is available (first sight + delay)
  earth::Geodetic launch_point;        ///< estimated launch point (truth altitude)
  double position_sigma_m = 0.0;       ///< per horizontal axis
  double azimuth_rad = 0.0;            ///< estimated launch azimuth, clockwise from north, [0, 2 pi)
  double azimuth_sigma_rad = 0.0;
  std::optional<TruthId> truth_id;     ///< evaluation only
};

class IrSensor {
 public:
  /// Validates `config` (std::invalid_argument).
  IrSensor(IrSensorConfig config, const earth::EarthModel& earth);

  const IrSensorConfig& config() const { return config_; }

  /// Time (s) the boost path first rises above the cloud tops, by linear
  /// interpolation of altitude between samples; empty if it never does
  /// while burning. `boost_path` runs from launch (first sample, on the
  /// ground) to burnout (last sample), times increasing.
  std::optional<double> first_sight_time_s(std::span<const TruthSample> boost_path) const;

  /// The cue for one launch: empty when the plume never clears the cloud
  /// tops before burnout. The launch point is the first sample displaced by
  /// Gaussian east/north errors of position_sigma_m; the azimuth is the
  /// direction, in the launch point's horizontal plane, of the chord to the
  /// last sample (the great-circle initial bearing on a sphere) plus a
  /// Gaussian error. Draws three
  /// normals when it reports. Throws std::invalid_argument for fewer than
  /// two samples.
  std::optional<LaunchCue> observe_launch(TruthId id, std::span<const TruthSample> boost_path,
                                          RandomStream& rng) const;

 private:
  IrSensorConfig config_;
  earth::EarthModel earth_;
};

}  // namespace rampart::sense
