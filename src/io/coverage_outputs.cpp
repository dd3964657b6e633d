#include "rampart/io/coverage_outputs.hpp"

#include <fmt/core.h>

#include <cmath>

#include "rampart/core/constants.hpp"

namespace rampart::io {

namespace {

// Metres to the nearest millimetre, so that files do not carry float noise.
double mm(double m) { return std::round(m * 1000.0) / 1000.0; }

nlohmann::json position(const earth::Geodetic& g) {
  // 1e-7 deg is about 1 cm: more digits would be noise.
  const auto deg = [](double rad) { return std::round(rad * constants::kRadToDeg * 1e7) / 1e7; };
  return nlohmann::json::array({deg(g.lon_rad), deg(g.lat_rad)});
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

}  // namespace

nlohmann::json coverage_geojson(const std::vector<analysis::CoverageFootprint>& footprints) {
  nlohmann::json features = nlohmann::json::array();
  for (const auto& fp : footprints) {
    nlohmann::json feature{{"type", "Feature"}};
    if (fp.ring.empty()) {
      feature["geometry"] = nullptr;
    } else {
      nlohmann::json ring = nlohmann::json::array();
      for (const auto& v : fp.ring) ring.push_back(position(v));
      ring.push_back(position(fp.ring.front()));
      feature["geometry"] = {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}};
    }
    nlohmann::json properties{{"system", fp.system},
                              {"kind", std::string(analysis::system_kind_name(fp.kind))},
                              {"altitude_m", mm(fp.altitude_m)},
                              {"area_km2", std::round(fp.area_m2 / 1e6 * 1000.0) / 1000.0},
                              {"max_range_m", mm(fp.max_reach_m)}};
    if (fp.kind == analysis::SystemKind::kBattery) {
      properties["fire_control_radar"] =
          fp.fire_control_radar ? nlohmann::json(*fp.fire_control_radar) : nlohmann::json(nullptr);
    }
    properties["note"] = fp.note;
    feature["properties"] = properties;
    features.push_back(feature);
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

void write_reach_csv(std::ostream& out, const std::vector<analysis::ReachRow>& rows) {
  out << "place,system,kind,altitude_m,distance_m,azimuth_deg,reach_m,covered\n";
  for (const auto& r : rows) {
    out << fmt::format("{},{},{},{:.1f},{:.1f},{:.3f},{:.1f},{}\n", csv_field(r.place), csv_field(r.system),
                       analysis::system_kind_name(r.kind), r.altitude_m, r.distance_m,
                       r.azimuth_rad * constants::kRadToDeg, r.reach_m, r.covered ? 1 : 0);
  }
}

nlohmann::json reach_json(const std::vector<analysis::ReachRow>& rows, const std::vector<double>& altitudes_m) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rows) {
    list.push_back({{"place", r.place},
                    {"system", r.system},
                    {"kind", std::string(analysis::system_kind_name(r.kind))},
                    {"altitude_m", mm(r.altitude_m)},
                    {"distance_m", mm(r.distance_m)},
                    {"azimuth_deg", std::round(r.azimuth_rad * constants::kRadToDeg * 1e6) / 1e6},
                    {"reach_m", mm(r.reach_m)},
                    {"covered", r.covered}});
  }
  nlohmann::json alts = nlohmann::json::array();
  for (double h : altitudes_m) alts.push_back(mm(h));
  return {{"altitudes_m", alts}, {"rows", list}};
}

}  // namespace rampart::io
