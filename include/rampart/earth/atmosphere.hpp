#pragma once
// U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562).

#include <array>

namespace rampart::earth {

struct AtmosphereSample {
  double temperature_K;       ///< kinetic temperature
  double pressure_Pa;
  double density_kgpm3;
  double speed_of_sound_mps;  ///< NaN above 86 km, where the standard defines none
};

/// Below 86 km geometric altitude: the standard's seven geopotential layers
/// (hydrostatic equations, r0 = 6356766 m). From 86 km to 1000 km: the
/// standard's tables, interpolated in log pressure and log molecular weight
/// (so in log density, with the standard's exact temperature profile).
/// Altitudes below -5 km are an error (std::invalid_argument); above 1000 km
/// density and pressure are zero.
/// Immutable after construction (a few microseconds: layer bases and spline
/// coefficients); build one and share it across threads.
class Us76Atmosphere {
 public:
  Us76Atmosphere();

  /// All four quantities at a geometric altitude (m, -5 km and up). Temperature
  /// is T_M below 86 km (as the standard's Table I prints it, without the
  /// 80-86 km molecular-weight ratio), the kinetic temperature of its eqs.
  /// 25-31 above, and 1000 K (its exospheric limit) above 1000 km.
  /// Throws std::invalid_argument below -5 km or for NaN.
  AtmosphereSample at(double geometric_altitude_m) const;
  /// Density alone, the fast path for drag. Same range and errors as at().
  double density_kgpm3(double geometric_altitude_m) const;

  static constexpr double kMinAltitudeM = -5000.0;
  static constexpr double kUpperBoundaryM = 86000.0;
  static constexpr double kMaxAltitudeM = 1000000.0;

 private:
  // One geopotential layer below 86 km: T_M = T_b + L (H - H_b).
  struct Layer {
    double base_H_m;
    double base_T_K;
    double lapse_Kpm;
    double base_P_Pa;
    double base_rho_kgpm3;
    double rho_exponent;  // rho = rho_b (T/T_b)^rho_exponent when L != 0
    double p_exponent;    // P = P_b (T/T_b)^p_exponent when L != 0
    double inv_scale_m;   // beta / T_b, for the isothermal layers
  };
  // Cubic piece of ln(q) over [z0, z0 + h]: c0 + t (c1 + t (c2 + t c3)), t = (z - z0)/h.
  struct Piece {
    double z0_m;
    double inv_h_m;
    double c0, c1, c2, c3;
  };
  static constexpr int kLayers = 7;
  static constexpr int kUpperNodes = 22;  // rows of the standard's table, 86-1000 km

  int layer_index(double H_m) const;
  int upper_index(double z_m) const;
  static double eval(const Piece& piece, double z_m);

  std::array<Layer, kLayers> layers_{};
  std::array<Piece, kUpperNodes - 1> log_pressure_{};          // ln P, Pa
  std::array<Piece, kUpperNodes - 1> log_molecular_weight_{};  // ln M, kg/kmol
};

/// Geopotential altitude from geometric altitude, r0 = 6356766 m (US76 eq. 18).
double geopotential_altitude_m(double geometric_altitude_m);

}  // namespace rampart::earth
