#pragma once
// OSPA: the optimal sub-pattern assignment distance between two finite sets
// of points (Schuhmacher, Vo & Vo 2008), the multi-target miss distance.

#include <vector>

#include "rampart/core/vector.hpp"

namespace rampart::track {

/// Cut-off c (m, > 0: the distance charged per missing or extra point and
/// the most any pair is charged) and order p (>= 1).
struct OspaParameters {
  double cutoff_m = 1000.0;
  double order = 2.0;
};

/// The distance and its two components, with
/// distance^p = localisation^p + cardinality^p.
struct OspaResult {
  double distance_m = 0.0;
  double localisation_m = 0.0;
  double cardinality_m = 0.0;
};

/// OSPA between point sets X and Y (either may be empty; both empty gives 0).
/// For |X| = m <= n = |Y|: d = ((min_pi sum_i min(c, |x_i - y_pi(i)|)^p + c^p (n - m)) / n)^(1/p).
/// Throws std::invalid_argument for c <= 0 or p < 1.
OspaResult ospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, const OspaParameters& parameters);

}  // namespace rampart::track
