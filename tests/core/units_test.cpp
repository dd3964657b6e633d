// Validates the parsing of quantities written with units ("1300 km") into SI
// against the exact definitions of the units, typed here independently of the
// unit table, and the text of every input error (file:line:col included),
// since the command line prints it to the user unchanged.
//
// Tolerances: a linear unit is one multiplication by its scale, so when the
// scale is the exact definition the result is the correctly rounded product
// and is compared with ==. Where the library and the test reach the value by
// different roundings (pi/180 * 45 against pi/4; pow(10, x/10)) each rounding
// contributes at most half an ulp, so a relative tolerance of a few
// DBL_EPSILON is the derived bound (kFewUlps below).

#include "rampart/core/units.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <gtest/gtest.h>

namespace rampart {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Two or three roundings of at most eps/2 each, relative.
constexpr double kFewUlps = 4.0 * kEps;

const SourceLocation kWhere{"file.yaml", 3, 7};

double parse(std::string_view text, Dimension dimension) { return parse_quantity(text, dimension, kWhere); }

/// what() of the InputError that parsing `text` throws, or a note that none was thrown.
std::string error_of(std::string_view text, Dimension dimension) {
  try {
    const double value = parse_quantity(text, dimension, kWhere);
    return "no error; parsed " + std::to_string(value);
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string number_error_of(std::string_view text) {
  try {
    const double value = parse_number(text, kWhere);
    return "no error; parsed " + std::to_string(value);
  } catch (const InputError& e) {
    return e.what();
  }
}

// --- conversions against exact definitions -------------------------------

TEST(ParseQuantity, LengthUnits) {
  EXPECT_EQ(parse("1300 km", Dimension::kLength), 1.3e6);
  EXPECT_EQ(parse("250 m", Dimension::kLength), 250.0);
  EXPECT_EQ(parse("1 ft", Dimension::kLength), 0.3048);         // international foot, exact
  EXPECT_EQ(parse("1 nmi", Dimension::kLength), 1852.0);        // international nautical mile, exact
  EXPECT_EQ(parse("1 mi", Dimension::kLength), 1609.344);       // statute mile = 5280 ft, exact
  EXPECT_EQ(parse("10000 ft", Dimension::kLength), 10000.0 * 0.3048);
}

TEST(ParseQuantity, SpeedUnits) {
  EXPECT_EQ(parse("4.5 km/s", Dimension::kSpeed), 4500.0);
  EXPECT_EQ(parse("340 m/s", Dimension::kSpeed), 340.0);
  EXPECT_NEAR(parse("1 kn", Dimension::kSpeed), 1852.0 / 3600.0, kFewUlps * 1852.0 / 3600.0);
  EXPECT_NEAR(parse("36 km/h", Dimension::kSpeed), 10.0, kFewUlps * 10.0);
  EXPECT_NEAR(parse("1 mph", Dimension::kSpeed), 1609.344 / 3600.0, kFewUlps * 1609.344 / 3600.0);
}

TEST(ParseQuantity, AngleUnits) {
  constexpr double kQuarterPi = std::numbers::pi / 4.0;
  EXPECT_NEAR(parse("45 deg", Dimension::kAngle), kQuarterPi, kFewUlps * kQuarterPi);
  EXPECT_NEAR(parse("180 deg", Dimension::kAngle), std::numbers::pi, kFewUlps * std::numbers::pi);
  EXPECT_EQ(parse("1.5 rad", Dimension::kAngle), 1.5);
  EXPECT_NEAR(parse("2 mrad", Dimension::kAngle), 0.002, kFewUlps * 0.002);
  EXPECT_EQ(parse("0 deg", Dimension::kAngle), 0.0);
  EXPECT_NEAR(parse("-90 deg", Dimension::kAngle), -std::numbers::pi / 2.0, kFewUlps * std::numbers::pi / 2.0);
}

TEST(ParseQuantity, AreaUnitsIncludingDecibelSquareMetre) {
  EXPECT_EQ(parse("0.05 m^2", Dimension::kArea), 0.05);
  EXPECT_NEAR(parse("-20 dBsm", Dimension::kArea), 0.01, kFewUlps * 0.01);  // 10^(-20/10) m^2
  EXPECT_NEAR(parse("0 dBsm", Dimension::kArea), 1.0, kFewUlps);
  EXPECT_NEAR(parse("10 dBsm", Dimension::kArea), 10.0, kFewUlps * 10.0);
  EXPECT_NEAR(parse("1 ft^2", Dimension::kArea), 0.3048 * 0.3048, kFewUlps * 0.3048 * 0.3048);
}

TEST(ParseQuantity, RatioInDecibels) {
  EXPECT_NEAR(parse("30 dB", Dimension::kRatio), 1000.0, kFewUlps * 1000.0);
  EXPECT_NEAR(parse("3 dB", Dimension::kRatio), std::pow(10.0, 0.3), kFewUlps * 2.0);
  EXPECT_NEAR(parse("-10 dB", Dimension::kRatio), 0.1, kFewUlps * 0.1);
}

TEST(ParseQuantity, MassTimeFrequencyAcceleration) {
  EXPECT_EQ(parse("250 kg", Dimension::kMass), 250.0);
  EXPECT_EQ(parse("2 t", Dimension::kMass), 2000.0);
  EXPECT_EQ(parse("1 lb", Dimension::kMass), 0.45359237);  // international pound, exact
  EXPECT_EQ(parse("2 min", Dimension::kTime), 120.0);
  EXPECT_EQ(parse("1.5 h", Dimension::kTime), 5400.0);
  EXPECT_EQ(parse("10 Hz", Dimension::kFrequency), 10.0);
  EXPECT_EQ(parse("3 GHz", Dimension::kFrequency), 3e9);
  EXPECT_EQ(parse("3 g", Dimension::kAcceleration), 3.0 * 9.80665);  // standard gravity, exact by definition
  EXPECT_EQ(parse("9.8 m/s^2", Dimension::kAcceleration), 9.8);
}

TEST(ParseQuantity, ForcePowerAngularRate) {
  EXPECT_EQ(parse("500 kN", Dimension::kForce), 5e5);
  EXPECT_EQ(parse("1 lbf", Dimension::kForce), 0.45359237 * 9.80665);
  EXPECT_EQ(parse("5 MW", Dimension::kPower), 5e6);
  EXPECT_NEAR(parse("90 deg/s", Dimension::kAngularRate), std::numbers::pi / 2.0, kFewUlps * 2.0);
}

TEST(ParseQuantity, NumberSyntax) {
  EXPECT_EQ(parse("1300km", Dimension::kLength), 1.3e6);  // the space is optional
  EXPECT_EQ(parse("+1300 km", Dimension::kLength), 1.3e6);
  EXPECT_EQ(parse("-5 m", Dimension::kLength), -5.0);
  EXPECT_EQ(parse("1e3 m", Dimension::kLength), 1000.0);
  EXPECT_EQ(parse("1E3 m", Dimension::kLength), 1000.0);
  EXPECT_NEAR(parse("2.5e-3 km", Dimension::kLength), 2.5, kFewUlps * 2.5);  // 2.5e-3 is inexact in binary
  EXPECT_EQ(parse(".5 km", Dimension::kLength), 500.0);
  EXPECT_EQ(parse("  1300 \t km  ", Dimension::kLength), 1.3e6);  // blanks around number and unit
  EXPECT_EQ(parse("1e3km", Dimension::kLength), 1000.0 * 1000.0);
}

TEST(ParseQuantity, UnitsAreCaseSensitive) {
  // "mHz" would be millihertz and "Mm" megametres: case carries meaning, so it is never folded.
  EXPECT_EQ(error_of("10 hz", Dimension::kFrequency),
            "file.yaml:3:7: error: unknown unit \"hz\" in \"10 hz\": expected a frequency in Hz, kHz, MHz, GHz");
  EXPECT_EQ(error_of("1 KM", Dimension::kLength),
            "file.yaml:3:7: error: unknown unit \"KM\" in \"1 KM\": expected a length in m, km, ft, nmi, mi");
}

// --- error messages ---------------------------------------------------------

TEST(ParseQuantityError, MessageStartsWithLocation) {
  const std::string message = error_of("1300", Dimension::kLength);
  EXPECT_EQ(message.rfind("file.yaml:3:7: error: ", 0), 0U) << message;
}

TEST(ParseQuantityError, CarriesLocationAndMessage) {
  try {
    parse("1300", Dimension::kLength);
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "file.yaml");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().column, 7);
    EXPECT_EQ(e.message(), "missing unit in \"1300\": expected a length in m, km, ft, nmi, mi");
  }
}

TEST(ParseQuantityError, MissingUnit) {
  EXPECT_EQ(error_of("1300", Dimension::kLength),
            "file.yaml:3:7: error: missing unit in \"1300\": expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(error_of("-20", Dimension::kArea),
            "file.yaml:3:7: error: missing unit in \"-20\": expected an area in m^2, cm^2, ft^2, dBsm");
}

TEST(ParseQuantityError, UnknownUnit) {
  EXPECT_EQ(error_of("1300 kmz", Dimension::kLength),
            "file.yaml:3:7: error: unknown unit \"kmz\" in \"1300 kmz\": expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(error_of("4.5 km / s", Dimension::kSpeed),
            "file.yaml:3:7: error: unknown unit \"km / s\" in \"4.5 km / s\": expected a speed in m/s, km/s, km/h, "
            "ft/s, kn, mph");
}

TEST(ParseQuantityError, UnitOfAnotherDimension) {
  EXPECT_EQ(error_of("45 km", Dimension::kAngle),
            "file.yaml:3:7: error: \"45 km\" is a length, expected an angle in deg, rad, mrad");
  EXPECT_EQ(error_of("4.5 km/s", Dimension::kLength),
            "file.yaml:3:7: error: \"4.5 km/s\" is a speed, expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(error_of("30 dB", Dimension::kArea),
            "file.yaml:3:7: error: \"30 dB\" is a power ratio, expected an area in m^2, cm^2, ft^2, dBsm");
  EXPECT_EQ(error_of("3 g", Dimension::kMass),
            "file.yaml:3:7: error: \"3 g\" is an acceleration, expected a mass in kg, t, lb");
}

TEST(ParseQuantityError, Garbage) {
  EXPECT_EQ(error_of("abc km", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"abc km\"");
  EXPECT_EQ(error_of("km 1300", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"km 1300\"");
  EXPECT_EQ(error_of("+-5 m", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"+-5 m\"");
  EXPECT_EQ(error_of("++5 m", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"++5 m\"");
  EXPECT_EQ(error_of("0x10 m", Dimension::kLength),
            "file.yaml:3:7: error: unknown unit \"x10 m\" in \"0x10 m\": expected a length in m, km, ft, nmi, mi");
}

TEST(ParseQuantityError, Empty) {
  EXPECT_EQ(error_of("", Dimension::kLength), "file.yaml:3:7: error: expected a length such as \"10 m\", got \"\"");
  EXPECT_EQ(error_of("   ", Dimension::kTime), "file.yaml:3:7: error: expected a time such as \"10 s\", got \"   \"");
}

TEST(ParseQuantityError, NonFiniteNumbers) {
  EXPECT_EQ(error_of("inf m", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"inf m\"");
  EXPECT_EQ(error_of("nan km", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"nan km\"");
  // Beyond the range of double as written.
  EXPECT_EQ(error_of("1e400 m", Dimension::kLength),
            "file.yaml:3:7: error: expected a length such as \"10 m\", got \"1e400 m\"");
}

TEST(ParseQuantityError, OverflowInSi) {
  // Finite as written, infinite once converted: must not reach the physics as inf.
  EXPECT_EQ(error_of("4000 dB", Dimension::kRatio), "file.yaml:3:7: error: \"4000 dB\" is out of range for a power ratio");
  EXPECT_EQ(error_of("1e308 km", Dimension::kLength), "file.yaml:3:7: error: \"1e308 km\" is out of range for a length");
}

TEST(ParseQuantityError, LocationPartsMissing) {
  try {
    parse_quantity("1300", Dimension::kLength, SourceLocation{"--range", 0, 0});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "--range: error: missing unit in \"1300\": expected a length in m, km, ft, nmi, mi");
  }
  try {
    parse_quantity("1300", Dimension::kLength, SourceLocation{});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "error: missing unit in \"1300\": expected a length in m, km, ft, nmi, mi");
  }
}

// --- plain numbers ----------------------------------------------------------

TEST(ParseNumber, Accepts) {
  EXPECT_EQ(parse_number("12.5", kWhere), 12.5);
  EXPECT_EQ(parse_number("  -3 ", kWhere), -3.0);
  EXPECT_EQ(parse_number("+7", kWhere), 7.0);
  EXPECT_EQ(parse_number("1e-3", kWhere), 0.001);
  EXPECT_EQ(parse_number("0", kWhere), 0.0);
}

TEST(ParseNumber, Rejects) {
  EXPECT_EQ(number_error_of("12 km"), "file.yaml:3:7: error: expected a number, got \"12 km\"");
  EXPECT_EQ(number_error_of(""), "file.yaml:3:7: error: expected a number, got \"\"");
  EXPECT_EQ(number_error_of("abc"), "file.yaml:3:7: error: expected a number, got \"abc\"");
  EXPECT_EQ(number_error_of("nan"), "file.yaml:3:7: error: expected a number, got \"nan\"");
  EXPECT_EQ(number_error_of("inf"), "file.yaml:3:7: error: expected a number, got \"inf\"");
  EXPECT_EQ(number_error_of("+-1"), "file.yaml:3:7: error: expected a number, got \"+-1\"");
  EXPECT_EQ(number_error_of("1.2.3"), "file.yaml:3:7: error: expected a number, got \"1.2.3\"");
}

// --- vocabulary for messages -------------------------------------------------

TEST(Dimension, NamesAndAcceptedUnits) {
  EXPECT_EQ(dimension_name(Dimension::kLength), "length");
  EXPECT_EQ(dimension_name(Dimension::kAngle), "angle");
  EXPECT_EQ(dimension_name(Dimension::kRatio), "power ratio");
  EXPECT_EQ(accepted_units(Dimension::kLength), "m, km, ft, nmi, mi");
  EXPECT_EQ(accepted_units(Dimension::kAngle), "deg, rad, mrad");
  EXPECT_EQ(accepted_units(Dimension::kArea), "m^2, cm^2, ft^2, dBsm");
  EXPECT_EQ(accepted_units(Dimension::kRatio), "dB");
}

TEST(Dimension, EveryAcceptedUnitParsesForItsDimension) {
  // Round trip over the whole table: each listed unit must parse as its own
  // dimension, so the messages never advertise a unit that is refused.
  for (const Dimension d :
       {Dimension::kLength, Dimension::kSpeed, Dimension::kAngle, Dimension::kArea, Dimension::kMass,
        Dimension::kTime, Dimension::kAcceleration, Dimension::kFrequency, Dimension::kRatio, Dimension::kForce,
        Dimension::kPower, Dimension::kAngularRate}) {
    const std::string units = accepted_units(d);
    ASSERT_FALSE(units.empty()) << dimension_name(d);
    std::size_t begin = 0;
    while (begin < units.size()) {
      std::size_t end = units.find(", ", begin);
      if (end == std::string::npos) end = units.size();
      const std::string text = "2 " + units.substr(begin, end - begin);
      EXPECT_NO_THROW({
        const double si = parse(text, d);
        EXPECT_GT(si, 0.0) << text;
        EXPECT_TRUE(std::isfinite(si)) << text;
      }) << text;
      begin = end + 2;
    }
  }
}

}  // namespace
}  // namespace rampart
