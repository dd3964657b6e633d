#pragma once
// The files and table of `rampart compare` (docs/formats.md "Compare
// outputs"): difference.geojson (one polygon per grid cell with what became
// of it), difference.svg (a map of the cells gained and lost over
// coastlines) and compare.json (the areas, per-battery areas and, with
// --runs, the Monte Carlo comparison).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "rampart/analysis/compare.hpp"
#include "rampart/io/footprint_outputs.hpp"
#include "rampart/sim/scenario.hpp"

namespace rampart::io {

/// Everything a comparison found, with what it was asked.
struct CompareReport {
  std::string scenario_a;                  ///< paths as given
  std::string scenario_b;
  std::vector<std::string> batteries_a;    ///< battery names, in scenario order
  std::vector<std::string> batteries_b;
  earth::Geodetic launch;
  std::string missile;
  analysis::FootprintGrid grid;
  analysis::FootprintComparison footprint;
  std::optional<analysis::StudyComparison> study;  ///< with --runs
  std::uint64_t seed = 0;                  ///< the study seed both studies used
  std::uint64_t runs = 0;
};

/// A GeoJSON FeatureCollection: one Feature per cell, a closed
/// counter-clockwise Polygon of its corners ([lon, lat] degrees), with
/// properties row, column, lat_deg, lon_deg (centre), area_km2, status
/// (gained, lost, both, neither), negation_a, negation_b and negation_change
/// (negation_b - negation_a).
nlohmann::json difference_geojson(const analysis::FootprintComparison& comparison,
                                  const analysis::FootprintGrid& grid);

/// compare.json: the question, the areas in km^2 (A, B, gained, lost, kept,
/// per battery) and, with a study, both studies' estimates and their differences.
nlohmann::ordered_json compare_json(const CompareReport& report);

/// The table `rampart compare` prints.
std::string compare_table(const CompareReport& report);

/// An SVG map (equirectangular, x stretched by cos of the mid latitude) of
/// the cells gained (green), lost (red), engageable under both (blue-grey)
/// and neither (white), with coastlines, the batteries of B (filled
/// triangles) and those of A that B lacks (hollow), the launch point (a
/// cross) and a legend.
std::string difference_svg(const CompareReport& report, const sim::Scenario& scenario_a,
                           const sim::Scenario& scenario_b, const std::vector<Coastline>& coastlines);

}  // namespace rampart::io
