#pragma once
// The defended-area footprint: for every cell of a latitude/longitude grid,
// one ballistic missile (from a fixed launch point to the cell's centre, or,
// the reverse question, from the cell's centre to a fixed aim), and whether
// the scenario's posture can engage it, how many shots it has and the
// probability of negation under the doctrine; then the defended area on the
// ellipsoid. docs/models.md, "Defended-area footprint".
//
// The per-cell threat is cheap (footprint_threat.hpp): a two-body arc from an
// interpolated burnout point to the aim, not a targeted trajectory.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/missile.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::analysis {

/// A latitude/longitude box in degrees (lat0 <= lat1, lon0 <= lon1).
struct GeoBox {
  double lat0_deg = 0.0;
  double lon0_deg = 0.0;
  double lat1_deg = 0.0;
  double lon1_deg = 0.0;
};

/// The most cells a footprint grid may have (about 100 MB of results).
inline constexpr std::size_t kMaxFootprintCells = 1'000'000;

/// The cells of a grid of step_deg over `box`: ceil(extent / step) rows and
/// columns (at least one each), starting at the box's south-west corner.
struct FootprintGrid {
  GeoBox box;
  double step_deg = 0.5;
  std::size_t rows() const;
  std::size_t columns() const;
  std::size_t cells() const { return rows() * columns(); }
  /// South-west corner of cell (row, column) in degrees.
  double cell_lat0_deg(std::size_t row) const { return box.lat0_deg + static_cast<double>(row) * step_deg; }
  double cell_lon0_deg(std::size_t column) const { return box.lon0_deg + static_cast<double>(column) * step_deg; }
};

/// Throws InputError (at `where`) for a box with lat0 > lat1 or lon0 > lon1,
/// latitudes outside [-90, 90] or longitudes outside [-180, 180], a step that
/// is not finite and > 0, or more than kMaxFootprintCells cells.
void check_grid(const FootprintGrid& grid, const std::string& where);

/// The defended assets' bounding box padded by pad_deg on every side (clamped
/// to the globe); InputError when the scenario has no defended assets.
GeoBox assets_box(const sim::Scenario& scenario, double pad_deg = 2.0);

/// Which end of each cell's missile is fixed.
enum class FootprintMode {
  kAimAtCells,        ///< fixed launch point, aimed at each cell's centre (the defended area)
  kLaunchFromCells,   ///< launched from each cell's centre at a fixed aim (the reverse question)
};

struct FootprintRequest {
  FootprintGrid grid;
  FootprintMode mode = FootprintMode::kAimAtCells;
  earth::Geodetic fixed_point;        ///< the launch point (kAimAtCells) or the aim (kLaunchFromCells)
  flight::MissileType missile;
  int threads = 2;                    ///< rows are shared among this many threads (>= 1)
  double path_step_s = 2.0;           ///< sampling of each cell's predicted path
};

/// One cell's result. Shots count engagements (a salvo of n is one).
struct FootprintCell {
  std::size_t row = 0;
  std::size_t column = 0;
  double lat_deg = 0.0;               ///< centre
  double lon_deg = 0.0;
  double area_m2 = 0.0;               ///< on the ellipsoid
  bool in_missile_range = false;      ///< the missile can fly this cell's arc at all
  std::optional<double> detection_time_s;  ///< first Pd >= 1/2 look of any radar (after launch)
  std::optional<double> earliest_launch_s; ///< commit time: detection, confirmation, plan, decision
  bool engageable = false;            ///< some battery has a flyable window
  int shots = 0;                      ///< of the best battery
  double negation_probability = 0.0;  ///< over all batteries
  std::optional<std::size_t> best_battery;  ///< the battery of highest negation probability
  std::vector<int> battery_shots;     ///< per battery
  std::vector<double> battery_negation;     ///< per battery
};

struct FootprintResult {
  FootprintGrid grid;
  std::vector<FootprintCell> cells;   ///< row-major, south to north, west to east
  double defended_area_m2 = 0.0;      ///< engageable cells
  double area_negation_90_m2 = 0.0;   ///< cells with negation probability >= 0.9
  double total_area_m2 = 0.0;
  std::size_t cells_in_range = 0;
  std::size_t engageable_cells = 0;
};

/// Probability of negating one threat with `engagements` engagements of
/// rounds_per_engagement interceptors each (salvo size; 1 for
/// shoot-look-shoot), each round killing with sspk independently, and a kill
/// assessment that is right with probability assessment_probability (a wrong
/// "killed" ends the engagement sequence): with P = 1 - (1 - sspk)^n and
/// m = (1 - P) q, the sum over k < engagements of P m^k. For q = 1 this is
/// 1 - (1 - sspk)^(n engagements). Throws std::invalid_argument for
/// probabilities outside [0, 1], a negative count or n < 1.
double negation_probability(double sspk, int rounds_per_engagement, int engagements, double assessment_probability);

/// The footprint of the scenario's posture (the batteries and radars of
/// `models`; its threats are not used). Deterministic: the same result for
/// any thread count. Throws InputError for a bad grid or a missile that
/// reaches none of the cells' ranges.
FootprintResult compute_footprint(const sim::WorldModels& models, const FootprintRequest& request);

/// Area (m^2) on the ellipsoid of a latitude/longitude rectangle, with the
/// parallels sampled every 0.05 deg (GeographicLib::PolygonArea).
double cell_area_m2(const earth::EarthModel& earth, double lat0_deg, double lat1_deg, double lon0_deg,
                    double lon1_deg);

}  // namespace rampart::analysis
