#pragma once
// Physical constants, in SI, each with its source. The one place they live.

#include <numbers>

namespace rampart::constants {

// WGS-84 defining parameters. Source: NIMA TR8350.2, 3rd ed. (2000), Table 3.1.
inline constexpr double kWgs84A = 6378137.0;                 ///< semi-major axis, m
inline constexpr double kWgs84F = 1.0 / 298.257223563;       ///< flattening
inline constexpr double kWgs84GM = 3.986004418e14;           ///< m^3/s^2, incl. atmosphere
inline constexpr double kEarthRotationRate = 7.292115e-5;    ///< rad/s (TR8350.2 Table 3.1)

/// Second zonal harmonic, unnormalised: J2 = -sqrt(5) C20bar with
/// C20bar = -0.484166774985e-3 (TR8350.2 Table 5.3, EGM96) -> 1.08262998905e-3.
inline constexpr double kJ2 = 1.08262998905e-3;

/// Standard gravity. Source: CGPM 1901, 3rd General Conference; BIPM SI Brochure.
inline constexpr double kG0 = 9.80665;

/// Mean Earth radius of the `spherical` model, m (IUGG mean radius R1 = 6371.0088 km,
/// rounded as in textbooks; Moritz, "Geodetic Reference System 1980").
inline constexpr double kSphereRadius = 6371000.0;

/// Effective Earth-radius factor of the standard atmosphere for radar
/// horizons (Skolnik, Radar Handbook, 3rd ed., ch. 26).
inline constexpr double kFourThirdsEarth = 4.0 / 3.0;

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kDegToRad = kPi / 180.0;
inline constexpr double kRadToDeg = 180.0 / kPi;

}  // namespace rampart::constants
