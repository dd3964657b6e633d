#pragma once
// The linear (rectangular) assignment problem solved optimally: the shortest
// augmenting path form of the Hungarian method (Kuhn 1955; Munkres 1957;
// Jonker & Volgenant 1987), O(n^2 m) for n <= m.

#include <cstddef>
#include <optional>
#include <vector>

#include <Eigen/Dense>

namespace rampart::track {

struct Assignment {
  /// Per row, the assigned column, or empty (only possible when rows > columns).
  std::vector<std::optional<std::size_t>> column_of_row;
  double cost = 0.0;
};

/// The assignment of least total cost that assigns min(rows, columns) pairs;
/// +infinity marks a forbidden pair. Empty when no such assignment avoids the
/// forbidden pairs. Throws std::invalid_argument for NaN or -infinity entries.
std::optional<Assignment> solve_assignment(const Eigen::MatrixXd& cost);

}  // namespace rampart::track
