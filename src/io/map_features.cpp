#include "rampart/io/map_features.hpp"

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/io/iso_time.hpp"
#include "rampart/io/map_samples.hpp"

namespace rampart::io {
namespace {

using json = nlohmann::ordered_json;

double seconds(double t_s) { return std::round(t_s * 1000.0) / 1000.0 + 0.0; }
double degrees(double rad) { return std::round(rad * constants::kRadToDeg * 1e6) / 1e6 + 0.0; }

MapFeature make(std::string role, std::string name, MapGeometry geometry, std::vector<std::vector<LonLatAlt>> parts,
                bool absolute_altitude) {
  MapFeature f;
  f.properties = json{{"role", role}, {"name", name}};
  f.role = std::move(role);
  f.name = std::move(name);
  f.geometry = geometry;
  f.parts = std::move(parts);
  f.absolute_altitude = absolute_altitude;
  return f;
}

MapFeature point(std::string role, std::string name, const earth::Geodetic& g, bool absolute_altitude) {
  return make(std::move(role), std::move(name), MapGeometry::kPoint, {{lon_lat_alt(g)}}, absolute_altitude);
}

MapFeature polygon(std::string role, std::string name, const std::vector<LonLatAlt>& ring) {
  return make(std::move(role), std::move(name), MapGeometry::kPolygon,
              split_ring_at_antimeridian(counter_clockwise(ring)), false);
}

void stamp(MapFeature& f, double t_s, std::int64_t epoch_ms) {
  f.time_s = t_s;
  f.properties["t_s"] = seconds(t_s);
  f.properties["time"] = iso_at(epoch_ms, t_s);
}

std::vector<MapFeature> by_role(std::vector<MapFeature> features) {
  std::vector<MapFeature> ordered;
  for (const auto& role : map_roles()) {
    for (auto& f : features) {
      if (f.role == role) ordered.push_back(std::move(f));
    }
  }
  return ordered;
}

}  // namespace

Rgba role_color(const std::string& role) {
  if (role == "defended_asset") return {0, 170, 0, 255};
  if (role == "radar_footprint" || role == "radar") return {30, 120, 255, 255};
  if (role == "site") return {255, 255, 255, 255};
  if (role == "battery") return {0, 220, 220, 255};
  if (role == "launch_point") return {160, 0, 0, 255};
  if (role == "aim_point") return {255, 140, 0, 255};
  if (role == "threat_track") return {230, 30, 30, 255};
  if (role == "debris_track") return {150, 150, 150, 255};
  if (role == "interceptor_track") return {0, 200, 255, 255};
  if (role == "intercept") return {255, 220, 0, 255};
  if (role == "miss") return {255, 0, 255, 255};
  if (role == "leaker_impact") return {255, 0, 0, 255};
  if (role == "impact") return {200, 120, 60, 255};
  if (role == "track") return {170, 80, 255, 255};
  return {};
}

const std::vector<std::string>& map_roles() {
  static const std::vector<std::string> kRoles{
      "defended_asset", "radar_footprint", "site",      "battery",  "radar",         "launch_point", "aim_point",
      "threat_track",   "debris_track",    "interceptor_track", "intercept", "miss", "leaker_impact", "impact"};
  return kRoles;
}

std::vector<MapFeature> scenario_features(const sim::RunResult& result, const sim::Scenario& scenario,
                                          const earth::EarthModel& earth, std::int64_t epoch_ms) {
  std::vector<MapFeature> features;

  for (std::size_t a = 0; a < scenario.defended_assets.size(); ++a) {
    const auto& asset = scenario.defended_assets[a];
    const bool is_point = asset.polygon.empty();
    std::vector<LonLatAlt> ring;
    if (is_point) {
      ring = geodesic_circle(earth, asset.point, asset.radius_m);
    } else {
      for (const auto& g : asset.polygon) ring.push_back(lon_lat_alt(earth::Geodetic{g.lat_rad, g.lon_rad, 0.0}));
    }
    auto f = polygon("defended_asset", asset.name, ring);
    f.properties["kind"] = is_point ? "point" : "polygon";
    f.properties["radius_m"] = is_point ? json(asset.radius_m) : json(nullptr);
    f.properties["value"] = asset.value;
    f.properties["leakers_hit"] = a < result.asset_damage.size() ? result.asset_damage[a] : 0.0;
    features.push_back(std::move(f));
  }

  for (const auto& radar : scenario.radars) {
    const RadarFootprint footprint = radar_footprint(earth, radar);
    auto site = point("radar", radar.name, radar.site, true);
    site.properties["description"] = radar.description;
    site.properties["boresight_azimuth_deg"] = degrees(radar.boresight_azimuth_rad);
    site.properties["azimuth_span_deg"] = degrees(radar.azimuth_span_rad);
    site.properties["elevation_min_deg"] = degrees(radar.elevation_min_rad);
    site.properties["elevation_max_deg"] = degrees(radar.elevation_max_rad);
    site.properties["max_range_m"] = round_metres(radar.max_range_m);
    features.push_back(std::move(site));
    if (footprint.ring.empty()) continue;
    auto f = polygon("radar_footprint", radar.name, footprint.ring);
    f.properties["reference_altitude_m"] = round_metres(footprint.reference_altitude_m);
    f.properties["slant_range_m"] = round_metres(footprint.slant_range_m);
    f.properties["ground_range_m"] = round_metres(footprint.ground_range_m);
    f.properties["limited_by"] = footprint.limited_by_horizon ? "horizon" : "max_range";
    features.push_back(std::move(f));
  }

  for (const auto& site : scenario.sites) features.push_back(point("site", site.name, site.location, true));

  for (std::size_t b = 0; b < scenario.batteries.size(); ++b) {
    const auto& battery = scenario.batteries[b];
    auto f = point("battery", battery.name, battery.location, true);
    f.properties["site"] = battery.site;
    f.properties["interceptor"] = battery.interceptor.name;
    f.properties["launchers"] = battery.launchers;
    f.properties["inventory"] = battery.inventory;
    if (b < result.batteries.size()) {
      f.properties["shots"] = result.batteries[b].shots;
      f.properties["inventory_left"] = result.batteries[b].inventory_left;
    }
    features.push_back(std::move(f));
  }

  for (std::size_t i = 0; i < result.threats.size(); ++i) {
    const auto& threat = result.threats[i];
    auto f = point("launch_point", threat.name, threat.launch_point, false);
    stamp(f, threat.launch_time_s, epoch_ms);
    if (i < scenario.threats.size()) {
      f.properties["missile"] = scenario.threats[i].missile.name;
      f.properties["raid"] = scenario.threats[i].raid ? json(*scenario.threats[i].raid) : json(nullptr);
    }
    f.properties["result"] = sim::threat_result_name(threat.result);
    features.push_back(std::move(f));
  }
  for (const auto& threat : scenario.threats) {
    auto f = point("aim_point", threat.name, threat.aim, false);
    f.properties["aim_asset"] = threat.aim_asset ? json(*threat.aim_asset) : json(nullptr);
    features.push_back(std::move(f));
  }

  const auto line = [](const MapPath& path) {
    std::vector<LonLatAlt> points;
    for (const auto& s : path.samples) points.push_back(s.position);
    return split_line_at_antimeridian(points);
  };
  for (const auto& path : truth_paths(result, earth)) {
    if (path.samples.size() < 2) continue;
    auto f = make(path.kind + "_track", path.name, MapGeometry::kLine, line(path), true);
    f.properties["launch_time_s"] = seconds(path.samples.front().t_s);
    f.properties["end_time_s"] = seconds(path.samples.back().t_s);
    features.push_back(std::move(f));
  }
  const auto interceptors = interceptor_paths(result, earth);
  for (std::size_t k = 0; k < interceptors.size(); ++k) {
    const auto& path = interceptors[k];
    const auto& trace = result.interceptors[k];
    if (path.samples.size() < 2) continue;
    auto f = make("interceptor_track", path.name, MapGeometry::kLine, line(path), true);
    f.properties["battery"] = trace.battery;
    f.properties["number"] = trace.number;
    f.properties["target"] = trace.target;
    f.properties["launch_time_s"] = seconds(trace.launch_time_s);
    f.properties["end_time_s"] = seconds(trace.end_time_s);
    f.properties["kill"] = trace.kill;
    f.properties["miss_distance_m"] = std::round(trace.miss_distance_m * 10.0) / 10.0;
    features.push_back(std::move(f));
  }

  for (const auto& e : result.events) {
    if ((e.kind != sim::EventKind::kIntercept && e.kind != sim::EventKind::kMiss) || !e.place) continue;
    const std::string name = e.battery + "-" + (e.interceptor ? std::to_string(*e.interceptor) : std::string("?"));
    auto f = point(e.kind == sim::EventKind::kIntercept ? "intercept" : "miss", name, *e.place, true);
    stamp(f, e.t_s, epoch_ms);
    f.properties["threat"] = e.threat;
    f.properties["battery"] = e.battery;
    f.properties["interceptor"] = e.interceptor ? json(*e.interceptor) : json(nullptr);
    f.properties["alt_m"] = round_metres(e.place->alt_m);
    f.properties["miss_distance_m"] = e.miss_distance_m ? json(std::round(*e.miss_distance_m * 10.0) / 10.0)
                                                         : json(nullptr);
    features.push_back(std::move(f));
  }

  for (const auto& threat : result.threats) {
    if (!threat.impact_point || threat.result == sim::ThreatResult::kKilled) continue;
    const bool leaked = threat.result == sim::ThreatResult::kLeaked;
    auto f = point(leaked ? "leaker_impact" : "impact", threat.name, *threat.impact_point, false);
    stamp(f, threat.impact_time_s.value_or(0.0), epoch_ms);
    f.properties["assets_hit"] = threat.assets_hit;
    features.push_back(std::move(f));
  }
  return by_role(std::move(features));
}

}  // namespace rampart::io
