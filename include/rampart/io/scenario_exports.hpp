#pragma once
// The map files of an engagement run: scenario.geojson, scenario.kml and
// scenario.czml in the run's output folder (docs/formats.md, "Map exports").

#include <filesystem>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/tracking_run.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

/// Writes dir/scenario.geojson, dir/scenario.kml and dir/scenario.czml (dir
/// must exist). Throws InputError naming a file that cannot be written.
void write_scenario_exports(const std::filesystem::path& dir, const sim::RunResult& result,
                            const sim::Scenario& scenario, const earth::EarthModel& earth);

/// The same three files for a command that analyses a posture without
/// running an engagement (footprint, coverage): sites, radars and their
/// coverage, batteries, defended assets, and the threats' launch and aim
/// points; no trajectories or events.
void write_posture_exports(const std::filesystem::path& dir, const sim::Scenario& scenario,
                           const earth::EarthModel& earth);

/// The same three files for `rampart track`: the posture, the flown threats
/// (`truths`, in scenario order first) from launch to impact with their
/// impact points, and the confirmed tracks; no interceptors or engagement
/// events.
void write_tracking_exports(const std::filesystem::path& dir, const sim::Scenario& scenario,
                            const std::vector<sim::TruthTrajectory>& truths, const sim::TrackingOutcome& outcome,
                            std::uint64_t seed, const earth::EarthModel& earth);

}  // namespace rampart::io
