#pragma once
// The Earth: its shape (WGS-84 ellipsoid or a sphere), its rotation, its
// gravity field, and whether it has an atmosphere. One immutable object
// queried through const methods, shared by every run and thread.
//
// Frames: I = ECI (inertial, z along the rotation axis, coincides with E at
// the rotation angle given for t = 0), E = ECEF, L = local ENU at a site.

#include <string_view>

#include "rampart/core/error.hpp"
#include "rampart/core/vector.hpp"

namespace rampart::earth {

/// Geodetic coordinates: latitude and longitude in radians, height above the
/// ellipsoid (or sphere) in metres. Longitude is reported in [-pi, pi].
struct Geodetic {
  double lat_rad = 0.0;
  double lon_rad = 0.0;
  double alt_m = 0.0;
};

enum class EarthKind {
  kWgs84,      ///< ellipsoid, rotation, point mass + J2, US Standard Atmosphere 1976
  kSpherical,  ///< sphere of 6371 km, no rotation, point-mass gravity, no atmosphere
};

/// "wgs84" or "spherical"; throws InputError at `where` otherwise.
EarthKind parse_earth_kind(std::string_view text, const SourceLocation& where);
std::string_view earth_kind_name(EarthKind kind);

/// The numbers that define an Earth model (configuration, SI units).
struct EarthParameters {
  double equatorial_radius_m;
  double flattening;              ///< 0 for a sphere
  double gm_m3ps2;                ///< gravitational parameter
  double j2;                      ///< second zonal harmonic, 0 for none
  double rotation_rate_radps;     ///< 0 for a non-rotating Earth
  double rotation_angle_at_epoch_rad = 0.0;  ///< angle from I to E about z at t = 0
  bool has_atmosphere;

  static EarthParameters wgs84();
  static EarthParameters spherical();
};

class EarthModel {
 public:
  explicit EarthModel(EarthKind kind);
  /// Throws std::invalid_argument for non-finite or out-of-range parameters.
  explicit EarthModel(const EarthParameters& parameters, EarthKind kind = EarthKind::kWgs84);

  EarthKind kind() const { return kind_; }
  const EarthParameters& parameters() const { return parameters_; }
  double gm() const { return parameters_.gm_m3ps2; }
  double rotation_rate_radps() const { return parameters_.rotation_rate_radps; }
  bool has_atmosphere() const { return parameters_.has_atmosphere; }
  /// Mean radius used for effective-Earth-radius horizons and quick estimates.
  double mean_radius_m() const;

  // --- frames (exact to nanometres; GeographicLib's Geocentric) ---
  // Geodetic angles in radians; any latitude in [-pi/2, pi/2], any longitude,
  // any height (negative too).
  Vec3 ecef_from_geodetic(const Geodetic& position) const;
  Geodetic geodetic_from_ecef(const Vec3& r_E) const;
  /// Height above the surface from ECEF, fast (Bowring's single iteration,
  /// no trig: error below 1 um from -5 to 1000 km, ~1 cm at GEO), for the
  /// equations of motion. Returns -b at the Earth's centre.
  double altitude_m(const Vec3& r_E) const;
  /// Rotation taking ENU components at `site` to ECEF: r_E = R_EL * r_L.
  Mat3 R_EL(const Geodetic& site) const;

  /// Rotation taking ECI components to ECEF at t seconds after the epoch.
  Mat3 R_EI(double t_s) const;
  Vec3 ecef_from_eci(const Vec3& r_I, double t_s) const;
  Vec3 eci_from_ecef(const Vec3& r_E, double t_s) const;
  /// Earth-relative velocity in ECEF from the inertial state (transport term included).
  Vec3 ecef_velocity_from_eci(const Vec3& r_I, const Vec3& v_I, double t_s) const;
  /// Inertial velocity in ECI from an Earth-relative ECEF state.
  Vec3 eci_velocity_from_ecef(const Vec3& r_E, const Vec3& v_E, double t_s) const;
  /// Earth's angular velocity in ECI (and ECEF) components.
  Vec3 omega_I() const { return Vec3(0.0, 0.0, parameters_.rotation_rate_radps); }

  /// Gravitational acceleration (m/s^2) at r (m, ECI or ECEF components: the
  /// field is axially symmetric about z), point mass plus J2; no centrifugal
  /// term. Undefined at r = 0.
  Vec3 gravity(const Vec3& r) const;

 private:
  EarthParameters parameters_;
  EarthKind kind_;
  double b_m_;    // polar radius
  double e2_;     // first eccentricity squared
  double ep2_;    // second eccentricity squared
  // Precomputed so that altitude_m() and gravity() need no trig and no pow.
  double e2_a_m_;     // e2 * a
  double ep2_b_m_;    // ep2 * b
  double a_over_b_;   // a / b
  double j2_term_m2_; // 1.5 * J2 * a^2
};

}  // namespace rampart::earth
