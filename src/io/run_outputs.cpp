#include "rampart/io/run_outputs.hpp"

#include <fmt/core.h>

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/tracking_outputs.hpp"

namespace rampart::io {
namespace {

using json = nlohmann::ordered_json;

/// Values rounded for reading (times to ms, places to 1e-6 deg, distances to mm):
/// the files are for analysts, and the rounding is itself deterministic.
double round_to(double x, double unit) { return std::round(x / unit) * unit; }

json place_json(const earth::Geodetic& g) {
  return json{{"lat_deg", round_to(g.lat_rad * constants::kRadToDeg, 1e-6)},
              {"lon_deg", round_to(g.lon_rad * constants::kRadToDeg, 1e-6)},
              {"alt_m", round_to(g.alt_m, 1e-3)}};
}

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json seconds_json(const std::optional<double>& t) { return t ? json(round_to(*t, 1e-3)) : json(nullptr); }

void write_row(std::ostream& out, const std::string& object, const char* kind, double t_s, const Vec3& r_I,
               const earth::EarthModel& earth) {
  const auto g = earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s));
  out << fmt::format("{},{},{:.3f},{:.6f},{:.6f},{:.1f}\n", object, kind, t_s, g.lat_rad * constants::kRadToDeg,
                     g.lon_rad * constants::kRadToDeg, g.alt_m);
}

}  // namespace

json event_json(const sim::Event& e) {
  json j{{"t_s", round_to(e.t_s, 1e-3)}, {"event", sim::event_kind_name(e.kind)}};
  if (!e.threat.empty()) j["threat"] = e.threat;
  if (e.track) j["track"] = *e.track;
  if (!e.battery.empty()) j["battery"] = e.battery;
  if (e.interceptor) j["interceptor"] = *e.interceptor;
  if (e.engagement) j["engagement"] = *e.engagement;
  if (e.intercept_time_s) j["intercept_time_s"] = round_to(*e.intercept_time_s, 1e-3);
  if (e.place) j["place"] = place_json(*e.place);
  if (e.miss_distance_m) j["miss_distance_m"] = round_to(*e.miss_distance_m, 1e-3);
  if (!e.detail.empty()) j["detail"] = e.detail;
  return j;
}

void write_events_jsonl(std::ostream& out, const std::vector<sim::Event>& events) {
  for (const auto& e : events) out << event_json(e).dump() << '\n';
}

json run_summary_json(const sim::RunResult& result, const sim::Scenario& scenario) {
  json j;
  j["scenario"] = scenario.path;
  j["seed"] = result.seed;
  j["threats_launched"] = result.threats.size();
  int killed = 0;
  for (const auto& t : result.threats) killed += t.result == sim::ThreatResult::kKilled ? 1 : 0;
  j["threats_killed"] = killed;
  j["leakers"] = result.leakers;
  j["interceptors_used"] = result.interceptors_used;
  json threats = json::array();
  for (const auto& t : result.threats) {
    json x{{"name", t.name},
           {"launch_time_s", round_to(t.launch_time_s, 1e-3)},
           {"launch_point", place_json(t.launch_point)},
           {"first_detected_s", seconds_json(t.first_detected_s)},
           {"first_tracked_s", seconds_json(t.first_tracked_s)},
           {"had_engagement_window", t.had_window},
           {"engaged_by", t.engaged_by},
           {"shots", t.shots},
           {"intercept_time_s", seconds_json(t.intercept_time_s)},
           {"intercept_point", t.intercept_point ? place_json(*t.intercept_point) : json(nullptr)},
           {"impact_time_s", seconds_json(t.impact_time_s)},
           {"impact_point", t.impact_point ? place_json(*t.impact_point) : json(nullptr)},
           {"assets_hit", t.assets_hit},
           {"result", sim::threat_result_name(t.result)}};
    threats.push_back(x);
  }
  j["threats"] = threats;
  json batteries = json::array();
  for (const auto& b : result.batteries) {
    batteries.push_back({{"name", b.name}, {"interceptor", b.interceptor}, {"shots", b.shots},
                         {"inventory_left", b.inventory_left}});
  }
  j["batteries"] = batteries;
  json assets = json::array();
  for (std::size_t a = 0; a < scenario.defended_assets.size(); ++a) {
    assets.push_back({{"name", scenario.defended_assets[a].name},
                      {"value", scenario.defended_assets[a].value},
                      {"leakers_hit", result.asset_damage.at(a)}});
  }
  j["defended_assets"] = assets;
  return j;
}

void write_trajectories_csv(std::ostream& out, const sim::RunResult& result, const earth::EarthModel& earth,
                            double step_s) {
  out << "object,kind,t_s,lat_deg,lon_deg,alt_m\n";
  for (std::size_t i = 0; i < result.truths.size(); ++i) {
    const auto& truth = result.truths[i];
    double end = truth.impact_time_s();
    if (i < result.truth_end_s.size() && result.truth_end_s[i]) end = std::min(end, *result.truth_end_s[i]);
    const char* kind = truth.kind() == sim::TruthKind::kThreat ? "threat" : "debris";
    const double first = std::ceil(truth.launch_time_s() / step_s) * step_s;
    for (double t = first; t < end; t += step_s) {
      if (const auto s = truth.at(t)) write_row(out, truth.name(), kind, t, s->r_I, earth);
    }
    if (const auto s = truth.at(end)) write_row(out, truth.name(), kind, end, s->r_I, earth);
  }
  for (const auto& trace : result.interceptors) {
    const std::string name = fmt::format("{}-{}", trace.battery, trace.number);
    for (const auto& [t, r_I] : trace.samples_I) write_row(out, name, "interceptor", t, r_I, earth);
  }
}

void write_run_files(const std::filesystem::path& dir, const sim::RunResult& result, const sim::Scenario& scenario,
                     const earth::EarthModel& earth) {
  make_output_directory(dir);
  write_output_file(dir / "summary.json",
                    [&](std::ostream& out) { out << run_summary_json(result, scenario).dump(2) << '\n'; });
  write_output_file(dir / "events.jsonl", [&](std::ostream& out) { write_events_jsonl(out, result.events); });
  write_output_file(dir / "tracks.csv", [&](std::ostream& out) { write_tracks_csv(out, result.track_rows, earth); });
  write_output_file(dir / "trajectories.csv", [&](std::ostream& out) { write_trajectories_csv(out, result, earth); });
  write_scenario_exports(dir, result, scenario, earth);
}

}  // namespace rampart::io
