#pragma once
// Air-defence and radar coverage ("bubbles") at a target altitude: for each
// azimuth from a system the ground range out to which a target at that
// altitude is both within the interceptor's reach and above the refracted
// radar horizon and within the range and sector of the fire-control radar;
// the polygon that outlines it on the ellipsoid, its area, and whether named
// places lie inside (docs/models.md "Air-defence coverage").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sim/scenario.hpp"

namespace rampart::analysis {

/// Ground range (m, along the surface) at which a target at target_alt_m lies
/// on the radar horizon of a sensor at sensor_alt_m, over a smooth sphere of
/// effective radius k R: k R (acos(kR / (kR + h1)) + acos(kR / (kR + h2))).
/// The 4/3-Earth picture keeps ground distances, so this is also the ground
/// range on the real Earth. Negative heights count as 0; throws
/// std::invalid_argument unless mean_radius_m > 0 and k > 0.
double horizon_ground_range_m(double mean_radius_m, double sensor_alt_m, double target_alt_m, double k);

/// Ground range (m, arc on the sphere of mean_radius_m) of a target at
/// target_alt_m whose straight-line (slant) range from a sensor at
/// sensor_alt_m is slant_range_m; 0 when the slant range is shorter than the
/// height difference, and the far side of the sphere (pi R) at most.
double ground_range_at_slant_m(double mean_radius_m, double sensor_alt_m, double target_alt_m, double slant_range_m);

/// An azimuth sector, clockwise from north; span >= 2 pi is all round.
struct AzimuthSector {
  double boresight_rad = 0.0;
  double span_rad = 2.0 * constants::kPi;

  bool all_round() const;
  /// True when azimuth_rad (any value) lies within the sector, edges included.
  bool contains(double azimuth_rad) const;
};

/// Ground range (m) out to which `radar` sees a target at altitude_m in the
/// direction azimuth_rad from its site: 0 outside its azimuth sector, else the
/// smaller of the refracted horizon range (its antenna height, its k) and the
/// ground range of its instrumented (slant) range. Beam elevation limits and
/// the blind range are not applied.
double radar_reach_m(const sense::RadarConfig& radar, double mean_radius_m, double altitude_m, double azimuth_rad);

enum class SystemKind { kBattery, kRadar };
std::string_view system_kind_name(SystemKind kind);

/// The reach in one sampled direction.
struct ReachSample {
  double azimuth_rad = 0.0;  ///< in [0, 2 pi)
  double reach_m = 0.0;      ///< covered ground range [0, reach_m]
};

/// The coverage of one system at one altitude.
struct CoverageFootprint {
  std::string system;                        ///< battery or radar name
  SystemKind kind = SystemKind::kBattery;
  std::optional<std::string> fire_control_radar;  ///< a battery's radar; empty: interceptor range only
  earth::Geodetic site;
  double altitude_m = 0.0;
  /// The sector outside which reach is 0 (all round when the reach has no
  /// sector, e.g. a battery whose radar stands elsewhere).
  AzimuthSector sector;
  std::vector<ReachSample> samples;          ///< by increasing azimuth; sector edges included
  /// Outline, counter-clockwise (decreasing azimuth), not closed (first vertex
  /// not repeated); the site is a vertex where the reach drops to 0. Empty
  /// when nothing is covered.
  std::vector<earth::Geodetic> ring;
  double area_m2 = 0.0;                      ///< of the ring on the ellipsoid
  double max_reach_m = 0.0;                  ///< largest sampled reach
  /// Why the reach is what it is, for the output (e.g. "altitude outside the
  /// interceptor's 0.1-27 km band", "no fire-control radar: interceptor range only").
  std::string note;

  /// Reach (m) at any azimuth: 0 outside the sector, else linear between the
  /// neighbouring samples.
  double reach_at_m(double azimuth_rad) const;
};

/// Coverage of a battery at altitude_m. `radar` is its fire-control radar
/// (nullptr: none, the interceptor range alone). With the radar at the
/// battery's site (within 100 m), the reach is evaluated in closed form per
/// azimuth; otherwise by marching out along each geodesic from the battery
/// (1 km steps, bisection to 1 m) to where the radar first loses a target
/// at that altitude. azimuth_step_rad in (0, pi/4]; throws std::invalid_argument otherwise.
CoverageFootprint battery_coverage(const earth::EarthModel& earth, const sim::BatteryConfig& battery,
                                   const sense::RadarConfig* radar, double altitude_m, double azimuth_step_rad);

/// Radar-only coverage at altitude_m: horizon and instrumented range within
/// its azimuth sector.
CoverageFootprint radar_coverage(const earth::EarthModel& earth, const sense::RadarConfig& radar, double altitude_m,
                                 double azimuth_step_rad);

/// Every battery, then every radar, each at every altitude (altitude-major
/// within a system), on the scenario's Earth.
std::vector<CoverageFootprint> scenario_coverage(const sim::Scenario& scenario, const std::vector<double>& altitudes_m,
                                                 double azimuth_step_rad = constants::kDegToRad);

/// A named point for the reach table.
struct NamedPlace {
  std::string name;
  earth::Geodetic location;
};

/// One place against one footprint.
struct ReachRow {
  std::string place;
  std::string system;
  SystemKind kind = SystemKind::kBattery;
  double altitude_m = 0.0;
  double distance_m = 0.0;   ///< geodesic, system site to place
  double azimuth_rad = 0.0;  ///< of the place from the system, [0, 2 pi)
  double reach_m = 0.0;      ///< footprint reach at that azimuth
  bool covered = false;      ///< distance_m <= reach_m (and reach_m > 0)
};

/// Each place against each footprint (place-major, footprints in order).
std::vector<ReachRow> reach_table(const earth::EarthModel& earth, const std::vector<CoverageFootprint>& footprints,
                                  const std::vector<NamedPlace>& places);

}  // namespace rampart::analysis
