#include "rampart/sense/radar.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/earth/horizon.hpp"
#include "rampart/sense/poisson.hpp"

namespace rampart::sense {

namespace {

constexpr double kTwoPi = 2.0 * constants::kPi;
// A sector written as "360 deg" converts to 2 pi within a few ulp.
constexpr double kFullCircleSlack = 1e-12;

bool positive(double x) { return x > 0.0 && std::isfinite(x); }
bool non_negative(double x) { return x >= 0.0 && std::isfinite(x); }

void require(bool ok, const std::string& name, const char* what) {
  if (!ok) throw std::invalid_argument("radar \"" + name + "\": " + what);
}

bool full_circle(double span_rad) { return span_rad >= kTwoPi * (1.0 - kFullCircleSlack); }

double wrap_two_pi(double angle_rad) {
  double a = std::fmod(angle_rad, kTwoPi);
  if (a < 0.0) a += kTwoPi;
  return a >= kTwoPi ? 0.0 : a;  // fmod of a tiny negative can round up to 2 pi
}

}  // namespace

void RadarConfig::validate() const {
  require(std::abs(site.lat_rad) <= 0.5 * constants::kPi, name, "site latitude must lie in [-90, 90] deg");
  require(std::isfinite(site.lon_rad) && std::isfinite(site.alt_m), name, "site longitude and altitude must be finite");
  require(std::isfinite(boresight_azimuth_rad), name, "boresight azimuth must be finite");
  require(azimuth_span_rad > 0.0 && azimuth_span_rad <= kTwoPi * (1.0 + kFullCircleSlack), name,
          "azimuth span must lie in (0, 360] deg");
  require(elevation_min_rad >= -0.5 * constants::kPi && elevation_max_rad <= 0.5 * constants::kPi &&
              elevation_min_rad < elevation_max_rad,
          name, "elevation limits must satisfy -90 deg <= min < max <= 90 deg");
  require(non_negative(min_range_m), name, "minimum range must be finite and >= 0");
  require(positive(max_range_m) && max_range_m > min_range_m, name, "maximum range must be finite and > minimum range");
  require(positive(reference_snr), name, "reference SNR must be finite and > 0");
  require(positive(reference_rcs_m2), name, "reference RCS must be finite and > 0");
  require(positive(reference_range_m), name, "reference range must be finite and > 0");
  require(pfa > 0.0 && pfa < 1.0, name, "probability of false alarm must lie in (0, 1)");
  require(positive(search_frame_time_s), name, "search frame time must be finite and > 0");
  require(positive(track_revisit_interval_s), name, "track revisit interval must be finite and > 0");
  require(positive(range_resolution_m), name, "range resolution must be finite and > 0");
  require(positive(azimuth_beamwidth_rad) && azimuth_beamwidth_rad < constants::kPi, name,
          "azimuth beamwidth must lie in (0, 180) deg");
  require(positive(elevation_beamwidth_rad) && elevation_beamwidth_rad < constants::kPi, name,
          "elevation beamwidth must lie in (0, 180) deg");
  require(positive(monopulse_slope), name, "monopulse slope must be finite and > 0");
  require(non_negative(range_sigma_floor_m), name, "range sigma floor must be finite and >= 0");
  require(non_negative(angle_sigma_floor_rad), name, "angle sigma floor must be finite and >= 0");
  require(positive(effective_earth_radius_factor), name, "effective Earth-radius factor must be finite and > 0");
  require(non_negative(search_beam_positions), name, "search beam positions must be finite and >= 0");
}

Radar::Radar(RadarConfig config, const earth::EarthModel& earth, SensorId id)
    : config_((config.validate(), std::move(config))),
      earth_(earth),
      site_(earth, config_.site),
      id_(id),
      cells_(0.0),
      threshold_snr_(-std::log(config_.pfa)) {
  const double range_cells = std::ceil((config_.max_range_m - config_.min_range_m) / config_.range_resolution_m);
  double beams = config_.search_beam_positions;
  if (beams == 0.0) {
    const double span = std::min(config_.azimuth_span_rad, kTwoPi);
    beams = std::ceil(span / config_.azimuth_beamwidth_rad * (1.0 - kFullCircleSlack)) *
            std::ceil((config_.elevation_max_rad - config_.elevation_min_rad) / config_.elevation_beamwidth_rad *
                      (1.0 - kFullCircleSlack));
  }
  cells_ = range_cells * beams;
}

namespace {

// The coverage test of Radar::can_see. With full_rae, it returns the
// target's range, azimuth and elevation when it passes, so that observe()
// need not compute them again; without, only the range is meaningful and the
// angles' trigonometry is skipped where the test does not need it (the
// tracker asks about every track after every scan). Every number is
// computed as SensorSite::rae_from_ecef does, so both agree bit for bit.
std::optional<Rae> rae_if_seen(const RadarConfig& config, const SensorSite& site, const earth::EarthModel& earth,
                               const Vec3& target_E, bool full_rae) {
  // Most objects a radar is asked about are far outside its range: the
  // squared distance rejects them without the angles' trigonometry. The
  // margin keeps the decision at the boundary to the exact test below.
  const double distance2 = (target_E - site.r_E()).squaredNorm();
  const double reach_m = config.max_range_m * (1.0 + 1e-9);
  if (distance2 > reach_m * reach_m) return std::nullopt;
  const Vec3 d_L = site.R_EL().transpose() * (target_E - site.r_E());
  const double range = d_L.norm();
  if (range < config.min_range_m || range > config.max_range_m) return std::nullopt;
  const bool sector = !full_circle(config.azimuth_span_rad);
  double azimuth = 0.0;
  if (sector || full_rae) {
    azimuth = std::atan2(d_L.x(), d_L.y());  // clockwise from north: atan2(east, north)
    if (azimuth < 0.0) azimuth += kTwoPi;
  }
  if (sector && std::abs(wrap_angle(azimuth - config.boresight_azimuth_rad)) > 0.5 * config.azimuth_span_rad) {
    return std::nullopt;
  }
  // Horizon and elevation mask from the site's cached geometry, in one pass
  // (visible() and apparent_elevation_rad() would each redo it).
  const std::optional<double> elevation =
      earth::visible_elevation_rad(earth, site.horizon_geometry(), target_E, config.effective_earth_radius_factor);
  if (!elevation || *elevation < config.elevation_min_rad) return std::nullopt;
  if (config.elevation_max_rad < 0.5 * constants::kPi && *elevation > config.elevation_max_rad) return std::nullopt;
  if (!full_rae) return Rae(range, azimuth, 0.0);
  return Rae(range, azimuth, std::atan2(d_L.z(), std::hypot(d_L.x(), d_L.y())));
}

}  // namespace

bool Radar::can_see(const Vec3& target_E) const {
  return rae_if_seen(config_, site_, earth_, target_E, false).has_value();
}

double Radar::snr(double range_m, double rcs_m2) const {
  const double ratio = config_.reference_range_m / range_m;
  const double ratio2 = ratio * ratio;
  return config_.reference_snr * (rcs_m2 / config_.reference_rcs_m2) * ratio2 * ratio2;
}

double Radar::detection_probability(double snr) const {
  return sense::detection_probability(config_.swerling, snr, config_.pfa);
}

RaeSigmas Radar::sigmas(double snr, double elevation_rad) const {
  // Single-look accuracy of a matched-filter range and monopulse angle
  // estimate (Barton & Ward; Skolnik, Radar Handbook ch. 9 and 18), with a
  // floor for the errors that more signal does not remove.
  const double root = std::sqrt(2.0 * snr);
  const double cos_el = std::max(std::cos(elevation_rad), std::cos(89.0 * constants::kDegToRad));
  RaeSigmas s;
  s.range_m = std::max(config_.range_sigma_floor_m, config_.range_resolution_m / root);
  const double cross_range =
      std::max(config_.angle_sigma_floor_rad, config_.azimuth_beamwidth_rad / (config_.monopulse_slope * root));
  s.azimuth_rad = cross_range / cos_el;
  s.elevation_rad =
      std::max(config_.angle_sigma_floor_rad, config_.elevation_beamwidth_rad / (config_.monopulse_slope * root));
  return s;
}

std::optional<Detection> Radar::observe(double t_s, TruthId id, const Vec3& target_E, double rcs_m2,
                                        RandomStream& rng) const {
  const std::optional<Rae> seen = rae_if_seen(config_, site_, earth_, target_E, true);
  if (!seen) return std::nullopt;
  const Rae& rae = *seen;
  const double S = snr(rae(0), rcs_m2);
  if (rng.uniform() >= detection_probability(S)) return std::nullopt;
  // A look that crosses the threshold carries at least threshold-level
  // signal, so the accuracy is never worse than at SNR = -ln(pfa).
  const RaeSigmas sigma = sigmas(std::max(S, threshold_snr_), rae(2));
  Detection detection;
  detection.t_s = t_s;
  detection.sensor = id_;
  detection.z = Vec3(rae(0) + rng.normal(0.0, sigma.range_m), wrap_two_pi(rae(1) + rng.normal(0.0, sigma.azimuth_rad)),
                     rae(2) + rng.normal(0.0, sigma.elevation_rad));
  detection.R = Vec3(sigma.range_m * sigma.range_m, sigma.azimuth_rad * sigma.azimuth_rad,
                     sigma.elevation_rad * sigma.elevation_rad)
                    .asDiagonal();
  detection.snr = S;
  detection.truth_id = id;
  return detection;
}

std::vector<Detection> Radar::false_alarms(double t_s, RandomStream& rng) const {
  const std::int64_t n = draw_poisson(mean_false_alarms_per_frame(), rng);
  std::vector<Detection> out;
  out.reserve(static_cast<std::size_t>(n));
  const double span = std::min(config_.azimuth_span_rad, kTwoPi);
  for (std::int64_t i = 0; i < n; ++i) {
    const double r = rng.uniform(config_.min_range_m, config_.max_range_m);
    const double az = wrap_two_pi(config_.boresight_azimuth_rad + span * (rng.uniform() - 0.5));
    const double el = rng.uniform(config_.elevation_min_rad, config_.elevation_max_rad);
    const RaeSigmas sigma = sigmas(threshold_snr_, el);
    Detection detection;
    detection.t_s = t_s;
    detection.sensor = id_;
    detection.z = Vec3(r, az, el);
    detection.R = Vec3(sigma.range_m * sigma.range_m, sigma.azimuth_rad * sigma.azimuth_rad,
                       sigma.elevation_rad * sigma.elevation_rad)
                      .asDiagonal();
    detection.snr = threshold_snr_;
    out.push_back(detection);
  }
  return out;
}

}  // namespace rampart::sense
