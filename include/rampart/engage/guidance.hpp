#pragma once
// Homing guidance laws: small immutable models behind one interface, each
// mapping the target-relative state seen by the kill vehicle to a commanded
// acceleration perpendicular to the line of sight (LOS). Equations and
// citations: docs/models.md, "Homing guidance and intercept resolution"
// (P. Zarchan, Tactical and Strategic Missile Guidance, 6th ed., AIAA 2012,
// ch. 2, 5, 8; N. A. Shneydor, Missile Guidance and Pursuit, Horwood 1998).

#include <memory>
#include <string_view>

#include "rampart/core/vector.hpp"

namespace rampart::engage {

/// The target T relative to the pursuer (kill vehicle) M, in one inertial
/// frame: r_TM_I = r_T - r_M (m), v_TM_I = v_T - v_M (m/s).
struct RelativeState {
  Vec3 r_TM_I = Vec3::Zero();
  Vec3 v_TM_I = Vec3::Zero();
};

/// Closing velocity V_c = -r.v/|r| (m/s), positive while the range shrinks;
/// 0 at zero range.
double closing_velocity_mps(const RelativeState& rel);

/// LOS angular-rate vector Omega = (r x v)/|r|^2 (rad/s); zero at zero range.
Vec3 los_rate_radps(const RelativeState& rel);

/// Time to go to closest approach for straight-line relative motion,
/// t_go = -r.v/|v|^2 (s); <= 0 when opening, 0 when v = 0.
double time_to_go_s(const RelativeState& rel);

/// A homing guidance law: a const query, shareable between threads.
class GuidanceLaw {
 public:
  virtual ~GuidanceLaw() = default;
  /// Commanded acceleration of the pursuer (m/s^2, inertial components),
  /// perpendicular to the LOS; zero when the range is zero or opening.
  /// a_T_estimate_mps2 is the estimated target acceleration (laws that do not
  /// use it ignore it).
  virtual Vec3 acceleration_command(const RelativeState& rel, const Vec3& a_T_estimate_mps2) const = 0;
  /// The effective navigation ratio N'.
  virtual double navigation_ratio() const = 0;
  virtual std::string_view name() const = 0;
};

/// True proportional navigation: a_c = N' V_c (Omega x u_LOS)
/// (Zarchan ch. 2; Shneydor ch. 5). Throws std::invalid_argument unless
/// N' is finite and > 0 (useful values are 3..5).
class ProportionalNavigation final : public GuidanceLaw {
 public:
  explicit ProportionalNavigation(double navigation_ratio);
  Vec3 acceleration_command(const RelativeState& rel, const Vec3& a_T_estimate_mps2) const override;
  double navigation_ratio() const override { return N_; }
  std::string_view name() const override { return "pn"; }

 private:
  double N_;
};

/// Augmented proportional navigation: PN plus (N'/2) a_T,perp, the target
/// acceleration component perpendicular to the LOS (Zarchan ch. 8).
/// Throws std::invalid_argument unless N' is finite and > 0.
class AugmentedProportionalNavigation final : public GuidanceLaw {
 public:
  explicit AugmentedProportionalNavigation(double navigation_ratio);
  Vec3 acceleration_command(const RelativeState& rel, const Vec3& a_T_estimate_mps2) const override;
  double navigation_ratio() const override { return N_; }
  std::string_view name() const override { return "apn"; }

 private:
  double N_;
};

/// Zero-effort-miss guidance: a_c = N' ZEM_perp / t_go^2 with
/// ZEM = r + v t_go + a_T t_go^2 / 2, its component perpendicular to the LOS,
/// and t_go = -r.v/|v|^2 (Zarchan ch. 8). Throws std::invalid_argument unless
/// N' is finite and > 0.
class ZeroEffortMissGuidance final : public GuidanceLaw {
 public:
  explicit ZeroEffortMissGuidance(double navigation_ratio);
  Vec3 acceleration_command(const RelativeState& rel, const Vec3& a_T_estimate_mps2) const override;
  double navigation_ratio() const override { return N_; }
  std::string_view name() const override { return "zem"; }

 private:
  double N_;
};

/// Builds a law by name ("pn", "apn", "zem"); throws std::invalid_argument
/// for an unknown name or a bad N'.
std::shared_ptr<const GuidanceLaw> make_guidance_law(std::string_view name, double navigation_ratio);

/// a_c scaled down to magnitude max_accel_mps2 if larger (direction kept);
/// max_accel_mps2 = +inf leaves it unchanged. Throws std::invalid_argument
/// if max_accel_mps2 is NaN or negative.
Vec3 saturate(const Vec3& a_c_mps2, double max_accel_mps2);

}  // namespace rampart::engage
