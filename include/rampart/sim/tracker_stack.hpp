#pragma once
// The parts shared by every run that senses and tracks: the tracker
// composed from a TrackerConfig (filter, gate, associator, initiator,
// manager, impact predictor), one radar look at the live truths, and the
// radar coverage that tells the tracker which misses count.

#include <functional>
#include <memory>
#include <vector>

#include "rampart/core/random.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sense/rcs.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/truth.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/gating.hpp"
#include "rampart/track/impact_prediction.hpp"
#include "rampart/track/initiator.hpp"
#include "rampart/track/track_manager.hpp"
#include "rampart/track/tracker.hpp"

namespace rampart::sim {

// Random-stream entity ids: each sensor and each decision draws from a stream
// of its own, so adding a threat does not change another sensor's noise.
inline constexpr std::uint64_t kRadarStream = 1'000;
inline constexpr std::uint64_t kIrStream = 2'000;
inline constexpr std::uint64_t kLaunchAreaStream = 3'000;
inline constexpr std::uint64_t kInterceptStream = 1'000'000;
inline constexpr std::uint64_t kAssessmentStream = 2'000'000;

/// Look times of a radar: whole multiples of its revisit interval, so that
/// a run and its replay agree on when a sensor looked without being told.
std::vector<double> look_times(double interval_s, double t0_s, double t1_s);

/// A tracker built from its configuration (validated: std::invalid_argument
/// for an unknown filter, model or association). Owns its components.
class TrackerStack {
 public:
  TrackerStack(const TrackerConfig& config, const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere);
  TrackerStack(const TrackerStack&) = delete;
  TrackerStack& operator=(const TrackerStack&) = delete;

  track::Tracker& tracker() { return *tracker_; }
  const track::Tracker& tracker() const { return *tracker_; }
  const track::Filter& filter() const { return *filter_; }
  const track::ImpactPredictor& impact_predictor() const { return *impact_predictor_; }
  /// The part of a track state that impact prediction and path prediction
  /// take: [r; v] or [r; v; 1/beta] (other models' accelerations left out).
  track::GaussianState ballistic_part(const track::GaussianState& estimate) const;

 private:
  std::unique_ptr<track::Filter> filter_;
  std::unique_ptr<track::Gate> gate_;
  std::unique_ptr<track::Associator> associator_;
  std::unique_ptr<track::TwoPointInitiator> initiator_;
  std::unique_ptr<track::TrackManager> manager_;
  std::unique_ptr<track::Tracker> tracker_;
  std::unique_ptr<track::ImpactPredictor> impact_predictor_;
  int dimension_ = 6;
};

/// Radar cross-section models of the phases of flight.
struct RcsModels {
  explicit RcsModels(const RcsByPhase& config)
      : boost(config.boost), midcourse(config.midcourse), reentry(config.reentry), debris(config.debris) {}
  const sense::RcsModel& of(const TruthTrajectory& truth, FlightPhase phase) const;
  sense::RcsModel boost, midcourse, reentry, debris;
};

/// One look of `radar` at t_s: a detection of every truth present at t_s
/// (and for which `alive(index, t_s)` holds, if given) that the radar sees,
/// then its false alarms (with probability track interval / search frame, if
/// `false_alarms`), appended to `out` in truth order. Draws from `rng`.
void observe_look(const sense::Radar& radar, const earth::EarthModel& earth, const RcsModels& rcs, double t_s,
                  const std::vector<TruthTrajectory>& truths, const std::function<bool(std::size_t, double)>& alive,
                  bool false_alarms, RandomStream& rng, std::vector<sense::Detection>& out);

/// The tracker's coverage test for `radar`: in its coverage and with a fair
/// chance (Pd >= 1/2 for the reference object `rcs` at the track's aspect).
/// Keeps references to its arguments.
track::Coverage radar_coverage(const sense::Radar& radar, const sense::RcsModel& rcs, const earth::EarthModel& earth);

/// Rounds each detection's noise variances to what a CSV round trip gives
/// (sigma = sqrt(R), then R = sigma^2), so a replay is bit-identical.
void round_trip_noise(std::vector<sense::Detection>& detections);

}  // namespace rampart::sim
