#include "rampart/io/geojson_export.hpp"

#include <cmath>

#include "rampart/io/iso_time.hpp"
#include "rampart/io/map_features.hpp"

namespace rampart::io {
namespace {

using json = nlohmann::ordered_json;

json position(const LonLatAlt& p, bool with_altitude) {
  json x = json::array({round_degrees(p.lon_deg), round_degrees(p.lat_deg)});
  if (with_altitude) x.push_back(static_cast<std::int64_t>(std::llround(p.alt_m)));
  return x;
}

json positions(const std::vector<LonLatAlt>& points, bool with_altitude, bool close) {
  json x = json::array();
  for (const auto& p : points) x.push_back(position(p, with_altitude));
  if (close && !points.empty()) x.push_back(x.front());  // the very same rounded numbers
  return x;
}

json geometry(const MapFeature& f) {
  switch (f.geometry) {
    case MapGeometry::kPoint:
      return json{{"type", "Point"}, {"coordinates", position(f.parts.at(0).at(0), f.absolute_altitude)}};
    case MapGeometry::kLine: {
      if (f.parts.size() == 1) {
        return json{{"type", "LineString"}, {"coordinates", positions(f.parts[0], f.absolute_altitude, false)}};
      }
      json lines = json::array();
      for (const auto& part : f.parts) lines.push_back(positions(part, f.absolute_altitude, false));
      return json{{"type", "MultiLineString"}, {"coordinates", lines}};
    }
    case MapGeometry::kPolygon: {
      if (f.parts.size() == 1) {
        return json{{"type", "Polygon"},
                    {"coordinates", json::array({positions(f.parts[0], f.absolute_altitude, true)})}};
      }
      json polygons = json::array();
      for (const auto& ring : f.parts) {
        polygons.push_back(json::array({positions(ring, f.absolute_altitude, true)}));
      }
      return json{{"type", "MultiPolygon"}, {"coordinates", polygons}};
    }
  }
  return json(nullptr);
}

}  // namespace

nlohmann::ordered_json scenario_geojson(const sim::RunResult& result, const sim::Scenario& scenario,
                                        const earth::EarthModel& earth) {
  json features = json::array();
  for (const auto& f : scenario_features(result, scenario, earth, export_epoch_ms(scenario.epoch))) {
    if (f.parts.empty()) continue;
    features.push_back(json{{"type", "Feature"}, {"properties", f.properties}, {"geometry", geometry(f)}});
  }
  return json{{"type", "FeatureCollection"}, {"features", features}};
}

void write_scenario_geojson(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                            const earth::EarthModel& earth) {
  const json collection = scenario_geojson(result, scenario, earth);
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  const auto& features = collection["features"];
  for (std::size_t i = 0; i < features.size(); ++i) {
    out << (i == 0 ? "\n" : ",\n") << features[i].dump();
  }
  out << "\n]}\n";
}

}  // namespace rampart::io
