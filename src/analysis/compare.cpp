#include "rampart/analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace rampart::analysis {
namespace {

double mean_of(const std::vector<double>& sample) {
  return std::accumulate(sample.begin(), sample.end(), 0.0) / static_cast<double>(sample.size());
}

/// Unbiased sample variance (0 for one value).
double variance_of(const std::vector<double>& sample, double mean) {
  if (sample.size() < 2) return 0.0;
  double sum = 0.0;
  for (double x : sample) sum += (x - mean) * (x - mean);
  return sum / static_cast<double>(sample.size() - 1);
}

std::size_t count_zero_leakers(const std::vector<RunRecord>& records) {
  return static_cast<std::size_t>(
      std::count_if(records.begin(), records.end(), [](const RunRecord& r) { return r.leakers == 0; }));
}

std::vector<double> interceptors_used(const std::vector<RunRecord>& records) {
  std::vector<double> used;
  used.reserve(records.size());
  for (const auto& r : records) used.push_back(static_cast<double>(r.interceptors_used));
  return used;
}

}  // namespace

GeoBox union_box(const GeoBox& a, const GeoBox& b) {
  return {std::min(a.lat0_deg, b.lat0_deg), std::min(a.lon0_deg, b.lon0_deg), std::max(a.lat1_deg, b.lat1_deg),
          std::max(a.lon1_deg, b.lon1_deg)};
}

ProportionDifference newcombe_difference(std::size_t successes_a, std::size_t trials_a, std::size_t successes_b,
                                         std::size_t trials_b, double z) {
  // wilson_interval checks the counts.
  const Estimate a = wilson_interval(successes_a, trials_a, z);
  const Estimate b = wilson_interval(successes_b, trials_b, z);
  // Newcombe (1998) eq. for method 10, with p1 = p_b and p2 = p_a: each side
  // of the interval combines the distances from each proportion to the Wilson
  // limit on the side that moves the difference that way.
  ProportionDifference d;
  d.difference = b.value - a.value;
  d.low = d.difference - std::hypot(b.value - b.low, a.high - a.value);
  d.high = d.difference + std::hypot(b.high - b.value, a.value - a.low);
  d.significant = d.low > 0.0 || d.high < 0.0;
  return d;
}

Estimate welch_difference(const std::vector<double>& a, const std::vector<double>& b, double confidence) {
  if (a.empty() || b.empty()) throw std::invalid_argument("welch_difference: empty sample");
  const double mean_a = mean_of(a);
  const double mean_b = mean_of(b);
  const double diff = mean_b - mean_a;
  const double var_a = variance_of(a, mean_a) / static_cast<double>(a.size());
  const double var_b = variance_of(b, mean_b) / static_cast<double>(b.size());
  const double var = var_a + var_b;
  if (!(var > 0.0)) return {diff, diff, diff};
  // Welch-Satterthwaite degrees of freedom; a sample of one adds no degrees.
  double denominator = 0.0;
  if (a.size() > 1) denominator += var_a * var_a / static_cast<double>(a.size() - 1);
  if (b.size() > 1) denominator += var_b * var_b / static_cast<double>(b.size() - 1);
  const double df = std::max(1.0, var * var / denominator);
  const double t = student_t_quantile(0.5 + 0.5 * confidence, df);
  const double half = t * std::sqrt(var);
  return {diff, diff - half, diff + half};
}

std::string cell_change_name(CellChange change) {
  switch (change) {
    case CellChange::kGained: return "gained";
    case CellChange::kLost: return "lost";
    case CellChange::kBoth: return "both";
    case CellChange::kNeither: break;
  }
  return "neither";
}

std::vector<double> battery_areas_m2(const FootprintResult& result) {
  std::vector<double> areas;
  for (const auto& cell : result.cells) {
    if (areas.size() < cell.battery_shots.size()) areas.resize(cell.battery_shots.size(), 0.0);
    for (std::size_t b = 0; b < cell.battery_shots.size(); ++b) {
      if (cell.battery_shots[b] > 0) areas[b] += cell.area_m2;
    }
  }
  return areas;
}

FootprintComparison compare_footprints(const FootprintResult& a, const FootprintResult& b) {
  const auto& ga = a.grid;
  const auto& gb = b.grid;
  if (ga.step_deg != gb.step_deg || ga.box.lat0_deg != gb.box.lat0_deg || ga.box.lon0_deg != gb.box.lon0_deg ||
      ga.box.lat1_deg != gb.box.lat1_deg || ga.box.lon1_deg != gb.box.lon1_deg || a.cells.size() != b.cells.size()) {
    throw std::invalid_argument("compare_footprints: the footprints are on different grids");
  }
  FootprintComparison out;
  out.cells.reserve(a.cells.size());
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    const auto& ca = a.cells[i];
    const auto& cb = b.cells[i];
    CellDifference d;
    d.row = ca.row;
    d.column = ca.column;
    d.lat_deg = ca.lat_deg;
    d.lon_deg = ca.lon_deg;
    d.area_m2 = ca.area_m2;
    d.negation_a = ca.negation_probability;
    d.negation_b = cb.negation_probability;
    if (ca.engageable && cb.engageable) {
      d.change = CellChange::kBoth;
      out.kept_m2 += d.area_m2;
    } else if (cb.engageable) {
      d.change = CellChange::kGained;
      out.gained_m2 += d.area_m2;
    } else if (ca.engageable) {
      d.change = CellChange::kLost;
      out.lost_m2 += d.area_m2;
    }
    out.cells.push_back(d);
  }
  out.defended_area_a_m2 = a.defended_area_m2;
  out.defended_area_b_m2 = b.defended_area_m2;
  out.battery_area_a_m2 = battery_areas_m2(a);
  out.battery_area_b_m2 = battery_areas_m2(b);
  return out;
}

StudyComparison compare_studies(std::vector<RunRecord> a, const std::vector<std::string>& assets_a,
                                std::vector<RunRecord> b, const std::vector<std::string>& assets_b) {
  if (a.empty() || b.empty()) throw std::invalid_argument("compare_studies: a study without runs");
  const auto by_index = [](const RunRecord& x, const RunRecord& y) { return x.run_index < y.run_index; };
  std::sort(a.begin(), a.end(), by_index);
  std::sort(b.begin(), b.end(), by_index);
  StudyComparison out;
  out.a = summarize_study(a, assets_a);
  out.b = summarize_study(b, assets_b);
  out.zero_leaker_runs_a = count_zero_leakers(a);
  out.zero_leaker_runs_b = count_zero_leakers(b);
  out.p_zero_leakers = newcombe_difference(out.zero_leaker_runs_a, a.size(), out.zero_leaker_runs_b, b.size());
  out.interceptors_used = welch_difference(interceptors_used(a), interceptors_used(b));
  return out;
}

}  // namespace rampart::analysis
