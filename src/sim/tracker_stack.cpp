#include "rampart/sim/tracker_stack.hpp"

#include <cmath>
#include <limits>

#include "rampart/track/filter_factory.hpp"
#include "rampart/track/gnn.hpp"
#include "rampart/track/jpda.hpp"

namespace rampart::sim {

std::vector<double> look_times(double interval_s, double t0_s, double t1_s) {
  std::vector<double> times;
  const auto first = static_cast<long long>(std::ceil(t0_s / interval_s));
  for (long long k = first; k * interval_s <= t1_s; ++k) times.push_back(static_cast<double>(k) * interval_s);
  return times;
}

TrackerStack::TrackerStack(const TrackerConfig& config, const earth::EarthModel& earth,
                           const earth::Us76Atmosphere& atmosphere) {
  filter_ = track::make_filter(config.filter, config.model, earth, atmosphere, config.filter_settings);
  track::GateParameters gate_parameters;
  gate_parameters.probability = config.gate_probability;
  gate_ = std::make_unique<track::Gate>(earth, gate_parameters);
  if (config.association == "jpda") {
    associator_ = std::make_unique<track::JpdaAssociator>(*filter_, *gate_);
  } else if (config.association == "gnn") {
    associator_ = std::make_unique<track::GnnAssociator>(*filter_, *gate_);
  } else {
    throw std::invalid_argument("unknown association \"" + config.association + "\": expected gnn or jpda");
  }
  track::TwoPointInitiatorParameters initiator_parameters;
  initiator_parameters.max_speed_mps = config.initiator_max_speed_mps;
  const auto first_model = track::make_motion_model(config.model.substr(0, config.model.find('+')), earth, atmosphere,
                                                    config.filter_settings);
  dimension_ = first_model->dimension();
  const int extra = dimension_ - 6;
  initiator_parameters.extra_mean = track::StateVector::Zero(extra);
  initiator_parameters.extra_variance = track::StateVector::Zero(extra);
  if (extra == 1) {  // the reentry model's 1/beta
    initiator_parameters.extra_mean(0) = config.filter_settings.kappa_mean_m2pkg;
    initiator_parameters.extra_variance(0) = std::pow(config.filter_settings.kappa_sigma_m2pkg, 2);
  } else if (extra == 3) {  // an acceleration
    initiator_parameters.extra_variance.setConstant(std::pow(config.filter_settings.acceleration_sigma_mps2, 2));
  }
  initiator_ = std::make_unique<track::TwoPointInitiator>(earth, initiator_parameters);
  manager_ = std::make_unique<track::TrackManager>(config.manager);
  tracker_ = std::make_unique<track::Tracker>(*filter_, *associator_, *initiator_, *manager_);

  track::ImpactPredictionOptions impact_options;
  impact_options.nominal_inverse_beta_m2pkg = config.nominal_inverse_beta_m2pkg;
  // Each sigma point's flight to the ground to a few metres (the step's
  // local error is held to 1e-6 of |r|, 6 m, and the global error stays well
  // below that; tests/sim/world_test.cpp checks it against tight
  // tolerances): the track's own impact uncertainty is kilometres, and
  // planning repeats 2n + 1 of these flights per track.
  impact_options.relative_tolerance = 1e-6;
  impact_predictor_ = std::make_unique<track::ImpactPredictor>(earth, atmosphere, impact_options);
}

track::GaussianState TrackerStack::ballistic_part(const track::GaussianState& estimate) const {
  if (dimension_ == 6 || dimension_ == 7) return estimate;
  return track::GaussianState{estimate.t_s, estimate.x.head(6), estimate.P.topLeftCorner(6, 6)};
}

const sense::RcsModel& RcsModels::of(const TruthTrajectory& truth, FlightPhase phase) const {
  if (truth.kind() == TruthKind::kStageDebris) return debris;
  switch (phase) {
    case FlightPhase::kBoost: return boost;
    case FlightPhase::kMidcourse: return midcourse;
    case FlightPhase::kReentry: return reentry;
  }
  return reentry;
}

void observe_look(const sense::Radar& radar, const earth::EarthModel& earth, const RcsModels& rcs, double t_s,
                  const std::vector<TruthTrajectory>& truths, const std::function<bool(std::size_t, double)>& alive,
                  bool false_alarms, RandomStream& rng, std::vector<sense::Detection>& out) {
  // One rotation for the whole look (the same product as ecef_from_eci and
  // ecef_velocity_from_eci, without their trigonometry per object).
  const Mat3 R_EI = earth.R_EI(t_s);
  // Objects clearly beyond the radar's range are skipped with one distance
  // (the margin leaves the boundary to Radar::can_see).
  const double reach_m = radar.config().max_range_m * (1.0 + 1e-6);
  for (std::size_t i = 0; i < truths.size(); ++i) {
    const auto& truth = truths[i];
    if (alive && !alive(i, t_s)) continue;
    const auto state = truth.at(t_s);
    if (!state) continue;
    const Vec3 r_E = R_EI * state->r_I;
    if ((r_E - radar.site().r_E()).squaredNorm() > reach_m * reach_m) continue;
    // Radar::observe tests can_see itself (before any random draw): a second
    // full test here would cost more than the cross-section of an unseen object.
    const Vec3 v_E = R_EI * (state->v_I - earth.omega_I().cross(state->r_I));
    const double sigma = rcs.of(truth, state->phase).rcs_m2(v_E, r_E, radar.site().r_E());
    if (auto d = radar.observe(t_s, truth.id(), r_E, sigma, rng)) out.push_back(*d);
  }
  // Every target in the field of regard is revisited at the track revisit
  // interval; false alarms arrive at the search rate, spread over the looks.
  const double false_alarm_fraction = radar.track_revisit_interval_s() / radar.search_frame_time_s();
  if (false_alarms && rng.uniform() < false_alarm_fraction) {
    for (const auto& d : radar.false_alarms(t_s, rng)) out.push_back(d);
  }
}

track::Coverage radar_coverage(const sense::Radar& radar, const sense::RcsModel& rcs, const earth::EarthModel& earth) {
  // A look is evidence about a track only where the radar could have
  // detected it: in its coverage and with a fair chance. Otherwise a
  // long-range radar with a low Pd would delete good tracks by misses it was
  // never expected to turn into hits.
  // The tracker asks about all its tracks at the scan's time: the rotation
  // (a sincos) is kept for the last time asked. The state lives in the
  // closure, so each Coverage (one per run and radar) has its own.
  struct LastRotation {
    double t_s = std::numeric_limits<double>::quiet_NaN();
    Mat3 R_EI = Mat3::Identity();
  };
  return [&radar, &rcs, &earth, last = LastRotation{}](const track::GaussianState& s) mutable {
    if (!(s.t_s == last.t_s)) last = LastRotation{s.t_s, earth.R_EI(s.t_s)};
    const Mat3& R_EI = last.R_EI;  // one rotation for both (as ecef_from_eci, ecef_velocity_from_eci)
    const Vec3 r_E = R_EI * s.x.head<3>();
    if (!radar.can_see(r_E)) return false;
    const Vec3 v_E = R_EI * (s.x.segment<3>(3) - earth.omega_I().cross(s.x.head<3>()));
    const double sigma = rcs.rcs_m2(v_E, r_E, radar.site().r_E());
    return radar.detection_probability(radar.snr((r_E - radar.site().r_E()).norm(), sigma)) >= 0.5;
  };
}

void round_trip_noise(std::vector<sense::Detection>& detections) {
  // sqrt(s^2) == s exactly in IEEE arithmetic, so the recorded sigma read
  // back gives these variances bit for bit.
  for (auto& d : detections) {
    for (int k = 0; k < 3; ++k) {
      const double sigma = std::sqrt(d.R(k, k));
      d.R(k, k) = sigma * sigma;
    }
  }
}

}  // namespace rampart::sim
