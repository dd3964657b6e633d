#pragma once
// The aggregates of a finished study, computed from its stored rows in run
// order (so the same whatever the threads or interruptions): probability of
// no leaker and of each asset surviving (Wilson 95% intervals), expected
// leakers and interceptors used (t intervals, percentiles), and how the
// probability of no leaker converges as runs accumulate.
// docs/models.md, "Monte Carlo statistics"; summary.json in docs/formats.md.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/statistics.hpp"

namespace rampart::analysis {

struct AssetSurvival {
  std::string asset;
  Estimate p_survive;   ///< fraction of runs in which no leaker hit it
};

struct ConvergencePoint {
  std::uint64_t runs = 0;
  Estimate p_zero_leakers;
};

struct StudySummary {
  std::uint64_t runs = 0;
  Estimate p_zero_leakers;
  std::vector<AssetSurvival> assets;
  Estimate expected_leakers;
  Estimate interceptors_used;   ///< mean and its interval
  double interceptors_p5 = 0.0, interceptors_p50 = 0.0, interceptors_p95 = 0.0;
  std::vector<ConvergencePoint> convergence;
};

/// The run counts at which convergence is reported: 10, 20, 50, 100, 200,
/// 500, ... below `runs`, then `runs` itself.
std::vector<std::uint64_t> convergence_checkpoints(std::uint64_t runs);

/// The aggregates of `records` (in run order, not empty) of a study whose
/// defended assets are `asset_names`.
StudySummary summarize_study(const std::vector<RunRecord>& records, const std::vector<std::string>& asset_names);

/// summary.json: the study's identity (scenario, hash, seed, runs, version) and its aggregates.
nlohmann::ordered_json study_summary_json(const StudyInfo& info, const StudySummary& summary);

/// The aggregates as the table `rampart mc` prints.
std::string study_summary_table(const StudyInfo& info, const StudySummary& summary);

}  // namespace rampart::analysis
