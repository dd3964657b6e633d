#include "rampart/io/compare_outputs.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/io/grid_svg.hpp"
#include "rampart/io/xml_escape.hpp"

namespace rampart::io {
namespace {

double round_to(double x, double scale) { return std::round(x * scale) / scale; }

nlohmann::ordered_json estimate_json(const analysis::Estimate& e, int digits_scale) {
  const double s = std::pow(10.0, digits_scale);
  nlohmann::ordered_json j;
  j["value"] = round_to(e.value, s);
  j["ci95_low"] = round_to(e.low, s);
  j["ci95_high"] = round_to(e.high, s);
  return j;
}

nlohmann::ordered_json battery_areas_json(const std::vector<std::string>& names, const std::vector<double>& areas_m2) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t b = 0; b < names.size(); ++b) {
    j[names[b]] = round_to(b < areas_m2.size() ? areas_m2[b] / 1e6 : 0.0, 1e3);
  }
  return j;
}

std::string interval(const analysis::Estimate& e, int digits) {
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", e.value, digits, e.low, digits, e.high, digits);
}

const char* fill_of(analysis::CellChange change) {
  switch (change) {
    case analysis::CellChange::kGained: return "#4daf4a";
    case analysis::CellChange::kLost: return "#e41a1c";
    case analysis::CellChange::kBoth: return "#9ecae1";
    case analysis::CellChange::kNeither: break;
  }
  return "#ffffff";
}

/// How the probability of negation changed over the cells engageable under both.
struct NegationChanges {
  std::size_t lower = 0;   ///< cells where B negates less well than A
  std::size_t higher = 0;
  double largest_drop = 0.0;  ///< max of negation_a - negation_b (>= 0)
  double largest_rise = 0.0;
};

NegationChanges negation_changes(const analysis::FootprintComparison& f) {
  NegationChanges n;
  for (const auto& c : f.cells) {
    if (c.change != analysis::CellChange::kBoth) continue;
    const double change = c.negation_b - c.negation_a;
    if (change < -1e-9) ++n.lower;
    if (change > 1e-9) ++n.higher;
    n.largest_drop = std::max(n.largest_drop, -change);
    n.largest_rise = std::max(n.largest_rise, change);
  }
  return n;
}

}  // namespace

nlohmann::json difference_geojson(const analysis::FootprintComparison& comparison,
                                  const analysis::FootprintGrid& grid) {
  nlohmann::json features = nlohmann::json::array();
  for (const auto& cell : comparison.cells) {
    const double lat0 = round_to(grid.cell_lat0_deg(cell.row), 1e7);
    const double lon0 = round_to(grid.cell_lon0_deg(cell.column), 1e7);
    const double lat1 = round_to(grid.cell_lat0_deg(cell.row) + grid.step_deg, 1e7);
    const double lon1 = round_to(grid.cell_lon0_deg(cell.column) + grid.step_deg, 1e7);
    const nlohmann::json ring =
        nlohmann::json::array({{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}});
    const nlohmann::json properties{{"row", cell.row},
                                    {"column", cell.column},
                                    {"lat_deg", round_to(cell.lat_deg, 1e7)},
                                    {"lon_deg", round_to(cell.lon_deg, 1e7)},
                                    {"area_km2", round_to(cell.area_m2 / 1e6, 1e3)},
                                    {"status", analysis::cell_change_name(cell.change)},
                                    {"negation_a", round_to(cell.negation_a, 1e6)},
                                    {"negation_b", round_to(cell.negation_b, 1e6)},
                                    {"negation_change", round_to(cell.negation_b - cell.negation_a, 1e6)}};
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}}},
                        {"properties", properties}});
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

nlohmann::ordered_json compare_json(const CompareReport& r) {
  nlohmann::ordered_json j;
  j["scenario_a"] = r.scenario_a;
  j["scenario_b"] = r.scenario_b;
  j["launch"] = {{"lat_deg", round_to(r.launch.lat_rad * constants::kRadToDeg, 1e7)},
                 {"lon_deg", round_to(r.launch.lon_rad * constants::kRadToDeg, 1e7)}};
  j["missile"] = r.missile;
  j["grid"] = {{"lat0_deg", round_to(r.grid.box.lat0_deg, 1e7)}, {"lon0_deg", round_to(r.grid.box.lon0_deg, 1e7)},
               {"lat1_deg", round_to(r.grid.box.lat1_deg, 1e7)}, {"lon1_deg", round_to(r.grid.box.lon1_deg, 1e7)},
               {"step_deg", r.grid.step_deg},     {"cells", r.grid.cells()}};
  const auto& f = r.footprint;
  nlohmann::ordered_json area;
  area["defended_area_a_km2"] = round_to(f.defended_area_a_m2 / 1e6, 1e3);
  area["defended_area_b_km2"] = round_to(f.defended_area_b_m2 / 1e6, 1e3);
  area["gained_km2"] = round_to(f.gained_m2 / 1e6, 1e3);
  area["lost_km2"] = round_to(f.lost_m2 / 1e6, 1e3);
  area["kept_km2"] = round_to(f.kept_m2 / 1e6, 1e3);
  const auto n = negation_changes(f);
  area["cells_negation_lower"] = n.lower;
  area["cells_negation_higher"] = n.higher;
  area["largest_negation_drop"] = round_to(n.largest_drop, 1e6);
  area["largest_negation_rise"] = round_to(n.largest_rise, 1e6);
  area["battery_area_a_km2"] = battery_areas_json(r.batteries_a, f.battery_area_a_m2);
  area["battery_area_b_km2"] = battery_areas_json(r.batteries_b, f.battery_area_b_m2);
  j["footprint"] = area;
  if (r.study) {
    const auto& s = *r.study;
    nlohmann::ordered_json mc;
    mc["seed"] = r.seed;
    mc["runs"] = r.runs;
    mc["p_zero_leakers_a"] = estimate_json(s.a.p_zero_leakers, 6);
    mc["p_zero_leakers_b"] = estimate_json(s.b.p_zero_leakers, 6);
    mc["p_zero_leakers_difference"] = {{"value", round_to(s.p_zero_leakers.difference, 1e6)},
                                       {"ci95_low", round_to(s.p_zero_leakers.low, 1e6)},
                                       {"ci95_high", round_to(s.p_zero_leakers.high, 1e6)},
                                       {"method", "Newcombe hybrid score (1998, method 10)"},
                                       {"significant", s.p_zero_leakers.significant}};
    mc["interceptors_used_a"] = estimate_json(s.a.interceptors_used, 4);
    mc["interceptors_used_b"] = estimate_json(s.b.interceptors_used, 4);
    mc["interceptors_used_difference"] = estimate_json(s.interceptors_used, 4);
    mc["interceptors_used_difference"]["method"] = "Welch t";
    mc["expected_leakers_a"] = estimate_json(s.a.expected_leakers, 4);
    mc["expected_leakers_b"] = estimate_json(s.b.expected_leakers, 4);
    j["monte_carlo"] = mc;
  }
  return j;
}

std::string compare_table(const CompareReport& r) {
  const auto& f = r.footprint;
  std::string t;
  t += fmt::format("rampart compare: A = {}, B = {}\n", r.scenario_a, r.scenario_b);
  t += fmt::format("  {} from {:g},{:g}; grid {:g} deg over lat {:g}..{:g}, lon {:g}..{:g} ({} cells)\n", r.missile,
                   r.launch.lat_rad * constants::kRadToDeg, r.launch.lon_rad * constants::kRadToDeg, r.grid.step_deg,
                   r.grid.box.lat0_deg, r.grid.box.lat1_deg, r.grid.box.lon0_deg, r.grid.box.lon1_deg,
                   r.grid.cells());
  t += fmt::format("\n  {:<30} {:>12} {:>12}\n", "defended area", "A", "B");
  t += fmt::format("  {:<30} {:>8.0f} km2 {:>8.0f} km2\n", "engageable", f.defended_area_a_m2 / 1e6,
                   f.defended_area_b_m2 / 1e6);
  t += fmt::format("  {:<30} {:>21.0f} km2\n", "gained (B only)", f.gained_m2 / 1e6);
  t += fmt::format("  {:<30} {:>21.0f} km2\n", "lost (A only)", f.lost_m2 / 1e6);
  t += fmt::format("  {:<30} {:>21.0f} km2\n", "kept (both)", f.kept_m2 / 1e6);
  const auto n = negation_changes(f);
  t += fmt::format("  {:<30} {:>14} cells lower (by up to {:.2f}), {} higher (by up to {:.2f})\n",
                   "negation probability, kept", n.lower, n.largest_drop, n.higher, n.largest_rise);
  t += fmt::format("\n  {:<30} {:>12} {:>12}\n", "area with shots, per battery", "A", "B");
  std::vector<std::string> names = r.batteries_a;
  for (const auto& n : r.batteries_b) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  const auto area_of = [](const std::vector<std::string>& batteries, const std::vector<double>& areas,
                          const std::string& name) -> std::string {
    const auto it = std::find(batteries.begin(), batteries.end(), name);
    if (it == batteries.end()) return "-";
    const auto b = static_cast<std::size_t>(it - batteries.begin());
    return fmt::format("{:.0f} km2", b < areas.size() ? areas[b] / 1e6 : 0.0);
  };
  for (const auto& n : names) {
    t += fmt::format("  {:<30} {:>12} {:>12}\n", n, area_of(r.batteries_a, f.battery_area_a_m2, n),
                     area_of(r.batteries_b, f.battery_area_b_m2, n));
  }
  if (r.study) {
    const auto& s = *r.study;
    t += fmt::format("\n  Monte Carlo, {} runs each (seed {})\n", r.runs, r.seed);
    t += fmt::format("  {:<30} A {}\n", "P(raid defeated)", interval(s.a.p_zero_leakers, 3));
    t += fmt::format("  {:<30} B {}\n", "", interval(s.b.p_zero_leakers, 3));
    t += fmt::format("  {:<30} {:+.3f} [{:+.3f}, {:+.3f}] {}\n", "  B - A (Newcombe 95%)", s.p_zero_leakers.difference,
                     s.p_zero_leakers.low, s.p_zero_leakers.high,
                     s.p_zero_leakers.significant ? "significant" : "not significant");
    t += fmt::format("  {:<30} A {}\n", "interceptors used (mean)", interval(s.a.interceptors_used, 2));
    t += fmt::format("  {:<30} B {}\n", "", interval(s.b.interceptors_used, 2));
    t += fmt::format("  {:<30} {:+.2f} [{:+.2f}, {:+.2f}]\n", "  B - A (Welch 95%)", s.interceptors_used.value,
                     s.interceptors_used.low, s.interceptors_used.high);
  }
  return t;
}

std::string difference_svg(const CompareReport& report, const sim::Scenario& scenario_a,
                           const sim::Scenario& scenario_b, const std::vector<Coastline>& coastlines) {
  const GridSvgMap map(report.grid, 40.0);
  std::string title = "rampart compare: ";
  title += report.scenario_a;
  title += " (A) vs ";
  title += report.scenario_b;
  title += " (B)";

  std::string svg = map.begin(title, 14);
  for (const auto& c : report.footprint.cells) {
    if (c.change != analysis::CellChange::kNeither) svg += map.cell(c.row, c.column, fill_of(c.change));
  }
  svg += map.coastlines(coastlines);
  for (const auto& battery : scenario_a.batteries) {
    const bool kept = std::any_of(scenario_b.batteries.begin(), scenario_b.batteries.end(),
                                  [&](const sim::BatteryConfig& b) { return b.name == battery.name; });
    if (!kept) svg += map.battery(battery.location, battery.name, "none", 1.5);
  }
  for (const auto& battery : scenario_b.batteries) svg += map.battery(battery.location, battery.name, "#000000", 1.5);
  svg += map.cross(report.launch);
  svg += map.end_map();
  const double ly = map.legend_top();
  double lx = map.left();
  for (const auto change : {analysis::CellChange::kGained, analysis::CellChange::kLost, analysis::CellChange::kBoth}) {
    std::string label = analysis::cell_change_name(change);
    if (change == analysis::CellChange::kBoth) label = "engageable under both";
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000000\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">{}</text>\n",
        lx, ly, fill_of(change), lx + 20, ly + 12, label);
    lx += 180;
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">hollow triangle: battery only in A</text>\n",
                     lx, ly + 12);
  svg += "</svg>\n";
  return svg;
}

}  // namespace rampart::io
