#pragma once
// The relaxation bound shared by the WTA solvers (docs/models.md,
// "Weapon-target assignment"): an upper bound on the decrease of expected
// surviving value that the remaining rounds can still bring.

#include <vector>

#include "rampart/engage/wta.hpp"

namespace rampart::engage::detail {

/// Upper bound on the gain of `remaining[i]` more rounds of each type when
/// target j's surviving value is S[j]: the smaller of (a) the sum of each
/// round's best single gain (submodularity) and (b) the optimum, by greedy, of
/// the separable problem in which every round is as good as the best
/// remaining type against each target. `scratch` is resized and reused.
double remaining_gain_bound(const WtaProblem& problem, const std::vector<double>& S, const std::vector<int>& remaining,
                            std::vector<double>& scratch);

}  // namespace rampart::engage::detail
