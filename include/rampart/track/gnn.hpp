#pragma once
// Global nearest neighbour: the one-to-one assignment of detections to tracks
// that minimises the summed negative log likelihood, solved optimally per
// cluster (Blackman & Popoli 1999, 6.4).

#include "rampart/track/association.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/gating.hpp"

namespace rampart::track {

/// Cost of assigning track i to detection j: d2_ij + ln|S_ij| (twice the
/// negative log likelihood less a constant); of leaving track i unassigned:
/// gamma + max_j ln|S_ij| over its gated detections (a detection on the gate's
/// edge). Pairs outside the gate are forbidden.
class GnnAssociator final : public Associator {
 public:
  /// Keeps references: `filter` and `gate` must outlive the associator.
  GnnAssociator(const Filter& filter, const Gate& gate) : filter_(filter), gate_(gate) {}

  std::string_view name() const override { return "gnn"; }
  Association associate(const std::vector<TrackState>& predicted, const std::vector<sense::Detection>& detections,
                        const RadarMeasurementModel& sensor, double t_s) const override;

 private:
  const Filter& filter_;
  const Gate& gate_;
};

}  // namespace rampart::track
