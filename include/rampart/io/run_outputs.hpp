#pragma once
// The files `rampart run` writes (docs/formats.md): summary.json, events.jsonl
// and trajectories.csv (tracks.csv is io/tracking_outputs.hpp's). Plain
// functions of a RunResult; the same result gives the same bytes.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

/// The summary: scenario, seed, counts, per threat, per battery, per asset.
nlohmann::ordered_json run_summary_json(const sim::RunResult& result, const sim::Scenario& scenario);

/// One event as a JSON object (fields that do not apply are left out).
nlohmann::ordered_json event_json(const sim::Event& event);

/// One JSON object per line, in time order.
void write_events_jsonl(std::ostream& out, const std::vector<sim::Event>& events);

/// Every threat (from launch to impact or kill) and interceptor (from launch
/// to closest approach) as rows object,kind,t_s,lat_deg,lon_deg,alt_m;
/// threats every step_s plus their last instant.
void write_trajectories_csv(std::ostream& out, const sim::RunResult& result, const earth::EarthModel& earth,
                            double step_s = 5.0);

/// Every file of a run into `dir` (created if missing): summary.json,
/// events.jsonl, tracks.csv, trajectories.csv and the map exports
/// (scenario.geojson, .kml, .czml). InputError naming a file it cannot write.
void write_run_files(const std::filesystem::path& dir, const sim::RunResult& result, const sim::Scenario& scenario,
                     const earth::EarthModel& earth);

}  // namespace rampart::io
