// WTA exact: depth-first branch and bound over single rounds (docs/models.md,
// "Weapon-target assignment"). Rounds are placed type by type, strongest type
// first; rounds of one type are interchangeable, so they take non-decreasing
// target indices (no permutation is searched twice). A node is pruned when its
// lower bound (objective so far minus the relaxation's remaining gain) cannot
// beat the incumbent, which starts from the heuristic.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "rampart/engage/wta.hpp"
#include "wta_bound.hpp"

namespace rampart::engage {
namespace {

using Index = std::size_t;
using Clock = std::chrono::steady_clock;

// The search recurses once per round; beyond this many rounds it is not
// attempted (it could not finish anyway) and the stack stays small.
constexpr std::size_t kMaxRounds = 4096;

struct Child {
  int j;
  double bound;  // lower bound on F below this child
};

class Search {
 public:
  Search(const WtaProblem& problem, const WtaExactOptions& options, Clock::time_point deadline,
         const WtaSolution& incumbent)
      : problem_(problem),
        options_(options),
        deadline_(deadline),
        tolerance_(1e-12 * problem.total_value()),
        best_x_(incumbent.shots),
        best_F_(incumbent.expected_surviving_value) {
    const int m = problem.weapon_types();
    const int n = problem.targets();
    // Strongest type first: its decisions move F most, so bounds bite early.
    std::vector<int> order(static_cast<Index>(m));
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> strength(static_cast<Index>(m), 0.0);
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) {
        strength[static_cast<Index>(i)] =
            std::max(strength[static_cast<Index>(i)], problem.value(j) * problem.kill_probability(i, j));
      }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return strength[static_cast<Index>(a)] > strength[static_cast<Index>(b)]; });
    for (const int i : order) {
      for (int c = 0; c < problem.count(i); ++c) round_type_.push_back(i);
    }
    remaining_.resize(static_cast<Index>(m));
    for (int i = 0; i < m; ++i) remaining_[static_cast<Index>(i)] = problem.count(i);
    x_.assign(static_cast<Index>(m), std::vector<int>(static_cast<Index>(n), 0));
    S_.resize(static_cast<Index>(n));
    for (int j = 0; j < n; ++j) S_[static_cast<Index>(j)] = problem.value(j);
    children_.resize(round_type_.size());
  }

  /// Runs the search; the result's bound covers the nodes left open by a limit.
  WtaSolution run() {
    const double F0 = problem_.total_value();
    const double root_bound = F0 - detail::remaining_gain_bound(problem_, S_, remaining_, scratch_);
    if (round_type_.size() > kMaxRounds && root_bound < best_F_ - tolerance_) {
      stopped_ = true;  // too deep to search: the heuristic's answer and the root bound
      open_bound_ = root_bound;
    } else if (problem_.targets() > 0 && !round_type_.empty() && root_bound < best_F_ - tolerance_) {
      visit(0, 0, F0, root_bound);
    }
    WtaSolution solution;
    solution.shots = best_x_;
    solution.expected_surviving_value = expected_surviving_value(problem_, best_x_);
    solution.best_bound = std::max(0.0, std::min({open_bound_, solution.expected_surviving_value}));
    if (!stopped_) solution.best_bound = solution.expected_surviving_value;
    const double F = solution.expected_surviving_value;
    solution.proven_optimal = F - solution.best_bound <= tolerance_;
    solution.gap = F > 0.0 ? (F - solution.best_bound) / F : 0.0;
    solution.iterations = nodes_;
    return solution;
  }

 private:
  bool limit_reached() {
    if (options_.node_limit != 0 && nodes_ >= options_.node_limit) return true;
    return Clock::now() >= deadline_;
  }

  /// Places round u (and the ones after it); F is the current objective and
  /// `bound` this node's lower bound.
  void visit(Index u, int first_target, double F, double bound) {
    if (stopped_ || limit_reached()) {
      stopped_ = true;
      open_bound_ = std::min(open_bound_, bound);
      return;
    }
    ++nodes_;
    if (u == round_type_.size()) {
      if (F < best_F_) {
        best_F_ = F;
        best_x_ = x_;
      }
      return;
    }
    const int i = round_type_[u];
    const int n = problem_.targets();
    --remaining_[static_cast<Index>(i)];
    auto& children = children_[u];
    children.clear();
    for (int j = first_target; j < n; ++j) {
      const Index J = static_cast<Index>(j);
      const double p = problem_.kill_probability(i, j);
      const double S_j = S_[J];
      S_[J] = S_j * (1.0 - p);
      const double F_child = F - S_j * p;
      children.push_back({j, F_child - detail::remaining_gain_bound(problem_, S_, remaining_, scratch_)});
      S_[J] = S_j;
    }
    std::stable_sort(children.begin(), children.end(),
                     [](const Child& a, const Child& b) { return a.bound < b.bound; });
    const bool same_type_next = u + 1 < round_type_.size() && round_type_[u + 1] == i;
    for (const Child& child : children) {
      if (child.bound >= best_F_ - tolerance_) break;  // sorted: the rest cannot improve either
      if (stopped_) {
        open_bound_ = std::min(open_bound_, child.bound);
        continue;
      }
      const Index J = static_cast<Index>(child.j);
      const double p = problem_.kill_probability(i, child.j);
      const double S_j = S_[J];
      S_[J] = S_j * (1.0 - p);
      ++x_[static_cast<Index>(i)][J];
      visit(u + 1, same_type_next ? child.j : 0, F - S_j * p, child.bound);
      --x_[static_cast<Index>(i)][J];
      S_[J] = S_j;
    }
    ++remaining_[static_cast<Index>(i)];
  }

  const WtaProblem& problem_;
  const WtaExactOptions& options_;
  const Clock::time_point deadline_;
  const double tolerance_;
  std::vector<int> round_type_;  // the type of each round, in placement order
  std::vector<int> remaining_;   // rounds of each type not yet placed
  ShotMatrix x_;
  std::vector<double> S_;                     // surviving value of each target
  std::vector<std::vector<Child>> children_;  // per depth, reused
  std::vector<double> scratch_;
  ShotMatrix best_x_;
  double best_F_;
  double open_bound_ = std::numeric_limits<double>::infinity();
  bool stopped_ = false;
  std::uint64_t nodes_ = 0;
};

}  // namespace

WtaSolution solve_wta_exact(const WtaProblem& problem, const WtaExactOptions& options) {
  if (!(options.time_limit_s > 0.0)) throw std::invalid_argument("solve_wta_exact: time_limit_s must be > 0");
  // The limit covers the heuristic too (capped so that the sum cannot overflow).
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(std::min(options.time_limit_s, 1e7)));
  const WtaSolution incumbent = solve_wta_heuristic(problem);
  return Search(problem, options, deadline, incumbent).run();
}

}  // namespace rampart::engage
