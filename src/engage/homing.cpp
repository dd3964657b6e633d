#include "rampart/engage/homing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "rampart/engage/closest_approach.hpp"
#include "rampart/flight/integrators.hpp"

namespace rampart::engage {
namespace {

// Run state integrated by RK4: r_M (0..2), v_M (3..5), lagged acceleration
// (6..8), delta-V used (9).
using Y = Eigen::Matrix<double, 10, 1>;

struct Guidance {
  Vec3 a_command;
  Vec3 a_achieved;
};

void require(bool ok, const char* what) {
  if (!ok) {
    std::string message("homing: ");
    message.append(what);
    throw std::invalid_argument(message);
  }
}

}  // namespace

TargetMotion constant_acceleration_target(const Vec3& r0_I_m, const Vec3& v0_I_mps, const Vec3& a_I_mps2) {
  return [r0_I_m, v0_I_mps, a_I_mps2](double t_s) {
    return TargetState{r0_I_m + v0_I_mps * t_s + 0.5 * a_I_mps2 * t_s * t_s, v0_I_mps + a_I_mps2 * t_s,
                       a_I_mps2};
  };
}

HomingSimulator::HomingSimulator(std::shared_ptr<const GuidanceLaw> law, KillVehicleLimits limits,
                                 HomingOptions options)
    : law_(std::move(law)), limits_(limits), options_(std::move(options)) {
  require(law_ != nullptr, "guidance law is null");
  require(std::isfinite(options_.step_s) && options_.step_s > 0.0, "step must be finite and > 0");
  require(std::isfinite(options_.max_time_s) && options_.max_time_s > 0.0, "max time must be finite and > 0");
  require(limits_.max_lateral_accel_mps2 >= 0.0, "maximum lateral acceleration must be >= 0");
  require(limits_.divert_delta_v_mps >= 0.0, "divert delta-V budget must be >= 0");
  require(std::isfinite(limits_.lag_time_constant_s) && limits_.lag_time_constant_s >= 0.0,
          "lag time constant must be finite and >= 0");
}

HomingResult HomingSimulator::run(const PursuerState& pursuer0, const TargetMotion& target_motion,
                                  double t0_s) const {
  require(static_cast<bool>(target_motion), "target motion is empty");
  // Each RK4 step asks for the target at t, t + h/2 (twice) and t + h, and
  // the next step starts at t + h again: the last two answers are kept, so
  // the motion (an interpolation of a sampled flight, say) is evaluated
  // twice per step instead of five times. The motion is a function of time
  // alone, so the answers are the same.
  struct Memo {
    double t_s = std::numeric_limits<double>::quiet_NaN();
    TargetState state;
  };
  std::array<Memo, 2> memo;
  std::size_t oldest = 0;
  const auto target = [&](double t_s) -> const TargetState& {
    for (const Memo& m : memo) {
      if (m.t_s == t_s) return m.state;
    }
    Memo& slot = memo[oldest];
    oldest = 1 - oldest;
    slot.state = target_motion(t_s);
    slot.t_s = t_s;
    return slot.state;
  };
  const double tau = limits_.lag_time_constant_s;
  const double h = options_.step_s;

  const auto guidance = [&](const TargetState& T, const Y& y) {
    const RelativeState rel{T.r_I - y.segment<3>(0), T.v_I - y.segment<3>(3)};
    const Vec3 a_c = saturate(law_->acceleration_command(rel, T.a_I), limits_.max_lateral_accel_mps2);
    // A spent divert budget leaves the kill vehicle coasting.
    if (y(9) >= limits_.divert_delta_v_mps) return Guidance{a_c, Vec3::Zero()};
    return Guidance{a_c, tau > 0.0 ? Vec3(y.segment<3>(6)) : a_c};
  };
  const auto gravity = [&](const Y& y) {
    return options_.gravity ? Vec3(options_.gravity(y.segment<3>(0))) : Vec3::Zero();
  };
  const auto f = [&](double t, const Y& y) {
    const Guidance g = guidance(target(t), y);
    Y dy;
    dy.segment<3>(0) = y.segment<3>(3);
    dy.segment<3>(3) = g.a_achieved + gravity(y);
    dy.segment<3>(6) = tau > 0.0 ? Vec3((g.a_command - y.segment<3>(6)) / tau) : Vec3::Zero();
    dy(9) = g.a_achieved.norm();
    return dy;
  };

  HomingResult result;
  const auto record = [&](double t, const Y& y) {
    if (!options_.record_history) return;
    const Guidance g = guidance(target(t), y);
    result.history.push_back({t, g.a_command, g.a_achieved, y(9)});
  };

  Y y = Y::Zero();
  y.segment<3>(0) = pursuer0.r_I;
  y.segment<3>(3) = pursuer0.v_I;
  double t = t0_s;
  TargetState T = target(t);
  Vec3 r = T.r_I - y.segment<3>(0);
  Vec3 v = T.v_I - y.segment<3>(3);
  const long n_steps = static_cast<long>(std::ceil(options_.max_time_s / h));
  if (options_.record_history) result.history.reserve(static_cast<std::size_t>(std::min(n_steps, 1'000'000L)) + 1);
  record(t, y);

  result.r_TM_I_m = r;
  result.miss_distance_m = r.norm();
  result.time_of_closest_approach_s = t;
  if (r.dot(v) >= 0.0) return result;  // not closing: the start is the closest

  for (long i = 1; i <= n_steps; ++i) {
    const double t_next = t0_s + static_cast<double>(i) * h;
    const Y y_next = flight::rk4_step(f, t, y, t_next - t);
    const TargetState T_next = target(t_next);
    const Vec3 r_next = T_next.r_I - y_next.segment<3>(0);
    const Vec3 v_next = T_next.v_I - y_next.segment<3>(3);
    record(t_next, y_next);
    if (r_next.dot(v_next) >= 0.0) {
      // The range rate changed sign inside this step: minimise the distance
      // on a quintic Hermite of the relative motion (relative accelerations
      // from the equations of motion at both ends).
      const Vec3 a0 = T.a_I - f(t, y).segment<3>(3);
      const Vec3 a1 = T_next.a_I - f(t_next, y_next).segment<3>(3);
      const ClosestApproach ca = closest_approach_hermite(r, v, a0, r_next, v_next, a1, t_next - t);
      result.status = HomingStatus::kClosestApproach;
      result.miss_distance_m = ca.miss_distance_m;
      result.time_of_closest_approach_s = t + ca.time_s;
      result.delta_v_used_mps = y_next(9);
      result.r_TM_I_m = r_next;
      return result;
    }
    t = t_next;
    y = y_next;
    T = T_next;
    r = r_next;
    v = v_next;
  }
  result.status = HomingStatus::kTimeLimit;
  result.miss_distance_m = r.norm();
  result.time_of_closest_approach_s = t;
  result.delta_v_used_mps = y(9);
  result.r_TM_I_m = r;
  return result;
}

}  // namespace rampart::engage
