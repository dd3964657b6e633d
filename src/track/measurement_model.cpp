#include "rampart/track/measurement_model.hpp"

namespace rampart::track {

MeasurementVector RadarMeasurementModel::h(const StateVector& x, double t_s) const {
  const Vec3 r_E = earth_.R_EI(t_s) * x.head<3>();
  return site_.rae_from_ecef(r_E);
}

Eigen::Matrix<double, 3, Eigen::Dynamic, 0, 3, kMaxStateDimension> RadarMeasurementModel::H(const StateVector& x,
                                                                                             double t_s) const {
  // h depends on the position alone: the ECEF direction is R_EI r_I, so the
  // chain rule gives d rae/d r_I = J(r_E) R_EI and zero for everything else.
  const Mat3 R_EI = earth_.R_EI(t_s);
  const Vec3 r_E = R_EI * x.head<3>();
  Eigen::Matrix<double, 3, Eigen::Dynamic, 0, 3, kMaxStateDimension> H =
      Eigen::Matrix<double, 3, Eigen::Dynamic, 0, 3, kMaxStateDimension>::Zero(3, x.size());
  H.leftCols<3>() = site_.rae_jacobian(r_E) * R_EI;
  return H;
}

MeasurementVector RadarMeasurementModel::residual(const MeasurementVector& z, const MeasurementVector& z_hat) {
  MeasurementVector nu = z - z_hat;
  nu(1) = sense::wrap_angle(nu(1));
  return nu;
}

}  // namespace rampart::track
