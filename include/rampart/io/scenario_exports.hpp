#pragma once
// The map files of an engagement run: scenario.geojson, scenario.kml and
// scenario.czml in the run's output folder (docs/formats.md, "Map exports").

#include <filesystem>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
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

}  // namespace rampart::io
