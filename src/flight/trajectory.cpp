#include "rampart/flight/trajectory.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "targeting.hpp"
#include "targeting_detail.hpp"

namespace rampart::flight {

TrajectoryShape parse_trajectory_shape(std::string_view text, const SourceLocation& where) {
  if (text == "min-energy") return TrajectoryShape::kMinEnergy;
  if (text == "lofted") return TrajectoryShape::kLofted;
  if (text == "depressed") return TrajectoryShape::kDepressed;
  throw InputError(where, "unknown trajectory shape \"" + std::string(text) +
                              "\": expected min-energy, lofted or depressed");
}

std::string_view trajectory_shape_name(TrajectoryShape shape) {
  switch (shape) {
    case TrajectoryShape::kMinEnergy: return "min-energy";
    case TrajectoryShape::kLofted: return "lofted";
    case TrajectoryShape::kDepressed: return "depressed";
  }
  return "?";
}

GroundArc ground_arc(const earth::EarthModel& earth, const earth::Geodetic& from, const earth::Geodetic& to) {
  const auto& p = earth.parameters();
  const GeographicLib::Geodesic geodesic(p.equatorial_radius_m, p.flattening);
  double distance_m = 0.0;
  double azi1_deg = 0.0;
  double azi2_deg = 0.0;
  geodesic.Inverse(from.lat_rad * constants::kRadToDeg, from.lon_rad * constants::kRadToDeg,
                   to.lat_rad * constants::kRadToDeg, to.lon_rad * constants::kRadToDeg, distance_m, azi1_deg,
                   azi2_deg);
  return {distance_m, azi1_deg * constants::kDegToRad};
}

Trajectory solve_trajectory(const TrajectoryRequest& request, const earth::EarthModel& earth,
                            const earth::Us76Atmosphere& atmosphere) {
  const int shapings = request.burnout_speed_mps.has_value() + request.apogee_altitude_m.has_value() +
                       request.burnout_flight_path_angle_rad.has_value();
  if (shapings > 1) {
    throw InputError(SourceLocation{"--apogee"}, "give at most one of a burnout speed, an apogee and a burnout angle");
  }
  if (request.missile != nullptr) return detail::solve_missile(request, earth, atmosphere);
  return detail::solve_free_flight(request, earth, atmosphere);
}

MaxRange max_range(const MissileType& missile, const earth::Geodetic& launch, double azimuth_rad,
                   const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                   const FlightOptions& options) {
  FlightOptions quiet = options;
  quiet.sample_step_s = 0.0;
  const double full = missile.total_burn_time_s();
  const auto range_of = [&](double kick) {
    const FlightPath path = fly_missile(missile, earth, atmosphere, launch, {azimuth_rad, kick, full}, quiet);
    if (path.status != FlightStatus::kImpact) return 0.0;
    return ground_arc(earth, launch, earth.geodetic_from_ecef(detail::impact_ecef(earth, path))).distance_m;
  };
  // Coarse log-spaced scan of pitch-over angles, then golden section around the best.
  constexpr int kSamples = 24;
  const double smallest = 0.05 * constants::kDegToRad;
  const double largest = 60.0 * constants::kDegToRad;
  const double ratio = std::pow(largest / smallest, 1.0 / (kSamples - 1));
  int best = 0;
  double best_range = -1.0;
  for (int i = 0; i < kSamples; ++i) {
    const double range = range_of(smallest * std::pow(ratio, i));
    if (range > best_range) {
      best_range = range;
      best = i;
    }
  }
  const double lo = smallest * std::pow(ratio, std::max(best - 1, 0));
  const double hi = smallest * std::pow(ratio, std::min(best + 1, kSamples - 1));
  const double kick = detail::minimize_golden([&](double k) { return -range_of(k); }, lo, hi, 1e-6);
  const LaunchCommand command{azimuth_rad, kick, full};
  FlightPath path = fly_missile(missile, earth, atmosphere, launch, command, options);
  const double range = path.status == FlightStatus::kImpact
                           ? ground_arc(earth, launch, earth.geodetic_from_ecef(detail::impact_ecef(earth, path))).distance_m
                           : 0.0;
  return {range, command, std::move(path)};
}

}  // namespace rampart::flight
