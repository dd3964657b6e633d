// Verification of Us76Atmosphere against the published U.S. Standard
// Atmosphere 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335), Table I (geometric
// altitude, metric units, pp. 50-69). Every reference number below is typed in
// from the table as reproduced in public sources (see docs/models.md), never
// produced by this code.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "rampart/earth/atmosphere.hpp"

namespace rampart::earth {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// One unit in the last printed digit of a Table I figure, from the mantissa's
// decimals: 2.2700e4 has 4 decimals -> 1e0.
double last_digit(double value, int decimals) {
  const double exponent = std::floor(std::log10(std::abs(value)));
  return std::pow(10.0, exponent - decimals);
}

struct TableRow {
  double z_m;
  double T_K;
  int T_decimals;  // decimals of T as printed (e.g. 288.150 -> 3 in fixed notation)
  double P_Pa;
  double rho_kgpm3;
};

// Table I, below 86 km: T (K, printed to 0.001 K), P and rho (five figures).
// Rows at 0, 5, 10, 15, 20, ... 85 km and at -5, 1, 11, 77 km.
constexpr TableRow kLowerRows[] = {
    {-5000.0, 320.676, 3, 1.7776e5, 1.9311e0},  {0.0, 288.150, 3, 1.01325e5, 1.2250e0},
    {1000.0, 281.651, 3, 8.9876e4, 1.1117e0},   {5000.0, 255.676, 3, 5.4048e4, 7.3643e-1},
    {10000.0, 223.252, 3, 2.6499e4, 4.1351e-1}, {11000.0, 216.774, 3, 2.2700e4, 3.6480e-1},
    {15000.0, 216.650, 3, 1.2111e4, 1.9476e-1}, {20000.0, 216.650, 3, 5.5293e3, 8.8910e-2},
    {25000.0, 221.552, 3, 2.5492e3, 4.0084e-2}, {30000.0, 226.509, 3, 1.1970e3, 1.8410e-2},
    {35000.0, 236.513, 3, 5.7459e2, 8.4634e-3}, {40000.0, 250.350, 3, 2.8714e2, 3.9957e-3},
    {45000.0, 264.164, 3, 1.4910e2, 1.9663e-3}, {50000.0, 270.650, 3, 7.9779e1, 1.0269e-3},
    {55000.0, 260.771, 3, 4.2525e1, 5.6810e-4}, {60000.0, 247.021, 3, 2.1958e1, 3.0968e-4},
    {65000.0, 233.292, 3, 1.0929e1, 1.6321e-4}, {70000.0, 219.585, 3, 5.2209e0, 8.2829e-5},
    {75000.0, 208.399, 3, 2.3881e0, 3.9921e-5}, {77000.0, 204.493, 3, 1.7286e0, 2.9448e-5},
    {80000.0, 198.639, 3, 1.0524e0, 1.8458e-5}, {85000.0, 188.893, 3, 4.4568e-1, 8.2196e-6},
};

// Validates the seven-layer hydrostatic model below 86 km (geopotential
// altitude, layer bases chained from 101325 Pa). Tolerance: one unit in the
// table's last printed digit: half a unit for its rounding plus half a unit
// for the 1976 computation's own rounding of intermediate values (its layer
// base pressures are printed to seven figures). That is <= 1e-4 relative for
// P and rho and 3e-6 for T, ten times tighter than the 0.1 % asked for.
TEST(Us76Atmosphere, MatchesTableIBelow86Km) {
  const Us76Atmosphere atmosphere;
  for (const TableRow& row : kLowerRows) {
    SCOPED_TRACE(row.z_m);
    const AtmosphereSample s = atmosphere.at(row.z_m);
    EXPECT_NEAR(s.temperature_K, row.T_K, std::pow(10.0, -row.T_decimals));
    EXPECT_NEAR(s.pressure_Pa, row.P_Pa, last_digit(row.P_Pa, row.z_m == 0.0 ? 5 : 4));
    EXPECT_NEAR(s.density_kgpm3, row.rho_kgpm3, last_digit(row.rho_kgpm3, 4));
    // The fast path computes rho from (T/T_b)^(-beta/L - 1) directly instead
    // of P / (R T): the exponent (up to 35) amplifies one rounding of the base,
    // so the two agree to ~35 eps; 64 eps bounds it.
    EXPECT_NEAR(atmosphere.density_kgpm3(row.z_m), s.density_kgpm3, 64.0 * kEps * s.density_kgpm3);
  }
}

// Validates the speed of sound, sqrt(gamma R* T_M / M0) (eq. 50), against
// Table III's printed figures (two decimals, m/s). Tolerance: one unit of the
// last printed digit, 0.01 m/s, for the same reason as above.
TEST(Us76Atmosphere, SpeedOfSoundMatchesTable) {
  const Us76Atmosphere atmosphere;
  const struct {
    double z_m, a_mps;
  } rows[] = {{-5000.0, 358.99}, {0.0, 340.29},     {500.0, 338.37},   {5000.0, 320.55},  {10000.0, 299.53},
              {15000.0, 295.07}, {24000.0, 297.72}, {25000.0, 298.39}, {40000.0, 317.19}, {41000.0, 318.94},
              {50000.0, 329.80}, {60000.0, 315.07}, {67000.0, 302.57}, {75000.0, 289.40}, {85000.0, 275.52}};
  for (const auto& row : rows) {
    SCOPED_TRACE(row.z_m);
    EXPECT_NEAR(atmosphere.at(row.z_m).speed_of_sound_mps, row.a_mps, 0.01);
  }
  EXPECT_TRUE(std::isnan(atmosphere.at(86000.0).speed_of_sound_mps));
  EXPECT_TRUE(std::isnan(atmosphere.at(300000.0).speed_of_sound_mps));
}

// Validates the layer boundaries named in the requirement (11, 20, 32, 47,
// 51, 71, 86 km geometric) against the layer equations evaluated by hand from
// the standard's Table 4 base values (P_b printed to seven figures): there the
// code must reproduce the published base pressure at the base's geopotential
// height. Tolerance: half a unit of the seventh figure (rounding), 5e-7
// relative.
TEST(Us76Atmosphere, LayerBasePressuresMatchTable4) {
  const Us76Atmosphere atmosphere;
  const struct {
    double H_m, P_b;
  } bases[] = {{11000.0, 22632.06}, {20000.0, 5474.889}, {32000.0, 868.0187},
               {47000.0, 110.9063}, {51000.0, 66.93887}, {71000.0, 3.956420}};
  for (const auto& base : bases) {
    SCOPED_TRACE(base.H_m);
    // Geometric altitude of the base: z = r0 H / (r0 - H).
    const double z = 6356766.0 * base.H_m / (6356766.0 - base.H_m);
    EXPECT_NEAR(geopotential_altitude_m(z), base.H_m, 1e-9 * base.H_m);
    EXPECT_NEAR(atmosphere.at(z).pressure_Pa, base.P_b, 5e-7 * base.P_b);
  }
  // 86 km is geopotential 84852 m', where Table 4 gives 0.3734 Pa and Table I 0.37338 Pa.
  EXPECT_NEAR(atmosphere.at(86000.0).pressure_Pa, 0.37338, last_digit(0.37338, 4));
}

// Validates the table above 86 km at the rows the model is built on
// (density and pressure) and the standard's kinetic-temperature profile
// (eqs. 25-31) at Table I's printed temperatures. At its own rows the model
// returns the typed-in value up to exp(log()) rounding, so density and
// pressure are held to 1e-12 relative: this checks transcription and lookup,
// not physics. Temperature: half a unit of its printed digit (0.005 K), as
// the equations are exact.
TEST(Us76Atmosphere, MatchesTableIAtItsRowsAbove86Km) {
  const Us76Atmosphere atmosphere;
  const struct {
    double z_km, T_K, P_Pa, rho_kgpm3;
  } rows[] = {{100.0, 195.08, 3.2011e-2, 5.604e-7},  {110.0, 240.00, 7.1042e-3, 9.708e-8},
              {120.0, 360.00, 2.5382e-3, 2.222e-8},  {150.0, 634.39, 4.5422e-4, 2.076e-9},
              {200.0, 854.56, 8.4736e-5, 2.541e-10}, {230.0, 915.78, 3.9276e-5, 1.029e-10},
              {300.0, 976.01, 8.7704e-6, 1.916e-11}, {500.0, 999.24, 3.0236e-7, 5.215e-13},
              {750.0, 999.99, 2.2599e-8, 1.788e-14}, {1000.0, 1000.00, 7.5138e-9, 3.561e-15}};
  for (const auto& row : rows) {
    SCOPED_TRACE(row.z_km);
    const AtmosphereSample s = atmosphere.at(row.z_km * 1000.0);
    EXPECT_NEAR(s.temperature_K, row.T_K, 0.005);
    EXPECT_NEAR(s.pressure_Pa, row.P_Pa, 1e-12 * row.P_Pa);
    EXPECT_NEAR(s.density_kgpm3, row.rho_kgpm3, 1e-12 * row.rho_kgpm3);
    EXPECT_NEAR(atmosphere.density_kgpm3(row.z_km * 1000.0), s.density_kgpm3, 1e-15 * s.density_kgpm3);
  }
  // 86 km is taken from the lower model: the table's 6.958e-6 within its last digit.
  EXPECT_NEAR(atmosphere.at(86000.0).density_kgpm3, 6.958e-6, last_digit(6.958e-6, 3));
  EXPECT_NEAR(atmosphere.at(86000.0).temperature_K, 186.87, 0.005);
}

// Validates the interpolation between the rows, against standard values the
// model was NOT built from: Table I at 86.5 and 92 km, and the density-only
// rows of the reproductions (140, 180, 350, 450, 550, 650, 850, 950 km).
// Tolerance 0.2 %: the interpolation accuracy stated in docs/models.md (rows
// 5-100 km apart; log pressure Hermite with hydrostatic slopes, log molecular
// weight spline). The worst case is 0.17 % at 950 km, where M falls fastest
// (H and He take over); the references' own four-figure rounding adds at most
// 0.01 %.
TEST(Us76Atmosphere, InterpolatesBetweenRowsWithinStatedAccuracy) {
  const Us76Atmosphere atmosphere;
  const struct {
    double z_km, rho_kgpm3;
  } rows[] = {{86.5, 6.366e-6},   {92.0, 2.393e-6},   {140.0, 3.831e-9},  {180.0, 5.194e-10},
              {350.0, 7.014e-12}, {450.0, 1.184e-12}, {550.0, 2.384e-13}, {650.0, 5.712e-14},
              {850.0, 7.824e-15}, {950.0, 4.453e-15}};
  for (const auto& row : rows) {
    SCOPED_TRACE(row.z_km);
    EXPECT_NEAR(atmosphere.density_kgpm3(row.z_km * 1000.0), row.rho_kgpm3, 2e-3 * row.rho_kgpm3);
  }
  EXPECT_NEAR(atmosphere.at(86500.0).pressure_Pa, 3.4163e-1, 2e-3 * 3.4163e-1);
  EXPECT_NEAR(atmosphere.at(92000.0).pressure_Pa, 1.2887e-1, 2e-3 * 1.2887e-1);
  EXPECT_NEAR(atmosphere.at(92000.0).temperature_K, 186.96, 0.005);
}

// Validates continuity where the two parts of the model meet (86 km) and
// that density falls monotonically everywhere: a drag integrator must never
// see a step. At 86 km the two parts are compared 1 um apart: density and
// pressure change there by 1 um / H = 1.8e-10 of their value (scale height
// H = 5.6 km), so a tolerance of 1e-9 would catch any real step (the table's
// own 86 km row differs from the lower model by 2.5e-5).
TEST(Us76Atmosphere, ContinuousAndMonotonic) {
  const Us76Atmosphere atmosphere;
  const double below = atmosphere.density_kgpm3(86000.0 - 1e-6);
  const double above = atmosphere.density_kgpm3(86000.0);
  EXPECT_NEAR(above, below, 1e-9 * below);
  EXPECT_NEAR(atmosphere.at(86000.0 - 1e-6).pressure_Pa, atmosphere.at(86000.0).pressure_Pa,
              1e-9 * atmosphere.at(86000.0).pressure_Pa);
  double previous = atmosphere.density_kgpm3(-5000.0);
  for (double z = -4900.0; z <= 1000000.0; z += 100.0) {
    const double rho = atmosphere.density_kgpm3(z);
    ASSERT_LT(rho, previous) << "at " << z << " m";
    previous = rho;
  }
}

// Validates the documented range: below -5 km (and NaN) is an error; above
// 1000 km density and pressure are zero.
TEST(Us76Atmosphere, RangeLimits) {
  const Us76Atmosphere atmosphere;
  EXPECT_NO_THROW(atmosphere.at(-5000.0));
  EXPECT_THROW(atmosphere.at(-5000.1), std::invalid_argument);
  EXPECT_THROW(atmosphere.density_kgpm3(-6000.0), std::invalid_argument);
  EXPECT_THROW(atmosphere.density_kgpm3(std::nan("")), std::invalid_argument);
  EXPECT_EQ(atmosphere.density_kgpm3(1000000.1), 0.0);
  EXPECT_EQ(atmosphere.at(2000000.0).pressure_Pa, 0.0);
  EXPECT_GT(atmosphere.density_kgpm3(1000000.0), 0.0);
}

// Validates the geometric -> geopotential conversion (eq. 18) against
// COESA's published conversions: 85.5 km -> 84365 m', 1000 km -> 864071 m'
// (printed to the metre, so half a metre tolerance).
TEST(Us76Atmosphere, GeopotentialAltitude) {
  EXPECT_EQ(geopotential_altitude_m(0.0), 0.0);
  EXPECT_NEAR(geopotential_altitude_m(-5000.0), -5004.0, 0.5);
  EXPECT_NEAR(geopotential_altitude_m(85500.0), 84365.0, 0.5);
  EXPECT_NEAR(geopotential_altitude_m(1000000.0), 864071.0, 0.5);
}

}  // namespace
}  // namespace rampart::earth
