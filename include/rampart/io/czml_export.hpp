#pragma once
// scenario.czml (Cesium's CZML, version 1.0): the run in time. A document
// packet whose clock spans the whole run; a packet per threat, interceptor
// and confirmed track with its sampled position (cartographic degrees,
// interpolated) and path; radars with their footprint; defended assets;
// intercept, miss and leak events as points that appear at their instant.
// docs/formats.md, "Map exports".

#include <nlohmann/json.hpp>

#include <ostream>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

/// The CZML document (a JSON array of packets, the document packet first).
nlohmann::ordered_json scenario_czml(const sim::RunResult& result, const sim::Scenario& scenario,
                                     const earth::EarthModel& earth);

/// Writes it with one packet per line; the same result gives the same bytes.
void write_scenario_czml(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                         const earth::EarthModel& earth);

}  // namespace rampart::io
