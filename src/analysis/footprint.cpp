#include "rampart/analysis/footprint.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <stdexcept>
#include <thread>

#include "rampart/analysis/footprint_threat.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/engage/engagement_window.hpp"
#include "rampart/engage/interceptor_flight.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sense/rcs.hpp"

namespace rampart::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/// Spacing of the vertices along a cell's parallels for its area: a
/// geodesic between two points of a parallel bulges poleward, so the
/// parallels are sampled finely enough that the difference is negligible.
constexpr double kParallelSampleDeg = 0.05;

std::size_t count_steps(double extent_deg, double step_deg) {
  if (!(step_deg > 0.0) || !std::isfinite(step_deg)) return 0;
  // A hair of tolerance so that 10 / 0.5 is 20 cells, not 21.
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(extent_deg / step_deg - 1e-9)));
}

earth::Geodetic surface_point(double lat_deg, double lon_deg) {
  return {lat_deg * constants::kDegToRad, lon_deg * constants::kDegToRad, 0.0};
}

/// Everything a cell's evaluation reads; shared read-only by the threads.
struct Posture {
  const sim::WorldModels& models;
  const earth::EarthModel& earth;
  std::vector<sense::Radar> radars;
  sense::RcsModel rcs;
  std::vector<Vec3> battery_sites_E;
};

/// Whether an interceptor launched from the battery reaches the point: the
/// planner's test (src/sim/world.cpp `flyable`), InterceptorFlight::launch.
bool flyable(const engage::InterceptOpportunity& x, const Posture& posture, std::size_t battery) {
  return engage::InterceptorFlight::launch(posture.models.interceptor(battery), posture.earth,
                                           posture.battery_sites_E[battery], x.latest_launch_s, x.r_I,
                                           x.intercept_time_s)
      .has_value();
}

/// engage::sequential_shot_opportunities on the window without the points no
/// flyout arc reaches, with the flyout test made only on the opportunities
/// the sequence visits (a Lambert solve each: testing all of them was most
/// of a cell's cost). Each shot takes the earliest flyable opportunity
/// launchable at or after the previous intercept plus between_s.
int flyable_shots(const engage::EngagementWindow& window, double earliest_launch_s, double between_s,
                  const Posture& posture, std::size_t battery) {
  int shots = 0;
  double launch_after = earliest_launch_s;
  for (const auto& x : window.opportunities) {
    if (x.latest_launch_s < launch_after || !flyable(x, posture, battery)) continue;
    shots += 1;
    launch_after = x.intercept_time_s + between_s;
  }
  return shots;
}

/// The first time any radar sees the threat with Pd >= 1/2, and the
/// earliest track confirmation that implies (confirm_hits looks in a row at
/// that radar's track revisit interval).
struct Detection {
  double first_seen_s = kInfinity;
  double confirmed_s = kInfinity;
};

Detection detect(const engage::PredictedPath& path, const Posture& posture, int confirm_hits) {
  Detection out;
  for (const auto& radar : posture.radars) {
    for (const auto& p : path.points) {
      if (p.t_s >= out.confirmed_s) break;
      const Vec3 r_E = posture.earth.ecef_from_eci(p.r_I, p.t_s);
      if (!radar.can_see(r_E)) continue;
      const Vec3 v_E = posture.earth.ecef_velocity_from_eci(p.r_I, p.v_I, p.t_s);
      const Vec3 site_E = radar.site().r_E();
      const double sigma = posture.rcs.rcs_m2(v_E, r_E, site_E);
      if (radar.detection_probability(radar.snr((r_E - site_E).norm(), sigma)) < 0.5) continue;
      const double interval = radar.track_revisit_interval_s();
      // The radar looks on a grid of its revisit interval (world.cpp).
      const double look = std::ceil(p.t_s / interval - 1e-9) * interval;
      out.first_seen_s = std::min(out.first_seen_s, look);
      out.confirmed_s = std::min(out.confirmed_s, look + (confirm_hits - 1) * interval);
      break;
    }
  }
  return out;
}

void evaluate_cell(FootprintCell& cell, const earth::Geodetic& launch, const earth::Geodetic& aim,
                   const FootprintThreatModel& threat, const Posture& posture, double step_s) {
  const sim::Scenario& scenario = posture.models.scenario();
  const std::size_t batteries = scenario.batteries.size();
  cell.battery_shots.assign(batteries, 0);
  cell.battery_negation.assign(batteries, 0.0);
  const auto path = threat.path(launch, aim, step_s);
  if (!path) return;
  cell.in_missile_range = true;
  const Detection seen = detect(*path, posture, scenario.tracker.manager.confirm_hits);
  if (!std::isfinite(seen.confirmed_s)) return;
  cell.detection_time_s = seen.first_seen_s;
  // The battle manager plans on its cycle (from t = 0, the launch) and the
  // launch order takes the decision latency.
  const auto& c2 = scenario.c2;
  const double plan_s = std::ceil(seen.confirmed_s / c2.planning_interval_s - 1e-9) * c2.planning_interval_s;
  const double earliest = plan_s + c2.decision_latency_s;
  cell.earliest_launch_s = earliest;

  const auto& doctrine = scenario.doctrine;
  const int rounds = doctrine.mode == sim::FiringMode::kSalvo ? doctrine.salvo_size : 1;
  // After a kill assessment the next launch waits for a planning cycle and
  // the decision latency (counted in full: the shots are those surely available).
  const double between_s = doctrine.kill_assessment_delay_s + c2.planning_interval_s + c2.decision_latency_s;
  double survive = 1.0;
  for (std::size_t b = 0; b < batteries; ++b) {
    const auto& config = scenario.batteries[b];
    const engage::BatteryGeometry geometry{config.location, &posture.models.interceptor(b), &posture.models.fan(b)};
    const engage::WindowConstraints constraints{earliest, doctrine.min_intercept_altitude_m};
    const auto window = engage::engagement_window(*path, geometry, posture.earth, constraints);
    // Every opportunity is launchable at `earliest`, so the first shot exists
    // exactly when some opportunity is flyable: the window is not empty.
    int shots = flyable_shots(window, earliest, between_s, posture, b);
    if (shots == 0) continue;
    cell.engageable = true;
    const int by_doctrine = doctrine.max_shots_per_threat / rounds;
    const int by_inventory = std::max(0, config.inventory - doctrine.reserve) / rounds;
    shots = std::min({shots, by_doctrine, by_inventory});
    cell.battery_shots[b] = shots;
    cell.battery_negation[b] =
        negation_probability(config.interceptor.kill_vehicle.single_shot_kill_probability, rounds, shots,
                             doctrine.kill_assessment_probability);
    survive *= 1.0 - cell.battery_negation[b];
    if (!cell.best_battery || cell.battery_negation[b] > cell.battery_negation[*cell.best_battery]) {
      cell.best_battery = b;
    }
  }
  cell.negation_probability = 1.0 - survive;
  if (cell.best_battery) cell.shots = cell.battery_shots[*cell.best_battery];
}

}  // namespace

std::size_t FootprintGrid::rows() const { return count_steps(box.lat1_deg - box.lat0_deg, step_deg); }
std::size_t FootprintGrid::columns() const { return count_steps(box.lon1_deg - box.lon0_deg, step_deg); }

void check_grid(const FootprintGrid& grid, const std::string& where) {
  const SourceLocation at{where};
  const GeoBox& b = grid.box;
  for (double lat : {b.lat0_deg, b.lat1_deg}) {
    if (!(lat >= -90.0 && lat <= 90.0)) throw InputError(at, "latitude " + std::to_string(lat) + " outside [-90, 90]");
  }
  for (double lon : {b.lon0_deg, b.lon1_deg}) {
    if (!(lon >= -180.0 && lon <= 180.0)) {
      throw InputError(at, "longitude " + std::to_string(lon) + " outside [-180, 180]");
    }
  }
  if (b.lat0_deg > b.lat1_deg) throw InputError(at, "lat0 must not exceed lat1 (give LAT0,LON0,LAT1,LON1 south-west first)");
  if (b.lon0_deg > b.lon1_deg) throw InputError(at, "lon0 must not exceed lon1 (regions across the antimeridian are not supported)");
  if (!std::isfinite(grid.step_deg) || grid.step_deg <= 0.0) {
    throw InputError(SourceLocation{"--grid"}, "the grid step must be a finite number of degrees > 0");
  }
  const double rows = std::ceil((b.lat1_deg - b.lat0_deg) / grid.step_deg);
  const double columns = std::ceil((b.lon1_deg - b.lon0_deg) / grid.step_deg);
  if (std::max(rows, 1.0) * std::max(columns, 1.0) > static_cast<double>(kMaxFootprintCells)) {
    throw InputError(SourceLocation{"--grid"},
                     "a " + std::to_string(grid.step_deg) + " deg grid over this region has " +
                         std::to_string(static_cast<long long>(std::max(rows, 1.0) * std::max(columns, 1.0))) +
                         " cells, more than the limit of " + std::to_string(kMaxFootprintCells) +
                         "; use a coarser --grid or a smaller region");
  }
}

GeoBox assets_box(const sim::Scenario& scenario, double pad_deg) {
  if (scenario.defended_assets.empty()) {
    throw InputError(SourceLocation{"--region"}, "the scenario has no defended assets to place the grid around; give --region");
  }
  GeoBox box{90.0, 180.0, -90.0, -180.0};
  const auto extend = [&box](const earth::Geodetic& g) {
    box.lat0_deg = std::min(box.lat0_deg, g.lat_rad * constants::kRadToDeg);
    box.lat1_deg = std::max(box.lat1_deg, g.lat_rad * constants::kRadToDeg);
    box.lon0_deg = std::min(box.lon0_deg, g.lon_rad * constants::kRadToDeg);
    box.lon1_deg = std::max(box.lon1_deg, g.lon_rad * constants::kRadToDeg);
  };
  for (const auto& asset : scenario.defended_assets) {
    extend(asset.point);
    for (const auto& v : asset.polygon) extend(v);
  }
  box.lat0_deg = std::max(-90.0, box.lat0_deg - pad_deg);
  box.lat1_deg = std::min(90.0, box.lat1_deg + pad_deg);
  box.lon0_deg = std::max(-180.0, box.lon0_deg - pad_deg);
  box.lon1_deg = std::min(180.0, box.lon1_deg + pad_deg);
  return box;
}

double negation_probability(double sspk, int rounds_per_engagement, int engagements, double assessment_probability) {
  const auto probability = [](double p) { return p >= 0.0 && p <= 1.0; };
  if (!probability(sspk) || !probability(assessment_probability) || engagements < 0 || rounds_per_engagement < 1) {
    throw std::invalid_argument("negation_probability: probabilities in [0, 1], engagements >= 0, rounds >= 1");
  }
  const double per_engagement = 1.0 - std::pow(1.0 - sspk, rounds_per_engagement);
  // Another engagement follows only a miss that is assessed as a miss.
  const double go_on = (1.0 - per_engagement) * assessment_probability;
  double total = 0.0, reach = 1.0;
  for (int k = 0; k < engagements; ++k) {
    total += reach * per_engagement;
    reach *= go_on;
  }
  return total;
}

double cell_area_m2(const earth::EarthModel& earth, double lat0_deg, double lat1_deg, double lon0_deg,
                    double lon1_deg) {
  const auto& p = earth.parameters();
  const GeographicLib::Geodesic geodesic(p.equatorial_radius_m, p.flattening);
  GeographicLib::PolygonArea polygon(geodesic);
  const int n = std::max(1, static_cast<int>(std::ceil((lon1_deg - lon0_deg) / kParallelSampleDeg)));
  // Counter-clockwise: along the southern parallel eastward, then back along the northern one.
  for (int i = 0; i <= n; ++i) polygon.AddPoint(lat0_deg, lon0_deg + (lon1_deg - lon0_deg) * i / n);
  for (int i = n; i >= 0; --i) polygon.AddPoint(lat1_deg, lon0_deg + (lon1_deg - lon0_deg) * i / n);
  double perimeter = 0.0, area = 0.0;
  polygon.Compute(false, true, perimeter, area);
  return std::abs(area);
}

FootprintResult compute_footprint(const sim::WorldModels& models, const FootprintRequest& request) {
  check_grid(request.grid, "--region");
  const auto& scenario = models.scenario();
  const auto& earth = models.earth();
  const FootprintGrid& grid = request.grid;
  const std::size_t rows = grid.rows(), columns = grid.columns();

  FootprintResult result;
  result.grid = grid;
  result.cells.resize(rows * columns);
  const auto centre_of = [&grid](std::size_t row, std::size_t column) {
    return surface_point(grid.cell_lat0_deg(row) + 0.5 * grid.step_deg,
                         grid.cell_lon0_deg(column) + 0.5 * grid.step_deg);
  };
  const bool forward = request.mode == FootprintMode::kAimAtCells;
  const auto ends_of = [&](const earth::Geodetic& centre) {
    return forward ? std::make_pair(request.fixed_point, centre) : std::make_pair(centre, request.fixed_point);
  };

  // The references are flown from the launch point (the grid's centre for the
  // reverse question) toward the grid's centre (or the aim), over the span
  // of the cells' ground ranges.
  const GeographicLib::Geodesic geodesic(earth.parameters().equatorial_radius_m, earth.parameters().flattening);
  double lo = kInfinity, hi = 0.0;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const auto [launch, aim] = ends_of(centre_of(r, c));
      double s = 0.0;
      geodesic.Inverse(launch.lat_rad * constants::kRadToDeg, launch.lon_rad * constants::kRadToDeg,
                       aim.lat_rad * constants::kRadToDeg, aim.lon_rad * constants::kRadToDeg, s);
      lo = std::min(lo, s);
      hi = std::max(hi, s);
    }
  }
  const earth::Geodetic middle = surface_point(0.5 * (grid.box.lat0_deg + grid.box.lat1_deg),
                                               0.5 * (grid.box.lon0_deg + grid.box.lon1_deg));
  const auto [ref_launch, ref_aim] = ends_of(middle);
  const double azimuth = flight::ground_arc(earth, ref_launch, ref_aim).azimuth_rad;
  // Below ~100 km a minimum-energy arc hardly leaves the atmosphere: not a
  // footprint question. A narrow span (a small grid) is widened so that
  // there are two references to interpolate between.
  lo = std::max(lo, 100e3);
  if (hi - lo < 100e3) {
    lo = std::max(100e3, lo - 50e3);
    hi = lo + 100e3;
  }
  const FootprintThreatModel threat(request.missile, ref_launch, azimuth, lo, hi, earth, models.atmosphere());

  Posture posture{models, earth, {}, sense::RcsModel(scenario.rcs.midcourse), {}};
  for (std::size_t i = 0; i < scenario.radars.size(); ++i) {
    posture.radars.emplace_back(scenario.radars[i], earth, static_cast<sense::SensorId>(i));
  }
  for (const auto& battery : scenario.batteries) posture.battery_sites_E.push_back(earth.ecef_from_geodetic(battery.location));

  // Rows go to whichever thread asks next; each cell is written by one
  // thread into its own slot, so the result does not depend on the threads.
  std::atomic<std::size_t> next_row{0};
  std::vector<std::exception_ptr> failures(static_cast<std::size_t>(std::max(1, request.threads)));
  const auto work = [&](std::size_t worker) {
    try {
    for (std::size_t r = next_row++; r < rows; r = next_row++) {
      const double lat0 = grid.cell_lat0_deg(r);
      const double area = cell_area_m2(earth, lat0, lat0 + grid.step_deg, 0.0, grid.step_deg);
      for (std::size_t c = 0; c < columns; ++c) {
        FootprintCell& cell = result.cells[r * columns + c];
        cell.row = r;
        cell.column = c;
        const earth::Geodetic centre = centre_of(r, c);
        cell.lat_deg = centre.lat_rad * constants::kRadToDeg;
        cell.lon_deg = centre.lon_rad * constants::kRadToDeg;
        cell.area_m2 = area;
        const auto [launch, aim] = ends_of(centre);
        evaluate_cell(cell, launch, aim, threat, posture, request.path_step_s);
      }
    }
    } catch (...) {
      failures[worker] = std::current_exception();
      next_row = rows;  // the others stop at their next row
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < failures.size(); ++i) pool.emplace_back(work, i);
  work(0);
  for (auto& t : pool) t.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }

  for (const auto& cell : result.cells) {
    result.total_area_m2 += cell.area_m2;
    if (cell.in_missile_range) result.cells_in_range += 1;
    if (!cell.engageable) continue;
    result.engageable_cells += 1;
    result.defended_area_m2 += cell.area_m2;
    if (cell.negation_probability >= 0.9) result.area_negation_90_m2 += cell.area_m2;
  }
  return result;
}

}  // namespace rampart::analysis
