#include "rampart/io/czml_export.hpp"

#include <cmath>

#include "rampart/io/iso_time.hpp"
#include "rampart/io/map_features.hpp"
#include "rampart/io/map_geometry.hpp"
#include "rampart/io/map_samples.hpp"

namespace rampart::io {
namespace {

using json = nlohmann::ordered_json;

/// Seconds rounded to the millisecond, the resolution of every CZML instant here.
double seconds(double t_s) { return std::round(t_s * 1000.0) / 1000.0 + 0.0; }

json rgba(const Rgba& c, int alpha) { return json{{"rgba", json::array({c.r, c.g, c.b, alpha})}}; }

json solid(const Rgba& c, int alpha) { return json{{"solidColor", json{{"color", rgba(c, alpha)}}}}; }

json cartographic(const LonLatAlt& p) {
  return json::array({round_degrees(p.lon_deg), round_degrees(p.lat_deg), round_metres(p.alt_m)});
}

std::string interval(std::int64_t epoch_ms, double start_s, double end_s) {
  return iso_at(epoch_ms, start_s) + "/" + iso_at(epoch_ms, end_s);
}

/// A moving object: positions as seconds after the scenario's epoch, its trail, a dot.
json moving_packet(const MapPath& path, const std::string& id_prefix, const std::string& role, std::int64_t epoch_ms,
                   double run_end_s) {
  json samples = json::array();
  for (const auto& s : path.samples) {
    samples.push_back(seconds(s.t_s));
    for (const auto& x : cartographic(s.position)) samples.push_back(x);
  }
  const Rgba color = role_color(role);
  json position{{"epoch", iso_at(epoch_ms, 0.0)}, {"cartographicDegrees", samples}};
  // Threats fly smooth ballistic arcs sampled every 5 s: Lagrange of degree 5.
  // Interceptors turn in the end game and tracks are noisy: straight lines between samples.
  if (path.kind == "threat" || path.kind == "debris") {
    position["interpolationAlgorithm"] = "LAGRANGE";
    position["interpolationDegree"] = 5;
  } else {
    position["interpolationAlgorithm"] = "LINEAR";
    position["interpolationDegree"] = 1;
  }
  return json{{"id", id_prefix + path.name},
              {"name", path.name},
              {"description", path.kind},
              {"availability", interval(epoch_ms, path.samples.front().t_s, path.samples.back().t_s)},
              {"position", position},
              {"path",
               {{"material", solid(color, 255)},
                {"width", path.kind == "track" ? 1 : 2},
                {"leadTime", 0},
                {"trailTime", seconds(run_end_s + 1.0)},
                {"resolution", 5}}},
              {"point", {{"color", rgba(color, 255)}, {"pixelSize", 6}}},
              {"label",
               {{"text", path.name},
                {"font", "11px sans-serif"},
                {"pixelOffset", {{"cartesian2", json::array({8, -8})}}},
                {"show", path.kind != "track"}}}};
}

json polygon_packet(const std::string& id, const MapFeature& f, int part) {
  json degrees = json::array();
  for (const auto& p : f.parts[static_cast<std::size_t>(part)]) {
    for (const auto& x : cartographic(LonLatAlt{p.lon_deg, p.lat_deg, 0.0})) degrees.push_back(x);
  }
  const Rgba color = role_color(f.role);
  return json{{"id", id},
              {"name", f.name},
              {"description", f.role},
              {"polygon",
               {{"positions", {{"cartographicDegrees", degrees}}},
                {"height", 0},
                {"material", solid(color, 64)},
                {"outline", true},
                {"outlineColor", rgba(color, 255)}}}};
}

json point_packet(const std::string& id, const MapFeature& f, const std::optional<std::string>& availability) {
  const Rgba color = role_color(f.role);
  json packet{{"id", id}, {"name", f.name}, {"description", f.role}};
  if (availability) packet["availability"] = *availability;
  packet["position"] = json{{"cartographicDegrees", cartographic(f.parts.at(0).at(0))}};
  packet["point"] = json{{"color", rgba(color, 255)},
                         {"pixelSize", f.role == "radar" || f.role == "site" ? 8 : 12},
                         {"outlineColor", rgba(Rgba{0, 0, 0, 255}, 255)},
                         {"outlineWidth", 1}};
  packet["label"] = json{{"text", f.name},
                         {"font", "12px sans-serif"},
                         {"pixelOffset", {{"cartesian2", json::array({10, -10})}}}};
  return packet;
}

}  // namespace

nlohmann::ordered_json scenario_czml(const sim::RunResult& result, const sim::Scenario& scenario,
                                     const earth::EarthModel& earth) {
  const std::int64_t epoch_ms = export_epoch_ms(scenario.epoch);
  const auto truths = truth_paths(result, earth);
  const auto interceptors = interceptor_paths(result, earth);
  const auto tracks = confirmed_track_paths(result, earth);
  std::vector<MapPath> all = truths;
  all.insert(all.end(), interceptors.begin(), interceptors.end());
  all.insert(all.end(), tracks.begin(), tracks.end());
  const RunSpan span = run_span(result, all);
  const std::string whole_run = interval(epoch_ms, span.start_s, span.end_s);

  json packets = json::array();
  packets.push_back(json{{"id", "document"},
                         {"name", std::string("rampart run: ") + scenario.path},
                         {"version", "1.0"},
                         {"clock",
                          {{"interval", whole_run},
                           {"currentTime", iso_at(epoch_ms, span.start_s)},
                           {"multiplier", 10},
                           {"range", "LOOP_STOP"},
                           {"step", "SYSTEM_CLOCK_MULTIPLIER"}}}});

  const auto features = scenario_features(result, scenario, earth, epoch_ms);
  for (const auto& f : features) {
    if (f.parts.empty()) continue;
    if (f.role == "defended_asset" || f.role == "radar_footprint") {
      const std::string prefix = f.role == "defended_asset" ? std::string("asset/") + f.name : std::string("radar/") + f.name + "/coverage";
      for (std::size_t part = 0; part < f.parts.size(); ++part) {
        const std::string id = f.parts.size() == 1 ? prefix : prefix + "/" + std::to_string(part + 1);
        packets.push_back(polygon_packet(id, f, static_cast<int>(part)));
      }
    } else if (f.role == "radar" || f.role == "site") {
      packets.push_back(point_packet(f.role + "/" + f.name, f, std::nullopt));
    }
  }

  for (const auto& path : truths) {
    if (!path.samples.empty()) packets.push_back(moving_packet(path, path.kind + "/", path.kind + "_track", epoch_ms, span.end_s));
  }
  for (const auto& path : interceptors) {
    if (!path.samples.empty()) packets.push_back(moving_packet(path, "interceptor/", "interceptor_track", epoch_ms, span.end_s));
  }
  for (const auto& path : tracks) {
    if (!path.samples.empty()) packets.push_back(moving_packet(path, "track/", "track", epoch_ms, span.end_s));
  }

  // Events: visible from their instant to the end of the run.
  int event_number = 0;
  for (const auto& f : features) {
    if (f.role != "intercept" && f.role != "miss" && f.role != "leaker_impact") continue;
    ++event_number;
    const std::string kind = f.role == "leaker_impact" ? "leak" : f.role;
    const std::string id = kind + "/" + std::to_string(event_number) + "/" + f.name;
    packets.push_back(point_packet(id, f, interval(epoch_ms, f.time_s.value_or(span.start_s), span.end_s)));
  }
  return packets;
}

void write_scenario_czml(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                         const earth::EarthModel& earth) {
  const json packets = scenario_czml(result, scenario, earth);
  out << '[';
  for (std::size_t i = 0; i < packets.size(); ++i) out << (i == 0 ? "\n" : ",\n") << packets[i].dump();
  out << "\n]\n";
}

}  // namespace rampart::io
