#pragma once
// scenario.geojson (RFC 7946): the run's map features (map_features.hpp) as
// one FeatureCollection in WGS-84 longitude, latitude[, height]; polygons
// counter-clockwise, lines and polygons split at the antimeridian.
// docs/formats.md, "Map exports".

#include <nlohmann/json.hpp>

#include <ostream>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

/// The FeatureCollection of the run.
nlohmann::ordered_json scenario_geojson(const sim::RunResult& result, const sim::Scenario& scenario,
                                        const earth::EarthModel& earth);

/// Writes it with one feature per line; the same result gives the same bytes.
void write_scenario_geojson(std::ostream& out, const sim::RunResult& result, const sim::Scenario& scenario,
                            const earth::EarthModel& earth);

}  // namespace rampart::io
