// Free flight from A to B: an instantaneous burnout at the launch point,
// then unpowered flight. The burnout velocity comes from Lambert's problem
// toward the aim point where it will be at impact (the Earth turns under
// the flight), then shooting corrections move the Lambert target until the
// integrated flight (with J2) lands on the aim point.

#include <spdlog/spdlog.h>

#include <cmath>
#include <functional>
#include <limits>

#include "rampart/core/constants.hpp"

#include "rampart/flight/ballistic_flight.hpp"
#include "rampart/flight/lambert.hpp"
#include "rampart/flight/trajectory_summary.hpp"
#include "targeting.hpp"
#include "targeting_detail.hpp"

namespace rampart::flight::detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kShortestFlightS = 10.0;
constexpr double kLongestFlightS = 6.0 * 3600.0;
constexpr int kMaxShootingIterations = 25;

/// The two-body arc from the launch point to a point fixed on the Earth.
class ArcFamily {
 public:
  ArcFamily(const earth::EarthModel& earth, const Vec3& r1_I) : earth_(earth), r1_I_(r1_I) {}

  /// Burnout velocity reaching target_E after tof_s, if Lambert has a solution.
  std::optional<Vec3> velocity(double tof_s, const Vec3& target_E) const {
    const Vec3 r2_I = earth_.eci_from_ecef(target_E, tof_s);
    // The short way round: motion in the sense of r1 x r2.
    const bool prograde = r1_I_.cross(r2_I).z() >= 0.0;
    const auto solution = solve_lambert(r1_I_, r2_I, tof_s, earth_.gm(), prograde);
    if (!solution) return std::nullopt;
    return solution->v1;
  }
  double speed(double tof_s, const Vec3& target_E) const {
    const auto v = velocity(tof_s, target_E);
    return v ? v->norm() : kInfinity;
  }
  /// Altitude of the highest point of the two-body arc.
  double apogee_altitude_m(double tof_s, const Vec3& target_E) const {
    const auto v1 = velocity(tof_s, target_E);
    if (!v1) return kInfinity;
    const double mu = earth_.gm();
    const Vec3 r2_I = earth_.eci_from_ecef(target_E, tof_s);
    const Vec3 h = r1_I_.cross(*v1);
    const Vec3 e = v1->cross(h) / mu - r1_I_.normalized();
    const double energy = 0.5 * v1->squaredNorm() - mu / r1_I_.norm();
    const bool rising = r1_I_.dot(*v1) > 0.0;
    // The arc passes its apoapsis when it leaves rising and arrives falling
    // (the arrival is falling when r2 lies beyond the apoapsis direction).
    if (energy < 0.0 && rising && e.norm() > 1e-12) {
      const double a = -mu / (2.0 * energy);
      const Vec3 apo_dir = -e.normalized();
      // Apoapsis inside the arc: its angle from r1 is less than r2's.
      const Vec3 n = h.normalized();
      const auto angle_from_r1 = [&](const Vec3& u) {
        double angle = std::atan2(n.dot(r1_I_.cross(u)), r1_I_.dot(u));
        return angle < 0.0 ? angle + 2.0 * constants::kPi : angle;
      };
      if (angle_from_r1(apo_dir) < angle_from_r1(r2_I)) {
        return earth_.altitude_m(a * (1.0 + e.norm()) * apo_dir);
      }
    }
    return std::max(earth_.altitude_m(r1_I_), earth_.altitude_m(r2_I));
  }

  /// Flight time of the least burnout speed to target_E.
  double min_energy_time(const Vec3& target_E) const {
    // Coarse log-spaced scan for the global minimum, then golden section.
    constexpr int kSamples = 64;
    const double ratio = std::pow(kLongestFlightS / kShortestFlightS, 1.0 / (kSamples - 1));
    int best = 0;
    double best_speed = kInfinity;
    for (int i = 0; i < kSamples; ++i) {
      const double s = speed(kShortestFlightS * std::pow(ratio, i), target_E);
      if (s < best_speed) {
        best_speed = s;
        best = i;
      }
    }
    const double lo = kShortestFlightS * std::pow(ratio, std::max(best - 1, 0));
    const double hi = kShortestFlightS * std::pow(ratio, std::min(best + 1, kSamples - 1));
    return minimize_golden([&](double t) { return speed(t, target_E); }, lo, hi, 1e-7 * hi);
  }

 private:
  const earth::EarthModel& earth_;
  Vec3 r1_I_;
};

/// The first root of g met when stepping geometrically from `from` toward
/// `to` (factor 1.25 a step), refined by regula falsi. Stepping, rather than
/// bracketing [from, to] at once, keeps to the branch next to `from`: over
/// hours of flight the turning Earth folds these functions back.
std::optional<double> first_root(const std::function<double(double)>& g, double from, double to, double tolerance) {
  const double factor = to > from ? 1.25 : 0.8;
  double a = from;
  double ga = g(a);
  while ((to > from) ? a < to : a > to) {
    const double b = (to > from) ? std::min(a * factor, to) : std::max(a * factor, to);
    const double gb = g(b);
    if (std::isfinite(ga) && std::isfinite(gb) && ga * gb <= 0.0) return find_root(g, a, b, tolerance);
    a = b;
    ga = gb;
  }
  return std::nullopt;
}

}  // namespace

Trajectory solve_free_flight(const TrajectoryRequest& request, const earth::EarthModel& earth,
                             const earth::Us76Atmosphere& atmosphere) {
  const Vec3 r1_I = earth.eci_from_ecef(earth.ecef_from_geodetic(request.launch), 0.0);
  const Vec3 aim_E = earth.ecef_from_geodetic(request.aim);
  const ArcFamily arcs(earth, r1_I);
  const SourceLocation speed_option{"--burnout-speed"};
  const SourceLocation apogee_option{"--apogee"};

  // Flight time for the shape asked, toward the (shifted) Lambert target.
  double apogee_bias_m = 0.0;
  const auto choose_time = [&](const Vec3& target_E) -> double {
    const double t_me = arcs.min_energy_time(target_E);
    if (request.apogee_altitude_m) {
      const double wanted = *request.apogee_altitude_m + apogee_bias_m;
      const auto g = [&](double t) { return arcs.apogee_altitude_m(t, target_E) - wanted; };
      // The apogee rises with the flight time on the single-revolution family.
      const auto root = first_root(g, kShortestFlightS, kLongestFlightS, 1e-9 * t_me);
      if (!root) {
        throw InputError(apogee_option, "no free-flight trajectory to the aim point has an apogee of " +
                                            std::to_string(*request.apogee_altitude_m / 1e3) + " km");
      }
      return *root;
    }
    if (request.burnout_flight_path_angle_rad) {
      const double wanted = *request.burnout_flight_path_angle_rad;
      // The burnout angle grows with the flight time, from depressed to lofted.
      const auto g = [&](double t) {
        const auto v1 = arcs.velocity(t, target_E);
        return v1 ? flight_path_angle_rad(earth, r1_I, *v1, 0.0) - wanted : std::nan("");
      };
      const auto root = g(t_me) > 0.0 ? first_root(g, t_me, kShortestFlightS, 1e-10 * t_me)
                                      : first_root(g, t_me, kLongestFlightS, 1e-10 * t_me);
      if (!root) {
        throw InputError(SourceLocation{"--burnout-angle"},
                         "no free flight to the aim point leaves at a flight-path angle of " +
                             std::to_string(wanted * 180.0 / constants::kPi) + " deg");
      }
      return *root;
    }
    if (!request.burnout_speed_mps) return t_me;
    const double v = *request.burnout_speed_mps;
    const double v_min = arcs.speed(t_me, target_E);
    if (v < v_min) {
      throw InputError(speed_option, "burnout speed " + std::to_string(v / 1e3) +
                                         " km/s is below the least speed that reaches the aim point, " +
                                         std::to_string(v_min / 1e3) + " km/s");
    }
    const auto g = [&](double t) { return arcs.speed(t, target_E) - v; };
    const bool lofted = request.shape == TrajectoryShape::kLofted;
    const auto root = lofted ? first_root(g, t_me, kLongestFlightS, 1e-10 * t_me)
                             : first_root(g, t_me, kShortestFlightS, 1e-10 * t_me);
    if (!root) {
      throw InputError(speed_option, "no " + std::string(trajectory_shape_name(request.shape)) +
                                         " trajectory at burnout speed " + std::to_string(v / 1e3) +
                                         " km/s (a lofted one needs less than escape speed)");
    }
    return *root;
  };

  Trajectory trajectory;
  Vec3 target_E = aim_E;
  SampleRecorder no_samples(0.0);
  for (int iteration = 1; iteration <= kMaxShootingIterations; ++iteration) {
    const double tof = choose_time(target_E);
    const auto v1_I = arcs.velocity(tof, target_E);
    if (!v1_I) break;
    FlightPath path;
    path.launch = path.burnout = FlightPoint{0.0, (State6() << r1_I, *v1_I).finished()};
    fly_ballistic(earth, atmosphere, path.burnout, DragBody{0.0}, request.flight, no_samples, path);
    if (path.status != FlightStatus::kImpact) break;
    const Vec3 hit_E = impact_ecef(earth, path);
    const double miss = miss_east_north(earth, request.aim, hit_E).norm();
    const double apogee_error = request.apogee_altitude_m && path.apogee
                                    ? *request.apogee_altitude_m - earth.altitude_m(position(path.apogee->y_I))
                                    : 0.0;
    trajectory.iterations = iteration;
    spdlog::debug("free flight: shooting iteration {}: flight time {:.3f} s, burnout speed {:.3f} m/s, miss {:.3f} m",
                  iteration, tof, v1_I->norm(), miss);
    if (miss < request.miss_tolerance_m && std::abs(apogee_error) < request.miss_tolerance_m) {
      // Fly the converged solution once more with the time series if asked.
      if (request.flight.sample_step_s > 0.0) {
        FlightPath sampled;
        sampled.launch = sampled.burnout = path.burnout;
        SampleRecorder samples(request.flight.sample_step_s);
        fly_ballistic(earth, atmosphere, sampled.burnout, DragBody{0.0}, request.flight, samples, sampled);
        path = sampled;
      }
      trajectory.path = path;
      trajectory.miss_m = miss;
      return trajectory;
    }
    target_E += aim_E - hit_E;
    apogee_bias_m += apogee_error;
  }
  throw InputError(SourceLocation{"--to"}, "free-flight targeting did not converge to the aim point");
}

}  // namespace rampart::flight::detail
