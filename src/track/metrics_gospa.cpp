#include "rampart/track/metrics/gospa.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "metrics_detail.hpp"

namespace rampart::track {

GospaResult gospa(const std::vector<Vec3>& X, const std::vector<Vec3>& Y, const GospaParameters& parameters) {
  const double c = parameters.cutoff_m;
  const double p = parameters.order;
  if (!(c > 0.0) || std::isinf(c) || !(p >= 1.0) || std::isinf(p)) {
    throw std::invalid_argument("gospa: need a finite cut-off > 0 and a finite order >= 1");
  }
  const int m = static_cast<int>(X.size());
  const int n = static_cast<int>(Y.size());
  const double c_p = std::pow(c, p);
  // A pair at distance >= c costs as much unassigned (c^p/2 missed + c^p/2
  // false) as assigned at the cut-off, so the optimal assignment of
  // min(m, n) pairs on min(d, c)^p gives the optimal gamma once those pairs
  // are dropped (as in Rahmathullah et al. 2017).
  GospaResult result;
  if (m > 0 && n > 0) {
    Eigen::MatrixXd cost(m, n);
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) cost(i, j) = std::pow(std::min(c, (X[i] - Y[j]).norm()), p);
    }
    // Finite costs: an assignment of min(m, n) pairs always exists.
  const std::vector<int> column = detail::assigned_columns(cost);
    for (int i = 0; i < m; ++i) {
      if (column[i] < 0 || (X[i] - Y[column[i]]).norm() >= c) continue;
      result.localisation_cost += cost(i, column[i]);
      ++result.assigned;
    }
  }
  result.missed = m - result.assigned;
  result.false_targets = n - result.assigned;
  result.missed_cost = 0.5 * c_p * result.missed;
  result.false_cost = 0.5 * c_p * result.false_targets;
  result.distance_m = std::pow(result.localisation_cost + result.missed_cost + result.false_cost, 1.0 / p);
  return result;
}

}  // namespace rampart::track
