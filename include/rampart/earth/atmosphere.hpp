#pragma once
// U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562).

namespace rampart::earth {

struct AtmosphereSample {
  double temperature_K;
  double pressure_Pa;
  double density_kgpm3;
  double speed_of_sound_mps;  ///< NaN above 86 km, where the standard defines none
};

/// Below 86 km geometric altitude: the standard's seven geopotential layers
/// (hydrostatic equations, r0 = 6356766 m). From 86 km to 1000 km: the
/// standard's tables, interpolated in log density (and log pressure).
/// Altitudes below -5 km are an error (std::invalid_argument); above 1000 km
/// density and pressure are zero.
class Us76Atmosphere {
 public:
  AtmosphereSample at(double geometric_altitude_m) const;
  /// Density alone, the fast path for drag.
  double density_kgpm3(double geometric_altitude_m) const;
};

/// Geopotential altitude from geometric altitude, r0 = 6356766 m (US76 eq. 18).
double geopotential_altitude_m(double geometric_altitude_m);

}  // namespace rampart::earth
