#pragma once
// A surveillance and tracking radar: where it can look (field of regard,
// range, horizon), how well it sees (radar equation referenced to one
// measured point, Swerling detection), how noisy its measurements are, and
// the false alarms it makes (docs/models.md "Radar").

#include <optional>
#include <string>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/core/random.hpp"
#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/sense/detection_probability.hpp"
#include "rampart/sense/sensor_site.hpp"

namespace rampart::sense {

/// Everything that defines a radar (configuration, SI units). Plain so that
/// a scenario can take a catalog entry and override any field.
struct RadarConfig {
  std::string name;
  std::string description;
  std::string source;
  earth::Geodetic site;                 ///< antenna position; alt_m above the ellipsoid

  // Field of regard. Azimuths clockwise from north; elevations are apparent
  // (refracted, effective-Earth model), as the beam is steered.
  double boresight_azimuth_rad = 0.0;   ///< centre of the azimuth sector
  double azimuth_span_rad = 0.0;        ///< full width of the sector, (0, 2 pi]; 2 pi = all round
  double elevation_min_rad = 0.0;       ///< lowest beam (also the minimum elevation), >= -pi/2
  double elevation_max_rad = 0.0;       ///< highest beam, > elevation_min_rad, <= pi/2
  double min_range_m = 0.0;             ///< blind range, >= 0
  double max_range_m = 0.0;             ///< instrumented range, > min_range_m

  // Sensitivity: SNR = reference_snr (rcs / reference_rcs) (reference_range / R)^4.
  double reference_snr = 0.0;           ///< linear (files give dB)
  double reference_rcs_m2 = 0.0;
  double reference_range_m = 0.0;
  double pfa = 0.0;                     ///< per resolution cell and look, (0, 1)
  SwerlingCase swerling = SwerlingCase::kSwerling1;

  // Timing, for the simulation loop that decides when the radar looks.
  double search_frame_time_s = 0.0;     ///< time to search the whole field of regard once
  double track_revisit_interval_s = 0.0;  ///< time between looks at a target in track

  // Resolution and accuracy: sigma_R = max(floor, dR / sqrt(2 SNR)),
  // sigma_angle = max(floor, beamwidth / (k_m sqrt(2 SNR))).
  double range_resolution_m = 0.0;      ///< dR = c tau / 2 of the waveform
  double azimuth_beamwidth_rad = 0.0;   ///< 3 dB beamwidth
  double elevation_beamwidth_rad = 0.0; ///< 3 dB beamwidth
  double monopulse_slope = 1.6;         ///< k_m, dimensionless (Barton: 1.2 to 2, typically 1.6)
  double range_sigma_floor_m = 0.0;     ///< bias-free residual accuracy, >= 0
  double angle_sigma_floor_rad = 0.0;   ///< >= 0

  double effective_earth_radius_factor = constants::kFourThirdsEarth;  ///< k of the kR horizon
  /// Beam positions per search frame for the false-alarm cell count; 0 means
  /// computed as ceil(span_az / bw_az) x ceil(span_el / bw_el).
  double search_beam_positions = 0.0;

  /// Throws std::invalid_argument naming the first bad field.
  void validate() const;
};

/// One standard deviation per measured axis.
struct RaeSigmas {
  double range_m = 0.0;
  double azimuth_rad = 0.0;
  double elevation_rad = 0.0;
};

class Radar {
 public:
  /// Validates `config` (std::invalid_argument). `id` goes into every Detection.
  Radar(RadarConfig config, const earth::EarthModel& earth, SensorId id);

  const RadarConfig& config() const { return config_; }
  const SensorSite& site() const { return site_; }
  SensorId id() const { return id_; }
  double search_frame_time_s() const { return config_.search_frame_time_s; }
  double track_revisit_interval_s() const { return config_.track_revisit_interval_s; }

  /// True when target_E (ECEF, m) lies within [min, max] range, inside the
  /// azimuth sector, above the refracted horizon (line of sight over the kR
  /// sphere) and between the elevation limits.
  bool can_see(const Vec3& target_E) const;
  /// Mean linear SNR at range_m > 0 of a target of mean RCS rcs_m2 >= 0.
  double snr(double range_m, double rcs_m2) const;
  /// Single-look Pd at a mean linear SNR, with this radar's Pfa and Swerling case.
  double detection_probability(double snr) const;
  /// Measurement standard deviations at a linear SNR > 0 and the target's
  /// elevation (azimuth error is a cross-range angle: divided by cos(el),
  /// with cos(el) kept above cos(89 deg)).
  RaeSigmas sigmas(double snr, double elevation_rad) const;

  /// One look at a true target: empty when it cannot be seen or the detection
  /// draw fails (probability 1 - Pd); otherwise the true (range, azimuth,
  /// elevation) plus Gaussian noise with sigmas(snr), azimuth wrapped into
  /// [0, 2 pi), R = diag(sigma^2), snr the mean SNR. Draws one uniform, then
  /// three normals only on detection.
  std::optional<Detection> observe(double t_s, TruthId id, const Vec3& target_E, double rcs_m2,
                                   RandomStream& rng) const;

  /// Resolution cells searched in one frame: ceil((max - min range) / dR) x beam positions.
  double resolution_cells() const { return cells_; }
  /// Mean false alarms per search frame: pfa x resolution_cells().
  double mean_false_alarms_per_frame() const { return config_.pfa * cells_; }
  /// False alarms of one search frame: a Poisson number, each uniform in
  /// range, azimuth (within the sector) and elevation (within the limits),
  /// with the noise covariance at the threshold SNR -ln(pfa); no truth_id.
  std::vector<Detection> false_alarms(double t_s, RandomStream& rng) const;

 private:
  RadarConfig config_;
  earth::EarthModel earth_;
  SensorSite site_;
  SensorId id_;
  double cells_;
  double threshold_snr_;
};

}  // namespace rampart::sense
