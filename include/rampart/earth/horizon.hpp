#pragma once
// Line of sight over the ellipsoid, and radar horizons with an effective
// Earth radius (refraction).

#include <optional>

#include "rampart/core/constants.hpp"
#include "rampart/earth/earth_model.hpp"

namespace rampart::earth {

/// True when the straight segment a-b (ECEF, m) stays above the surface raised
/// by clearance_m, geometrically (no refraction). Exact to well under 1 mm on
/// the ellipsoid; throws std::invalid_argument for a non-finite clearance.
bool line_of_sight(const EarthModel& earth, const Vec3& a_E, const Vec3& b_E, double clearance_m = 0.0);

/// Largest range at which a target at target_alt_m can be seen from a sensor
/// at sensor_alt_m over a smooth Earth whose radius is k times the model's
/// mean radius: sqrt((kR+h1)^2-(kR)^2) + sqrt((kR+h2)^2-(kR)^2). Negative
/// altitudes count as 0; throws std::invalid_argument unless k > 0 and finite.
double radar_horizon_range_m(const EarthModel& earth, double sensor_alt_m, double target_alt_m,
                             double k = constants::kFourThirdsEarth);

/// Elevation angle (rad) of the target above the sensor's local horizontal with
/// refraction modelled by an effective radius kR (k = 1: the exact geometric
/// elevation on the ellipsoid). Throws std::invalid_argument unless k > 0.
double apparent_elevation_rad(const EarthModel& earth, const Geodetic& sensor, const Vec3& target_E,
                              double k = constants::kFourThirdsEarth);

/// True when the target is above the sensor's refracted horizon (the straight
/// ray over the effective sphere kR clears it) and its apparent elevation is
/// at least min_elevation_rad. Throws std::invalid_argument unless k > 0.
bool visible(const EarthModel& earth, const Geodetic& sensor, const Vec3& target_E,
             double min_elevation_rad = 0.0, double k = constants::kFourThirdsEarth);

/// A sensor's position worked out once: the functions above rebuild the ECEF
/// position (GeographicLib) and the local vertical from the geodetic site on
/// every call, which a radar asked about thousands of objects per scan would
/// repeat for nothing. Built from the same formulas, so the overloads below
/// return exactly (bit for bit) what the geodetic ones do.
class SiteGeometry {
 public:
  SiteGeometry(const EarthModel& earth, const Geodetic& site);

  const Geodetic& geodetic() const { return geodetic_; }
  const Vec3& r_E() const { return r_E_; }
  /// The ellipsoid normal (local up) in ECEF components.
  const Vec3& up_E() const { return up_E_; }

 private:
  Geodetic geodetic_;
  Vec3 r_E_;
  Vec3 up_E_;
};

/// As above, for a site built with the same Earth model.
double apparent_elevation_rad(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E,
                              double k = constants::kFourThirdsEarth);
bool visible(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E,
             double min_elevation_rad = 0.0, double k = constants::kFourThirdsEarth);

/// Both tests at once, for a caller that masks the elevation from below and
/// above: the apparent elevation (as apparent_elevation_rad) when the target
/// is above the refracted horizon (as visible with no elevation mask), and
/// nothing when it is below. Throws std::invalid_argument unless k > 0.
std::optional<double> visible_elevation_rad(const EarthModel& earth, const SiteGeometry& sensor, const Vec3& target_E,
                                            double k = constants::kFourThirdsEarth);

}  // namespace rampart::earth
