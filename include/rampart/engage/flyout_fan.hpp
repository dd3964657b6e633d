#pragma once
// The flyout fan of an interceptor: the earliest time at which it can be at a
// point (ground range, altitude) from its launcher. Built once by flying a
// sweep of full-burn trajectories (pitch-over kick angles) with the flight
// model, tabulated on a regular grid and queried by bilinear interpolation.
// Immutable after construction; share it across threads.

#include <optional>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/core/vector.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/engage/interceptor.hpp"
#include "rampart/flight/flight_path.hpp"

namespace rampart::engage {

struct FlyoutFanOptions {
  double azimuth_rad = 0.0;                        ///< launch azimuth of the sweep (clockwise from north)
  double min_kick_rad = 0.0;                       ///< first kick (0: straight up, fills range 0)
  double max_kick_rad = 80.0 * constants::kDegToRad;  ///< last kick, from the vertical
  int kick_count = 121;                            ///< trajectories in the sweep (quadratic in kick), >= 2
  int range_cells = 200;                           ///< grid cells in ground range, >= 2
  int altitude_cells = 100;                        ///< grid cells in altitude, >= 2
  double sample_step_s = 0.5;                      ///< time step of the recorded trajectories
  double max_time_of_flight_s = 3600.0;            ///< flights stop here if not down before
  flight::FlightOptions flight{0.0, 3600.0, 1e-9, 1e-5};  ///< integrator tolerances (sample step and time set from above)
};

/// Ground range (m) from `site` to the point below r_E: the great-circle
/// distance between their geodetic latitudes and longitudes on a sphere of
/// the Earth model's mean radius (haversine; within ~0.5 % of the ellipsoid
/// geodesic).
double fan_ground_range_m(const earth::EarthModel& earth, const earth::Geodetic& site, const Vec3& r_E);

/// fan_ground_range_m() in two halves, for many points against a few sites
/// (planning: every point of a predicted path against every battery): the
/// point's part, its geodetic latitude and longitude, worked out once, then
/// the site's part. Both halves together give fan_ground_range_m() bit for bit.
struct FanGroundPoint {
  double lat_rad = 0.0;
  double lon_rad = 0.0;
  double cos_lat = 1.0;
};
FanGroundPoint fan_ground_point(const earth::EarthModel& earth, const Vec3& r_E);
double fan_ground_range_m(const earth::EarthModel& earth, const earth::Geodetic& site, const FanGroundPoint& point);

class FlyoutFan {
 public:
  /// Flies the sweep from `site` and builds the table (milliseconds to a few
  /// seconds). Throws std::invalid_argument for bad options and
  /// std::runtime_error if a flight of the sweep fails to integrate.
  FlyoutFan(const Interceptor& interceptor, const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
            const earth::Geodetic& site, const FlyoutFanOptions& options = {});

  /// Earliest time after launch (s) to reach ground range (m) and altitude
  /// above the ellipsoid (m); nullopt outside the fan or where any of the four
  /// surrounding grid nodes is out of reach (so within one cell of its edge).
  std::optional<double> time_to_reach_s(double ground_range_m, double altitude_m) const;
  /// Farthest ground range (m) reached at `altitude_m`, linear between the
  /// grid's altitude rows; nullopt above the fan's top or below 0.
  std::optional<double> max_ground_range_m(double altitude_m) const;

  double range_step_m() const { return dr_m_; }
  double altitude_step_m() const { return dh_m_; }
  double max_range_m() const { return dr_m_ * range_cells_; }
  double max_altitude_m() const { return dh_m_ * altitude_cells_; }
  const earth::Geodetic& site() const { return site_; }

 private:
  double node(int i, int j) const { return time_s_[static_cast<std::size_t>(i) * (altitude_cells_ + 1) + j]; }

  earth::Geodetic site_;
  int range_cells_;
  int altitude_cells_;
  double dr_m_ = 0.0;
  double dh_m_ = 0.0;
  std::vector<double> time_s_;           // (range_cells+1) x (altitude_cells+1), NaN out of reach
  std::vector<double> row_max_range_m_;  // altitude_cells+1, NaN where no trajectory reaches the row
};

}  // namespace rampart::engage
