#include "rampart/sense/ir_sensor.hpp"

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"

namespace rampart::sense {

namespace {

bool non_negative(double x) { return x >= 0.0 && std::isfinite(x); }

}  // namespace

void IrSensorConfig::validate() const {
  const auto require = [&](bool ok, const char* what) {
    if (!ok) throw std::invalid_argument("infrared sensor \"" + name + "\": " + what);
  };
  require(non_negative(cloud_top_altitude_m), "cloud-top altitude must be finite and >= 0");
  require(non_negative(report_delay_s), "report delay must be finite and >= 0");
  require(non_negative(position_sigma_m), "position sigma must be finite and >= 0");
  require(non_negative(azimuth_sigma_rad), "azimuth sigma must be finite and >= 0");
}

IrSensor::IrSensor(IrSensorConfig config, const earth::EarthModel& earth)
    : config_((config.validate(), std::move(config))), earth_(earth) {}

std::optional<double> IrSensor::first_sight_time_s(std::span<const TruthSample> boost_path) const {
  if (boost_path.empty()) return std::nullopt;
  const double h_c = config_.cloud_top_altitude_m;
  double t_prev = boost_path[0].t_s;
  double h_prev = earth_.altitude_m(boost_path[0].r_E);
  if (h_prev >= h_c) return t_prev;
  for (std::size_t i = 1; i < boost_path.size(); ++i) {
    const double t = boost_path[i].t_s;
    const double h = earth_.altitude_m(boost_path[i].r_E);
    if (h >= h_c) return t_prev + (t - t_prev) * (h_c - h_prev) / (h - h_prev);
    t_prev = t;
    h_prev = h;
  }
  return std::nullopt;
}

std::optional<LaunchCue> IrSensor::observe_launch(TruthId id, std::span<const TruthSample> boost_path,
                                                  RandomStream& rng) const {
  if (boost_path.size() < 2) throw std::invalid_argument("observe_launch: the boost path needs at least two samples");
  const std::optional<double> t_sight = first_sight_time_s(boost_path);
  if (!t_sight) return std::nullopt;

  const Vec3& r0_E = boost_path.front().r_E;
  const earth::Geodetic launch = earth_.geodetic_from_ecef(r0_E);
  const Mat3 R_EL = earth_.R_EL(launch);
  const Vec3 chord_L = R_EL.transpose() * (boost_path.back().r_E - r0_E);
  const double true_azimuth = std::atan2(chord_L.x(), chord_L.y());

  const double east = rng.normal(0.0, config_.position_sigma_m);
  const double north = rng.normal(0.0, config_.position_sigma_m);
  earth::Geodetic estimate = earth_.geodetic_from_ecef(r0_E + R_EL * Vec3(east, north, 0.0));
  estimate.alt_m = launch.alt_m;  // the cue places the launch on the ground it came from

  double azimuth = std::fmod(true_azimuth + rng.normal(0.0, config_.azimuth_sigma_rad), 2.0 * constants::kPi);
  if (azimuth < 0.0) azimuth += 2.0 * constants::kPi;
  if (azimuth >= 2.0 * constants::kPi) azimuth = 0.0;

  LaunchCue cue;
  cue.t_s = *t_sight + config_.report_delay_s;
  cue.launch_point = estimate;
  cue.position_sigma_m = config_.position_sigma_m;
  cue.azimuth_rad = azimuth;
  cue.azimuth_sigma_rad = config_.azimuth_sigma_rad;
  cue.truth_id = id;
  return cue;
}

}  // namespace rampart::sense
