// The engagement timeline of a run: one row per threat (its flight from
// launch to kill or impact, when a radar first saw it, when a confirmed
// track first held it, each interceptor launched at it, and how it ended),
// then one row per battery with its shots; all against scenario time.
// Times from summary.json, shots from the `launch` events of events.jsonl.
// Below it, every event in a table the reader can unfold.

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

double time_or(const nlohmann::json& value, double fallback) {
  return value.is_number() ? value.get<double>() : fallback;
}

std::string events_table(const RunFiles& run) {
  if (run.events.empty()) return "";
  std::string html = fmt::format("<details><summary>All {} events (events.jsonl)</summary>\n<table class=\"events\">\n"
                                 "<tr><th>t (s)</th><th>event</th><th>threat</th><th>track</th><th>battery</th>"
                                 "<th>interceptor</th><th>detail</th></tr>\n",
                                 run.events.size());
  for (const auto& e : run.events) {
    std::string detail = e.contains("detail") ? text_of(e["detail"]) : std::string();
    if (e.contains("miss_distance_m")) detail += (detail.empty() ? "" : "; ") + ("miss " + number(e["miss_distance_m"], 1) + " m");
    html += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        number(e.value("t_s", 0.0), 1), escape(e.value("event", "")),
                        escape(e.contains("threat") ? text_of(e["threat"]) : ""),
                        escape(e.contains("track") ? text_of(e["track"]) : ""),
                        escape(e.contains("battery") ? text_of(e["battery"]) : ""),
                        escape(e.contains("interceptor") ? text_of(e["interceptor"]) : ""), escape(detail));
  }
  html += "</table>\n</details>\n";
  return html;
}

}  // namespace

std::string run_timeline(const RunFiles& run, const std::string& p) {
  const auto threats = run.summary.value("threats", nlohmann::json::array());
  const auto batteries = run.summary.value("batteries", nlohmann::json::array());
  double end = 0;
  for (const auto& t : threats) {
    for (const auto* key : {"launch_time_s", "intercept_time_s", "impact_time_s"}) end = std::max(end, time_or(t[key], 0));
  }
  for (const auto& e : run.events) end = std::max(end, e.value("t_s", 0.0));
  end = nice_ceiling(std::max(end, 1.0) * 1.02);

  const double left = 150, width = 780, row_h = 24, top = 10;
  const std::size_t rows = threats.size() + batteries.size();
  const double height = top + static_cast<double>(rows) * row_h + 70;
  const auto x = [&](double t) { return left + t / end * width; };
  std::string svg = fmt::format(
      "<svg class=\"timeline\" id=\"{0}timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{1:.0f}\" "
      "height=\"{2:.0f}\" viewBox=\"0 0 {1:.0f} {2:.0f}\" role=\"img\">\n<title>Engagement timeline</title>\n",
      p, left + width + 20, height);
  // Time grid.
  const double bottom = top + static_cast<double>(rows) * row_h;
  const double step = end / 10;
  for (int i = 0; i <= 10; ++i) {
    const double t = i * step;
    svg += fmt::format("<path class=\"grid\" d=\"M{0:.1f} {1:.1f} V{2:.1f}\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
                       "text-anchor=\"middle\">{4:g}</text>\n",
                       x(t), top, bottom, bottom + 16, t);
  }
  svg += fmt::format("<text class=\"axis-title\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">time since the "
                     "scenario's t = 0 (s)</text>\n",
                     left + width / 2, bottom + 34);

  double y = top;
  for (const auto& t : threats) {
    const auto name = t.value("name", "");
    const auto result = t.value("result", "");
    const double launch = time_or(t["launch_time_s"], 0);
    const double stop = time_or(t["intercept_time_s"], time_or(t["impact_time_s"], end));
    const double mid = y + row_h / 2;
    svg += fmt::format("<g class=\"timeline-threat\" data-threat=\"{}\" data-result=\"{}\">\n", escape(name), escape(result));
    svg += fmt::format("<text class=\"row-label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 8,
                       mid + 4, escape(name));
    svg += fmt::format("<rect class=\"flight-bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"8\"><title>{} in "
                       "flight {}–{} s</title></rect>\n",
                       x(launch), mid - 4, std::max(1.0, x(stop) - x(launch)), escape(name), number(launch, 0),
                       number(stop, 0));
    if (t["first_detected_s"].is_number()) {
      svg += fmt::format("<circle class=\"tl-detected\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"><title>first detected at {} "
                         "s</title></circle>\n",
                         x(t["first_detected_s"].get<double>()), mid, number(t["first_detected_s"], 1));
    }
    if (t["first_tracked_s"].is_number()) {
      const double tx = x(t["first_tracked_s"].get<double>());
      svg += fmt::format("<path class=\"tl-tracked\" d=\"M{0:.1f} {1:.1f} L{2:.1f} {3:.1f} L{0:.1f} {4:.1f} L{5:.1f} "
                         "{3:.1f} Z\"><title>first tracked at {6} s</title></path>\n",
                         tx, mid - 6, tx + 6, mid, mid + 6, tx - 6, number(t["first_tracked_s"], 1));
    }
    for (const auto& e : run.events) {
      if (e.value("event", "") != "launch" || !e.contains("threat") || text_of(e["threat"]) != name) continue;
      const double sx = x(e.value("t_s", 0.0));
      svg += fmt::format("<path class=\"tl-shot\" d=\"M{0:.1f} {1:.1f} V{2:.1f}\"><title>interceptor {3}-{4} launched at "
                         "{5} s</title></path>\n",
                         sx, mid - 9, mid + 9, escape(text_of(e.value("battery", nlohmann::json()))),
                         text_of(e.value("interceptor", nlohmann::json())), number(e.value("t_s", 0.0), 1));
    }
    if (result == "killed") {
      svg += fmt::format("<circle class=\"tl-intercept\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\"><title>killed at {} s "
                         "({} shots)</title></circle>\n",
                         x(stop), mid, number(stop, 1), text_of(t["shots"]));
    } else if (result == "leaked") {
      svg += fmt::format("<circle class=\"tl-leak\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\"><title>leaked: impact at {} s on "
                         "{}</title></circle>\n",
                         x(stop), mid, number(stop, 1), escape(text_of(t["assets_hit"])));
    } else if (t["impact_time_s"].is_number()) {
      svg += fmt::format("<circle class=\"tl-impact\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"><title>impact away from "
                         "assets at {} s</title></circle>\n",
                         x(stop), mid, number(stop, 1));
    }
    svg += "</g>\n";
    y += row_h;
  }
  for (const auto& b : batteries) {
    const auto name = b.value("name", "");
    const double mid = y + row_h / 2;
    svg += fmt::format("<g class=\"timeline-battery\" data-battery=\"{}\">\n", escape(name));
    svg += fmt::format("<text class=\"row-label battery-label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       left - 8, mid + 4, escape(name));
    svg += fmt::format("<path class=\"grid\" d=\"M{:.1f} {:.1f} H{:.1f}\"/>\n", left, mid, left + width);
    for (const auto& e : run.events) {
      if (e.value("event", "") != "launch" || !e.contains("battery") || text_of(e["battery"]) != name) continue;
      const double sx = x(e.value("t_s", 0.0));
      svg += fmt::format("<path class=\"tl-shot\" d=\"M{0:.1f} {1:.1f} V{2:.1f}\"><title>interceptor {3} launched at {4} "
                         "s against {5}</title></path>\n",
                         sx, mid - 9, mid + 9, text_of(e.value("interceptor", nlohmann::json())),
                         number(e.value("t_s", 0.0), 1), escape(text_of(e.value("threat", nlohmann::json()))));
    }
    svg += "</g>\n";
    y += row_h;
  }
  // Legend.
  const double ly = bottom + 56;
  svg += fmt::format(
      "<g class=\"legend\" transform=\"translate({:.0f} {:.0f})\">"
      "<rect class=\"flight-bar\" x=\"0\" y=\"-4\" width=\"22\" height=\"8\"/><text x=\"28\" y=\"4\">in flight</text>"
      "<circle class=\"tl-detected\" cx=\"100\" cy=\"0\" r=\"5\"/><text x=\"110\" y=\"4\">first detected</text>"
      "<path class=\"tl-tracked\" d=\"M220 -6 L226 0 L220 6 L214 0 Z\"/><text x=\"232\" y=\"4\">first tracked</text>"
      "<path class=\"tl-shot\" d=\"M335 -9 V9\"/><text x=\"342\" y=\"4\">interceptor launched</text>"
      "<circle class=\"tl-intercept\" cx=\"490\" cy=\"0\" r=\"6\"/><text x=\"500\" y=\"4\">killed</text>"
      "<circle class=\"tl-leak\" cx=\"560\" cy=\"0\" r=\"6\"/><text x=\"570\" y=\"4\">leaked</text>"
      "<circle class=\"tl-impact\" cx=\"630\" cy=\"0\" r=\"5\"/><text x=\"640\" y=\"4\">impact away from assets</text>"
      "</g>\n",
      left, ly);
  svg += "</svg>\n";
  return svg + events_table(run);
}

}  // namespace rampart::io::report
