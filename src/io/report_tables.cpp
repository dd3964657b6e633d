// The tables of a run's summary.json (docs/formats.md "Run summary"): the
// counts, then one row per threat, per battery and per defended asset; and
// run_sections, which puts a run's map, profiles, timeline and tables in
// that order under one heading.

#include <fmt/core.h>

#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

std::string place_text(const nlohmann::json& place) {
  if (!place.is_object()) return "-";
  return fmt::format("{:.2f}° N {:.2f}° E, {:.0f} km", place.value("lat_deg", 0.0), place.value("lon_deg", 0.0),
                     place.value("alt_m", 0.0) / 1000.0);
}

std::string cell(const std::string& text, bool numeric = false) {
  return fmt::format("<td{}>{}</td>", numeric ? " class=\"num\"" : "", escape(text));
}

}  // namespace

std::string run_tables(const RunFiles& run, const std::string& p) {
  const auto& s = run.summary;
  std::string html = fmt::format("<table class=\"counts\" id=\"{}summary-counts\">\n", p);
  html += "<tr><th>scenario</th><th>seed</th><th>threats launched</th><th>killed</th><th>leakers</th>"
          "<th>interceptors used</th></tr>\n<tr>";
  html += cell(text_of(s.value("scenario", nlohmann::json()))) + cell(text_of(s.value("seed", nlohmann::json())), true) +
          cell(text_of(s.value("threats_launched", nlohmann::json())), true) +
          cell(text_of(s.value("threats_killed", nlohmann::json())), true) +
          cell(text_of(s.value("leakers", nlohmann::json())), true) +
          cell(text_of(s.value("interceptors_used", nlohmann::json())), true);
  html += "</tr>\n</table>\n";

  html += heading(p + "threats-table", "Threats", 3);
  html += fmt::format("<table class=\"threats\" id=\"{}threats\">\n", p);
  html += "<tr><th>threat</th><th>launch (s)</th><th>detected (s)</th><th>tracked (s)</th><th>window</th>"
          "<th>engaged by</th><th>shots</th><th>intercept (s)</th><th>intercept point</th><th>impact (s)</th>"
          "<th>assets hit</th><th>result</th></tr>\n";
  for (const auto& t : s.value("threats", nlohmann::json::array())) {
    const auto result = t.value("result", "");
    html += fmt::format("<tr class=\"result-{}\">", result == "killed" ? "killed" : result == "leaked" ? "leaked" : "other");
    html += cell(t.value("name", "")) + cell(number(t["launch_time_s"], 1), true) +
            cell(number(t["first_detected_s"], 1), true) + cell(number(t["first_tracked_s"], 1), true) +
            cell(text_of(t["had_engagement_window"])) + cell(text_of(t["engaged_by"])) + cell(text_of(t["shots"]), true) +
            cell(number(t["intercept_time_s"], 1), true) + cell(place_text(t["intercept_point"])) +
            cell(number(t["impact_time_s"], 1), true) + cell(text_of(t["assets_hit"])) + cell(result);
    html += "</tr>\n";
  }
  html += "</table>\n";

  html += heading(p + "batteries-table", "Batteries", 3);
  html += fmt::format("<table class=\"batteries\" id=\"{}batteries\">\n", p);
  html += "<tr><th>battery</th><th>interceptor</th><th>shots</th><th>inventory left</th></tr>\n";
  for (const auto& b : s.value("batteries", nlohmann::json::array())) {
    html += "<tr>" + cell(b.value("name", "")) + cell(text_of(b["interceptor"])) + cell(text_of(b["shots"]), true) +
            cell(text_of(b["inventory_left"]), true) + "</tr>\n";
  }
  html += "</table>\n";

  html += heading(p + "assets-table", "Defended assets", 3);
  html += fmt::format("<table class=\"assets\" id=\"{}assets\">\n", p);
  html += "<tr><th>asset</th><th>value</th><th>leakers hit</th></tr>\n";
  for (const auto& a : s.value("defended_assets", nlohmann::json::array())) {
    html += "<tr>" + cell(a.value("name", "")) + cell(text_of(a["value"]), true) + cell(text_of(a["leakers_hit"]), true) +
            "</tr>\n";
  }
  html += "</table>\n";
  return html;
}

std::string run_sections(const RunFiles& run, const std::string& p, const std::string& title) {
  std::string html = heading(p + "run", title);
  html += heading(p + "map-section", "Map", 3);
  html += "<div class=\"figure\">\n" + run_map(run, p) + "</div>\n";
  html += heading(p + "profiles", "Altitude versus range", 3);
  html += "<div class=\"figure\">\n" + run_profiles(run, p) + "</div>\n";
  html += heading(p + "timeline", "Engagement timeline", 3);
  html += "<div class=\"figure\">\n" + run_timeline(run, p) + "</div>\n";
  html += heading(p + "summary", "Summary", 3);
  html += run_tables(run, p);
  return html;
}

}  // namespace rampart::io::report
