// A Monte Carlo study in the report: the aggregates of summary.json with
// their 95% intervals, then, from the result store (analysis::ResultStore,
// the runs the summary counts, in run order): histograms of leakers and of
// interceptors used per run, each battery's shots and kills, and the
// running estimate of P(no leaker) with its Wilson 95% band as runs
// accumulate (docs/models.md, "Monte Carlo statistics"). Reading 10,000 runs
// takes a fraction of a second; the page draws ~500 points of the curve
// (log-spaced) however many runs there are.

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/statistics.hpp"
#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

namespace fs = std::filesystem;

std::string interval_row(const std::string& what, const nlohmann::json& e, const char* value_key) {
  return fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                     escape(what), number(e.value(value_key, nlohmann::json()), 4),
                     number(e.value("ci95_low", nlohmann::json()), 4), number(e.value("ci95_high", nlohmann::json()), 4));
}

std::string aggregates_table(const nlohmann::json& s) {
  std::string html = "<table class=\"aggregates\" id=\"study-aggregates\">\n<tr><th>estimate</th><th>value</th>"
                     "<th>95% low</th><th>95% high</th></tr>\n";
  if (s.contains("p_zero_leakers")) html += interval_row("P(no leaker)", s["p_zero_leakers"], "estimate");
  if (s.contains("expected_leakers")) html += interval_row("leakers per run (mean)", s["expected_leakers"], "mean");
  if (s.contains("interceptors_used")) html += interval_row("interceptors used per run (mean)", s["interceptors_used"], "mean");
  for (const auto& a : s.value("assets", nlohmann::json::array())) {
    html += interval_row("P(" + a.value("name", "") + " survives)", a, "p_survive");
  }
  html += "</table>\n";
  if (s.contains("interceptors_used")) {
    const auto& u = s["interceptors_used"];
    html += fmt::format("<p>Interceptors used per run: 5th percentile {}, median {}, 95th percentile {}.</p>\n",
                        number(u.value("p5", nlohmann::json()), 1), number(u.value("p50", nlohmann::json()), 1),
                        number(u.value("p95", nlohmann::json()), 1));
  }
  return html;
}

/// A bar chart of how many runs had each value (0, 1, 2, ...).
std::string histogram(const std::string& id, const std::vector<int>& values, const std::string& x_title) {
  std::map<int, std::size_t> counts;
  for (const int v : values) ++counts[v];
  const int lo = std::min(0, counts.begin()->first), hi = counts.rbegin()->first;
  std::size_t most = 0;
  for (const auto& [v, c] : counts) most = std::max(most, c);
  Chart chart;
  chart.x0 = lo - 0.5;
  chart.x1 = hi + 0.5;
  chart.y1 = nice_ceiling(static_cast<double>(most) * 1.05);
  chart.width = 360;
  chart.integer_x = true;
  chart.height = 220;
  std::string svg = fmt::format(
      "<svg class=\"chart histogram\" id=\"{0}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{1:.0f}\" "
      "height=\"{2:.0f}\" viewBox=\"0 0 {1:.0f} {2:.0f}\" role=\"img\" data-runs=\"{3}\">\n<title>{4}</title>\n",
      id, chart.svg_width(), chart.svg_height(), values.size(), escape(x_title));
  svg += chart.axes(x_title, "runs");
  const double bar = std::max(1.0, chart.px(1) - chart.px(0)) * 0.8;
  for (const auto& [v, c] : counts) {
    const double top = chart.py(static_cast<double>(c));
    svg += fmt::format(
        "<rect class=\"hist-bar\" data-value=\"{0}\" data-count=\"{1}\" x=\"{2:.1f}\" y=\"{3:.1f}\" width=\"{4:.1f}\" "
        "height=\"{5:.1f}\"><title>{0}: {1} runs ({6:.1f}%)</title></rect>\n",
        v, c, chart.px(v) - bar / 2, top, bar, chart.py(0) - top,
        100.0 * static_cast<double>(c) / static_cast<double>(values.size()));
  }
  svg += "</svg>\n";
  return svg;
}

/// P(no leaker) over the first n runs, n = 1 ... N, with its Wilson band.
std::string convergence_chart(const std::vector<int>& leakers, const nlohmann::json& checkpoints) {
  const std::size_t n = leakers.size();
  // About 500 points, evenly spread on the log scale (every run at first).
  std::vector<std::size_t> at;
  for (double k = 1; k <= static_cast<double>(n); k = std::max(k + 1, k * 1.015)) {
    at.push_back(static_cast<std::size_t>(k));
  }
  if (at.back() != n) at.push_back(n);
  // Runs on a log scale: the estimate moves most over the first runs.
  Chart chart;
  chart.log_x = n >= 20;
  chart.x0 = chart.log_x ? 1.0 : 0.0;
  chart.x1 = std::max<double>(2.0, static_cast<double>(n));
  chart.height = 260;
  std::string estimate, upper, lower;
  std::size_t zero = 0, next = 0;
  for (std::size_t k = 1; k <= n; ++k) {
    zero += leakers[k - 1] == 0 ? 1 : 0;
    if (next >= at.size() || at[next] != k) continue;
    ++next;
    const auto e = analysis::wilson_interval(zero, k);
    const double x = chart.px(static_cast<double>(k));
    estimate += fmt::format("{}{:.1f} {:.1f}", estimate.empty() ? "M" : " L", x, chart.py(e.value));
    upper += fmt::format("{}{:.1f} {:.1f}", upper.empty() ? "M" : " L", x, chart.py(e.high));
    lower = fmt::format(" L{:.1f} {:.1f}", x, chart.py(e.low)) + lower;
  }
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"study-convergence\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" role=\"img\">\n<title>Convergence of P(no leaker)</title>\n",
      chart.svg_width(), chart.svg_height());
  svg += chart.axes(chart.log_x ? "runs (log scale)" : "runs", "P(no leaker)");
  svg += fmt::format("<path class=\"ci-band\" d=\"{}{} Z\"><title>95% Wilson interval</title></path>\n", upper, lower);
  svg += fmt::format("<path class=\"estimate-line\" d=\"{}\"><title>P(no leaker) over the first n runs</title></path>\n",
                     estimate);
  for (const auto& c : checkpoints) {
    svg += fmt::format("<circle class=\"checkpoint\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"><title>{} runs: {} [{}, "
                       "{}]</title></circle>\n",
                       chart.px(c.value("runs", 0.0)), chart.py(c.value("p_zero_leakers", 0.0)), text_of(c["runs"]),
                       number(c["p_zero_leakers"], 4), number(c["ci95_low"], 4), number(c["ci95_high"], 4));
  }
  svg += fmt::format(
      "<g class=\"legend\" transform=\"translate({:.0f} {:.0f})\"><path class=\"estimate-line\" d=\"M0 0 H22\"/><text "
      "x=\"28\" y=\"4\">estimate</text><rect class=\"ci-band\" x=\"100\" y=\"-6\" width=\"22\" height=\"12\"/><text "
      "x=\"128\" y=\"4\">95% interval</text><circle class=\"checkpoint\" cx=\"240\" cy=\"0\" r=\"3\"/><text x=\"250\" "
      "y=\"4\">summary.json checkpoints</text></g>\n",
      chart.left + 12, chart.top + 14);
  svg += "</svg>\n";
  return svg;
}

std::string battery_table(const std::vector<analysis::RunRecord>& records) {
  struct Tally {
    std::size_t shots = 0, kills = 0;
  };
  std::map<std::string, Tally> by_battery;
  for (const auto& r : records) {
    for (const auto& e : r.engagements) {
      auto& t = by_battery[e.battery];
      ++t.shots;
      t.kills += e.kill ? 1 : 0;
    }
  }
  if (by_battery.empty()) return "<p>No interceptor was fired in any run.</p>\n";
  std::string html = "<table class=\"study-batteries\">\n<tr><th>battery</th><th>shots (all runs)</th><th>kills</th>"
                     "<th>kills per shot</th><th>95% low</th><th>95% high</th></tr>\n";
  for (const auto& [name, t] : by_battery) {
    const auto e = analysis::wilson_interval(t.kills, t.shots);
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.4f}</td>"
                        "<td class=\"num\">{:.4f}</td><td class=\"num\">{:.4f}</td></tr>\n",
                        escape(name), t.shots, t.kills, e.value, e.low, e.high);
  }
  html += "</table>\n";
  return html;
}

}  // namespace

std::string study_sections(const fs::path& dir, const nlohmann::json& summary) {
  std::string html = heading("study", "Monte Carlo study");
  html += fmt::format("<p>Scenario <code>{}</code> (hash {}), study seed {}, {} runs, {}.</p>\n",
                      escape(text_of(summary.value("scenario", nlohmann::json()))),
                      escape(text_of(summary.value("scenario_hash", nlohmann::json()))),
                      text_of(summary.value("seed", nlohmann::json())), text_of(summary.value("runs", nlohmann::json())),
                      escape(text_of(summary.value("program_version", nlohmann::json()))));
  html += heading("study-estimates", "Estimates (95% intervals)", 3);
  html += aggregates_table(summary);

  const fs::path store_path = dir / "results.sqlite";
  const auto runs = summary.value("runs", std::uint64_t{0});
  if (!fs::exists(store_path) || runs == 0) {
    html += "<p class=\"note\">No results.sqlite in this folder (a study run with --db elsewhere): no histograms "
            "or convergence curve.</p>\n";
    return html;
  }
  const analysis::ResultStore store(store_path);
  const auto records = store.records(runs);
  if (records.empty()) return html + "<p class=\"note\">The result store holds no runs.</p>\n";
  std::vector<int> leakers, used;
  for (const auto& r : records) {
    leakers.push_back(r.leakers);
    used.push_back(r.interceptors_used);
  }
  html += heading("study-histograms", "Per run", 3);
  html += fmt::format("<p>{} runs read from results.sqlite.</p>\n<div class=\"figure row\">\n", records.size());
  html += histogram("hist-leakers", leakers, "leakers per run");
  html += histogram("hist-interceptors", used, "interceptors used per run");
  html += "</div>\n";
  html += heading("study-batteries", "Batteries over all runs", 3);
  html += battery_table(records);
  html += heading("study-convergence-section", "Convergence of P(no leaker)", 3);
  html += "<div class=\"figure\">\n" + convergence_chart(leakers, summary.value("convergence", nlohmann::json::array())) +
          "</div>\n";
  return html;
}

}  // namespace rampart::io::report
