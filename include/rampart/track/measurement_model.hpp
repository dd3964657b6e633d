#pragma once
// The radar measurement model: range, azimuth and elevation of a state's
// position (ECI at t) seen from a site on the rotating Earth.

#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/sensor_site.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

class RadarMeasurementModel {
 public:
  RadarMeasurementModel(const earth::EarthModel& earth, const sense::SensorSite& site) : earth_(earth), site_(site) {}

  /// h(x, t): [range, azimuth, elevation] of the position x.head<3>() (ECI at t_s).
  MeasurementVector h(const StateVector& x, double t_s) const;
  /// dh/dx, 3 x n (zero columns beyond the position).
  Eigen::Matrix<double, 3, Eigen::Dynamic, 0, 3, kMaxStateDimension> H(const StateVector& x, double t_s) const;
  /// z - z_hat with the azimuth difference wrapped into (-pi, pi].
  static MeasurementVector residual(const MeasurementVector& z, const MeasurementVector& z_hat);

  const sense::SensorSite& site() const { return site_; }

 private:
  const earth::EarthModel& earth_;
  const sense::SensorSite& site_;
};

}  // namespace rampart::track
