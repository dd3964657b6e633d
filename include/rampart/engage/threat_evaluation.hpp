#pragma once
// Threat evaluation: which defended assets a tracked threat endangers, with
// what probability, value at risk and time to go, from the track's
// predicted impact point and its uncertainty (track::ImpactPrediction).
// docs/models.md, "Threat evaluation".

#include <string>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/track/impact_prediction.hpp"

namespace rampart::engage {

/// A defended asset: a point with a defended radius, or a polygon (then
/// `radius_m` is ignored). Value is in the analyst's own units (>= 0).
struct DefendedAsset {
  std::string name;
  earth::Geodetic point;                ///< the point (or, for a polygon, a representative point inside)
  double radius_m = 0.0;                ///< point assets: impact within this distance damages the asset
  std::vector<earth::Geodetic> polygon; ///< vertices in order, not closed (first != last); empty for a point
  double value = 1.0;
};

struct AssetThreat {
  int asset = 0;                  ///< index into the asset list
  double hit_probability = 0.0;   ///< P(impact inside the asset's area) under the predicted Gaussian
};

struct ThreatAssessment {
  std::vector<AssetThreat> threatened;  ///< assets with hit probability >= the threshold, by index
  double value_at_risk = 0.0;           ///< sum over threatened assets of hit probability x value
  double time_to_go_s = 0.0;            ///< predicted impact time minus the evaluation time
};

struct ThreatEvaluationOptions {
  double min_hit_probability = 0.01;  ///< assets below this are not counted as threatened, in (0, 1)
};

/// Integrates the impact point's 2-D Gaussian (mean prediction.impact_point,
/// east-north covariance prediction.P_en_m2) over each asset's area on the
/// local tangent plane at the impact point, by a fixed deterministic
/// quadrature (no random numbers). prediction.status must be kPredicted
/// (std::invalid_argument otherwise, and for options out of range, a
/// non-finite covariance or an invalid asset). A zero covariance gives 0 or 1.
ThreatAssessment evaluate_threat(const track::ImpactPrediction& prediction, double now_s,
                                 const std::vector<DefendedAsset>& assets, const earth::EarthModel& earth,
                                 const ThreatEvaluationOptions& options = {});

/// Throws std::invalid_argument for a negative or non-finite value or radius,
/// a polygon with fewer than 3 vertices, a point asset with radius 0, or
/// non-finite coordinates.
void validate(const DefendedAsset& asset);

}  // namespace rampart::engage
