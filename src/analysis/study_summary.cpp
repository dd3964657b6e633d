#include "rampart/analysis/study_summary.hpp"

#include <fmt/core.h>

#include <stdexcept>

namespace rampart::analysis {
namespace {

std::size_t count_zero_leakers(const std::vector<RunRecord>& records, std::size_t first_n) {
  std::size_t zero = 0;
  for (std::size_t i = 0; i < first_n; ++i) zero += records[i].leakers == 0 ? 1 : 0;
  return zero;
}

nlohmann::ordered_json estimate_json(const Estimate& e, const char* value_key) {
  nlohmann::ordered_json j;
  j[value_key] = e.value;
  j["ci95_low"] = e.low;
  j["ci95_high"] = e.high;
  return j;
}

std::string interval(const Estimate& e, int digits) {
  return fmt::format("{:.{}f}  [{:.{}f}, {:.{}f}]", e.value, digits, e.low, digits, e.high, digits);
}

}  // namespace

std::vector<std::uint64_t> convergence_checkpoints(std::uint64_t runs) {
  std::vector<std::uint64_t> points;
  for (std::uint64_t decade = 10;; decade *= 10) {
    for (std::uint64_t step : {1, 2, 5}) {
      const std::uint64_t n = decade * step;
      if (n >= runs) {
        points.push_back(runs);
        return points;
      }
      points.push_back(n);
    }
  }
}

StudySummary summarize_study(const std::vector<RunRecord>& records, const std::vector<std::string>& asset_names) {
  if (records.empty()) throw std::invalid_argument("summarize_study: no runs");
  StudySummary s;
  const std::size_t n = records.size();
  s.runs = n;
  s.p_zero_leakers = wilson_interval(count_zero_leakers(records, n), n);
  for (std::size_t a = 0; a < asset_names.size(); ++a) {
    std::size_t survived = 0;
    for (const auto& r : records) survived += (a >= r.asset_damage.size() || r.asset_damage[a] == 0.0) ? 1 : 0;
    s.assets.push_back({asset_names[a], wilson_interval(survived, n)});
  }
  std::vector<double> leakers, used;
  for (const auto& r : records) {
    leakers.push_back(r.leakers);
    used.push_back(r.interceptors_used);
  }
  s.expected_leakers = mean_interval(leakers);
  s.interceptors_used = mean_interval(used);
  s.interceptors_p5 = percentile(used, 0.05);
  s.interceptors_p50 = percentile(used, 0.50);
  s.interceptors_p95 = percentile(used, 0.95);
  for (std::uint64_t checkpoint : convergence_checkpoints(n)) {
    s.convergence.push_back({checkpoint, wilson_interval(count_zero_leakers(records, checkpoint), checkpoint)});
  }
  return s;
}

nlohmann::ordered_json study_summary_json(const StudyInfo& info, const StudySummary& s) {
  nlohmann::ordered_json j;
  j["scenario"] = info.scenario_path;
  j["scenario_hash"] = info.scenario_hash;
  j["program_version"] = info.program_version;
  j["seed"] = info.seed;
  j["runs"] = s.runs;
  j["p_zero_leakers"] = estimate_json(s.p_zero_leakers, "estimate");
  j["expected_leakers"] = estimate_json(s.expected_leakers, "mean");
  auto used = estimate_json(s.interceptors_used, "mean");
  used["p5"] = s.interceptors_p5;
  used["p50"] = s.interceptors_p50;
  used["p95"] = s.interceptors_p95;
  j["interceptors_used"] = used;
  j["assets"] = nlohmann::ordered_json::array();
  for (const auto& a : s.assets) {
    nlohmann::ordered_json asset;
    asset["name"] = a.asset;
    asset.update(estimate_json(a.p_survive, "p_survive"));
    j["assets"].push_back(asset);
  }
  j["convergence"] = nlohmann::ordered_json::array();
  for (const auto& c : s.convergence) {
    nlohmann::ordered_json point;
    point["runs"] = c.runs;
    point.update(estimate_json(c.p_zero_leakers, "p_zero_leakers"));
    j["convergence"].push_back(point);
  }
  return j;
}

std::string study_summary_table(const StudyInfo& info, const StudySummary& s) {
  std::string text = fmt::format("rampart mc {}: {} runs, seed {}\n", info.scenario_path, s.runs, info.seed);
  text += "  estimate, 95% confidence interval\n";
  text += fmt::format("  {:<34} {}\n", "P(no leaker)", interval(s.p_zero_leakers, 3));
  for (const auto& a : s.assets) {
    text += fmt::format("  {:<34} {}\n", "P(" + a.asset + " survives)", interval(a.p_survive, 3));
  }
  text += fmt::format("  {:<34} {}\n", "expected leakers", interval(s.expected_leakers, 2));
  text += fmt::format("  {:<34} {}   p5 {:g}, p50 {:g}, p95 {:g}\n", "interceptors used (mean)",
                      interval(s.interceptors_used, 2), s.interceptors_p5, s.interceptors_p50, s.interceptors_p95);
  text += "\n  convergence of P(no leaker)\n";
  for (const auto& c : s.convergence) {
    text += fmt::format("  {:>8} runs  {}\n", c.runs, interval(c.p_zero_leakers, 3));
  }
  return text;
}

}  // namespace rampart::analysis
