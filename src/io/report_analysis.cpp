// The analysis results in the report: a footprint (the heatmap the command
// drew, footprint.svg, put inline; a second heatmap of the shots from
// footprint.csv drawn with the same map frame, io/grid_svg.hpp; the areas),
// a comparison (difference.svg inline, the areas and the Monte Carlo
// comparison of compare.json) and a coverage (coverage.geojson's polygons on
// the report's basemap, their areas and reach, and the places covered from
// reach.json). SVG files are put inline with their ids prefixed, so that two
// maps on one page do not share a clip path.

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rampart/io/grid_svg.hpp"
#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourceLocation{path.string()}, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// Every id="..." of an SVG (and its references) prefixed with `prefix`.
std::string prefix_ids(std::string svg, const std::string& prefix) {
  std::set<std::string> ids;
  for (std::size_t at = svg.find(" id=\""); at != std::string::npos; at = svg.find(" id=\"", at + 1)) {
    const std::size_t start = at + 5, end = svg.find('"', start);
    if (end != std::string::npos) ids.insert(svg.substr(start, end - start));
  }
  for (const auto& id : ids) {
    replace_all(svg, " id=\"" + id + "\"", " id=\"" + prefix + id + "\"");
    replace_all(svg, "url(#" + id + ")", "url(#" + prefix + id + ")");
    replace_all(svg, "href=\"#" + id + "\"", "href=\"#" + prefix + id + "\"");
  }
  return svg;
}

std::string km2(const nlohmann::json& value) { return number(value, 0); }

std::string row(const std::string& what, const std::string& value) {
  return fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", escape(what), escape(value));
}

/// The colour of a cell by its number of shots (sequential blues, 4+ darkest).
const char* shots_colour(int shots) {
  static const char* colours[] = {"#dddddd", "#c6dbef", "#6baed6", "#2171b5", "#08306b"};
  return colours[std::clamp(shots, 0, 4)];
}

std::string shots_heatmap(const fs::path& csv_path, const nlohmann::json& grid_json) {
  const auto rows = read_csv(csv_path);
  if (rows.size() < 2) return "";
  const auto& header = rows[0];
  const auto column_of = [&header](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t c_row = column_of("row"), c_col = column_of("column"), c_range = column_of("in_missile_range"),
                    c_eng = column_of("engageable"), c_shots = column_of("shots");
  if (std::max({c_row, c_col, c_range, c_eng, c_shots}) >= header.size()) return "";
  analysis::FootprintGrid grid;
  grid.box = {grid_json.value("lat0_deg", 0.0), grid_json.value("lon0_deg", 0.0), grid_json.value("lat1_deg", 0.0),
              grid_json.value("lon1_deg", 0.0)};
  grid.step_deg = grid_json.value("step_deg", 0.5);
  const GridSvgMap map(grid, 60.0);
  std::string svg = map.begin("Shots: engagements of the best battery per cell (a salvo is one)", 16);
  int most = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < header.size() || f[c_range] != "1") continue;
    const int shots = f[c_eng] == "1" ? std::stoi(f[c_shots]) : 0;
    most = std::max(most, shots);
    svg += map.cell(std::stoul(f[c_row]), std::stoul(f[c_col]), shots_colour(shots));
  }
  svg += map.coastlines(load_coastlines(default_coastlines_path()));
  svg += map.end_map();
  const double ly = map.legend_top(), left = map.left();
  for (int s = 0; s <= 4; ++s) {
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000000\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">{}</text>\n",
                       left + 70.0 * s, ly, shots_colour(s), left + 70.0 * s + 20, ly + 12,
                       s == 0 ? std::string("0") : s == 4 ? std::string("4 or more") : std::to_string(s));
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">shots (most in a cell: {}); white: out of the "
                     "missile's range; coastlines: {}</text>\n",
                     left, ly + 34, most, escape(GeoFrame::attribution()));
  svg += "</svg>\n";
  return svg;
}

}  // namespace

std::string inline_svg(const fs::path& path, const std::string& prefix) {
  std::string svg = slurp(path);
  if (svg.rfind("<?xml", 0) == 0) svg.erase(0, svg.find("?>") + 2);
  return prefix_ids(std::move(svg), prefix);
}

std::string footprint_sections(const fs::path& dir, const nlohmann::json& s) {
  std::string html = heading("footprint", "Defended-area footprint");
  const auto& g = s.value("grid", nlohmann::json::object());
  html += "<table class=\"footprint-summary\">\n<tr><th>quantity</th><th>value</th></tr>\n";
  html += row("grid", fmt::format("{:g}° cells, lat {:g}..{:g}, lon {:g}..{:g} ({} x {})", g.value("step_deg", 0.0),
                                  g.value("lat0_deg", 0.0), g.value("lat1_deg", 0.0), g.value("lon0_deg", 0.0),
                                  g.value("lon1_deg", 0.0), text_of(g.value("rows", nlohmann::json())),
                                  text_of(g.value("columns", nlohmann::json()))));
  html += row("cells", text_of(s.value("cells", nlohmann::json())));
  html += row("cells in the missile's range", text_of(s.value("cells_in_missile_range", nlohmann::json())));
  html += row("engageable cells", text_of(s.value("engageable_cells", nlohmann::json())));
  html += row("total area (km²)", km2(s.value("total_area_km2", nlohmann::json())));
  html += row("defended area (km²)", km2(s.value("defended_area_km2", nlohmann::json())));
  html += row("area with negation ≥ 0.9 (km²)", km2(s.value("area_negation_ge_0_9_km2", nlohmann::json())));
  for (const auto& b : s.value("batteries", nlohmann::json::array())) {
    html += row(b.value("name", "") + ": area with shots (km²)", km2(b.value("area_with_shots_km2", nlohmann::json())));
  }
  html += "</table>\n";
  if (fs::exists(dir / "footprint.svg")) {
    html += heading("footprint-negation", "Probability of negation", 3);
    html += "<div class=\"figure heatmap\" id=\"footprint-heatmap\">\n" + inline_svg(dir / "footprint.svg", "fp-") +
            "</div>\n";
  }
  if (fs::exists(dir / "footprint.csv")) {
    const auto shots = shots_heatmap(dir / "footprint.csv", g);
    if (!shots.empty()) {
      html += heading("footprint-shots", "Shots", 3);
      html += "<div class=\"figure heatmap\" id=\"footprint-shots-heatmap\">\n" + prefix_ids(shots, "fs-") + "</div>\n";
    }
  }
  return html;
}

std::string compare_sections(const fs::path& dir) {
  const auto c = read_json(dir / "compare.json");
  std::string html = heading("compare", "Comparison of two postures");
  html += fmt::format("<p>A: <code>{}</code>; B: <code>{}</code>; missile {} launched from {}° N {}° E.</p>\n",
                      escape(text_of(c.value("scenario_a", nlohmann::json()))),
                      escape(text_of(c.value("scenario_b", nlohmann::json()))),
                      escape(text_of(c.value("missile", nlohmann::json()))),
                      number(c.value("launch", nlohmann::json::object()).value("lat_deg", nlohmann::json()), 2),
                      number(c.value("launch", nlohmann::json::object()).value("lon_deg", nlohmann::json()), 2));
  const auto& f = c.value("footprint", nlohmann::json::object());
  html += "<table class=\"compare-areas\">\n<tr><th>defended area</th><th>km²</th></tr>\n";
  for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
           {"defended_area_a_km2", "under A"}, {"defended_area_b_km2", "under B"}, {"gained_km2", "gained (B only)"},
           {"lost_km2", "lost (A only)"}, {"kept_km2", "kept (both)"}}) {
    html += row(label, km2(f.value(key, nlohmann::json())));
  }
  html += row("cells where negation fell / rose", text_of(f.value("cells_negation_lower", nlohmann::json())) + " / " +
                                                      text_of(f.value("cells_negation_higher", nlohmann::json())));
  html += "</table>\n";
  if (c.contains("monte_carlo")) {
    const auto& m = c["monte_carlo"];
    html += heading("compare-mc", "Monte Carlo", 3);
    html += fmt::format("<p>{} runs of each, study seed {}.</p>\n", text_of(m.value("runs", nlohmann::json())),
                        text_of(m.value("seed", nlohmann::json())));
    html += "<table class=\"compare-mc\">\n<tr><th>estimate</th><th>value</th><th>95% low</th><th>95% high</th></tr>\n";
    for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
             {"p_zero_leakers_a", "P(no leaker) under A"},
             {"p_zero_leakers_b", "P(no leaker) under B"},
             {"p_zero_leakers_difference", "P(no leaker): B − A"},
             {"interceptors_used_a", "interceptors used per run under A"},
             {"interceptors_used_b", "interceptors used per run under B"},
             {"interceptors_used_difference", "interceptors used per run: B − A"},
             {"expected_leakers_a", "leakers per run under A"},
             {"expected_leakers_b", "leakers per run under B"}}) {
      if (!m.contains(key)) continue;
      const auto& e = m[key];
      const auto value = e.contains("value") ? e["value"] : e.value("mean", nlohmann::json());
      html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                          escape(label), number(value, 4), number(e.value("ci95_low", nlohmann::json()), 4),
                          number(e.value("ci95_high", nlohmann::json()), 4));
    }
    html += "</table>\n";
  }
  if (fs::exists(dir / "difference.svg")) {
    html += heading("compare-map", "Cells gained and lost", 3);
    html += "<div class=\"figure\" id=\"compare-difference\">\n" + inline_svg(dir / "difference.svg", "cmp-") + "</div>\n";
  }
  return html;
}

std::string coverage_sections(const fs::path& dir) {
  std::string html = heading("coverage", "Coverage");
  std::optional<nlohmann::json> geojson;
  if (fs::exists(dir / "coverage.geojson")) geojson = read_json(dir / "coverage.geojson");
  if (geojson) {
    const auto& features = (*geojson)["features"];
    std::vector<double> altitudes;
    GeoBox box;
    for (const auto& f : features) {
      const double h = f["properties"].value("altitude_m", 0.0);
      if (std::find(altitudes.begin(), altitudes.end(), h) == altitudes.end()) altitudes.push_back(h);
      for (const auto& ring : outer_rings(f["geometry"])) {
        for (const auto& [lon, lat] : ring) box.add(lon, lat);
      }
    }
    std::sort(altitudes.begin(), altitudes.end());
    // Lowest altitude darkest: it is the smallest bubble, drawn on top.
    static const char* colours[] = {"#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"};
    const GeoFrame frame(box.padded(0.08, 1.0), 960.0);
    std::string svg = fmt::format(
        "<svg class=\"map\" id=\"coverage-map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" "
        "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" role=\"img\">\n<title>Coverage</title>\n<defs><clipPath "
        "id=\"coverage-clip\"><rect width=\"{0:.0f}\" height=\"{2:.0f}\"/></clipPath></defs>\n<g "
        "clip-path=\"url(#coverage-clip)\">\n<rect class=\"sea\" width=\"{0:.0f}\" height=\"{2:.0f}\"/>\n",
        frame.width(), frame.height() + 60, frame.height());
    svg += frame.basemap("coverage-");
    for (std::size_t a = altitudes.size(); a-- > 0;) {
      svg += fmt::format("<g class=\"coverage-layer\" data-altitude=\"{:g}\">\n", altitudes[a]);
      for (const auto& f : features) {
        const auto& props = f["properties"];
        if (props.value("altitude_m", 0.0) != altitudes[a]) continue;
        for (const auto& ring : outer_rings(f["geometry"])) {
          svg += fmt::format(
              "<path class=\"coverage-area coverage-{0}\" data-system=\"{1}\" fill=\"{2}\" d=\"{3}\"><title>{1} at "
              "{4:g} m: {5} km²</title></path>\n",
              props.value("kind", ""), escape(props.value("system", "")), colours[std::min<std::size_t>(a, 5)],
              frame.path(ring, 0.4, true), altitudes[a], number(props["area_km2"], 0));
        }
      }
      svg += "</g>\n";
    }
    svg += "</g>\n";
    svg += fmt::format("<rect class=\"frame\" width=\"{:.0f}\" height=\"{:.0f}\"/>\n", frame.width(), frame.height());
    double x = 4;
    for (std::size_t a = 0; a < altitudes.size(); ++a) {
      svg += fmt::format("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000\"/><text "
                         "x=\"{:.0f}\" y=\"{:.0f}\">{:g} km</text>\n",
                         x, frame.height() + 10, colours[std::min<std::size_t>(a, 5)], x + 20, frame.height() + 22,
                         altitudes[a] / 1000.0);
      x += 90;
    }
    svg += fmt::format("<text class=\"attribution\" x=\"4\" y=\"{:.0f}\">target altitude; batteries (solid outline) "
                       "and radars (dashed). Coastlines and borders: {}</text>\n",
                       frame.height() + 48, escape(GeoFrame::attribution()));
    svg += "</svg>\n";
    html += "<div class=\"figure\">\n" + svg + "</div>\n";

    html += "<table class=\"coverage-table\">\n<tr><th>system</th><th>kind</th><th>altitude (km)</th><th>area "
            "(km²)</th><th>max range (km)</th><th>fire-control radar</th><th>note</th></tr>\n";
    for (const auto& f : features) {
      const auto& p = f["properties"];
      html += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                          "class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
                          escape(p.value("system", "")), escape(p.value("kind", "")),
                          number(p.value("altitude_m", 0.0) / 1000.0, 1), number(p["area_km2"], 0),
                          number(p.value("max_range_m", 0.0) / 1000.0, 0),
                          escape(p.contains("fire_control_radar") ? text_of(p["fire_control_radar"]) : "-"),
                          escape(p.value("note", "")));
    }
    html += "</table>\n";
  }
  if (fs::exists(dir / "reach.json")) {
    const auto reach = read_json(dir / "reach.json");
    // place -> altitude -> batteries covering it, in file order.
    std::vector<std::string> places;
    std::map<std::string, std::map<double, std::vector<std::string>>> covered;
    for (const auto& r : reach.value("rows", nlohmann::json::array())) {
      const auto place = r.value("place", "");
      if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
      if (r.value("kind", "") == "battery" && r.value("covered", false)) {
        covered[place][r.value("altitude_m", 0.0)].push_back(r.value("system", ""));
      }
    }
    const auto altitudes = reach.value("altitudes_m", std::vector<double>{});
    html += heading("coverage-places", "Places inside a battery's coverage (reach.json)", 3);
    html += "<table class=\"reach\">\n<tr><th>place</th>";
    for (const double h : altitudes) html += fmt::format("<th>{:g} km</th>", h / 1000.0);
    html += "</tr>\n";
    for (const auto& place : places) {
      if (!covered.count(place)) continue;
      html += "<tr><td>" + escape(place) + "</td>";
      for (const double h : altitudes) {
        const auto& by_h = covered[place];
        const auto found = by_h.find(h);
        html += "<td>" + (found == by_h.end() ? std::string("-") : escape(text_of(nlohmann::json(found->second)))) + "</td>";
      }
      html += "</tr>\n";
    }
    html += fmt::format("</table>\n<p>{} places in reach.json; those covered by no battery at any altitude are left out.</p>\n",
                        places.size());
  }
  return html;
}

}  // namespace rampart::io::report
