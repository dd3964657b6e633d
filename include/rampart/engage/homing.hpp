#pragma once
// Three-dimensional homing engagement: a kill vehicle (pursuer M) and a
// target T as point masses in one inertial frame; the pursuer is steered by
// a GuidanceLaw through an optional first-order lag, limited by a maximum
// lateral acceleration and a divert delta-V budget, integrated with
// fixed-step RK4 and stopped at closest approach, located inside the last
// step by closest_approach_hermite. docs/models.md, "Homing guidance and
// intercept resolution".

#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "rampart/core/vector.hpp"
#include "rampart/engage/guidance.hpp"

namespace rampart::engage {

/// The target's kinematics at one time (inertial; m, m/s, m/s^2).
struct TargetState {
  Vec3 r_I = Vec3::Zero();
  Vec3 v_I = Vec3::Zero();
  Vec3 a_I = Vec3::Zero();
};

/// The target's motion as a function of time (s, same clock as the run).
using TargetMotion = std::function<TargetState(double t_s)>;

/// Motion with constant acceleration from (r0, v0) at t = 0:
/// r(t) = r0 + v0 t + a t^2 / 2.
TargetMotion constant_acceleration_target(const Vec3& r0_I_m, const Vec3& v0_I_mps, const Vec3& a_I_mps2);

/// The pursuer's initial position (m) and velocity (m/s), inertial.
struct PursuerState {
  Vec3 r_I = Vec3::Zero();
  Vec3 v_I = Vec3::Zero();
};

/// What the kill vehicle can do. Defaults: unlimited, no lag.
struct KillVehicleLimits {
  double max_lateral_accel_mps2 = std::numeric_limits<double>::infinity();  ///< >= 0; saturation
  double divert_delta_v_mps = std::numeric_limits<double>::infinity();      ///< >= 0; budget
  double lag_time_constant_s = 0.0;  ///< >= 0, finite; 0 = achieved equals commanded
};

struct HomingOptions {
  double step_s = 1e-3;        ///< fixed RK4 step, > 0
  double max_time_s = 600.0;   ///< give up after this long, > 0
  bool record_history = true;  ///< keep a CommandSample per step end
  /// Gravity acceleration at the pursuer's position (m/s^2); empty = none.
  std::function<Vec3(const Vec3& r_I_m)> gravity;
};

enum class HomingStatus {
  kClosestApproach,  ///< the range stopped closing (possibly at the start)
  kTimeLimit,        ///< max_time_s reached while still closing
};

/// Guidance at one instant: commanded (after saturation) and achieved
/// (after lag; zero once the divert budget is spent) acceleration, m/s^2.
struct CommandSample {
  double t_s = 0.0;
  Vec3 a_command_I = Vec3::Zero();
  Vec3 a_achieved_I = Vec3::Zero();
  double delta_v_used_mps = 0.0;
};

struct HomingResult {
  HomingStatus status = HomingStatus::kClosestApproach;
  double miss_distance_m = 0.0;             ///< at closest approach (or at the time limit)
  double time_of_closest_approach_s = 0.0;  ///< same clock as t0_s
  double delta_v_used_mps = 0.0;            ///< integral of |achieved acceleration|
  Vec3 r_TM_I_m = Vec3::Zero();             ///< target relative to pursuer at the end of the last step
  std::vector<CommandSample> history;       ///< t0 and every step end, if recorded
};

/// The engagement model: immutable, run() is const and shareable.
class HomingSimulator {
 public:
  /// Throws std::invalid_argument for a null law, a step or max time not
  /// finite and > 0, a negative or NaN limit, or a lag not finite and >= 0.
  HomingSimulator(std::shared_ptr<const GuidanceLaw> law, KillVehicleLimits limits, HomingOptions options);

  /// Flies the pursuer from pursuer0 at t0_s against the target until the
  /// range stops closing or max_time_s passes. The law receives the target's
  /// true acceleration as its estimate (perfect information). The divert
  /// budget may be overspent by at most max_lateral_accel * step.
  HomingResult run(const PursuerState& pursuer0, const TargetMotion& target, double t0_s = 0.0) const;

  const KillVehicleLimits& limits() const { return limits_; }
  const HomingOptions& options() const { return options_; }

 private:
  std::shared_ptr<const GuidanceLaw> law_;
  KillVehicleLimits limits_;
  HomingOptions options_;
};

}  // namespace rampart::engage
