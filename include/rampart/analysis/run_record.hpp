#pragma once
// What a Monte Carlo study keeps of one engagement run: the row of the
// `runs` table, its per-asset damage and one row per interceptor fired
// (docs/formats.md, "Monte Carlo store"). Plain values, so that a row read
// back from the store compares equal to the row that was written.

#include <cstdint>
#include <string>
#include <vector>

#include "rampart/sim/world.hpp"

namespace rampart::analysis {

/// One interceptor fired in a run.
struct EngagementRecord {
  int interceptor = 0;          ///< number, from 1 in launch order
  std::string battery;
  std::string threat;           ///< the threat it homed on ("" if none)
  double launch_t_s = 0.0;
  double intercept_t_s = 0.0;   ///< closest approach
  double miss_m = 0.0;
  bool kill = false;

  bool operator==(const EngagementRecord&) const = default;
};

/// One run of a study.
struct RunRecord {
  std::uint64_t run_index = 0;
  std::uint64_t seed = 0;
  int leakers = 0;
  int threats_killed = 0;
  int interceptors_used = 0;
  std::vector<double> asset_damage;          ///< leakers that hit each defended asset, in scenario order
  std::vector<EngagementRecord> engagements; ///< in launch order

  bool operator==(const RunRecord&) const = default;
};

/// The seed of run `run_index` of the study seeded `study_seed`: the first
/// output of the study's random stream for that run (core/random.hpp), so it
/// depends on (study seed, run index) only, never on threads or order.
std::uint64_t run_seed(std::uint64_t study_seed, std::uint64_t run_index);

/// The record of a finished run.
RunRecord make_run_record(std::uint64_t run_index, const sim::RunResult& result);

/// FNV-1a 64-bit hash (Fowler, Noll & Vo) of `text`, as 16 lowercase hex digits.
std::string fnv1a64_hex(const std::string& text);

}  // namespace rampart::analysis
