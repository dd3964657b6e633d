#include "rampart/track/metrics/ospa.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "metrics_detail.hpp"

namespace rampart::track {

OspaResult ospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, const OspaParameters& parameters) {
  const double c = parameters.cutoff_m;
  const double p = parameters.order;
  if (!(c > 0.0) || std::isinf(c) || !(p >= 1.0) || std::isinf(p)) {
    throw std::invalid_argument("ospa: need a finite cut-off > 0 and a finite order >= 1");
  }
  // The metric is symmetric: let X be the smaller set.
  const bool swap = X.size() > Y.size();
  const std::vector<Vec3>& small = swap ? Y : X;
  const std::vector<Vec3>& large = swap ? X : Y;
  const int m = static_cast<int>(small.size());
  const int n = static_cast<int>(large.size());
  OspaResult result;
  if (n == 0) return result;

  Eigen::MatrixXd cost(m, n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) cost(i, j) = std::pow(std::min(c, (small[i] - large[j]).norm()), p);
  }
  double localisation = 0.0;
  // Finite costs: an assignment of min(m, n) pairs always exists.
  const std::vector<int> column = detail::assigned_columns(cost);
  for (int i = 0; i < m; ++i) localisation += cost(i, column[i]);
  const double cardinality = std::pow(c, p) * (n - m);
  result.distance_m = std::pow((localisation + cardinality) / n, 1.0 / p);
  result.localisation_m = std::pow(localisation / n, 1.0 / p);
  result.cardinality_m = std::pow(cardinality / n, 1.0 / p);
  return result;
}

}  // namespace rampart::track
