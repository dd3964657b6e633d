#include "rampart/engage/interceptor_flight.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "rampart/flight/kepler.hpp"
#include "rampart/flight/lambert.hpp"

namespace rampart::engage {
namespace {

// Below this altitude Interceptor::max_lateral_acceleration_mps2 throws; a
// handover point underground is clamped to it rather than aborting the run.
constexpr double kLowestQueryAltitude_m = -5e3;
// Seeker acquisition search: the interval from the earliest handover to the
// planned intercept is sampled at this many points, then the first crossing
// of the acquisition range is bisected this many times.
constexpr int kAcquisitionSamples = 16;
constexpr int kAcquisitionBisections = 12;
// Homing may run past the planned intercept (a late target) by this fraction
// of the longest homing time before the simulator gives up.
constexpr double kHomingOverrunFraction = 0.2;

// The zero-revolution Lambert arc in both senses of motion.
std::array<std::optional<flight::LambertSolution>, 2> lambert_both_ways(const Vec3& r1, const Vec3& r2,
                                                                         double tof_s, double mu) {
  return {flight::solve_lambert(r1, r2, tof_s, mu, true), flight::solve_lambert(r1, r2, tof_s, mu, false)};
}

}  // namespace

InterceptorFlight::InterceptorFlight(const Interceptor& interceptor, const earth::EarthModel& earth)
    : interceptor_(&interceptor), earth_(&earth) {}

std::optional<InterceptorFlight> InterceptorFlight::launch(const Interceptor& interceptor,
                                                           const earth::EarthModel& earth, const Vec3& site_E,
                                                           double t_launch_s, const Vec3& pip_I,
                                                           double t_intercept_s) {
  const double tof_s = t_intercept_s - t_launch_s;
  if (!std::isfinite(tof_s) || tof_s <= 0.0 || !site_E.allFinite() || !pip_I.allFinite()) return std::nullopt;
  const Vec3 site_I = earth.eci_from_ecef(site_E, t_launch_s);
  // The launcher moves with the Earth: the booster has to supply the
  // velocity relative to the site (the published burnout speeds are
  // Earth-relative), so both senses are compared by that speed.
  const Vec3 site_velocity_I = earth.omega_I().cross(site_I);
  std::optional<Vec3> best_v_I;
  double best_speed_mps = 0.0;
  for (const auto& arc : lambert_both_ways(site_I, pip_I, tof_s, earth.gm())) {
    if (!arc) continue;
    const double speed_mps = (arc->v1 - site_velocity_I).norm();
    if (!best_v_I || speed_mps < best_speed_mps) {
      best_v_I = arc->v1;
      best_speed_mps = speed_mps;
    }
  }
  if (!best_v_I || best_speed_mps > 1.1 * interceptor.type().published_burnout_speed_mps) return std::nullopt;

  InterceptorFlight flight(interceptor, earth);
  flight.t_launch_s_ = t_launch_s;
  flight.legs_.push_back({t_launch_s, site_I, *best_v_I});
  flight.t_intercept_s_ = t_intercept_s;
  flight.pip_I_ = pip_I;
  flight.divert_left_mps_ = interceptor.type().kill_vehicle.divert_delta_v_mps;
  return flight;
}

bool InterceptorFlight::retarget(double t_s, const Vec3& pip_I, double t_intercept_s) {
  if (!std::isfinite(t_s) || !std::isfinite(t_intercept_s) || !pip_I.allFinite()) return false;
  if (t_s <= t_launch_s_ || t_s >= t_intercept_s || t_s < legs_.back().t_start_s) return false;
  const PursuerState now = state_at(t_s);
  // The sense of motion that needs the smaller change is the one the kill
  // vehicle is already flying (the other goes the long way round).
  std::optional<Vec3> best_v_I;
  double best_dv_mps = 0.0;
  for (const auto& arc : lambert_both_ways(now.r_I, pip_I, t_intercept_s - t_s, earth_->gm())) {
    if (!arc) continue;
    const double dv_mps = (arc->v1 - now.v_I).norm();
    if (!best_v_I || dv_mps < best_dv_mps) {
      best_v_I = arc->v1;
      best_dv_mps = dv_mps;
    }
  }
  if (!best_v_I || best_dv_mps > divert_left_mps_) return false;
  legs_.push_back({t_s, now.r_I, *best_v_I});
  t_intercept_s_ = t_intercept_s;
  pip_I_ = pip_I;
  divert_left_mps_ -= best_dv_mps;
  return true;
}

PursuerState InterceptorFlight::state_at(double t_s) const {
  // The leg flown at t_s: the last one started at or before it (the first before launch).
  auto leg = std::upper_bound(legs_.begin(), legs_.end(), t_s,
                              [](double t, const Leg& l) { return t < l.t_start_s; });
  if (leg != legs_.begin()) --leg;
  const flight::KeplerState s = flight::propagate_kepler(leg->r0_I, leg->v0_I, t_s - leg->t_start_s, earth_->gm());
  return PursuerState{s.r, s.v};
}

InterceptResult InterceptorFlight::end_game(const TargetMotion& target, const EndGameOptions& options,
                                            RandomStream& rng) const {
  const KillVehicleConfig& kv = interceptor_->type().kill_vehicle;
  const double mu = earth_->gm();

  // Handover: no earlier than max_homing_time_s before the planned
  // intercept, and not before the seeker can acquire. The range is sampled
  // on the arc; the first sample inside the acquisition range is bisected
  // against the one before. A target never inside the acquisition range
  // before the planned intercept is never acquired: the kill vehicle coasts.
  const auto range_at = [&](double t_s) { return (target(t_s).r_I - state_at(t_s).r_I).norm(); };
  const double t_earliest_s = std::max(t_intercept_s_ - options.max_homing_time_s, t_launch_s_);
  const double acquisition_m = kv.seeker_acquisition_range_m;
  double t_handover_s = t_earliest_s;
  bool acquired = range_at(t_earliest_s) <= acquisition_m;
  if (!acquired) {
    double t_outside_s = t_earliest_s;
    const double dt_s = (t_intercept_s_ - t_earliest_s) / kAcquisitionSamples;
    for (int i = 1; i <= kAcquisitionSamples && !acquired; ++i) {
      const double t_s = t_earliest_s + i * dt_s;
      if (range_at(t_s) <= acquisition_m) {
        double t_inside_s = t_s;
        for (int k = 0; k < kAcquisitionBisections; ++k) {
          const double t_mid_s = 0.5 * (t_outside_s + t_inside_s);
          (range_at(t_mid_s) <= acquisition_m ? t_inside_s : t_outside_s) = t_mid_s;
        }
        t_handover_s = t_inside_s;
        acquired = true;
      } else {
        t_outside_s = t_s;
      }
    }
  }

  const PursuerState pursuer = state_at(t_handover_s);
  // The endo limit depends on the kill vehicle's air speed (its speed
  // relative to the rotating Earth) and altitude at handover, held for the
  // end game (seconds long, so the change of dynamic pressure is ignored).
  const Vec3 r_E = earth_->ecef_from_eci(pursuer.r_I, t_handover_s);
  const double altitude_m = std::max(earth_->altitude_m(r_E), kLowestQueryAltitude_m);
  const double air_speed_mps = earth_->ecef_velocity_from_eci(pursuer.r_I, pursuer.v_I, t_handover_s).norm();

  KillVehicleLimits limits;
  limits.max_lateral_accel_mps2 = interceptor_->max_lateral_acceleration_mps2(altitude_m, air_speed_mps);
  limits.divert_delta_v_mps = acquired ? divert_left_mps_ : 0.0;
  HomingOptions homing;
  homing.step_s = options.step_s;
  homing.max_time_s = (t_intercept_s_ - t_handover_s) + kHomingOverrunFraction * options.max_homing_time_s;
  homing.max_time_s = std::max(homing.max_time_s, options.step_s);
  homing.record_history = false;
  homing.gravity = [mu](const Vec3& r_I) {
    const double r = r_I.norm();
    return Vec3(-mu / (r * r * r) * r_I);
  };
  const HomingSimulator simulator(make_guidance_law(options.guidance, options.navigation_ratio), limits,
                                  std::move(homing));
  const HomingResult homed = simulator.run(pursuer, target, t_handover_s);

  InterceptResult result;
  result.miss_distance_m = homed.miss_distance_m;
  result.time_s = homed.time_of_closest_approach_s;
  // The simulator reports the relative position at the end of its last step;
  // the miss vector at closest approach is perpendicular to the relative
  // velocity, so that component is kept (relative velocity from the target
  // and the arc: the homing divert turns it by at most divert/closing speed)
  // and scaled to the located miss distance.
  const TargetState target_at_ca = target(result.time_s);
  const Vec3 v_rel = target_at_ca.v_I - state_at(result.time_s).v_I;
  Vec3 miss_vector = homed.r_TM_I_m;
  if (v_rel.squaredNorm() > 0.0) miss_vector -= (miss_vector.dot(v_rel) / v_rel.squaredNorm()) * v_rel;
  const double miss_vector_norm = miss_vector.norm();
  miss_vector = miss_vector_norm > 0.0 ? Vec3(miss_vector * (result.miss_distance_m / miss_vector_norm))
                                       : Vec3::Zero();
  result.r_I = target_at_ca.r_I - miss_vector;
  result.within_lethal_radius = result.miss_distance_m <= kv.lethal_radius_m;
  // One draw whatever the miss, so the stream's later use does not depend on it.
  const double u = rng.uniform();
  result.kill = result.within_lethal_radius && u < kv.single_shot_kill_probability;
  result.divert_used_mps = (kv.divert_delta_v_mps - divert_left_mps_) + homed.delta_v_used_mps;
  return result;
}

}  // namespace rampart::engage
