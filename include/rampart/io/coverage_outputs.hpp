#pragma once
// The files of `rampart coverage` (docs/formats.md "Coverage outputs"):
// coverage.geojson (one polygon per system and altitude), reach.csv and
// reach.json (each place against each system and altitude).

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "rampart/analysis/coverage.hpp"

namespace rampart::io {

/// A GeoJSON FeatureCollection (RFC 7946): one Feature per footprint, a
/// Polygon whose exterior ring is counter-clockwise and closed (null geometry
/// when nothing is covered), [lon, lat] in degrees, with properties system,
/// kind (battery|radar), altitude_m, area_km2, max_range_m,
/// fire_control_radar (batteries; null for none) and note.
nlohmann::json coverage_geojson(const std::vector<analysis::CoverageFootprint>& footprints);

/// reach.csv: header, then one line per row:
/// place,system,kind,altitude_m,distance_m,azimuth_deg,reach_m,covered (covered: 1 or 0).
void write_reach_csv(std::ostream& out, const std::vector<analysis::ReachRow>& rows);

/// reach.json: {"altitudes_m": [...], "rows": [{place, system, kind,
/// altitude_m, distance_m, azimuth_deg, reach_m, covered}, ...]}.
nlohmann::json reach_json(const std::vector<analysis::ReachRow>& rows, const std::vector<double>& altitudes_m);

}  // namespace rampart::io
