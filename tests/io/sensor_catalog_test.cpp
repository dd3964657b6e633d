// The sensor catalog reader: the shipped catalog loads with its units
// converted, overrides change only what they name, and every kind of mistake
// is an InputError at its file, line and column.

#include "rampart/io/sensor_catalog.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "rampart/core/constants.hpp"
#include "yaml_mistakes.hpp"

namespace rampart::io {
namespace {

using constants::kDegToRad;

constexpr const char* kValid = R"(radars:
  - name: r1
    description: a test radar
    source: none (test)
    site: {lat: 40 deg, lon: 30 deg, alt: 100 m}
    field_of_regard: {boresight_azimuth: 90 deg, azimuth_span: 120 deg, elevation_min: 1 deg, elevation_max: 80 deg}
    min_range: 1 km
    max_range: 2000 km
    reference_snr: 20 dB
    reference_rcs: -20 dBsm
    reference_range: 1000 km
    pfa: 1e-8
    swerling: swerling3
    search_frame_time: 10 s
    track_revisit_interval: 500 ms
    range_resolution: 15 m
    azimuth_beamwidth: 0.6 deg
    elevation_beamwidth: 0.7 deg
    monopulse_slope: 1.6
    range_sigma_floor: 2 m
    angle_sigma_floor: 0.1 mrad
rcs:
  - name: rv
    description: a test RV
    source: none (test)
    table:
      - {aspect: 0 deg, rcs: -20 dBsm}
      - {aspect: 90 deg, rcs: 0.5 m^2}
ir_sensors:
  - name: ew
    description: a test constellation
    source: none (test)
    cloud_top_altitude: 10 km
    report_delay: 30 s
    position_sigma: 1.5 km
    azimuth_sigma: 3 deg
)";

/// Loads kValid with `from` replaced by `to`, expecting an InputError; returns its message after the path.
std::string error_of(const std::string& from, const std::string& to) {
  return testing::error_with_mistake(kValid, from, to, [](const std::string& path) { load_sensor_catalog(path); });
}

TEST(SensorCatalog, ShippedCatalogLoadsAndBuildsModels) {
  const auto catalog = load_sensor_catalog(default_sensor_catalog_path());
  ASSERT_GE(catalog.radars.size(), 4u);
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  for (const auto& radar : catalog.radars) {
    EXPECT_FALSE(radar.source.empty()) << radar.name;
    EXPECT_NO_THROW(sense::Radar(radar, earth, 0)) << radar.name;
  }
  for (const auto& rcs : catalog.rcs) EXPECT_FALSE(rcs.source.empty()) << rcs.name;
  find_radar(catalog, "tpy2-fbm", {});
  find_radar(catalog, "spy1-ashore-deveselu", {});
  find_radar(catalog, "s400-92n6", {});
  find_radar(catalog, "s400-91n6", {});
  find_rcs(catalog, "boost-body", {});
  find_rcs(catalog, "reentry-vehicle", {});
  find_rcs(catalog, "tank-debris", {});
  EXPECT_FALSE(find_ir_sensor(catalog, "sbirs-class", {}).source.empty());
}

TEST(SensorCatalog, ValidTextLoadsInSi) {
  const std::string path = testing::write_temp_yaml(kValid);
  const auto catalog = load_sensor_catalog(path);
  std::filesystem::remove(path);
  ASSERT_EQ(catalog.radars.size(), 1u);
  const auto& r = catalog.radars[0];
  EXPECT_DOUBLE_EQ(r.site.lat_rad, 40.0 * kDegToRad);
  EXPECT_DOUBLE_EQ(r.boresight_azimuth_rad, 90.0 * kDegToRad);
  EXPECT_DOUBLE_EQ(r.max_range_m, 2000e3);
  EXPECT_NEAR(r.reference_snr, 100.0, 1e-12);       // 20 dB
  EXPECT_NEAR(r.reference_rcs_m2, 0.01, 1e-16);     // -20 dBsm
  EXPECT_DOUBLE_EQ(r.pfa, 1e-8);
  EXPECT_EQ(r.swerling, sense::SwerlingCase::kSwerling3);
  EXPECT_DOUBLE_EQ(r.track_revisit_interval_s, 0.5);
  EXPECT_DOUBLE_EQ(r.angle_sigma_floor_rad, 1e-4);
  EXPECT_DOUBLE_EQ(r.effective_earth_radius_factor, constants::kFourThirdsEarth);  // default
  EXPECT_NEAR(catalog.rcs[0].table[0].rcs_m2, 0.01, 1e-16);
  EXPECT_DOUBLE_EQ(catalog.ir_sensors[0].position_sigma_m, 1500.0);
}

TEST(SensorCatalog, OverridesChangeOnlyWhatTheyName) {
  const std::string path = testing::write_temp_yaml(kValid);
  auto catalog = load_sensor_catalog(path);
  std::filesystem::remove(path);
  sense::RadarConfig config = catalog.radars[0];
  const YAML::Node node = YAML::Load("{max_range: 1500 km, site: {lat: 41 deg}, effective_earth_radius_factor: 1}");
  YamlMap map(node, "scenario.yaml", "radars[0]");
  read_radar_overrides(map, config);
  map.finish();
  EXPECT_DOUBLE_EQ(config.max_range_m, 1500e3);
  EXPECT_DOUBLE_EQ(config.site.lat_rad, 41.0 * kDegToRad);
  EXPECT_DOUBLE_EQ(config.site.lon_rad, 30.0 * kDegToRad);
  EXPECT_DOUBLE_EQ(config.effective_earth_radius_factor, 1.0);
  EXPECT_DOUBLE_EQ(config.pfa, 1e-8);
}

TEST(SensorCatalog, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of("max_range: 2000 km", "max_range: 2000"),
            ":8:16: error: missing unit in \"2000\": expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(error_of("    pfa: 1e-8", "    pfa: 1e-8\n    colour: red"),
            ":13:5: error: unknown key \"colour\" in catalog.radars[0]");
  EXPECT_EQ(error_of("swerling: swerling3", "swerling: swerlin3"),
            ":13:15: error: unknown Swerling case \"swerlin3\" (did you mean \"swerling3\"?); expected swerling0, "
            "swerling1 or swerling3");
  EXPECT_EQ(error_of("pfa: 1e-8", "pfa: 2"),
            ":2:5: error: radar \"r1\": probability of false alarm must lie in (0, 1)");
  EXPECT_EQ(error_of("alt: 100 m}", "alt: 100 m, heigth: 3 m}"),
            ":5:50: error: unknown key \"heigth\" in catalog.radars[0].site");
  EXPECT_EQ(error_of("{aspect: 90 deg, rcs: 0.5 m^2}", "{aspect: 0 deg, rcs: 0.5 m^2}"),
            ":27:7: error: RCS table of \"rv\": aspects must be strictly increasing");
  EXPECT_EQ(error_of("report_delay: 30 s", "report_delay: -30 s"),
            ":30:5: error: infrared sensor \"ew\": report delay must be finite and >= 0");
  EXPECT_EQ(error_of("  - name: rv", "  - name: rv\n    colour: red"),
            ":24:5: error: unknown key \"colour\" in catalog.rcs[0]");
}

TEST(SensorCatalog, FindSuggestsNames) {
  const std::string path = testing::write_temp_yaml(kValid);
  const auto catalog = load_sensor_catalog(path);
  std::filesystem::remove(path);
  try {
    find_radar(catalog, "r2", SourceLocation{"s.yaml", 3, 7});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "s.yaml:3:7: error: unknown radar \"r2\" (did you mean \"r1\"?); known radars: r1");
  }
}

}  // namespace
}  // namespace rampart::io
