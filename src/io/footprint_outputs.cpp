#include "rampart/io/footprint_outputs.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/io/grid_svg.hpp"
#include "rampart/io/xml_escape.hpp"

namespace rampart::io {
namespace {

// Rounds to 1/per_unit (a power of ten given as an exact integer, so that
// the division leaves the shortest decimal text); -0 becomes 0.
double round_to(double x, double per_unit) { return std::round(x * per_unit) / per_unit + 0.0; }

nlohmann::json optional_number(const std::optional<double>& x, double unit) {
  return x ? nlohmann::json(round_to(*x, unit)) : nlohmann::json(nullptr);
}

std::string battery_name(const analysis::FootprintCell& cell, const sim::Scenario& scenario) {
  return cell.best_battery ? scenario.batteries[*cell.best_battery].name : std::string();
}

// CSV text field: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

/// The viridis colour scale (perceptually uniform, readable in grey and by
/// colour-blind readers) at five stops, interpolated linearly in sRGB.
std::string colour_of(double p) {
  static constexpr std::array<std::array<int, 3>, 5> kStops{
      {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
  const double x = std::clamp(p, 0.0, 1.0) * 4.0;
  const std::size_t i = std::min<std::size_t>(3, static_cast<std::size_t>(x));
  const double w = x - static_cast<double>(i);
  std::array<int, 3> rgb{};
  for (std::size_t k = 0; k < 3; ++k) {
    rgb[k] = static_cast<int>(std::lround(kStops[i][k] + w * (kStops[i + 1][k] - kStops[i][k])));
  }
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

}  // namespace

nlohmann::json footprint_geojson(const analysis::FootprintResult& result, const sim::Scenario& scenario) {
  const auto& grid = result.grid;
  nlohmann::json features = nlohmann::json::array();
  for (const auto& cell : result.cells) {
    const double lat0 = round_to(grid.cell_lat0_deg(cell.row), 1e7);
    const double lon0 = round_to(grid.cell_lon0_deg(cell.column), 1e7);
    const double lat1 = round_to(grid.cell_lat0_deg(cell.row) + grid.step_deg, 1e7);
    const double lon1 = round_to(grid.cell_lon0_deg(cell.column) + grid.step_deg, 1e7);
    const nlohmann::json ring = nlohmann::json::array(
        {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}});
    nlohmann::json properties{{"row", cell.row},
                              {"column", cell.column},
                              {"lat_deg", round_to(cell.lat_deg, 1e7)},
                              {"lon_deg", round_to(cell.lon_deg, 1e7)},
                              {"area_km2", round_to(cell.area_m2 / 1e6, 1e3)},
                              {"in_missile_range", cell.in_missile_range},
                              {"engageable", cell.engageable},
                              {"shots", cell.shots},
                              {"negation_probability", round_to(cell.negation_probability, 1e6)},
                              {"best_battery", cell.best_battery ? nlohmann::json(battery_name(cell, scenario))
                                                                 : nlohmann::json(nullptr)},
                              {"detection_time_s", optional_number(cell.detection_time_s, 1e3)},
                              {"earliest_launch_s", optional_number(cell.earliest_launch_s, 1e3)}};
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}}},
                        {"properties", properties}});
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

void write_footprint_csv(std::ostream& out, const analysis::FootprintResult& result, const sim::Scenario& scenario) {
  out << "row,column,lat_deg,lon_deg,area_km2,in_missile_range,engageable,shots,negation_probability,best_battery,"
         "detection_time_s,earliest_launch_s";
  for (const auto& b : scenario.batteries) out << ",shots_" << csv_field(b.name);
  for (const auto& b : scenario.batteries) out << ",negation_" << csv_field(b.name);
  out << '\n';
  const auto optional = [](const std::optional<double>& x) { return x ? fmt::format("{:.3f}", *x) : std::string(); };
  for (const auto& cell : result.cells) {
    out << fmt::format("{},{},{:.6f},{:.6f},{:.3f},{},{},{},{:.6f},{},{},{}", cell.row, cell.column, cell.lat_deg,
                       cell.lon_deg, cell.area_m2 / 1e6, cell.in_missile_range ? 1 : 0, cell.engageable ? 1 : 0,
                       cell.shots, cell.negation_probability, csv_field(battery_name(cell, scenario)),
                       optional(cell.detection_time_s), optional(cell.earliest_launch_s));
    for (std::size_t b = 0; b < scenario.batteries.size(); ++b) {
      out << ',' << (b < cell.battery_shots.size() ? cell.battery_shots[b] : 0);
    }
    for (std::size_t b = 0; b < scenario.batteries.size(); ++b) {
      out << fmt::format(",{:.6f}", b < cell.battery_negation.size() ? cell.battery_negation[b] : 0.0);
    }
    out << '\n';
  }
}

nlohmann::json footprint_summary(const analysis::FootprintResult& result, const sim::Scenario& scenario) {
  const auto& g = result.grid;
  nlohmann::json batteries = nlohmann::json::array();
  for (std::size_t b = 0; b < scenario.batteries.size(); ++b) {
    double area = 0.0;
    std::size_t cells = 0;
    for (const auto& cell : result.cells) {
      if (b < cell.battery_shots.size() && cell.battery_shots[b] > 0) {
        area += cell.area_m2;
        cells += 1;
      }
    }
    batteries.push_back({{"name", scenario.batteries[b].name}, {"cells_with_shots", cells},
                         {"area_with_shots_km2", round_to(area / 1e6, 1e3)}});
  }
  return {{"grid",
           {{"lat0_deg", round_to(g.box.lat0_deg, 1e7)},
            {"lon0_deg", round_to(g.box.lon0_deg, 1e7)},
            {"lat1_deg", round_to(g.box.lat1_deg, 1e7)},
            {"lon1_deg", round_to(g.box.lon1_deg, 1e7)},
            {"step_deg", round_to(g.step_deg, 1e7)},
            {"rows", g.rows()},
            {"columns", g.columns()}}},
          {"cells", result.cells.size()},
          {"cells_in_missile_range", result.cells_in_range},
          {"engageable_cells", result.engageable_cells},
          {"total_area_km2", round_to(result.total_area_m2 / 1e6, 1e3)},
          {"defended_area_km2", round_to(result.defended_area_m2 / 1e6, 1e3)},
          {"area_negation_ge_0_9_km2", round_to(result.area_negation_90_m2 / 1e6, 1e3)},
          {"batteries", batteries}};
}

std::string default_coastlines_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/coastlines.csv";
  }
  return std::string(RAMPART_DATA_DIR) + "/coastlines.csv";
}

std::vector<Coastline> load_coastlines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path}, "cannot read the coastline file");
  std::vector<Coastline> lines;
  std::string text;
  long last = -1;
  int number = 0;
  bool header = true;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty() || text[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    long id = 0;
    double lon = 0.0, lat = 0.0;
    char c1 = 0, c2 = 0;
    std::istringstream fields(text);
    if (!(fields >> id >> c1 >> lon >> c2 >> lat) || c1 != ',' || c2 != ',') {
      throw InputError(SourceLocation{path, number, 1}, "expected line,lon_deg,lat_deg, got \"" + text + "\"");
    }
    if (id != last) {
      lines.emplace_back();
      last = id;
    }
    lines.back().lon_lat_deg.emplace_back(lon, lat);
  }
  return lines;
}

std::string footprint_svg(const analysis::FootprintResult& result, const sim::Scenario& scenario,
                          const std::vector<Coastline>& coastlines, const earth::Geodetic& fixed_point,
                          const std::string& title) {
  const GridSvgMap map(result.grid, 70.0);
  std::string scale_stops = "<linearGradient id=\"scale\">";
  for (int i = 0; i <= 4; ++i) {
    scale_stops += fmt::format("<stop offset=\"{}%\" stop-color=\"{}\"/>", 25 * i, colour_of(0.25 * i));
  }
  scale_stops += "</linearGradient>";
  std::string svg = map.begin(title, 16, scale_stops);
  for (const auto& c : result.cells) {
    if (!c.in_missile_range) continue;
    svg += map.cell(c.row, c.column, c.engageable ? colour_of(c.negation_probability) : std::string("#dddddd"));
  }
  svg += map.coastlines(coastlines);
  for (const auto& asset : scenario.defended_assets) {
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#000000\"><title>{}</title></circle>\n",
        map.x(asset.point.lon_rad * constants::kRadToDeg), map.y(asset.point.lat_rad * constants::kRadToDeg),
        xml_escape(asset.name));
  }
  for (const auto& battery : scenario.batteries) svg += map.battery(battery.location, battery.name, "#e41a1c");
  svg += map.cross(fixed_point);
  svg += map.end_map();
  const double left = map.left();
  // Legend: the colour scale, then the keys.
  const double ly = map.legend_top();
  svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"300\" height=\"14\" fill=\"url(#scale)\" stroke=\"#000000\"/>\n",
                     left, ly);
  for (int i = 0; i <= 4; ++i) {
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"middle\">{:g}</text>\n",
                       left + 75.0 * i, ly + 28, 0.25 * i);
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">probability of negation (engageable cells)</text>\n",
                     left, ly + 45);
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"14\" fill=\"#dddddd\" stroke=\"#000000\"/>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">not engageable</text>\n",
      left + 330, ly, left + 350, ly + 12);
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"14\" fill=\"#ffffff\" stroke=\"#000000\"/>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">out of the missile's range</text>\n",
      left + 470, ly, left + 490, ly + 12);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">red triangles: batteries; circles: defended assets; "
      "cross: {}</text>\n",
      left + 330, ly + 32, "the fixed launch point or aim");
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" fill=\"#555555\">coastlines: Natural Earth "
                     "1:110m (public domain)</text>\n",
                     left + 330, ly + 48);
  svg += "</svg>\n";
  return svg;
}

}  // namespace rampart::io
