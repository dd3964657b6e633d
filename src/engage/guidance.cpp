#include "rampart/engage/guidance.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace rampart::engage {
namespace {

double checked_ratio(double N, const char* law) {
  // Written as a negated test so that NaN is rejected too.
  if (!(std::isfinite(N) && N > 0.0)) {
    std::string message(law);
    message.append(": navigation ratio must be finite and > 0, got ").append(std::to_string(N));
    throw std::invalid_argument(message);
  }
  return N;
}

// Component of a perpendicular to the unit vector u.
Vec3 perpendicular(const Vec3& a, const Vec3& u) { return a - a.dot(u) * u; }

// The PN term N' V_c (Omega x u); zero when opening (V_c <= 0): past closest
// approach a homing law has nothing left to correct.
Vec3 pn_term(double N, const RelativeState& rel) {
  const double R = rel.r_TM_I.norm();
  if (R == 0.0) return Vec3::Zero();
  const double Vc = closing_velocity_mps(rel);
  if (!(Vc > 0.0)) return Vec3::Zero();
  const Vec3 u = rel.r_TM_I / R;
  return N * Vc * los_rate_radps(rel).cross(u);
}

}  // namespace

double closing_velocity_mps(const RelativeState& rel) {
  const double R = rel.r_TM_I.norm();
  return R > 0.0 ? -rel.r_TM_I.dot(rel.v_TM_I) / R : 0.0;
}

Vec3 los_rate_radps(const RelativeState& rel) {
  const double R2 = rel.r_TM_I.squaredNorm();
  return R2 > 0.0 ? Vec3(rel.r_TM_I.cross(rel.v_TM_I) / R2) : Vec3::Zero();
}

double time_to_go_s(const RelativeState& rel) {
  const double V2 = rel.v_TM_I.squaredNorm();
  return V2 > 0.0 ? -rel.r_TM_I.dot(rel.v_TM_I) / V2 : 0.0;
}

ProportionalNavigation::ProportionalNavigation(double navigation_ratio)
    : N_(checked_ratio(navigation_ratio, "proportional navigation")) {}

Vec3 ProportionalNavigation::acceleration_command(const RelativeState& rel, const Vec3& /*a_T*/) const {
  return pn_term(N_, rel);
}

AugmentedProportionalNavigation::AugmentedProportionalNavigation(double navigation_ratio)
    : N_(checked_ratio(navigation_ratio, "augmented proportional navigation")) {}

Vec3 AugmentedProportionalNavigation::acceleration_command(const RelativeState& rel,
                                                           const Vec3& a_T_estimate_mps2) const {
  const double R = rel.r_TM_I.norm();
  if (R == 0.0 || !(closing_velocity_mps(rel) > 0.0)) return Vec3::Zero();
  const Vec3 u = rel.r_TM_I / R;
  return pn_term(N_, rel) + 0.5 * N_ * perpendicular(a_T_estimate_mps2, u);
}

ZeroEffortMissGuidance::ZeroEffortMissGuidance(double navigation_ratio)
    : N_(checked_ratio(navigation_ratio, "zero-effort-miss guidance")) {}

Vec3 ZeroEffortMissGuidance::acceleration_command(const RelativeState& rel,
                                                  const Vec3& a_T_estimate_mps2) const {
  const double R = rel.r_TM_I.norm();
  const double t_go = time_to_go_s(rel);
  if (R == 0.0 || !(t_go > 0.0)) return Vec3::Zero();
  const Vec3 u = rel.r_TM_I / R;
  const Vec3 ZEM = rel.r_TM_I + rel.v_TM_I * t_go + 0.5 * a_T_estimate_mps2 * t_go * t_go;
  return N_ * perpendicular(ZEM, u) / (t_go * t_go);
}

std::shared_ptr<const GuidanceLaw> make_guidance_law(std::string_view name, double navigation_ratio) {
  if (name == "pn") return std::make_shared<ProportionalNavigation>(navigation_ratio);
  if (name == "apn") return std::make_shared<AugmentedProportionalNavigation>(navigation_ratio);
  if (name == "zem") return std::make_shared<ZeroEffortMissGuidance>(navigation_ratio);
  std::string message("unknown guidance law '");
  message.append(name).append("' (expected pn, apn or zem)");
  throw std::invalid_argument(message);
}

Vec3 saturate(const Vec3& a_c_mps2, double max_accel_mps2) {
  if (!(max_accel_mps2 >= 0.0)) {
    throw std::invalid_argument("saturate: maximum acceleration must be >= 0");
  }
  const double a = a_c_mps2.norm();
  return a > max_accel_mps2 ? Vec3(a_c_mps2 * (max_accel_mps2 / a)) : a_c_mps2;
}

}  // namespace rampart::engage
