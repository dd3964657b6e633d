#pragma once
// The content of the map exports as a list of features, independent of the
// file format: what scenario.geojson and scenario.kml both draw (one place
// decides what is shown and with which properties). docs/formats.md, "Map
// exports".

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/io/map_geometry.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

enum class MapGeometry { kPoint, kLine, kPolygon };

/// One feature. Lines and polygons come already split at the antimeridian:
/// a line has one part per piece, a polygon one open counter-clockwise ring
/// per part; a point has one part of one position.
struct MapFeature {
  std::string role;   ///< launch_point, aim_point, site, battery, radar, radar_footprint, defended_asset,
                      ///< threat_track, debris_track, interceptor_track, intercept, miss, leaker_impact, impact
  std::string name;
  MapGeometry geometry = MapGeometry::kPoint;
  std::vector<std::vector<LonLatAlt>> parts;
  bool absolute_altitude = false;   ///< heights are meaningful (else drawn on the ground)
  std::optional<double> time_s;     ///< the instant a point stands for (launch, intercept, impact)
  nlohmann::ordered_json properties;  ///< starts with "role" and "name"
};

/// An sRGB colour with opacity, 0-255 each.
struct Rgba {
  int r = 255;
  int g = 255;
  int b = 255;
  int a = 255;
};

/// The colour each role (and "track", for tracker tracks) is drawn in, the same in KML and CZML.
Rgba role_color(const std::string& role);

/// The roles in drawing order (the order of the features and of the KML folders).
const std::vector<std::string>& map_roles();

/// Every feature of the run, role by role in map_roles() order, each role's
/// features in scenario (or event) order. `epoch_ms` (iso_time.hpp) gives the
/// "time" properties.
std::vector<MapFeature> scenario_features(const sim::RunResult& result, const sim::Scenario& scenario,
                                          const earth::EarthModel& earth, std::int64_t epoch_ms);

}  // namespace rampart::io
