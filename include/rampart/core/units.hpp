#pragma once
// Quantities with units, as written in scenario and catalog files
// ("1300 km", "4.5 km/s", "-20 dBsm"), parsed once into SI at the edge.

#include <string>
#include <string_view>

#include "rampart/core/error.hpp"

namespace rampart {

/// The kind of quantity a field expects; each has one SI unit.
enum class Dimension {
  kLength,        ///< m
  kSpeed,         ///< m/s
  kAngle,         ///< rad
  kArea,          ///< m^2 ("dBsm" is accepted: 10^(x/10) m^2)
  kMass,          ///< kg
  kTime,          ///< s
  kAcceleration,  ///< m/s^2 ("g" is standard gravity)
  kFrequency,     ///< Hz
  kRatio,         ///< linear power ratio, written in dB ("30 dB" -> 1000)
  kForce,         ///< N
  kPower,         ///< W
  kAngularRate,   ///< rad/s
  kArealDensity,  ///< kg/m^2 (ballistic coefficients)
};

/// "length", "speed", ... for messages.
std::string_view dimension_name(Dimension dimension);

/// The units accepted for a dimension, for messages: "m, km, ft, nmi, mi".
std::string accepted_units(Dimension dimension);

/// Parses "<number> <unit>" (the space is optional) into SI.
/// Throws InputError at `where` when the number or the unit is missing, the
/// unit is unknown, or it measures another dimension; the message names the
/// value and the kind of quantity expected.
double parse_quantity(std::string_view text, Dimension expected, const SourceLocation& where);

/// Parses a plain number (no unit); throws InputError at `where` otherwise.
double parse_number(std::string_view text, const SourceLocation& where);

}  // namespace rampart
