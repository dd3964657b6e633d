#pragma once
// scenario.kml (OGC KML 2.2 with Google's gx extension): the same map
// features as scenario.geojson, one Folder per role with a Style per role,
// trajectories in 3D (altitudeMode absolute), plus a gx:Track per threat and
// interceptor with a <when> per sample so that Google Earth's time slider
// replays the run. docs/formats.md, "Map exports".

#include <ostream>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

/// Writes the KML document; the same result gives the same bytes. Times are
/// the scenario's epoch plus t (kDefaultExportEpoch when it has none).
void write_scenario_kml(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                        const earth::EarthModel& earth);

}  // namespace rampart::io
