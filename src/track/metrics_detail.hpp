#pragma once
// Private to the metrics: the shared optimal assignment (assignment.hpp)
// as a plain column index per row, for finite cost matrices.

#include <vector>

#include "rampart/track/assignment.hpp"

namespace rampart::track::detail {

/// Column of each row, -1 where a row stays unassigned (rows > columns).
/// Finite costs always admit an assignment of min(rows, cols) pairs.
inline std::vector<int> assigned_columns(const Eigen::MatrixXd& cost) {
  std::vector<int> column(static_cast<std::size_t>(cost.rows()), -1);
  const std::optional<Assignment> assignment = solve_assignment(cost);
  if (!assignment) return column;
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (assignment->column_of_row[i]) column[i] = static_cast<int>(*assignment->column_of_row[i]);
  }
  return column;
}

}  // namespace rampart::track::detail
