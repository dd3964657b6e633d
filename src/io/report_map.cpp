// The map of a run: the scenario (radar coverage, defended assets, sites,
// batteries, radars, launch points) over Natural Earth coastlines and
// borders, the ground tracks of every threat and interceptor, the kills,
// misses and leaker impacts, a legend and the data's attribution.
// Elements carry stable ids and classes (map-trajectories, threat-track
// data-threat=NAME, interceptor-track, intercept-marker, leak-marker, ...)
// so that a test can count them. Colours follow the KML and CZML exports:
// threats red, interceptors cyan, radars blue, assets green, intercepts
// yellow, misses magenta, leakers bright red.

#include <fmt/core.h>

#include <map>

#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

using LonLat = std::vector<std::pair<double, double>>;

std::pair<double, double> place_of(const nlohmann::json& place) {
  return {place.value("lon_deg", 0.0), place.value("lat_deg", 0.0)};
}

std::optional<std::pair<double, double>> point_of(const nlohmann::json& geometry) {
  if (!geometry.is_object() || geometry.value("type", "") != "Point") return std::nullopt;
  return std::make_pair(geometry["coordinates"][0].get<double>(), geometry["coordinates"][1].get<double>());
}

LonLat ground_track(const Trajectory& t) {
  LonLat line;
  for (std::size_t i = 0; i < t.t_s.size(); ++i) line.emplace_back(t.lon_deg[i], t.lat_deg[i]);
  return line;
}

std::vector<nlohmann::json> features(const RunFiles& run, const std::string& role) {
  std::vector<nlohmann::json> found;
  if (!run.geojson) return found;
  for (const auto& f : (*run.geojson)["features"]) {
    if (f["properties"].value("role", "") == role) found.push_back(f);
  }
  return found;
}

std::string marker_circle(const GeoFrame& frame, std::pair<double, double> p, const std::string& cls,
                          const std::string& data, const std::string& title, double r) {
  return fmt::format("<circle class=\"{}\" {} cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:g}\"><title>{}</title></circle>\n",
                     cls, data, frame.x(p.first), frame.y(p.second), r, escape(title));
}

std::string legend(double top, double width, const std::string& attribution) {
  // Symbol, then its label, left to right; wraps to a second row. The
  // symbols' classes end in -key so that counting the map's elements by
  // class (threat-track, intercept-marker, ...) does not count the legend.
  struct Item {
    std::string symbol, label;
  };
  const std::vector<Item> items{
      {"<path class=\"key threat-track-key\" d=\"M0 0 L22 0\"/>", "threat"},
      {"<path class=\"key interceptor-track-key\" d=\"M0 0 L22 0\"/>", "interceptor"},
      {"<circle class=\"key intercept-marker-key\" cx=\"11\" cy=\"0\" r=\"5\"/>", "kill"},
      {"<path class=\"key miss-marker-key\" d=\"M6 -5 L16 5 M6 5 L16 -5\"/>", "miss"},
      {"<circle class=\"key leak-marker-key\" cx=\"11\" cy=\"0\" r=\"6\"/>", "leaker impact"},
      {"<circle class=\"key impact-marker-key\" cx=\"11\" cy=\"0\" r=\"4\"/>", "impact away from assets"},
      {"<path class=\"key battery-key\" d=\"M11 -7 L5 5 L17 5 Z\"/>", "battery"},
      {"<rect class=\"key radar-key\" x=\"6\" y=\"-5\" width=\"10\" height=\"10\"/>", "radar"},
      {"<rect class=\"key launch-point-key\" x=\"8\" y=\"-3\" width=\"6\" height=\"6\"/>", "launch point"},
      {"<path class=\"key defended-asset-key\" d=\"M3 -6 H19 V6 H3 Z\"/>", "defended asset"},
      {"<path class=\"key radar-coverage-key\" d=\"M3 -6 H19 V6 H3 Z\"/>", "radar coverage (100 km target)"},
  };
  std::string svg = fmt::format("<g class=\"legend\" transform=\"translate(0 {:.0f})\">\n", top);
  double x = 4, y = 12;
  for (const auto& item : items) {
    const double w = 30 + 6.5 * static_cast<double>(item.label.size()) + 14;
    if (x + w > width) {
      x = 4;
      y += 22;
    }
    svg += fmt::format("<g transform=\"translate({:.0f} {:.0f})\">{}<text x=\"28\" y=\"4\">{}</text></g>\n", x, y,
                       item.symbol, escape(item.label));
    x += w;
  }
  svg += fmt::format("<text class=\"attribution\" x=\"4\" y=\"{:.0f}\">Coastlines and borders: {}</text>\n", y + 24,
                     escape(attribution));
  svg += "</g>\n";
  return svg;
}

}  // namespace

std::vector<LonLat> outer_rings(const nlohmann::json& geometry) {
  std::vector<LonLat> rings;
  if (!geometry.is_object()) return rings;
  const auto type = geometry.value("type", "");
  const auto add_polygon = [&rings](const nlohmann::json& polygon) {
    if (!polygon.is_array() || polygon.empty()) return;
    LonLat ring;
    for (const auto& p : polygon[0]) ring.emplace_back(p[0].get<double>(), p[1].get<double>());
    rings.push_back(std::move(ring));
  };
  if (type == "Polygon") add_polygon(geometry["coordinates"]);
  if (type == "MultiPolygon") {
    for (const auto& polygon : geometry["coordinates"]) add_polygon(polygon);
  }
  return rings;
}

std::string run_map(const RunFiles& run, const std::string& p) {
  const auto& summary = run.summary;
  const auto threats = summary.value("threats", nlohmann::json::array());

  // The box: everything that moved or is defended, not the radars' reach.
  GeoBox box;
  for (const auto& t : run.trajectories) {
    for (std::size_t i = 0; i < t.t_s.size(); ++i) box.add(t.lon_deg[i], t.lat_deg[i]);
  }
  for (const auto& t : threats) {
    if (t["launch_point"].is_object()) box.add(place_of(t["launch_point"]).first, place_of(t["launch_point"]).second);
    if (t["impact_point"].is_object()) box.add(place_of(t["impact_point"]).first, place_of(t["impact_point"]).second);
  }
  for (const auto& role : {"site", "battery", "radar", "defended_asset", "aim_point", "launch_point"}) {
    for (const auto& f : features(run, role)) {
      if (const auto pt = point_of(f["geometry"])) box.add(pt->first, pt->second);
      for (const auto& ring : outer_rings(f["geometry"])) {
        for (const auto& [lon, lat] : ring) box.add(lon, lat);
      }
    }
  }
  const GeoFrame frame(box.padded(0.08, 1.5), 960.0);
  const double w = frame.width(), h = frame.height();
  const double legend_h = 90;

  std::string svg = fmt::format(
      "<svg class=\"map\" id=\"{0}map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{1:.0f}\" height=\"{2:.0f}\" "
      "viewBox=\"0 0 {1:.0f} {2:.0f}\" role=\"img\">\n<title>Map of the run</title>\n"
      "<defs><clipPath id=\"{0}map-clip\"><rect width=\"{3:.0f}\" height=\"{4:.0f}\"/></clipPath></defs>\n"
      "<g clip-path=\"url(#{0}map-clip)\">\n<rect class=\"sea\" width=\"{3:.0f}\" height=\"{4:.0f}\"/>\n",
      p, w, h + legend_h, w, h);

  svg += fmt::format("<g id=\"{}map-coverage\">\n", p);
  for (const auto& f : features(run, "radar_footprint")) {
    const auto name = f["properties"].value("name", "");
    for (const auto& ring : outer_rings(f["geometry"])) {
      const auto d = frame.path(ring, 0.5, true);
      if (d.empty()) continue;
      svg += fmt::format("<path class=\"radar-coverage\" data-radar=\"{0}\" d=\"{1}\"><title>coverage of radar {0} "
                         "(target at 100 km)</title></path>\n",
                         escape(name), d);
    }
  }
  svg += "</g>\n";
  svg += frame.basemap(p + "map-");

  svg += fmt::format("<g id=\"{}map-assets\">\n", p);
  for (const auto& f : features(run, "defended_asset")) {
    const auto& props = f["properties"];
    const auto name = props.value("name", "");
    for (const auto& ring : outer_rings(f["geometry"])) {
      const auto d = frame.path(ring, 0.3, true);
      if (d.empty()) continue;
      svg += fmt::format("<path class=\"defended-asset\" data-asset=\"{0}\" d=\"{1}\"><title>{0}: value {2}, "
                         "leakers hit {3}</title></path>\n",
                         escape(name), d, text_of(props["value"]), text_of(props["leakers_hit"]));
    }
  }
  svg += "</g>\n";

  // Interceptors first, so the threats they chase stay visible on top.
  std::map<std::string, std::string> interceptor_target;
  for (const auto& f : features(run, "interceptor_track")) {
    interceptor_target[f["properties"].value("name", "")] = text_of(f["properties"]["target"]);
  }
  svg += fmt::format("<g id=\"{}map-trajectories\">\n", p);
  for (const auto& t : run.trajectories) {
    if (t.threat) continue;
    const auto d = frame.path(ground_track(t), 0.3);
    if (d.empty()) continue;
    const auto target = interceptor_target.count(t.name) ? interceptor_target[t.name] : std::string("-");
    svg += fmt::format(
        "<path class=\"interceptor-track\" data-interceptor=\"{0}\" data-threat=\"{1}\" d=\"{2}\"><title>interceptor "
        "{0} against {1}</title></path>\n",
        escape(t.name), escape(target), d);
  }
  std::map<std::string, const Trajectory*> by_name;
  for (const auto& t : run.trajectories) by_name[t.name] = &t;
  for (const auto& threat : threats) {
    const auto name = threat.value("name", "");
    const auto found = by_name.find(name);
    if (found == by_name.end() || !found->second->threat) continue;
    const auto d = frame.path(ground_track(*found->second), 0.3);
    if (d.empty()) continue;
    svg += fmt::format("<path class=\"threat-track\" data-threat=\"{0}\" d=\"{1}\"><title>threat {0}: {2}</title></path>\n",
                       escape(name), d, escape(text_of(threat["result"])));
  }
  svg += "</g>\n";

  svg += fmt::format("<g id=\"{}map-sites\">\n", p);
  for (const auto& f : features(run, "launch_point")) {
    if (const auto pt = point_of(f["geometry"])) {
      svg += fmt::format("<rect class=\"launch-point\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"6\" height=\"6\"><title>launch "
                         "of {} ({})</title></rect>\n",
                         frame.x(pt->first) - 3, frame.y(pt->second) - 3, escape(f["properties"].value("name", "")),
                         escape(text_of(f["properties"]["missile"])));
    }
  }
  for (const auto& f : features(run, "radar")) {
    if (const auto pt = point_of(f["geometry"])) {
      svg += fmt::format("<rect class=\"radar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\"><title>radar {}: "
                         "{}</title></rect>\n",
                         frame.x(pt->first) - 5, frame.y(pt->second) - 5, escape(f["properties"].value("name", "")),
                         escape(text_of(f["properties"]["description"])));
    }
  }
  for (const auto& f : features(run, "battery")) {
    if (const auto pt = point_of(f["geometry"])) {
      const double x = frame.x(pt->first), y = frame.y(pt->second);
      const auto& props = f["properties"];
      svg += fmt::format(
          "<path class=\"battery\" data-battery=\"{0}\" d=\"M{1:.1f} {2:.1f} L{3:.1f} {4:.1f} L{5:.1f} {4:.1f} Z\">"
          "<title>battery {0}: {6}, {7} shots, {8} left</title></path>\n",
          escape(props.value("name", "")), x, y - 9, x - 7, y + 5, x + 7, escape(text_of(props["interceptor"])),
          text_of(props["shots"]), text_of(props["inventory_left"]));
    }
  }
  for (const auto& f : features(run, "site")) {
    if (const auto pt = point_of(f["geometry"])) {
      svg += fmt::format("<text class=\"site-label\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", frame.x(pt->first) + 9,
                         frame.y(pt->second) + 14, escape(f["properties"].value("name", "")));
    }
  }
  svg += "</g>\n";

  svg += fmt::format("<g id=\"{}map-events\">\n", p);
  for (const auto& f : features(run, "miss")) {
    if (const auto pt = point_of(f["geometry"])) {
      const double x = frame.x(pt->first), y = frame.y(pt->second);
      const auto& props = f["properties"];
      svg += fmt::format(
          "<path class=\"miss-marker\" data-threat=\"{0}\" d=\"M{1:.1f} {2:.1f} L{3:.1f} {4:.1f} M{1:.1f} {4:.1f} "
          "L{3:.1f} {2:.1f}\"><title>{5} missed {0} by {6} m at t = {7} s</title></path>\n",
          escape(text_of(props["threat"])), x - 5, y - 5, x + 5, y + 5, escape(props.value("name", "")),
          number(props["miss_distance_m"], 0), number(props["t_s"], 1));
    }
  }
  for (const auto& t : threats) {
    const auto name = t.value("name", "");
    const auto result = t.value("result", "");
    if (result == "killed" && t["intercept_point"].is_object()) {
      svg += marker_circle(frame, place_of(t["intercept_point"]), "intercept-marker",
                           fmt::format("data-threat=\"{}\"", escape(name)),
                           fmt::format("{} killed at t = {} s, {} km up", name, number(t["intercept_time_s"], 1),
                                       number(t["intercept_point"].value("alt_m", 0.0) / 1000.0, 0)),
                           5);
    } else if (t["impact_point"].is_object()) {
      const bool leak = result == "leaked";
      svg += marker_circle(frame, place_of(t["impact_point"]), leak ? "leak-marker" : "impact-marker",
                           fmt::format("data-threat=\"{}\"", escape(name)),
                           fmt::format("{} {} at t = {} s{}", name, leak ? "leaked: impact" : "impact",
                                       number(t["impact_time_s"], 1),
                                       leak ? " on " + text_of(t["assets_hit"]) : std::string()),
                           leak ? 6 : 4);
    }
  }
  svg += "</g>\n</g>\n";
  svg += fmt::format("<rect class=\"frame\" width=\"{:.0f}\" height=\"{:.0f}\"/>\n", w, h);
  svg += legend(h, w, GeoFrame::attribution());
  svg += "</svg>\n";
  return svg;
}

}  // namespace rampart::io::report
