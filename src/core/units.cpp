#include "rampart/core/units.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "rampart/core/constants.hpp"

namespace rampart {
namespace {

/// How a written unit maps to SI: value_si = scale * value (or, for a
/// logarithmic unit, scale * 10^(value / 10)).
struct UnitDef {
  std::string_view symbol;
  Dimension dimension;
  double scale;
  bool decibel = false;
};

constexpr double kFoot = 0.3048;           // exact, international foot (1959)
constexpr double kNauticalMile = 1852.0;   // exact
constexpr double kStatuteMile = 1609.344;  // exact
constexpr double kPound = 0.45359237;      // exact, international pound (1959)

constexpr std::array kUnits{
    UnitDef{"m", Dimension::kLength, 1.0},
    UnitDef{"km", Dimension::kLength, 1000.0},
    UnitDef{"ft", Dimension::kLength, kFoot},
    UnitDef{"nmi", Dimension::kLength, kNauticalMile},
    UnitDef{"mi", Dimension::kLength, kStatuteMile},
    UnitDef{"m/s", Dimension::kSpeed, 1.0},
    UnitDef{"km/s", Dimension::kSpeed, 1000.0},
    UnitDef{"km/h", Dimension::kSpeed, 1000.0 / 3600.0},
    UnitDef{"ft/s", Dimension::kSpeed, kFoot},
    UnitDef{"kn", Dimension::kSpeed, kNauticalMile / 3600.0},
    UnitDef{"mph", Dimension::kSpeed, kStatuteMile / 3600.0},
    UnitDef{"deg", Dimension::kAngle, constants::kDegToRad},
    UnitDef{"rad", Dimension::kAngle, 1.0},
    UnitDef{"mrad", Dimension::kAngle, 1e-3},
    UnitDef{"m^2", Dimension::kArea, 1.0},
    UnitDef{"cm^2", Dimension::kArea, 1e-4},
    UnitDef{"ft^2", Dimension::kArea, kFoot * kFoot},
    UnitDef{"dBsm", Dimension::kArea, 1.0, true},
    UnitDef{"kg", Dimension::kMass, 1.0},
    UnitDef{"t", Dimension::kMass, 1000.0},
    UnitDef{"lb", Dimension::kMass, kPound},
    UnitDef{"s", Dimension::kTime, 1.0},
    UnitDef{"ms", Dimension::kTime, 1e-3},
    UnitDef{"us", Dimension::kTime, 1e-6},
    UnitDef{"min", Dimension::kTime, 60.0},
    UnitDef{"h", Dimension::kTime, 3600.0},
    UnitDef{"m/s^2", Dimension::kAcceleration, 1.0},
    UnitDef{"g", Dimension::kAcceleration, constants::kG0},
    UnitDef{"Hz", Dimension::kFrequency, 1.0},
    UnitDef{"kHz", Dimension::kFrequency, 1e3},
    UnitDef{"MHz", Dimension::kFrequency, 1e6},
    UnitDef{"GHz", Dimension::kFrequency, 1e9},
    UnitDef{"dB", Dimension::kRatio, 1.0, true},
    UnitDef{"N", Dimension::kForce, 1.0},
    UnitDef{"kN", Dimension::kForce, 1e3},
    UnitDef{"MN", Dimension::kForce, 1e6},
    UnitDef{"lbf", Dimension::kForce, kPound * constants::kG0},
    UnitDef{"W", Dimension::kPower, 1.0},
    UnitDef{"kW", Dimension::kPower, 1e3},
    UnitDef{"MW", Dimension::kPower, 1e6},
    UnitDef{"deg/s", Dimension::kAngularRate, constants::kDegToRad},
    UnitDef{"rad/s", Dimension::kAngularRate, 1.0},
    UnitDef{"kg/m^2", Dimension::kArealDensity, 1.0},
    UnitDef{"lb/ft^2", Dimension::kArealDensity, kPound / (kFoot * kFoot)},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const UnitDef* find_unit(std::string_view symbol) {
  for (const auto& unit : kUnits) {
    if (unit.symbol == symbol) return &unit;
  }
  return nullptr;
}

/// "a length", "an angle": the noun with its indefinite article, for messages.
std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  std::string out = vowel ? "an " : "a ";
  out += noun;
  return out;
}

std::string example(Dimension dimension) {
  for (const auto& unit : kUnits) {
    if (unit.dimension == dimension) return "\"10 " + std::string(unit.symbol) + "\"";
  }
  return "";
}

/// Splits the leading number off `text`; nullopt when there is none.
std::optional<double> leading_number(std::string_view text, std::string_view& rest) {
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first != last && *first == '+') {
    ++first;  // from_chars takes no '+'
    if (first != last && *first == '-') return std::nullopt;  // "+-5" is not a number
  }
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || ptr == first) return std::nullopt;
  rest = std::string_view(ptr, static_cast<std::size_t>(last - ptr));
  return value;
}

}  // namespace

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::kLength: return "length";
    case Dimension::kSpeed: return "speed";
    case Dimension::kAngle: return "angle";
    case Dimension::kArea: return "area";
    case Dimension::kMass: return "mass";
    case Dimension::kTime: return "time";
    case Dimension::kAcceleration: return "acceleration";
    case Dimension::kFrequency: return "frequency";
    case Dimension::kRatio: return "power ratio";
    case Dimension::kForce: return "force";
    case Dimension::kPower: return "power";
    case Dimension::kAngularRate: return "angular rate";
    case Dimension::kArealDensity: return "mass per area";
  }
  return "quantity";
}

std::string accepted_units(Dimension dimension) {
  std::string out;
  for (const auto& unit : kUnits) {
    if (unit.dimension != dimension) continue;
    if (!out.empty()) out += ", ";
    out += unit.symbol;
  }
  return out;
}

double parse_number(std::string_view text, const SourceLocation& where) {
  const std::string_view trimmed = trim(text);
  std::string_view rest;
  const auto value = leading_number(trimmed, rest);
  if (!value || !trim(rest).empty() || !std::isfinite(*value)) {
    throw InputError(where, "expected a number, got \"" + std::string(text) + "\"");
  }
  return *value;
}

double parse_quantity(std::string_view text, Dimension expected, const SourceLocation& where) {
  const std::string_view trimmed = trim(text);
  const std::string name = with_article(dimension_name(expected));
  std::string_view rest;
  const auto value = leading_number(trimmed, rest);
  if (!value || !std::isfinite(*value)) {
    throw InputError(where, "expected " + name + " such as " + example(expected) + ", got \"" +
                                std::string(text) + "\"");
  }
  const std::string_view symbol = trim(rest);
  if (symbol.empty()) {
    throw InputError(where, "missing unit in \"" + std::string(text) + "\": expected " + name + " in " +
                                accepted_units(expected));
  }
  const UnitDef* unit = find_unit(symbol);
  if (unit == nullptr) {
    throw InputError(where, "unknown unit \"" + std::string(symbol) + "\" in \"" + std::string(text) +
                                "\": expected " + name + " in " + accepted_units(expected));
  }
  if (unit->dimension != expected) {
    throw InputError(where, "\"" + std::string(text) + "\" is " + with_article(dimension_name(unit->dimension)) +
                                ", expected " + name + " in " + accepted_units(expected));
  }
  const double si = unit->decibel ? unit->scale * std::pow(10.0, *value / 10.0) : unit->scale * *value;
  if (!std::isfinite(si)) {  // "1e308 km", "4000 dB": finite as written, overflow in SI
    throw InputError(where, "\"" + std::string(text) + "\" is out of range for " + name);
  }
  return si;
}

}  // namespace rampart
