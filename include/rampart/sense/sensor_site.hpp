#pragma once
// A sensor's place on the Earth and the geometry of range, azimuth and
// elevation measured from it. Shared by the radar model (which makes
// measurements) and the tracker's measurement model (which predicts them).

#include <Eigen/Dense>

#include "rampart/earth/earth_model.hpp"
#include "rampart/earth/horizon.hpp"

namespace rampart::sense {

/// Range, azimuth, elevation: [m, rad in [0, 2pi), rad in [-pi/2, pi/2]].
using Rae = Eigen::Vector3d;

class SensorSite {
 public:
  SensorSite(const earth::EarthModel& earth, const earth::Geodetic& site);

  const earth::Geodetic& geodetic() const { return site_; }
  const Vec3& r_E() const { return r_E_; }
  /// ENU at the site to ECEF.
  const Mat3& R_EL() const { return R_EL_; }
  /// The site as the horizon tests take it, built once (earth/horizon.hpp).
  const earth::SiteGeometry& horizon_geometry() const { return horizon_geometry_; }

  /// Range, azimuth and elevation of a point given in ECEF.
  Rae rae_from_ecef(const Vec3& target_E) const;
  /// The ECEF point at a given range, azimuth and elevation.
  Vec3 ecef_from_rae(const Rae& rae) const;
  /// d(range, azimuth, elevation)/d(target_E), 3x3; undefined at the site
  /// itself and straight overhead (azimuth), where it returns non-finite values.
  Mat3 rae_jacobian(const Vec3& target_E) const;

 private:
  earth::Geodetic site_;
  Vec3 r_E_;
  Mat3 R_EL_;
  earth::SiteGeometry horizon_geometry_;
};

/// a - b wrapped into (-pi, pi]: the difference of two azimuths.
double wrap_angle(double a_minus_b_rad);

}  // namespace rampart::sense
