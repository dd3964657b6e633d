// The missile catalog reader: the shipped catalog loads, and every kind of
// mistake in a catalog file is an InputError at its file, line and column.

#include "rampart/io/missile_catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "rampart/core/constants.hpp"
#include "yaml_mistakes.hpp"

namespace rampart::io {
namespace {

constexpr const char* kValid = R"(missiles:
  - name: test-1
    description: a test missile
    nominal_range: 500 km
    source: none (test)
    stages:
      - burn_time: 60 s
        propellant_mass: 4000 kg
        dry_mass: 1000 kg
        specific_impulse: 240 s
        diameter: 0.9 m
        drag_coefficient: 0.3
    reentry_vehicle:
      mass: 800 kg
      ballistic_coefficient: 3000 kg/m^2
    pitch_program:
      vertical_rise: 5 s
      kick_duration: 5 s
)";

/// Loads kValid with `from` replaced by `to`, expecting an InputError; returns its message after the path.
std::string error_of(const std::string& from, const std::string& to) {
  return testing::error_with_mistake(kValid, from, to, [](const std::string& path) { load_missile_catalog(path); });
}

TEST(MissileCatalog, ShippedCatalogLoadsWithSourcesAndUnitsConverted) {
  const auto catalog = load_missile_catalog(default_missile_catalog_path());
  ASSERT_EQ(catalog.size(), 4u);
  for (const auto& missile : catalog) {
    EXPECT_FALSE(missile.source.empty()) << missile.name;
    EXPECT_GT(missile.launch_mass_kg(), 0.0);
  }
  const auto& srbm = find_missile(catalog, "srbm-300", {});
  EXPECT_DOUBLE_EQ(srbm.nominal_range_m, 300e3);
  EXPECT_DOUBLE_EQ(srbm.stages.at(0).diameter_m, 0.88);
}

TEST(MissileCatalog, ValidTextLoads) {
  const std::string path = testing::write_temp_yaml(kValid);
  const auto catalog = load_missile_catalog(path);
  std::filesystem::remove(path);
  ASSERT_EQ(catalog.size(), 1u);
  // Thrust = mass flow x Isp x g0 = (4000/60) x 240 x 9.80665 N.
  EXPECT_DOUBLE_EQ(catalog[0].stages[0].thrust_n(), 4000.0 / 60.0 * 240.0 * constants::kG0);
  EXPECT_DOUBLE_EQ(catalog[0].launch_mass_kg(), 5800.0);
}

TEST(MissileCatalog, MistakesNameLineColumnAndWhatWasExpected) {
  EXPECT_EQ(error_of("burn_time: 60 s", "burn_time: 60"),
            ":7:20: error: missing unit in \"60\": expected a time in s, ms, us, min, h");
  EXPECT_EQ(error_of("diameter: 0.9 m", "diameter: 0.9 kg"),
            ":11:19: error: \"0.9 kg\" is a mass, expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(error_of("drag_coefficient: 0.3", "drag_coeficient: 0.3"),
            ":12:9: error: unknown key \"drag_coeficient\" in catalog.missiles[0].stages[0] (did you mean "
            "\"drag_coefficient\"?)");
  EXPECT_EQ(error_of("      mass: 800 kg\n", ""),
            ":14:7: error: missing key \"mass\" in catalog.missiles[0].reentry_vehicle");
  EXPECT_EQ(error_of("dry_mass: 1000 kg", "dry_mass: -1000 kg"),
            ":2:5: error: missile test-1: stage 1 dry_mass must be positive and finite");
  EXPECT_EQ(error_of("ballistic_coefficient: 3000 kg/m^2", "ballistic_coefficient: [3000]"),
            ":15:30: error: expected a single value for catalog.missiles[0].reentry_vehicle.ballistic_coefficient");
}

TEST(MissileCatalog, SyntaxErrorsAndMissingFilesAreInputErrors) {
  const std::string path = testing::write_temp_yaml("missiles:\n  - name: [unclosed\n");
  try {
    load_missile_catalog(path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path);
    EXPECT_GT(e.where().line, 0);
  }
  std::filesystem::remove(path);
  EXPECT_THROW(load_missile_catalog("/nonexistent/missiles.yaml"), InputError);
}

TEST(MissileCatalog, UnknownMissileListsTheKnownOnes) {
  const auto catalog = load_missile_catalog(default_missile_catalog_path());
  try {
    find_missile(catalog, "mrbm-1200", SourceLocation{"--missile"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--missile: error: unknown missile \"mrbm-1200\" (did you mean \"mrbm-1300\"?); known missiles: "
              "srbm-300 mrbm-1300 mrbm-2000 icbm-10000");
  }
}

}  // namespace
}  // namespace rampart::io
