#pragma once
// The cheap threat flight of the footprint: a targeted trajectory costs a few
// milliseconds, too much for tens of thousands of cells. So the full
// minimum-energy trajectory is solved only at a handful of reference ground
// ranges; each cell's flight then interpolates, by its ground range, the
// burnout time, burnout down-range distance, burnout altitude and the time of
// flight, places the burnout point on the geodesic toward the aim, and joins
// it to the aim (on the rotating Earth, at the impact time) by the two-body
// Lambert arc. Drag after burnout and J2 are left out of the arc; the
// references keep the boost and the flight time right. docs/models.md,
// "Defended-area footprint".

#include <optional>
#include <vector>

#include <GeographicLib/Geodesic.hpp>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/engage/engagement_window.hpp"
#include "rampart/flight/missile.hpp"

namespace rampart::analysis {

/// What one reference (targeted, minimum-energy) trajectory gave.
struct ReferenceFlight {
  double range_m = 0.0;            ///< ground range launch to aim
  double burnout_time_s = 0.0;     ///< after launch
  double burnout_range_m = 0.0;    ///< ground range launch to the burnout point
  double burnout_altitude_m = 0.0;
  double flight_time_s = 0.0;      ///< launch to impact
  double apogee_altitude_m = 0.0;
};

class FootprintThreatModel {
 public:
  /// Solves the minimum-energy trajectory of `missile` from `launch` on
  /// `azimuth_rad` at `count` (>= 2) ground ranges spread evenly over
  /// [min_range_m, max_range_m], the upper end held below the missile's
  /// maximum range on that azimuth. Ranges the targeting cannot meet are
  /// skipped. Throws InputError when fewer than two references succeed.
  FootprintThreatModel(const flight::MissileType& missile, const earth::Geodetic& launch, double azimuth_rad,
                       double min_range_m, double max_range_m, const earth::EarthModel& earth,
                       const earth::Us76Atmosphere& atmosphere, int count = 16);

  const std::vector<ReferenceFlight>& references() const { return references_; }
  /// The ground ranges the model flies: [first reference, last reference].
  double min_range_m() const { return references_.front().range_m; }
  double max_range_m() const { return references_.back().range_m; }
  /// The reference figures interpolated linearly at range_m (clamped to the span).
  ReferenceFlight interpolate(double range_m) const;

  /// The predicted flight from `launch` (at t = 0) to `aim`, from burnout to
  /// impact, sampled every step_s (the burnout point, whole multiples of
  /// step_s, and the impact at the aim). nullopt when the ground range is
  /// outside [min_range_m, max_range_m] or Lambert has no solution.
  std::optional<engage::PredictedPath> path(const earth::Geodetic& launch, const earth::Geodetic& aim,
                                            double step_s) const;

 private:
  const earth::EarthModel& earth_;
  GeographicLib::Geodesic geodesic_;
  std::vector<ReferenceFlight> references_;
};

}  // namespace rampart::analysis
