#pragma once
// Linear-algebra vocabulary used across modules.

#include <Eigen/Dense>

namespace rampart {

using Vec3 = Eigen::Vector3d;
using Mat3 = Eigen::Matrix3d;

}  // namespace rampart
