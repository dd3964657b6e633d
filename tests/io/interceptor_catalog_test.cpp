// The interceptor catalog reader: the shipped catalog loads with its units
// converted, and every kind of mistake in a catalog file is an InputError at
// its file, line and column.

#include "rampart/io/interceptor_catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "rampart/core/constants.hpp"
#include "yaml_mistakes.hpp"

namespace rampart::io {
namespace {

constexpr const char* kValid = R"(interceptors:
  - name: test-endo
    description: a test interceptor
    regime: endo
    published_burnout_speed: 1.5 km/s
    max_intercept_range: 40 km
    min_intercept_altitude: 1 km
    max_intercept_altitude: 30 km
    source: none (test)
    stages:
      - burn_time: 10 s
        propellant_mass: 150 kg
        dry_mass: 40 kg
        specific_impulse: 240 s
        diameter: 0.3 m
        drag_coefficient: 0.3
    pitch_program:
      vertical_rise: 1 s
      kick_duration: 2 s
    kill_vehicle:
      mass: 100 kg
      ballistic_coefficient: 3000 kg/m^2
      seeker_acquisition_range: 10 km
      divert_delta_v: 200 m/s
      max_lateral_acceleration: 40 g
      lethal_radius: 0.5 m
      kill_mechanism: hit-to-kill
      single_shot_kill_probability: 0.8
      reference_area: 0.07 m^2
      max_normal_force_coefficient: 10
)";

/// Loads kValid with `from` replaced by `to`, expecting an InputError; returns its message after the path.
std::string error_of(const std::string& from, const std::string& to) {
  return testing::error_with_mistake(kValid, from, to, [](const std::string& path) { load_interceptor_catalog(path); });
}

// The seven classes of the brief load, each with a source; units are
// converted exactly (the figures are read back from the file's text).
TEST(InterceptorCatalog, ShippedCatalogLoadsWithSourcesAndUnitsConverted) {
  const auto catalog = load_interceptor_catalog(default_interceptor_catalog_path());
  ASSERT_EQ(catalog.size(), 7u);
  for (const auto& type : catalog) {
    EXPECT_FALSE(type.source.empty()) << type.name;
    EXPECT_NO_THROW(engage::Interceptor{type}) << type.name;
  }
  const auto& sm3 = find_interceptor(catalog, "sm3-ib", {});
  EXPECT_EQ(sm3.regime, engage::InterceptRegime::kExoAtmospheric);
  EXPECT_DOUBLE_EQ(sm3.published_burnout_speed_mps, 3000.0);
  EXPECT_DOUBLE_EQ(sm3.kill_vehicle.max_lateral_acceleration_mps2, 5.0 * constants::kG0);  // "5 g"
  EXPECT_TRUE(sm3.kill_vehicle.hit_to_kill);
  ASSERT_EQ(sm3.stages.size(), 3u);
  const auto& s400 = find_interceptor(catalog, "s400-48n6", {});
  EXPECT_EQ(s400.regime, engage::InterceptRegime::kEndoAtmospheric);
  EXPECT_FALSE(s400.kill_vehicle.hit_to_kill);
  EXPECT_DOUBLE_EQ(s400.max_intercept_altitude_m, 27e3);
}

TEST(InterceptorCatalog, ValidTextLoads) {
  const std::string path = testing::write_temp_yaml(kValid);
  const auto catalog = load_interceptor_catalog(path);
  std::filesystem::remove(path);
  ASSERT_EQ(catalog.size(), 1u);
  const auto& kv = catalog[0].kill_vehicle;
  EXPECT_DOUBLE_EQ(kv.reference_area_m2, 0.07);
  EXPECT_DOUBLE_EQ(kv.max_normal_force_coefficient, 10.0);
  EXPECT_DOUBLE_EQ(kv.seeker_acquisition_range_m, 10e3);
  // Launch mass of the booster = stage + kill vehicle = 150 + 40 + 100 kg.
  EXPECT_DOUBLE_EQ(catalog[0].booster().launch_mass_kg(), 290.0);
}

TEST(InterceptorCatalog, MistakesNameLineColumnAndWhatWasExpected) {
  EXPECT_EQ(error_of("regime: endo", "regime: endoo"),
            ":4:13: error: unknown regime \"endoo\" (did you mean \"endo\"?); known regimes: exo endo");
  EXPECT_EQ(error_of("divert_delta_v: 200 m/s", "divert_delta_v: 200 m"),
            ":24:23: error: \"200 m\" is a length, expected a speed in m/s, km/s, km/h, ft/s, kn, mph");
  EXPECT_EQ(error_of("lethal_radius: 0.5 m", "lethal_radus: 0.5 m"),
            ":26:7: error: unknown key \"lethal_radus\" in catalog.interceptors[0].kill_vehicle (did you mean "
            "\"lethal_radius\"?)");
  EXPECT_EQ(error_of("single_shot_kill_probability: 0.8", "single_shot_kill_probability: 1.5"),
            ":2:5: error: interceptor test-endo: kill_vehicle single_shot_kill_probability must be in (0, 1]");
  EXPECT_EQ(error_of("      reference_area: 0.07 m^2\n", ""),
            ":2:5: error: interceptor test-endo: kill_vehicle reference_area must be positive and finite");
  EXPECT_EQ(error_of("min_intercept_altitude: 1 km", "min_intercept_altitude: 31 km"),
            ":2:5: error: interceptor test-endo: max_intercept_altitude must exceed min_intercept_altitude");
  EXPECT_EQ(error_of("    source: none (test)\n", ""),
            ":2:5: error: missing key \"source\" in catalog.interceptors[0]");
}

TEST(InterceptorCatalog, DuplicateNamesAndUnknownInterceptorsAreErrors) {
  std::string text = kValid;
  text += std::string(kValid).substr(std::string("interceptors:\n").size());
  const std::string path = testing::write_temp_yaml(text);
  try {
    load_interceptor_catalog(path);
    ADD_FAILURE() << "duplicate accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 31);  // the second entry's name
    EXPECT_NE(std::string(e.what()).find("duplicate interceptor \"test-endo\""), std::string::npos);
  }
  std::filesystem::remove(path);

  const auto catalog = load_interceptor_catalog(default_interceptor_catalog_path());
  try {
    find_interceptor(catalog, "thad", SourceLocation{"--interceptor"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--interceptor: error: unknown interceptor \"thad\" (did you mean \"thaad\"?); known interceptors: "
              "sm3-ib sm3-iia gbi thaad pac3-mse s400-48n6 s400-40n6");
  }
  EXPECT_THROW(load_interceptor_catalog("/nonexistent/interceptors.yaml"), InputError);
}

}  // namespace
}  // namespace rampart::io
