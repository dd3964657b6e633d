#include "rampart/flight/boost.hpp"

#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/flight/ballistic_flight.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/point_mass.hpp"

namespace rampart::flight {
namespace {

enum class Steering { kVertical, kKick, kGravityTurn };

/// Everything constant over one powered segment.
struct Segment {
  double t0_s;
  double t1_s;
  Steering steering;
  double thrust_n;
  double mass_flow_kgps;
  double cd_area_m2;
};

Vec3 vec3_of(const State7& y, int offset) { return y.segment<3>(offset); }

}  // namespace

FlightPath fly_missile(const MissileType& missile, const earth::EarthModel& earth,
                       const earth::Us76Atmosphere& atmosphere, const earth::Geodetic& launch_site,
                       const LaunchCommand& command, const FlightOptions& options) {
  const double cutoff_s = std::min(command.cutoff_time_s, missile.total_burn_time_s());
  const Vec3 omega_I = earth.omega_I();

  // Launch-site directions in ECEF; turned into ECI at each instant.
  const Mat3 R_EL = earth.R_EL(launch_site);
  const Vec3 up_E = R_EL.col(2);
  const double sk = std::sin(command.kick_angle_rad);
  const Vec3 kick_L(sk * std::sin(command.azimuth_rad), sk * std::cos(command.azimuth_rad),
                    std::cos(command.kick_angle_rad));
  const Vec3 kick_E = R_EL * kick_L;

  // The powered segments: every boundary where steering, stage or thrust changes.
  const double t_rise = missile.pitch_program.vertical_rise_s;
  const double t_kick_end = t_rise + missile.pitch_program.kick_duration_s;
  std::vector<Segment> segments;
  std::vector<double> stage_end_s;
  double stage_start = 0.0;
  for (const auto& stage : missile.stages) {
    const double stage_end = stage_start + stage.burn_time_s;
    stage_end_s.push_back(stage_end);
    const double area = constants::kPi * 0.25 * stage.diameter_m * stage.diameter_m;
    const double cuts[] = {stage_start, t_rise, t_kick_end, stage_end};
    for (int i = 0; i < 3; ++i) {
      const double a = std::clamp(cuts[i], stage_start, stage_end);
      const double b = std::clamp(cuts[i + 1], stage_start, stage_end);
      const double t0 = std::min(a, cutoff_s);
      const double t1 = std::min(std::max(b, a), cutoff_s);
      if (t1 <= t0) continue;
      const Steering steering = t0 < t_rise ? Steering::kVertical
                                : t0 < t_kick_end ? Steering::kKick
                                                  : Steering::kGravityTurn;
      segments.push_back({t0, t1, steering, stage.thrust_n(), stage.mass_flow_kgps(), stage.drag_coefficient * area});
    }
    stage_start = stage_end;
  }

  FlightPath path;
  const Vec3 r0_I = earth.eci_from_ecef(earth.ecef_from_geodetic(launch_site), 0.0);
  State7 y;
  y << r0_I, omega_I.cross(r0_I), missile.launch_mass_kg();
  path.launch = FlightPoint{0.0, y.head<6>()};

  AdaptiveOptions ode;
  ode.relative_tolerance = options.relative_tolerance;
  ode.absolute_tolerance = options.absolute_tolerance;
  SampleRecorder samples(options.sample_step_s);
  const double launch_alt_m = launch_site.alt_m;
  // A crash: falling back below the launch altitude once the missile has risen.
  const std::vector<OdeEvent<State7>> crash{
      {[&earth, launch_alt_m](double, const State7& s) { return earth.altitude_m(vec3_of(s, 0)) - launch_alt_m + 1.0; },
       -1, true}};

  double t = 0.0;
  std::size_t stage_index = 0;
  for (const auto& segment : segments) {
    // Drop spent stages whose burn ended at or before this segment.
    while (stage_index + 1 < missile.stages.size() && stage_end_s[stage_index] <= segment.t0_s + 1e-12) {
      y(6) -= missile.stages[stage_index].dry_mass_kg;
      ++stage_index;
    }
    const auto f = [&](double t_s, const State7& s) {
      const Vec3 r = vec3_of(s, 0);
      const Vec3 v = vec3_of(s, 3);
      const double m = s(6);
      const Vec3 thrust_dir = segment.steering == Steering::kGravityTurn
                                  ? Vec3((v - omega_I.cross(r)).normalized())
                              : segment.steering == Steering::kKick ? Vec3(earth.R_EI(t_s).transpose() * kick_E)
                                                                    : Vec3(earth.R_EI(t_s).transpose() * up_E);
      const Vec3 a = earth.gravity(r) + (segment.thrust_n / m) * thrust_dir +
                     drag_acceleration(earth, atmosphere, r, v, segment.cd_area_m2 / m);
      State7 d;
      d << v, a, -segment.mass_flow_kgps;
      return d;
    };
    const auto observer = [&](const DenseStep<State7>& step) {
      samples.record(step.t0(), step.t1(), [&step](double ts) { return State6(step.at(ts).head<6>()); },
                     path.samples);
    };
    const auto result = integrate_dopri54(f, t, y, segment.t1_s, crash, ode,
                                          samples.active() ? std::function(observer) : nullptr);
    t = result.t;
    y = result.y;
    if (result.status == OdeStatus::kEvent) {
      path.status = FlightStatus::kCrashedInBoost;
      path.burnout = FlightPoint{t, y.head<6>()};
      path.impact = path.burnout;
      return path;
    }
    if (result.status != OdeStatus::kReachedEnd) {
      path.status = FlightStatus::kIntegrationFailed;
      path.burnout = FlightPoint{t, y.head<6>()};
      return path;
    }
  }

  path.burnout = FlightPoint{t, y.head<6>()};
  const DragBody rv{1.0 / missile.reentry_vehicle.ballistic_coefficient_kgpm2};
  fly_ballistic(earth, atmosphere, path.burnout, rv, options, samples, path);
  return path;
}

}  // namespace rampart::flight
