#pragma once
// Inertial state vectors of a point mass.

#include <Eigen/Dense>

#include "rampart/core/vector.hpp"

namespace rampart::flight {

/// Position and velocity in ECI, m and m/s: [r_I; v_I].
using State6 = Eigen::Matrix<double, 6, 1>;
/// Position, velocity and mass: [r_I; v_I; m_kg] (powered flight).
using State7 = Eigen::Matrix<double, 7, 1>;

inline Vec3 position(const auto& y) { return y.template head<3>(); }
inline Vec3 velocity(const auto& y) { return y.template segment<3>(3); }

}  // namespace rampart::flight
