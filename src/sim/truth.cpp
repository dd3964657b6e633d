#include "rampart/sim/truth.hpp"

#include <algorithm>
#include <stdexcept>

namespace rampart::sim {

TruthTrajectory::TruthTrajectory(sense::TruthId id, std::string name, const flight::FlightPath& path,
                                 double launch_time_s, const earth::EarthModel& earth, TruthKind kind)
    : TruthTrajectory(id, std::move(name), std::make_shared<const flight::FlightPath>(path), launch_time_s, earth,
                      kind) {}

TruthTrajectory::TruthTrajectory(sense::TruthId id, std::string name, std::shared_ptr<const flight::FlightPath> path,
                                 double launch_time_s, const earth::EarthModel& earth, TruthKind kind)
    : id_(id), name_(std::move(name)), path_(std::move(path)), launch_time_s_(launch_time_s), kind_(kind) {
  if (!path_) throw std::invalid_argument("TruthTrajectory: no flight");
  // r_I(L + t) = R_IE(L + t) r_E(t) and r_F(t) = R_IE(t) r_E(t), so r_I = R_IE(L + t) R_EI(t) r_F: a turn
  // about z by omega L whatever t, i.e. R_IE(L) R_EI(0).
  R_IF_ = earth.R_EI(launch_time_s).transpose() * earth.R_EI(0.0);
  if (path_->samples.size() < 2 || !path_->impact) {
    throw std::invalid_argument("TruthTrajectory: the flight needs samples and an impact");
  }
  const double span_s = path_->samples.back().t_s - path_->samples.front().t_s;
  samples_per_second_ = span_s > 0.0 ? static_cast<double>(path_->samples.size() - 1) / span_s : 0.0;
  burnout_time_s_ = launch_time_s_ + path_->burnout.t_s;
  impact_time_s_ = launch_time_s_ + path_->impact->t_s;
  reentry_start_s_ = launch_time_s_ + (path_->reentry_100km ? path_->reentry_100km->t_s : path_->impact->t_s);
}

std::optional<TruthState> TruthTrajectory::at(double t_s) const {
  const double t = t_s - launch_time_s_;
  const auto& samples = path_->samples;
  if (!(t >= samples.front().t_s && t <= samples.back().t_s)) return std::nullopt;  // (NaN too)
  // The sample interval holding t: the first sample later than t (as
  // std::upper_bound finds it), from a guess on the (nearly uniform) sample
  // grid and a short walk, instead of a binary search over the whole flight.
  const auto n = static_cast<std::ptrdiff_t>(samples.size());
  std::ptrdiff_t i = std::clamp(static_cast<std::ptrdiff_t>((t - samples.front().t_s) * samples_per_second_),
                                std::ptrdiff_t{0}, n - 1);
  if (samples[static_cast<std::size_t>(i)].t_s > t) {
    while (i > 0 && samples[static_cast<std::size_t>(i - 1)].t_s > t) --i;
  } else {
    while (i < n && samples[static_cast<std::size_t>(i)].t_s <= t) ++i;
  }
  auto upper = samples.begin() + (i == n ? n - 1 : i);
  if (upper == samples.begin()) upper = samples.begin() + 1;
  const auto lower = upper - 1;
  const double h = upper->t_s - lower->t_s;
  const double s = h > 0.0 ? (t - lower->t_s) / h : 0.0;
  // Cubic Hermite on position with the velocities as slopes; the velocity is
  // the interpolant's derivative. Error O(h^4 |r''''|): micrometres for 0.5 s
  // samples of a ballistic arc, centimetres through staging. Interpolated in
  // the frame the path was flown in, then turned (the turn is linear: two
  // rotations instead of four).
  const Vec3 r0 = flight::position(lower->y_I), r1 = flight::position(upper->y_I);
  const Vec3 v0 = flight::velocity(lower->y_I), v1 = flight::velocity(upper->y_I);
  const double s2 = s * s, s3 = s2 * s;
  const Vec3 r_F =
      (2 * s3 - 3 * s2 + 1) * r0 + (s3 - 2 * s2 + s) * h * v0 + (-2 * s3 + 3 * s2) * r1 + (s3 - s2) * h * v1;
  const Vec3 v_F = h > 0.0 ? Vec3(((6 * s2 - 6 * s) * r0 + (3 * s2 - 4 * s + 1) * h * v0 + (-6 * s2 + 6 * s) * r1 +
                                   (3 * s2 - 2 * s) * h * v1) / h)
                           : v0;
  const Vec3 r = R_IF_ * r_F;
  const Vec3 v = R_IF_ * v_F;
  const FlightPhase phase = t_s < burnout_time_s_    ? FlightPhase::kBoost
                            : t_s < reentry_start_s_ ? FlightPhase::kMidcourse
                                                     : FlightPhase::kReentry;
  return TruthState{r, v, phase};
}

}  // namespace rampart::sim
