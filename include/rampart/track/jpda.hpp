#pragma once
// Joint probabilistic data association (Fortmann, Bar-Shalom & Scheffe 1983;
// Bar-Shalom, Willett & Tian 2011, ch. 6): every validated detection updates
// every track in whose gate it lies, weighted by the posterior probability of
// that association over the feasible joint events of the track's cluster.

#include <cstddef>
#include <vector>

#include "rampart/track/association.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/gating.hpp"

namespace rampart::track {

struct JpdaParameters {
  double detection_probability = 0.9;  ///< Pd in (0, 1]
  /// Spatial density of false alarms in measurement space, per m rad^2 (> 0);
  /// the default is one false alarm a scan over 500 km x 360 deg x 60 deg.
  double clutter_density = 3e-7;
  /// Joint events of a cluster enumerated exactly up to this many (>= 1); a
  /// larger cluster falls back to Fitzgerald's "cheap JPDA".
  std::size_t max_joint_events = 20000;
};

/// Association probabilities of one cluster.
struct ClusterWeights {
  std::vector<double> beta;       ///< per pair of the cluster (Cluster::pairs order)
  std::vector<double> beta_none;  ///< per track of the cluster: no detection is the target's
  bool exact = true;              ///< false when the cheap approximation was used
};

/// The marginal association probabilities of `cluster` of `scan`. With Pd,
/// lambda and the gate probability Pg, a joint event weighs
/// prod_assigned Pd N(nu; 0, S) / lambda * prod_missed (1 - Pd Pg).
ClusterWeights association_weights(const GatedScan& scan, const Cluster& cluster, const JpdaParameters& parameters,
                                   double gate_probability);

/// The moment-matched mixture of `states` with `weights` (non-negative, summing
/// to 1): mean and covariance of the mixture (and per mode, for IMM states
/// with equal mode counts). Throws std::invalid_argument on size mismatch.
TrackState mix(const std::vector<TrackState>& states, const std::vector<double>& weights);

class JpdaAssociator final : public Associator {
 public:
  /// Keeps references to `filter` and `gate`. Throws std::invalid_argument
  /// for Pd outside (0, 1], a non-positive clutter density or a zero cap.
  JpdaAssociator(const Filter& filter, const Gate& gate, const JpdaParameters& parameters = {});

  std::string_view name() const override { return "jpda"; }
  /// Each gated track's update is the beta-weighted mixture of the filter's
  /// single-detection updates and its prediction; for a Kalman update with a
  /// common R this is the PDA update x + K sum(beta_i nu_i) and its covariance.
  Association associate(const std::vector<TrackState>& predicted, const std::vector<sense::Detection>& detections,
                        const RadarMeasurementModel& sensor, double t_s) const override;

 private:
  const Filter& filter_;
  const Gate& gate_;
  JpdaParameters parameters_;
};

}  // namespace rampart::track
