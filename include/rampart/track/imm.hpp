#pragma once
// Interacting multiple model filter (Blom & Bar-Shalom 1988; Bar-Shalom,
// Li & Kirubarajan 2001, 11.6): each cycle mixes the mode-conditioned
// estimates, runs one inner EKF or UKF per motion model, reweights the modes
// by their measurement likelihoods and combines them.
//
// Models of different dimension share components by a fixed rule: r_I, v_I
// (the first six) are always shared; the rest only between models of equal
// dimension (in rampart 7 always means kappa = 1/beta and 9 always means an
// acceleration). When mode i feeds mode j, j's components that i lacks keep
// j's own mean and variance, uncorrelated with the shared ones (so every
// mixed covariance is positive definite). The combined estimate is in the
// first model's space, its unshared components from the first mode alone.

#include <memory>
#include <string_view>
#include <vector>

#include "rampart/track/filter.hpp"
#include "rampart/track/motion_model.hpp"
#include "rampart/track/ukf.hpp"

namespace rampart::track {

enum class ImmInnerFilter { kEkf, kUkf };

/// One model of the set.
struct ImmMode {
  std::shared_ptr<const MotionModel> model;
  /// Mean time the target stays in this mode (s, > 0): over dt the mode is
  /// kept with probability exp(-dt/T) and left evenly for the others.
  double mean_sojourn_s = 30.0;
  /// Initial mode probability (> 0; normalised over the set).
  double initial_probability = 1.0;
  /// Mean and variance (size dimension - 6) of the components beyond r, v,
  /// used by initiate() where the first model does not supply them.
  StateVector extra_mean;
  StateVector extra_variance;
};

class ImmFilter final : public Filter {
 public:
  /// At least two modes. Throws std::invalid_argument for a null model, a
  /// bad sojourn time or probability, or extra mean/variance of the wrong
  /// size or with variances <= 0.
  ImmFilter(std::vector<ImmMode> modes, ImmInnerFilter inner = ImmInnerFilter::kEkf,
            const UkfParameters& ukf_parameters = {});

  std::string_view name() const override { return "imm"; }
  /// Mixing with the transition probabilities over the interval, then each
  /// mode predicted; mode_probabilities holds the predicted ones.
  TrackState predict(const TrackState& state, double t_s) const override;
  /// Moment-matched mixture of the modes' predictions: z_hat (azimuth
  /// averaged as offsets from the first mode's), S (without sensor noise,
  /// as for the EKF) and Pxz in the first model's space.
  MeasurementPrediction predict_measurement(const TrackState& predicted,
                                            const RadarMeasurementModel& measurement) const override;
  /// Every mode updated; probabilities times N(nu_j; 0, S_j + R); combined.
  TrackState update(const TrackState& predicted, const sense::Detection& detection,
                    const RadarMeasurementModel& measurement) const override;
  /// A Gaussian in the first model's space, padded for the others with their
  /// extra_mean / extra_variance; initial probabilities.
  TrackState initiate(const GaussianState& initial) const override;

  int mode_count() const { return static_cast<int>(modes_.size()); }
  const MotionModel& motion_model(int mode) const { return *modes_[mode].model; }

 private:
  GaussianState combine(const std::vector<GaussianState>& modes, const Eigen::VectorXd& probabilities) const;

  std::vector<ImmMode> modes_;
  std::vector<std::unique_ptr<Filter>> filters_;
};

}  // namespace rampart::track
