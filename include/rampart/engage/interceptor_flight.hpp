#pragma once
// One interceptor in flight: launched from its site toward a predicted
// intercept point (PIP) on the two-body (Lambert) arc of the planned time of
// flight, re-aimed in midcourse as the track improves (each re-aim's
// velocity change is paid from the kill vehicle's divert budget), then
// handed over to terminal homing against the true target, and the intercept
// resolved: closest approach located inside the step, kill when the miss is
// within the lethal radius and then with the single-shot kill probability.
// docs/models.md, "Interceptor flyout and intercept".

#include <memory>
#include <optional>
#include <vector>

#include "rampart/core/random.hpp"
#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/engage/guidance.hpp"
#include "rampart/engage/homing.hpp"
#include "rampart/engage/interceptor.hpp"

namespace rampart::engage {

struct EndGameOptions {
  double step_s = 5e-3;               ///< homing integration step
  double max_homing_time_s = 15.0;    ///< homing starts at most this long before the planned intercept
  double navigation_ratio = 4.0;
  std::string guidance = "pn";        ///< pn | apn | zem
};

/// The outcome of one interceptor's end game.
struct InterceptResult {
  double miss_distance_m = 0.0;
  double time_s = 0.0;             ///< of closest approach (scenario time)
  Vec3 r_I = Vec3::Zero();         ///< kill vehicle's position at closest approach
  bool within_lethal_radius = false;
  bool kill = false;               ///< within the lethal radius and the kill draw succeeded
  double divert_used_mps = 0.0;    ///< midcourse re-aims plus homing
};

class InterceptorFlight {
 public:
  /// Launches at t_launch_s from the ECEF point site_E toward pip_I (ECI at
  /// t_intercept_s) on the zero-revolution Lambert arc of time
  /// t_intercept_s - t_launch_s (prograde or retrograde, whichever needs the
  /// smaller launch speed). nullopt when Lambert has no solution or the launch
  /// speed exceeds 1.1 x the interceptor's published burnout speed.
  /// Keeps a reference to `interceptor` and `earth`.
  static std::optional<InterceptorFlight> launch(const Interceptor& interceptor, const earth::EarthModel& earth,
                                                 const Vec3& site_E, double t_launch_s, const Vec3& pip_I,
                                                 double t_intercept_s);

  /// Midcourse update at t_s (launch < t_s < planned intercept): re-solves
  /// Lambert from the current state to the new PIP at t_intercept_s; the
  /// velocity change is paid from the divert budget. Returns false (course
  /// unchanged) when there is no solution or not enough budget is left.
  bool retarget(double t_s, const Vec3& pip_I, double t_intercept_s);

  /// Position and velocity (ECI) at t_s (Kepler propagation on the arc flown
  /// at t_s: the launch arc before the first re-aim, then each re-aim's arc;
  /// the last arc beyond the last re-aim).
  PursuerState state_at(double t_s) const;

  double launch_time_s() const { return t_launch_s_; }
  double planned_intercept_time_s() const { return t_intercept_s_; }
  const Vec3& planned_intercept_point_I() const { return pip_I_; }
  double divert_left_mps() const { return divert_left_mps_; }

  /// The end game against the true target: homing starts when the seeker
  /// could acquire (range <= seeker acquisition range) but no earlier than
  /// max_homing_time_s before the planned intercept; guidance limited by the
  /// interceptor's lateral acceleration at the handover altitude and by the
  /// divert budget left; gravity (point mass) on the kill vehicle. The kill
  /// draw takes one uniform number from `rng` whether or not the miss is
  /// within the lethal radius (so the stream's use does not depend on the miss).
  InterceptResult end_game(const TargetMotion& target, const EndGameOptions& options, RandomStream& rng) const;

 private:
  InterceptorFlight(const Interceptor& interceptor, const earth::EarthModel& earth);
  const Interceptor* interceptor_;
  const earth::EarthModel* earth_;
  double t_launch_s_ = 0.0;
  /// One two-body arc of the flight, from t_start_s (launch, then each re-aim) on.
  struct Leg {
    double t_start_s;
    Vec3 r0_I;
    Vec3 v0_I;
  };
  std::vector<Leg> legs_;  // in time order; state_at uses the last leg started at or before t
  double t_intercept_s_ = 0.0;
  Vec3 pip_I_ = Vec3::Zero();
  double divert_left_mps_ = 0.0;
};

}  // namespace rampart::engage
