// RCS tables: interpolation in dBsm between points written here by hand,
// clamping beyond the ends, the aspect angle's geometry, and rejection of
// malformed tables.

#include "rampart/sense/rcs.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"

namespace rampart::sense {
namespace {

using constants::kDegToRad;
using constants::kPi;

RcsModel table_model() {
  // 0 dBsm nose-on, 10 dBsm broadside, -10 dBsm tail-on.
  return RcsModel(RcsConfig{"t", "", "", {{0.0, 1.0}, {90.0 * kDegToRad, 10.0}, {180.0 * kDegToRad, 0.1}}});
}

TEST(Rcs, InterpolatesLinearlyInDecibels) {
  // Halfway between 0 and 10 dBsm is 5 dBsm = 10^0.5 m^2; a quarter of the
  // way from 10 to -10 dBsm is 5 dBsm too. Exact to rounding (a few ulp).
  const RcsModel model = table_model();
  EXPECT_NEAR(model.rcs_m2(45.0 * kDegToRad), std::pow(10.0, 0.5), 1e-14);
  EXPECT_NEAR(model.rcs_m2(112.5 * kDegToRad), std::pow(10.0, 0.5), 1e-14);
  EXPECT_NEAR(model.rcs_m2(90.0 * kDegToRad), 10.0, 1e-14);
  EXPECT_DOUBLE_EQ(model.rcs_m2(0.0), 1.0);
  EXPECT_DOUBLE_EQ(model.rcs_m2(kPi), 0.1);
}

TEST(Rcs, ConstantTableAndClamping) {
  const RcsModel constant(RcsConfig{"c", "", "", {{0.0, 2.5}}});
  for (double a : {0.0, 1.0, kPi}) EXPECT_DOUBLE_EQ(constant.rcs_m2(a), 2.5);
  const RcsModel partial(RcsConfig{"p", "", "", {{30.0 * kDegToRad, 1.0}, {60.0 * kDegToRad, 4.0}}});
  EXPECT_DOUBLE_EQ(partial.rcs_m2(0.0), 1.0);
  EXPECT_DOUBLE_EQ(partial.rcs_m2(kPi), 4.0);
}

TEST(Rcs, AspectAngleFromGeometry) {
  // Flying straight at the sensor is nose-on, away is tail-on, across is
  // broadside; at rest the model is seen broadside (documented).
  const RcsModel model = table_model();
  const Vec3 target(0, 0, 0), sensor(100e3, 0, 0);
  EXPECT_DOUBLE_EQ(model.rcs_m2(Vec3(1000, 0, 0), target, sensor), 1.0);
  EXPECT_DOUBLE_EQ(model.rcs_m2(Vec3(-1000, 0, 0), target, sensor), 0.1);
  EXPECT_NEAR(model.rcs_m2(Vec3(0, 1000, 0), target, sensor), 10.0, 1e-12);
  EXPECT_NEAR(model.rcs_m2(Vec3::Zero(), target, sensor), 10.0, 1e-12);
  EXPECT_NEAR(aspect_angle_rad(Vec3(1, 1, 0), Vec3(1, 0, 0)), kPi / 4.0, 1e-15);
}

TEST(Rcs, RejectsMalformedTables) {
  EXPECT_THROW(RcsModel(RcsConfig{"e", "", "", {}}), std::invalid_argument);
  EXPECT_THROW(RcsModel(RcsConfig{"n", "", "", {{0.0, -1.0}}}), std::invalid_argument);
  EXPECT_THROW(RcsModel(RcsConfig{"o", "", "", {{0.5, 1.0}, {0.5, 2.0}}}), std::invalid_argument);
  EXPECT_THROW(RcsModel(RcsConfig{"r", "", "", {{4.0, 1.0}}}), std::invalid_argument);
}

}  // namespace
}  // namespace rampart::sense
