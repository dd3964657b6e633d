#include "rampart/io/kml_export.hpp"

#include <fmt/format.h>

#include <cmath>

#include "rampart/io/iso_time.hpp"
#include "rampart/io/map_features.hpp"
#include "rampart/io/map_samples.hpp"
#include "rampart/io/xml_escape.hpp"

namespace rampart::io {
namespace {

/// KML colours are aabbggrr in hexadecimal.
std::string kml_color(const Rgba& c, int alpha) { return fmt::format("{:02x}{:02x}{:02x}{:02x}", alpha, c.b, c.g, c.r); }

std::string coordinate(const LonLatAlt& p) {
  return fmt::format("{:.6f},{:.6f},{:.0f}", round_degrees(p.lon_deg), round_degrees(p.lat_deg), round_metres(p.alt_m));
}

std::string coordinates(const std::vector<LonLatAlt>& points, bool close) {
  std::string text;
  for (const auto& p : points) text += coordinate(p) + ' ';
  if (close && !points.empty()) text += coordinate(points.front());
  if (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string value_text(const nlohmann::ordered_json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string text;
    for (const auto& item : value) text += (text.empty() ? "" : ", ") + value_text(item);
    return text;
  }
  return value.dump();
}

void write_style(std::ostream& out, const std::string& id, const Rgba& c) {
  out << "<Style id=\"" << id << "\">"
      << "<IconStyle><color>" << kml_color(c, 255) << "</color><scale>0.8</scale></IconStyle>"
      << "<LabelStyle><scale>0.7</scale></LabelStyle>"
      << "<LineStyle><color>" << kml_color(c, 255) << "</color><width>2</width></LineStyle>"
      << "<PolyStyle><color>" << kml_color(c, 64) << "</color></PolyStyle>"
      << "</Style>\n";
}

void write_geometry(std::ostream& out, const MapFeature& f) {
  const std::string mode = f.absolute_altitude ? "absolute" : "clampToGround";
  const bool multi = f.parts.size() > 1;
  if (multi) out << "<MultiGeometry>";
  for (const auto& part : f.parts) {
    switch (f.geometry) {
      case MapGeometry::kPoint:
        out << "<Point><altitudeMode>" << mode << "</altitudeMode><coordinates>" << coordinate(part.at(0))
            << "</coordinates></Point>";
        break;
      case MapGeometry::kLine:
        out << "<LineString><altitudeMode>" << mode << "</altitudeMode><coordinates>" << coordinates(part, false)
            << "</coordinates></LineString>";
        break;
      case MapGeometry::kPolygon:
        out << "<Polygon><tessellate>1</tessellate><altitudeMode>" << mode
            << "</altitudeMode><outerBoundaryIs><LinearRing><coordinates>" << coordinates(part, true)
            << "</coordinates></LinearRing></outerBoundaryIs></Polygon>";
        break;
    }
  }
  if (multi) out << "</MultiGeometry>";
}

void write_placemark(std::ostream& out, const MapFeature& f, std::int64_t epoch_ms) {
  out << "<Placemark><name>" << xml_escape(f.name) << "</name><styleUrl>#" << f.role << "</styleUrl>";
  // Events appear on the time slider from their instant on.
  if (f.time_s && f.role != "launch_point") {
    out << "<TimeSpan><begin>" << iso_at(epoch_ms, *f.time_s) << "</begin></TimeSpan>";
  }
  out << "<ExtendedData>";
  for (const auto& [key, value] : f.properties.items()) {
    out << "<Data name=\"" << xml_escape(key) << "\"><value>" << xml_escape(value_text(value)) << "</value></Data>";
  }
  out << "</ExtendedData>";
  write_geometry(out, f);
  out << "</Placemark>\n";
}

/// A gx:Track: the <when> of every sample, then its <gx:coord> (lon lat alt, spaces).
void write_replay(std::ostream& out, const MapPath& path, const std::string& style, std::int64_t epoch_ms) {
  if (path.samples.empty()) return;
  out << "<Placemark><name>" << xml_escape(path.name) << "</name><styleUrl>#" << style << "</styleUrl>"
      << "<ExtendedData><Data name=\"role\"><value>" << path.kind << "_replay</value></Data>"
      << "<Data name=\"name\"><value>" << xml_escape(path.name) << "</value></Data></ExtendedData>"
      << "<gx:Track><altitudeMode>absolute</altitudeMode>\n";
  for (const auto& s : path.samples) out << "<when>" << iso_at(epoch_ms, s.t_s) << "</when>";
  out << '\n';
  for (const auto& s : path.samples) {
    out << fmt::format("<gx:coord>{:.6f} {:.6f} {:.0f}</gx:coord>", round_degrees(s.position.lon_deg),
                       round_degrees(s.position.lat_deg), round_metres(s.position.alt_m));
  }
  out << "\n</gx:Track></Placemark>\n";
}

}  // namespace

void write_scenario_kml(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                        const earth::EarthModel& earth) {
  const std::int64_t epoch_ms = export_epoch_ms(scenario.epoch);
  const auto features = scenario_features(result, scenario, earth, epoch_ms);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n"
      << "<Document><name>" << xml_escape(std::string("rampart run: ") + scenario.path) << "</name>\n"
      << "<description>" << xml_escape(std::string("seed ") + std::to_string(result.seed) + "; t = 0 is " +
                                    format_iso8601_utc(epoch_ms) +
                                    (scenario.epoch.empty() ? " (the scenario gives no epoch)" : ""))
      << "</description>\n";
  for (const auto& role : map_roles()) write_style(out, role, role_color(role));

  for (const auto& role : map_roles()) {
    bool open = false;
    for (const auto& f : features) {
      if (f.role != role || f.parts.empty()) continue;
      if (!open) out << "<Folder><name>" << role << "</name>\n";
      open = true;
      write_placemark(out, f, epoch_ms);
    }
    if (open) out << "</Folder>\n";
  }

  const auto replay_folder = [&](const std::string& name, const std::vector<MapPath>& paths) {
    bool open = false;
    for (const auto& path : paths) {
      if (path.samples.empty()) continue;
      if (!open) out << "<Folder><name>" << name << "</name>\n";
      open = true;
      write_replay(out, path, path.kind + "_track", epoch_ms);
    }
    if (open) out << "</Folder>\n";
  };
  auto truths = truth_paths(result, earth);
  std::vector<MapPath> threats;
  for (auto& path : truths) {
    if (path.kind == "threat") threats.push_back(std::move(path));
  }
  replay_folder("threat_replay", threats);
  replay_folder("interceptor_replay", interceptor_paths(result, earth));
  out << "</Document>\n</kml>\n";
}

}  // namespace rampart::io
