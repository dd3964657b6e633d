#include "rampart/analysis/footprint_threat.hpp"

#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/flight/kepler.hpp"
#include "rampart/flight/lambert.hpp"
#include "rampart/flight/trajectory.hpp"

namespace rampart::analysis {
namespace {

/// Keeps the highest reference a little short of the maximum range, where
/// minimum-energy targeting still converges.
constexpr double kMaxRangeMargin = 0.995;

ReferenceFlight reference_flight(const flight::MissileType& missile, const earth::Geodetic& launch,
                                 const earth::Geodetic& aim, const earth::EarthModel& earth,
                                 const earth::Us76Atmosphere& atmosphere) {
  flight::TrajectoryRequest request;
  request.launch = launch;
  request.aim = aim;
  request.shape = flight::TrajectoryShape::kMinEnergy;
  request.missile = &missile;
  request.miss_tolerance_m = 100.0;  // far below a grid cell
  const auto trajectory = flight::solve_trajectory(request, earth, atmosphere);
  const auto& path = trajectory.path;
  ReferenceFlight ref;
  ref.range_m = flight::ground_arc(earth, launch, aim).distance_m;
  ref.burnout_time_s = path.burnout.t_s;
  const earth::Geodetic burnout =
      earth.geodetic_from_ecef(earth.ecef_from_eci(flight::position(path.burnout.y_I), path.burnout.t_s));
  ref.burnout_range_m = flight::ground_arc(earth, launch, burnout).distance_m;
  ref.burnout_altitude_m = burnout.alt_m;
  ref.flight_time_s = path.impact ? path.impact->t_s : 0.0;
  if (path.apogee) {
    ref.apogee_altitude_m =
        earth.geodetic_from_ecef(earth.ecef_from_eci(flight::position(path.apogee->y_I), path.apogee->t_s)).alt_m;
  }
  return ref;
}

}  // namespace

FootprintThreatModel::FootprintThreatModel(const flight::MissileType& missile, const earth::Geodetic& launch,
                                           double azimuth_rad, double min_range_m, double max_range_m,
                                           const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                                           int count)
    : earth_(earth), geodesic_(earth.parameters().equatorial_radius_m, earth.parameters().flattening) {
  count = std::max(count, 2);
  const double reach_m = flight::max_range(missile, launch, azimuth_rad, earth, atmosphere).range_m;
  const double hi = std::min(max_range_m, kMaxRangeMargin * reach_m);
  const double lo = std::min(min_range_m, hi);
  for (int i = 0; i < count; ++i) {
    const double range = lo + (hi - lo) * i / (count - 1);
    double lat = 0.0, lon = 0.0;
    geodesic_.Direct(launch.lat_rad * constants::kRadToDeg, launch.lon_rad * constants::kRadToDeg,
                     azimuth_rad * constants::kRadToDeg, range, lat, lon);
    const earth::Geodetic aim{lat * constants::kDegToRad, lon * constants::kDegToRad, 0.0};
    try {
      const ReferenceFlight ref = reference_flight(missile, launch, aim, earth, atmosphere);
      if (ref.flight_time_s > ref.burnout_time_s) references_.push_back(ref);
    } catch (const InputError&) {
      // Too short or too long for minimum-energy targeting: the span ends here.
    }
    if (hi <= lo) break;
  }
  if (references_.size() < 2) {
    throw InputError(SourceLocation{"--missile"}, "missile \"" + missile.name +
                                                      "\" cannot fly minimum-energy trajectories over the grid's "
                                                      "ranges (its maximum range on this azimuth is " +
                                                      std::to_string(std::lround(reach_m / 1000.0)) + " km)");
  }
}

ReferenceFlight FootprintThreatModel::interpolate(double range_m) const {
  const auto& refs = references_;
  range_m = std::clamp(range_m, refs.front().range_m, refs.back().range_m);
  std::size_t i = 1;
  while (i + 1 < refs.size() && refs[i].range_m < range_m) ++i;
  const ReferenceFlight& a = refs[i - 1];
  const ReferenceFlight& b = refs[i];
  const double w = b.range_m > a.range_m ? (range_m - a.range_m) / (b.range_m - a.range_m) : 0.0;
  const auto mix = [w](double x, double y) { return x + w * (y - x); };
  return {range_m,
          mix(a.burnout_time_s, b.burnout_time_s),
          mix(a.burnout_range_m, b.burnout_range_m),
          mix(a.burnout_altitude_m, b.burnout_altitude_m),
          mix(a.flight_time_s, b.flight_time_s),
          mix(a.apogee_altitude_m, b.apogee_altitude_m)};
}

std::optional<engage::PredictedPath> FootprintThreatModel::path(const earth::Geodetic& launch,
                                                                const earth::Geodetic& aim, double step_s) const {
  double range_m = 0.0, azimuth_deg = 0.0, back_deg = 0.0;
  geodesic_.Inverse(launch.lat_rad * constants::kRadToDeg, launch.lon_rad * constants::kRadToDeg,
                    aim.lat_rad * constants::kRadToDeg, aim.lon_rad * constants::kRadToDeg, range_m, azimuth_deg,
                    back_deg);
  if (range_m < min_range_m() || range_m > max_range_m()) return std::nullopt;
  const ReferenceFlight ref = interpolate(range_m);
  double lat = 0.0, lon = 0.0;
  geodesic_.Direct(launch.lat_rad * constants::kRadToDeg, launch.lon_rad * constants::kRadToDeg, azimuth_deg,
                   ref.burnout_range_m, lat, lon);
  const earth::Geodetic burnout{lat * constants::kDegToRad, lon * constants::kDegToRad, ref.burnout_altitude_m};
  const double t0 = ref.burnout_time_s;
  const double t1 = ref.flight_time_s;
  const Vec3 r0 = earth_.eci_from_ecef(earth_.ecef_from_geodetic(burnout), t0);
  const Vec3 r1 = earth_.eci_from_ecef(earth_.ecef_from_geodetic({aim.lat_rad, aim.lon_rad, 0.0}), t1);
  // The short way round: the sense of motion that makes r0 x r1 point north
  // or south decides which of Lambert's two directions that is.
  const bool prograde = r0.cross(r1).z() >= 0.0;
  const auto arc = flight::solve_lambert(r0, r1, t1 - t0, earth_.gm(), prograde);
  if (!arc) return std::nullopt;
  engage::PredictedPath out;
  out.points.push_back({t0, r0, arc->v1});
  for (double t = (std::floor(t0 / step_s) + 1.0) * step_s; t < t1; t += step_s) {
    const auto s = flight::propagate_kepler(r0, arc->v1, t - t0, earth_.gm());
    out.points.push_back({t, s.r, s.v});
  }
  out.points.push_back({t1, r1, arc->v2});
  out.reaches_ground = true;
  return out;
}

}  // namespace rampart::analysis
