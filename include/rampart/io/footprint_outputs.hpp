#pragma once
// The files of `rampart footprint` (docs/formats.md "Footprint outputs"):
// footprint.geojson (one polygon per grid cell), footprint.csv (one line per
// cell), footprint.svg (a heatmap of the negation probability over
// coastlines) and summary.json (the defended areas).

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "rampart/analysis/footprint.hpp"
#include "rampart/sim/scenario.hpp"

namespace rampart::io {

/// A GeoJSON FeatureCollection: one Feature per cell, a closed
/// counter-clockwise Polygon of its corners ([lon, lat] degrees), with
/// properties row, column, lat_deg, lon_deg (centre), area_km2,
/// in_missile_range, engageable, shots, negation_probability, best_battery
/// (a battery name or null), detection_time_s and earliest_launch_s (null
/// when never detected).
nlohmann::json footprint_geojson(const analysis::FootprintResult& result, const sim::Scenario& scenario);

/// footprint.csv: header, then one line per cell, row-major (south to north,
/// west to east): row,column,lat_deg,lon_deg,area_km2,in_missile_range,
/// engageable,shots,negation_probability,best_battery,detection_time_s,
/// earliest_launch_s, then shots_<battery> and negation_<battery> per battery.
void write_footprint_csv(std::ostream& out, const analysis::FootprintResult& result, const sim::Scenario& scenario);

/// summary.json: the grid, the cell counts and the defended areas in km^2.
nlohmann::json footprint_summary(const analysis::FootprintResult& result, const sim::Scenario& scenario);

/// A coastline polyline, lon/lat degrees.
struct Coastline {
  std::vector<std::pair<double, double>> lon_lat_deg;
};

/// data/coastlines.csv (RAMPART_DATA_DIR may override the data folder).
std::string default_coastlines_path();

/// Reads a coastline CSV (line,lon_deg,lat_deg; lines starting with # are
/// comments). Throws InputError naming the file when it cannot be read or a
/// line is malformed.
std::vector<Coastline> load_coastlines(const std::string& path);

/// An SVG map (equirectangular, x stretched by cos of the mid latitude) of
/// the grid: each engageable cell filled by its negation probability on a
/// colour scale, cells the posture cannot engage pale grey, cells the
/// missile cannot reach white; coastlines, the batteries (triangles), the
/// defended assets (circles) and the fixed point (a cross) on top; a legend.
std::string footprint_svg(const analysis::FootprintResult& result, const sim::Scenario& scenario,
                          const std::vector<Coastline>& coastlines, const earth::Geodetic& fixed_point,
                          const std::string& title);

}  // namespace rampart::io
