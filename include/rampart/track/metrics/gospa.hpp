#pragma once
// GOSPA: the generalised OSPA metric with alpha = 2 (Rahmathullah,
// Garcia-Fernandez & Svensson 2017), which is not normalised by the set size
// and so splits into localisation, missed-target and false-target costs.

#include <vector>

#include "rampart/core/vector.hpp"

namespace rampart::track {

/// Cut-off c (m, > 0) and order p (>= 1); alpha is 2.
struct GospaParameters {
  double cutoff_m = 1000.0;
  double order = 2.0;
};

/// distance^p = localisation_cost + missed_cost + false_cost (each a p-th power, m^p).
struct GospaResult {
  double distance_m = 0.0;
  double localisation_cost = 0.0;  ///< sum of |x - y|^p over assigned pairs (each < c)
  double missed_cost = 0.0;        ///< c^p / 2 per unassigned truth
  double false_cost = 0.0;         ///< c^p / 2 per unassigned estimate
  int assigned = 0;
  int missed = 0;
  int false_targets = 0;
};

/// GOSPA between the truth set X and the estimate set Y (either may be empty):
/// d^p = min over assignments gamma of sum_{(i,j) in gamma} |x_i - y_j|^p + c^p/2 (|X| + |Y| - 2|gamma|),
/// pairs at distance >= c never assigned. Throws std::invalid_argument for c <= 0 or p < 1.
GospaResult gospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, const GospaParameters& parameters);

}  // namespace rampart::track
