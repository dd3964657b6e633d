#include "rampart/analysis/run_record.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "rampart/core/random.hpp"

namespace rampart::analysis {

std::uint64_t run_seed(std::uint64_t study_seed, std::uint64_t run_index) {
  return RandomStream(study_seed, run_index).next_u64();
}

RunRecord make_run_record(std::uint64_t run_index, const sim::RunResult& result) {
  RunRecord record;
  record.run_index = run_index;
  record.seed = result.seed;
  record.leakers = result.leakers;
  record.interceptors_used = result.interceptors_used;
  for (const auto& threat : result.threats) {
    record.threats_killed += threat.result == sim::ThreatResult::kKilled ? 1 : 0;
  }
  record.asset_damage = result.asset_damage;
  for (const auto& trace : result.interceptors) {
    record.engagements.push_back({trace.number, trace.battery, trace.target, trace.launch_time_s, trace.end_time_s,
                                  trace.miss_distance_m, trace.kill});
  }
  // The run lists interceptors as their flights end; the store keeps launch order.
  std::sort(record.engagements.begin(), record.engagements.end(),
            [](const EngagementRecord& a, const EngagementRecord& b) { return a.interceptor < b.interceptor; });
  return record;
}

std::string fnv1a64_hex(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // offset basis
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace rampart::analysis
