#pragma once
// The static weapon-target assignment (WTA) problem (Manne 1958; Ahuja et al.
// 2007): weapon types i with c_i rounds each, targets j with values V_j, and
// single-shot kill probabilities p_ij. x_ij rounds of type i at target j
// leave the expected surviving value
//     F(x) = sum_j V_j prod_i (1 - p_ij)^x_ij,
// to be minimised subject to sum_j x_ij <= c_i (docs/models.md,
// "Weapon-target assignment").

#include <cstdint>
#include <vector>

namespace rampart::engage {

/// One WTA instance, validated at construction and immutable.
class WtaProblem {
 public:
  /// target_values V_j >= 0 (finite); weapon_counts c_i >= 0; kill_probability
  /// [i][j] in [0, 1], one row per weapon type and one column per target.
  /// Throws std::invalid_argument for a negative or non-finite value, a negative
  /// count, a probability outside [0, 1] (or NaN) or a row of the wrong length.
  WtaProblem(std::vector<double> target_values, std::vector<int> weapon_counts,
             std::vector<std::vector<double>> kill_probability);

  int weapon_types() const { return static_cast<int>(counts_.size()); }
  int targets() const { return static_cast<int>(values_.size()); }
  /// V_j, c_i and p_ij (indices unchecked, 0-based).
  double value(int j) const { return values_[static_cast<std::size_t>(j)]; }
  int count(int i) const { return counts_[static_cast<std::size_t>(i)]; }
  double kill_probability(int i, int j) const { return p_[static_cast<std::size_t>(i * targets() + j)]; }
  /// sum_j V_j: the surviving value when nothing is fired.
  double total_value() const;
  /// sum_i c_i: the rounds available.
  int total_rounds() const;

 private:
  std::vector<double> values_;
  std::vector<int> counts_;
  std::vector<double> p_;  // row-major, weapon types x targets
};

/// shots[i][j] = x_ij, rounds of weapon type i fired at target j.
using ShotMatrix = std::vector<std::vector<int>>;

/// The expected surviving value F(x) of an assignment. Throws
/// std::invalid_argument if `shots` is not types x targets, has a negative
/// entry or fires more rounds of a type than it has.
double expected_surviving_value(const WtaProblem& problem, const ShotMatrix& shots);

/// A solver's answer. The objective is minimised, so best_bound is a LOWER
/// bound on the optimal expected surviving value: best_bound <= optimum <=
/// expected_surviving_value.
struct WtaSolution {
  ShotMatrix shots;                       ///< x_ij; every round is fired
  double expected_surviving_value = 0.0;  ///< F(x), same units as the values
  bool proven_optimal = false;            ///< F(x) = optimum within 1e-12 of total value
  double best_bound = 0.0;                ///< lower bound on the optimum
  double gap = 0.0;                       ///< (F(x) - best_bound) / F(x); 0 when F(x) = 0
  std::uint64_t iterations = 0;           ///< exact: branch-and-bound nodes; heuristic: improving moves
};

/// Maximum marginal return (den Broeder et al. 1959) followed by local search
/// (move one round, swap two rounds of different types between targets) until
/// no move improves. best_bound is the relaxation bound at the root.
WtaSolution solve_wta_heuristic(const WtaProblem& problem);

struct WtaExactOptions {
  double time_limit_s = 10.0;    ///< wall-clock limit (> 0); the only non-deterministic input
  std::uint64_t node_limit = 0;  ///< stop after this many nodes (0: no limit); deterministic
};

/// Depth-first branch and bound over rounds, with the heuristic's incumbent and
/// the relaxation bound of docs/models.md. When a limit stops it, returns the
/// best assignment found with proven_optimal = false and the bound of the open
/// nodes. Beyond 4096 rounds no search is made: the heuristic's answer with the
/// root bound. Throws std::invalid_argument for time_limit_s <= 0 (or NaN).
WtaSolution solve_wta_exact(const WtaProblem& problem, const WtaExactOptions& options = {});

/// A lower bound on the optimal expected surviving value (the relaxation used
/// by the exact solver, at the root).
double wta_lower_bound(const WtaProblem& problem);

enum class WtaMethod { kExact, kHeuristic, kAuto };

/// kAuto uses exact when wta_auto_uses_exact(problem), else the heuristic.
WtaSolution solve_wta(const WtaProblem& problem, WtaMethod method, const WtaExactOptions& options = {});

/// The auto rule: exact when total_rounds() * targets() <= 256 (up to 16 x 16
/// with one round per type the exact search typically closes in milliseconds;
/// at 20 x 20 it takes about a second: bench/engage_bench.cpp).
bool wta_auto_uses_exact(const WtaProblem& problem);

}  // namespace rampart::engage
