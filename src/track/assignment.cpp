#include "rampart/track/assignment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace rampart::track {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Rows <= columns. Each row in turn is joined to the assignment by a shortest
// augmenting path in reduced costs (Dijkstra over columns); the dual
// potentials u, v keep every reduced cost c - u - v non-negative, which makes
// the result optimal (Jonker & Volgenant 1987; Crouse 2016, IEEE TAES 52(4)).
std::optional<std::vector<std::ptrdiff_t>> assign_rows(const Eigen::MatrixXd& C) {
  const Eigen::Index n = C.rows(), m = C.cols();
  std::vector<double> u(n, 0.0), v(m, 0.0), shortest(m);
  std::vector<std::ptrdiff_t> col4row(n, -1), row4col(m, -1), path(m, -1);
  std::vector<char> row_seen(n), col_seen(m);

  for (Eigen::Index current = 0; current < n; ++current) {
    std::fill(shortest.begin(), shortest.end(), kInf);
    std::fill(row_seen.begin(), row_seen.end(), 0);
    std::fill(col_seen.begin(), col_seen.end(), 0);
    double min_value = 0.0;
    Eigen::Index i = current;
    std::ptrdiff_t sink = -1;
    while (sink < 0) {
      row_seen[i] = 1;
      double lowest = kInf;
      std::ptrdiff_t lowest_col = -1;
      for (Eigen::Index j = 0; j < m; ++j) {
        if (col_seen[j]) continue;
        const double reduced = min_value + C(i, j) - u[i] - v[j];
        if (reduced < shortest[j]) {
          path[j] = i;
          shortest[j] = reduced;
        }
        // Ties go to a free column: it ends the search sooner.
        if (shortest[j] < lowest || (shortest[j] == lowest && row4col[j] < 0)) {
          lowest = shortest[j];
          lowest_col = j;
        }
      }
      if (lowest_col < 0 || lowest == kInf) return std::nullopt;  // every reachable column is forbidden
      min_value = lowest;
      col_seen[lowest_col] = 1;
      if (row4col[lowest_col] < 0) {
        sink = lowest_col;
      } else {
        i = row4col[lowest_col];
      }
    }
    u[current] += min_value;
    for (Eigen::Index r = 0; r < n; ++r) {
      if (row_seen[r] && r != current) u[r] += min_value - shortest[col4row[r]];
    }
    for (Eigen::Index j = 0; j < m; ++j) {
      if (col_seen[j]) v[j] -= min_value - shortest[j];
    }
    for (std::ptrdiff_t j = sink;;) {  // flip the path's edges
      const std::ptrdiff_t r = path[j];
      row4col[j] = r;
      std::swap(col4row[r], j);
      if (r == current) break;
    }
  }
  return col4row;
}

}  // namespace

std::optional<Assignment> solve_assignment(const Eigen::MatrixXd& cost) {
  for (Eigen::Index k = 0; k < cost.size(); ++k) {
    const double c = cost.data()[k];
    if (std::isnan(c) || c == -kInf) throw std::invalid_argument("solve_assignment: cost entries must not be NaN or -infinity");
  }
  Assignment result;
  result.column_of_row.resize(cost.rows());
  if (cost.rows() == 0 || cost.cols() == 0) return result;

  const bool transposed = cost.rows() > cost.cols();
  const Eigen::MatrixXd C = transposed ? Eigen::MatrixXd(cost.transpose()) : cost;
  const auto col4row = assign_rows(C);
  if (!col4row) return std::nullopt;
  for (std::size_t r = 0; r < col4row->size(); ++r) {
    const auto c = static_cast<std::size_t>((*col4row)[r]);
    const std::size_t row = transposed ? c : r, column = transposed ? r : c;
    result.column_of_row[row] = column;
    result.cost += cost(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column));
  }
  return result;
}

}  // namespace rampart::track
