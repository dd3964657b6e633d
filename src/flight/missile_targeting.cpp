// Range targeting of a catalog missile: solve the launch azimuth, the
// pitch-over (kick) angle and, where the shape needs it, the thrust cut-off
// time so that the reentry vehicle lands on the aim point of the rotating
// Earth. A coarse scan over kick angles at full burn brackets the shapes;
// one-dimensional root finding gets close; Newton's method on the full
// flight (finite-difference Jacobian, Broyden updates) removes the miss.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/flight/trajectory_summary.hpp"
#include "targeting.hpp"
#include "targeting_detail.hpp"

namespace rampart::flight::detail {
namespace {

constexpr double kDeg = constants::kDegToRad;
constexpr int kKickSamples = 24;
constexpr double kSmallestKickRad = 0.05 * kDeg;
constexpr double kLargestKickRad = 60.0 * kDeg;
constexpr double kCoarseRelativeTolerance = 1e-7;

std::string km(double metres) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f km", metres / 1e3);
  return buffer;
}

/// One missile from one launch site, flown for various commands.
class MissileShots {
 public:
  MissileShots(const TrajectoryRequest& request, const earth::EarthModel& earth,
               const earth::Us76Atmosphere& atmosphere)
      : request_(request), missile_(*request.missile), earth_(earth), atmosphere_(atmosphere) {
    options_ = request.flight;
    options_.sample_step_s = 0.0;
    // Scans and brackets only need the impact to metres: a looser tolerance
    // takes a third of the steps. Newton's iterations use the caller's.
    coarse_options_ = options_;
    coarse_options_.relative_tolerance = std::max(options_.relative_tolerance, kCoarseRelativeTolerance);
  }

  FlightPath fly(const LaunchCommand& command) const {
    return fly_missile(missile_, earth_, atmosphere_, request_.launch, command, options_);
  }
  FlightPath fly_coarse(const LaunchCommand& command) const {
    return fly_missile(missile_, earth_, atmosphere_, request_.launch, command, coarse_options_);
  }
  /// Ground range from the launch point to the impact; 0 when it never lands.
  double range(const FlightPath& path) const {
    if (path.status != FlightStatus::kImpact) return 0.0;
    return ground_arc(earth_, request_.launch, earth_.geodetic_from_ecef(impact_ecef(earth_, path))).distance_m;
  }
  double full_burn() const { return missile_.total_burn_time_s(); }
  /// The earliest sensible cut-off: after the pitch-over.
  double earliest_cutoff() const {
    return missile_.pitch_program.vertical_rise_s + missile_.pitch_program.kick_duration_s + 1.0;
  }
  const MissileType& missile() const { return missile_; }

 private:
  const TrajectoryRequest& request_;
  const MissileType& missile_;
  const earth::EarthModel& earth_;
  const earth::Us76Atmosphere& atmosphere_;
  FlightOptions options_;
  FlightOptions coarse_options_;
};

/// Burnout flight-path angle (inertial, above the local geocentric
/// horizontal) minus that of the minimum-energy two-body arc from the
/// burnout point to the aim point, whose velocity bisects the angle between
/// the radius and the chord (Battin, Astronautical Guidance, 1964, ch. 2).
double min_energy_angle_error(const earth::EarthModel& earth, const earth::Geodetic& aim, const FlightPath& path) {
  const Vec3 r = position(path.burnout.y_I);
  const Vec3 v = velocity(path.burnout.y_I);
  const double t_impact = path.impact ? path.impact->t_s : path.burnout.t_s;
  const Vec3 aim_I = earth.eci_from_ecef(earth.ecef_from_geodetic(aim), t_impact);
  const Vec3 r_hat = r.normalized();
  const Vec3 bisector = (r_hat + (aim_I - r).normalized()).normalized();
  return std::asin(v.normalized().dot(r_hat)) - std::asin(bisector.dot(r_hat));
}

struct KickSample {
  double kick_rad;
  FlightPath path;
  double range_m;
};

}  // namespace

Trajectory solve_missile(const TrajectoryRequest& request, const earth::EarthModel& earth,
                         const earth::Us76Atmosphere& atmosphere) {
  const MissileShots shots(request, earth, atmosphere);
  const GroundArc arc = ground_arc(earth, request.launch, request.aim);
  const double range_wanted = arc.distance_m;
  const double full = shots.full_burn();
  const double az0 = arc.azimuth_rad;

  // 1. Scan pitch-over angles at full burn.
  std::vector<KickSample> scan;
  const double ratio = std::pow(kLargestKickRad / kSmallestKickRad, 1.0 / (kKickSamples - 1));
  for (int i = 0; i < kKickSamples; ++i) {
    const double kick = kSmallestKickRad * std::pow(ratio, i);
    FlightPath path = shots.fly_coarse({az0, kick, full});
    const double range = shots.range(path);
    scan.push_back({kick, std::move(path), range});
  }
  spdlog::debug("targeting {}: aim {:.1f} km away on azimuth {:.3f} deg; kick scan at full burn:", shots.missile().name,
                range_wanted / 1e3, az0 / kDeg);
  for (const auto& sample : scan) spdlog::debug("  kick {:8.3f} deg -> range {:9.1f} km", sample.kick_rad / kDeg, sample.range_m / 1e3);
  const auto best = std::max_element(scan.begin(), scan.end(),
                                     [](const auto& a, const auto& b) { return a.range_m < b.range_m; });
  const std::size_t i_max = static_cast<std::size_t>(best - scan.begin());
  const auto range_error = [&](double kick, double cutoff) {
    return shots.range(shots.fly_coarse({az0, kick, cutoff})) - range_wanted;
  };
  if (best->range_m < range_wanted) {
    const MaxRange reach = max_range(shots.missile(), request.launch, az0, earth, atmosphere, request.flight);
    if (reach.range_m < range_wanted) {
      throw InputError(SourceLocation{"--to"}, "the aim point is " + km(range_wanted) + " away, beyond the " +
                                                   shots.missile().name + "'s maximum range of " +
                                                   km(reach.range_m) + " from this launch point on this azimuth");
    }
  }
  // Full-burn kick angles that reach the range: lofted (below the best kick) and depressed (above).
  const auto full_burn_root = [&](bool lofted) -> std::optional<double> {
    if (lofted) {
      for (std::size_t i = i_max; i > 0; --i) {
        if (scan[i - 1].range_m < range_wanted) {
          return find_root([&](double k) { return range_error(k, full); }, scan[i - 1].kick_rad,
                           scan[i_max].kick_rad, 1e-7);
        }
      }
    } else {
      for (std::size_t i = i_max + 1; i < scan.size(); ++i) {
        if (scan[i].range_m < range_wanted) {
          return find_root([&](double k) { return range_error(k, full); }, scan[i_max].kick_rad,
                           scan[i].kick_rad, 1e-7);
        }
      }
    }
    return std::nullopt;
  };

  const double scale = std::max(range_wanted, 1e3);  // metres per radian of angle residual
  const auto miss_of = [&](const FlightPath& path) -> std::optional<Eigen::Vector2d> {
    if (path.status != FlightStatus::kImpact) return std::nullopt;
    return miss_east_north(earth, request.aim, impact_ecef(earth, path));
  };
  const double tolerance = request.miss_tolerance_m;
  Trajectory trajectory;
  LaunchCommand command{az0, 0.0, full};

  const auto solve_full_burn = [&](double kick0) {
    using V2 = Eigen::Vector2d;
    const auto F = [&](const V2& p) -> std::optional<V2> { return miss_of(shots.fly({p(0), p(1), full})); };
    const auto result = solve_newton<2>(F, [&](const V2& f) { return f.norm() < tolerance; }, V2(az0, kick0),
                                        V2(1e-6, 1e-6));
    command = {result.p(0), result.p(1), full};
    trajectory.iterations += result.iterations;
    spdlog::debug("Newton (azimuth, kick) at full burn: {} iterations, miss {:.3f} m, converged {}", result.iterations,
                  result.F.norm(), result.converged);
    return result.converged;
  };
  const auto solve_with_cutoff = [&](double kick0, double cutoff0, const auto& third_residual) {
    using V3 = Eigen::Vector3d;
    const auto F = [&](const V3& p) -> std::optional<V3> {
      if (p(2) > full || p(2) < shots.earliest_cutoff()) return std::nullopt;
      const FlightPath path = shots.fly({p(0), p(1), p(2)});
      const auto miss = miss_of(path);
      if (!miss) return std::nullopt;
      return V3(miss->x(), miss->y(), third_residual(path));
    };
    const auto result = solve_newton<3>(F, [&](const V3& f) { return f.norm() < tolerance; },
                                        V3(az0, kick0, cutoff0), V3(1e-6, 1e-6, 1e-3));
    command = {result.p(0), result.p(1), result.p(2)};
    trajectory.iterations += result.iterations;
    spdlog::debug("Newton (azimuth, kick, cut-off) from kick {:.4f} deg, cut-off {:.3f} s: {} iterations, residual "
                  "{:.3f} m, converged {}",
                  kick0 / kDeg, cutoff0, result.iterations, result.F.norm(), result.converged);
    return result.converged;
  };
  // The cut-off that gives the range for a kick angle, if one does before full burn.
  const auto cutoff_for_range = [&](double kick) -> std::optional<double> {
    return find_root([&](double t) { return range_error(kick, t); }, shots.earliest_cutoff(), full, 1e-4);
  };

  bool converged = false;
  if (request.apogee_altitude_m) {
    const double wanted = *request.apogee_altitude_m;
    const auto k_lofted = full_burn_root(true);
    const auto k_depressed = full_burn_root(false);
    if (!k_lofted || !k_depressed) throw InputError(SourceLocation{"--apogee"}, "no trajectory reaches the aim point");
    const auto apogee_of = [&](const FlightPath& path) {
      return path.apogee ? earth.altitude_m(position(path.apogee->y_I)) : 0.0;
    };
    const auto apogee_error = [&](double kick) {
      const auto cutoff = cutoff_for_range(kick);
      return cutoff ? apogee_of(shots.fly_coarse({az0, kick, *cutoff})) - wanted : std::nan("");
    };
    // Along the family that reaches the range, the apogee falls from the
    // full-burn lofted shot to the full-burn depressed one.
    const double high = apogee_of(shots.fly({az0, *k_lofted, full}));
    const double low = apogee_of(shots.fly({az0, *k_depressed, full}));
    if (wanted > high || wanted < low) {
      throw InputError(SourceLocation{"--apogee"},
                       "an apogee of " + km(wanted) + " is out of reach of the " + shots.missile().name +
                           " at this range: between " + km(low) + " and " + km(high));
    }
    const double inset = 1e-6;
    const auto kick = find_root(apogee_error, *k_lofted + inset, *k_depressed - inset, 1e-7);
    const auto cutoff = kick ? cutoff_for_range(*kick) : std::nullopt;
    if (kick && cutoff) {
      converged = solve_with_cutoff(*kick, *cutoff, [&](const FlightPath& path) { return apogee_of(path) - wanted; });
    }
  } else if (request.shape == TrajectoryShape::kMinEnergy || request.burnout_flight_path_angle_rad) {
    // Shaped by the burnout angle: the minimum-energy one, or the one asked for.
    const auto& wanted_angle = request.burnout_flight_path_angle_rad;
    const auto angle_error = [&](const FlightPath& path) {
      if (!wanted_angle) return min_energy_angle_error(earth, request.aim, path);
      return flight_path_angle_rad(earth, position(path.burnout.y_I), velocity(path.burnout.y_I), path.burnout.t_s) -
             *wanted_angle;
    };
    // The kick whose full-burn burnout has that angle...
    std::optional<double> kick_at_angle;
    for (std::size_t i = 0; i + 1 < scan.size() && !kick_at_angle; ++i) {
      const double a = angle_error(scan[i].path);
      const double b = angle_error(scan[i + 1].path);
      if (a * b <= 0.0 && scan[i].path.status == FlightStatus::kImpact) {
        kick_at_angle = find_root([&](double k) { return angle_error(shots.fly_coarse({az0, k, full})); },
                                  scan[i].kick_rad, scan[i + 1].kick_rad, 1e-7);
      }
    }
    const double range_full = kick_at_angle ? shots.range(shots.fly_coarse({az0, *kick_at_angle, full})) : 0.0;
    if (kick_at_angle && range_full >= range_wanted) {
      // ...then cut the thrust early enough to fall on the aim point.
      const auto cutoff = cutoff_for_range(*kick_at_angle);
      if (cutoff) {
        converged = solve_with_cutoff(*kick_at_angle, *cutoff,
                                      [&](const FlightPath& path) { return scale * angle_error(path); });
      }
    } else if (wanted_angle) {
      throw InputError(SourceLocation{"--burnout-angle"},
                       "at a burnout flight-path angle of " + std::to_string(*wanted_angle / kDeg) + " deg the " +
                           shots.missile().name + " cannot reach the aim point " + km(range_wanted) + " away");
    } else {
      // The aim is beyond the full-burn minimum-energy range: burn fully on
      // the side of the maximum-range kick nearer the minimum-energy one.
      const bool lofted = kick_at_angle && *kick_at_angle < scan[i_max].kick_rad;
      const auto kick = full_burn_root(lofted);
      if (kick) converged = solve_full_burn(*kick);
    }
  } else {
    const auto kick = full_burn_root(request.shape == TrajectoryShape::kLofted);
    if (!kick) {
      throw InputError(SourceLocation{"--shape"}, "no " + std::string(trajectory_shape_name(request.shape)) +
                                                      " trajectory of the " + shots.missile().name +
                                                      " reaches the aim point");
    }
    converged = solve_full_burn(*kick);
  }
  if (!converged) {
    throw InputError(SourceLocation{"--to"}, "range targeting of the " + shots.missile().name +
                                                 " did not converge on the aim point");
  }

  FlightOptions final_options = request.flight;
  trajectory.command = command;
  trajectory.path = fly_missile(shots.missile(), earth, atmosphere, request.launch, command, final_options);
  trajectory.miss_m = miss_of(trajectory.path).value_or(Eigen::Vector2d::Constant(NAN)).norm();
  return trajectory;
}

}  // namespace rampart::flight::detail
