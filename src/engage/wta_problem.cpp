// WtaProblem validation, the objective, the root bound and the auto rule.

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "rampart/engage/wta.hpp"
#include "wta_bound.hpp"

namespace rampart::engage {

WtaProblem::WtaProblem(std::vector<double> target_values, std::vector<int> weapon_counts,
                       std::vector<std::vector<double>> kill_probability)
    : values_(std::move(target_values)), counts_(std::move(weapon_counts)) {
  for (std::size_t j = 0; j < values_.size(); ++j) {
    // Written so that NaN fails too.
    if (!(values_[j] >= 0.0 && std::isfinite(values_[j]))) {
      throw std::invalid_argument("WtaProblem: target value " + std::to_string(j) + " must be finite and >= 0");
    }
  }
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] < 0) throw std::invalid_argument("WtaProblem: weapon count " + std::to_string(i) + " is negative");
  }
  if (kill_probability.size() != counts_.size()) {
    throw std::invalid_argument("WtaProblem: kill_probability needs one row per weapon type");
  }
  p_.reserve(counts_.size() * values_.size());
  for (std::size_t i = 0; i < kill_probability.size(); ++i) {
    if (kill_probability[i].size() != values_.size()) {
      throw std::invalid_argument("WtaProblem: kill_probability row " + std::to_string(i) +
                                  " needs one entry per target");
    }
    for (const double p : kill_probability[i]) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw std::invalid_argument("WtaProblem: kill probability in row " + std::to_string(i) + " outside [0, 1]");
      }
      p_.push_back(p);
    }
  }
}

double WtaProblem::total_value() const {
  double sum = 0.0;
  for (const double v : values_) sum += v;
  return sum;
}

int WtaProblem::total_rounds() const {
  int sum = 0;
  for (const int c : counts_) sum += c;
  return sum;
}

double expected_surviving_value(const WtaProblem& problem, const ShotMatrix& shots) {
  if (static_cast<int>(shots.size()) != problem.weapon_types()) {
    throw std::invalid_argument("expected_surviving_value: one row of shots per weapon type");
  }
  for (int i = 0; i < problem.weapon_types(); ++i) {
    const auto& row = shots[static_cast<std::size_t>(i)];
    if (static_cast<int>(row.size()) != problem.targets()) {
      throw std::invalid_argument("expected_surviving_value: one column of shots per target");
    }
    int fired = 0;
    for (const int x : row) {
      if (x < 0) throw std::invalid_argument("expected_surviving_value: negative shot count");
      fired += x;
    }
    if (fired > problem.count(i)) throw std::invalid_argument("expected_surviving_value: more rounds than available");
  }
  double F = 0.0;
  for (int j = 0; j < problem.targets(); ++j) {
    double survive = problem.value(j);
    for (int i = 0; i < problem.weapon_types(); ++i) {
      survive *= std::pow(1.0 - problem.kill_probability(i, j),
                          shots[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    }
    F += survive;
  }
  return F;
}

double wta_lower_bound(const WtaProblem& problem) {
  std::vector<double> S(static_cast<std::size_t>(problem.targets()));
  for (int j = 0; j < problem.targets(); ++j) S[static_cast<std::size_t>(j)] = problem.value(j);
  std::vector<int> remaining(static_cast<std::size_t>(problem.weapon_types()));
  for (int i = 0; i < problem.weapon_types(); ++i) remaining[static_cast<std::size_t>(i)] = problem.count(i);
  std::vector<double> scratch;
  const double total = problem.total_value();
  return std::max(0.0, total - detail::remaining_gain_bound(problem, S, remaining, scratch));
}

bool wta_auto_uses_exact(const WtaProblem& problem) {
  return static_cast<long long>(problem.total_rounds()) * problem.targets() <= 256;
}

WtaSolution solve_wta(const WtaProblem& problem, WtaMethod method, const WtaExactOptions& options) {
  const bool exact = method == WtaMethod::kExact || (method == WtaMethod::kAuto && wta_auto_uses_exact(problem));
  return exact ? solve_wta_exact(problem, options) : solve_wta_heuristic(problem);
}

namespace detail {

double remaining_gain_bound(const WtaProblem& problem, const std::vector<double>& S, const std::vector<int>& remaining,
                            std::vector<double>& scratch) {
  const int m = problem.weapon_types();
  const int n = problem.targets();
  // (a) Each round's gain is at most its best single gain now: the objective's
  // decrease is submodular in the set of (round, target) pairs.
  double singles = 0.0;
  int rounds = 0;
  scratch.assign(static_cast<std::size_t>(n), 0.0);  // best remaining p*_j
  for (int i = 0; i < m; ++i) {
    const int r = remaining[static_cast<std::size_t>(i)];
    if (r == 0) continue;
    rounds += r;
    double best = 0.0;
    for (int j = 0; j < n; ++j) {
      const double p = problem.kill_probability(i, j);
      best = std::max(best, S[static_cast<std::size_t>(j)] * p);
      scratch[static_cast<std::size_t>(j)] = std::max(scratch[static_cast<std::size_t>(j)], p);
    }
    singles += r * best;
  }
  if (rounds == 0 || n == 0) return 0.0;
  // (b) Every round replaced by the best remaining type against each target:
  // separable and concave per target, so the greedy is optimal for it.
  const std::size_t N = static_cast<std::size_t>(n);
  scratch.resize(2 * N);
  for (std::size_t j = 0; j < N; ++j) scratch[N + j] = S[j] * scratch[j];  // next gain at j
  double greedy = 0.0;
  for (int k = 0; k < rounds; ++k) {
    std::size_t best = 0;
    for (std::size_t j = 1; j < N; ++j) {
      if (scratch[N + j] > scratch[N + best]) best = j;
    }
    if (scratch[N + best] <= 0.0) break;
    greedy += scratch[N + best];
    scratch[N + best] *= 1.0 - scratch[best];
    if (greedy >= singles) break;  // (a) is already the smaller
  }
  return std::min(singles, greedy);
}

}  // namespace detail
}  // namespace rampart::engage
