// The scenario loader: the shipped examples load with their catalog entries
// and references resolved, raids expand, the epoch sets the Earth's sidereal
// angle, and every mistake is an InputError at its file, line and column,
// all of a file's mistakes reported together.

#include "rampart/sim/scenario.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "rampart/core/constants.hpp"
#include "yaml_mistakes.hpp"

namespace rampart::sim {
namespace {

using constants::kDegToRad;

const std::string kExample = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/two-threats.yaml";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void load(const std::string& path) { load_scenario(path); }

/// The tracking example with `from` replaced by `to`: what load_scenario reports, without the path.
std::string error_of(const std::string& from, const std::string& to) {
  return testing::error_with_mistake(slurp(kExample), from, to, load);
}

// Every key of the format, with line numbers the tests below refer to.
constexpr const char* kFull = R"(epoch: 1992-08-20T12:14:00Z
sites:
  - {name: deveselu, location: {lat: 44.08 deg, lon: 24.41 deg, alt: 150 m}}
  - {name: kurecik, location: {lat: 38.35 deg, lon: 37.79 deg, alt: 1900 m}}
radars:
  - name: kurecik
    type: tpy2-fbm
    site: kurecik
  - name: deveselu
    type: spy1-ashore-deveselu
batteries:
  - name: deveselu-sm3
    site: deveselu
    interceptor: sm3-ib
    launchers: 3
    inventory: 24
    reload_time: 30 s
    radar: deveselu
defended_assets:
  - {name: bucharest, point: {lat: 44.43 deg, lon: 26.10 deg}, radius: 25 km, value: 10}
  - name: constanta-port
    polygon: [{lat: 44.10 deg, lon: 28.60 deg}, {lat: 44.20 deg, lon: 28.60 deg}, {lat: 44.20 deg, lon: 28.70 deg}]
    value: 5
threats:
  - name: lone
    missile: mrbm-2000
    launch: {lat: 38.1 deg, lon: 46.3 deg}
    aim_asset: bucharest
raids:
  - name: north
    missile: mrbm-2000
    launch: {lat: 38.1 deg, lon: 46.3 deg}
    launch_radius: 30 km
    aim: {lat: 44.17 deg, lon: 28.63 deg}
    time: 20 s
    count: 3
    spacing: 10 s
doctrine:
  mode: salvo
  salvo_size: 3
  kill_assessment_delay: 8 s
  kill_assessment_probability: 0.95
  reserve: 2
  min_intercept_altitude: 70 km
  commit_position_sigma: 3 km
  max_shots_per_threat: 4
  guidance: zem
  navigation_ratio: 3.5
c2:
  decision_latency: 4 s
  planning_interval: 2 s
)";

Scenario load_text(const std::string& text) {
  const std::string path = testing::write_temp_yaml(text);
  Scenario scenario = load_scenario(path);
  std::filesystem::remove(path);
  return scenario;
}

/// kFull with `from` replaced by `to`: what load_scenario reports, without the path.
std::string full_error_of(const std::string& from, const std::string& to) {
  return testing::error_with_mistake(kFull, from, to, load);
}

TEST(Scenario, ExampleLoadsWithCatalogEntriesResolved) {
  const Scenario s = load_scenario(kExample);
  EXPECT_EQ(s.seed, 11u);
  ASSERT_EQ(s.radars.size(), 1u);
  EXPECT_EQ(s.radars[0].name, "kurecik");  // the scenario's name replaces the catalog's
  EXPECT_GT(s.radars[0].max_range_m, 1000e3);
  ASSERT_EQ(s.threats.size(), 2u);
  EXPECT_EQ(s.threats[1].missile.name, "mrbm-1300");
  EXPECT_DOUBLE_EQ(s.threats[1].launch_time_s, 15.0);
  EXPECT_DOUBLE_EQ(s.threats[0].aim.lat_rad, 37.0 * kDegToRad);
  EXPECT_EQ(s.tracker.filter, "ekf");
  EXPECT_EQ(s.radar_names(), std::vector<std::string>{"kurecik"});
  // Tracking-only: no engagement sections, so their defaults.
  EXPECT_TRUE(s.batteries.empty());
  EXPECT_TRUE(s.defended_assets.empty());
  EXPECT_EQ(s.doctrine.mode, FiringMode::kShootLookShoot);
  EXPECT_DOUBLE_EQ(s.epoch_rotation_angle_rad, 0.0);
}

TEST(Scenario, EveryShippedScenarioLoads) {
  const std::filesystem::path shipped = std::filesystem::path(RAMPART_TEST_DATA_DIR) / ".." / ".." / "scenarios";
  const std::filesystem::path test_data = std::filesystem::path(RAMPART_TEST_DATA_DIR) / "scenarios";
  int loaded = 0;
  for (const auto& folder : {shipped, test_data}) {
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
      if (file.path().extension() != ".yaml") continue;
      EXPECT_NO_THROW(load_scenario(file.path().string())) << file.path();
      ++loaded;
    }
  }
  EXPECT_GE(loaded, 4);
}

TEST(Scenario, FullFormatLoadsWithReferencesResolved) {
  const Scenario s = load_text(kFull);
  ASSERT_EQ(s.sites.size(), 2u);
  ASSERT_EQ(s.radars.size(), 2u);
  // A radar at a named site stands at the site's place (not its catalog place).
  EXPECT_DOUBLE_EQ(s.radars[0].site.lat_rad, 38.35 * kDegToRad);
  EXPECT_DOUBLE_EQ(s.radars[0].site.lon_rad, 37.79 * kDegToRad);
  EXPECT_DOUBLE_EQ(s.radars[0].site.alt_m, 1900.0);

  ASSERT_EQ(s.batteries.size(), 1u);
  const BatteryConfig& b = s.batteries[0];
  EXPECT_EQ(b.name, "deveselu-sm3");
  EXPECT_EQ(b.site, "deveselu");
  EXPECT_DOUBLE_EQ(b.location.lat_rad, 44.08 * kDegToRad);
  EXPECT_DOUBLE_EQ(b.location.alt_m, 150.0);
  EXPECT_EQ(b.interceptor.name, "sm3-ib");
  EXPECT_EQ(b.launchers, 3);
  EXPECT_EQ(b.inventory, 24);
  EXPECT_DOUBLE_EQ(b.reload_time_s, 30.0);
  EXPECT_EQ(b.radar, std::optional<std::string>("deveselu"));

  ASSERT_EQ(s.defended_assets.size(), 2u);
  EXPECT_DOUBLE_EQ(s.defended_assets[0].radius_m, 25e3);
  EXPECT_DOUBLE_EQ(s.defended_assets[0].value, 10.0);
  EXPECT_TRUE(s.defended_assets[0].polygon.empty());
  const auto& port = s.defended_assets[1];
  ASSERT_EQ(port.polygon.size(), 3u);
  EXPECT_DOUBLE_EQ(port.value, 5.0);
  // Its representative point lies inside the triangle (lat, lon as plane
  // coordinates): east of its western side, south of its northern side,
  // north-west of the side from (44.10, 28.60) to (44.20, 28.70).
  const double lat = port.point.lat_rad / kDegToRad, lon = port.point.lon_rad / kDegToRad;
  EXPECT_GT(lon, 28.60);
  EXPECT_LT(lat, 44.20);
  EXPECT_LT(lon - 28.60, lat - 44.10);

  const DoctrineConfig& d = s.doctrine;
  EXPECT_EQ(d.mode, FiringMode::kSalvo);
  EXPECT_EQ(d.salvo_size, 3);
  EXPECT_DOUBLE_EQ(d.kill_assessment_delay_s, 8.0);
  EXPECT_DOUBLE_EQ(d.kill_assessment_probability, 0.95);
  EXPECT_EQ(d.reserve, 2);
  EXPECT_DOUBLE_EQ(d.min_intercept_altitude_m, 70e3);
  EXPECT_DOUBLE_EQ(d.commit_position_sigma_m, 3e3);
  EXPECT_EQ(d.max_shots_per_threat, 4);
  EXPECT_EQ(d.guidance, "zem");
  EXPECT_DOUBLE_EQ(d.navigation_ratio, 3.5);
  EXPECT_DOUBLE_EQ(s.c2.decision_latency_s, 4.0);
  EXPECT_DOUBLE_EQ(s.c2.planning_interval_s, 2.0);

  // The threat aimed at an asset aims at its point.
  ASSERT_EQ(s.threats.size(), 4u);
  EXPECT_EQ(s.threats[0].aim_asset, std::optional<std::string>("bucharest"));
  EXPECT_DOUBLE_EQ(s.threats[0].aim.lat_rad, 44.43 * kDegToRad);
  EXPECT_DOUBLE_EQ(s.threats[0].aim.lon_rad, 26.10 * kDegToRad);
  EXPECT_FALSE(s.threats[0].raid.has_value());
}

TEST(Scenario, RaidsExpandIntoNumberedThreatsLaunchedSpacingApart) {
  const Scenario s = load_text(kFull);
  ASSERT_EQ(s.threats.size(), 1u + 3u);
  for (int k = 0; k < 3; ++k) {
    const ThreatConfig& t = s.threats[1 + k];
    EXPECT_EQ(t.name, "north-0" + std::to_string(k + 1));
    EXPECT_DOUBLE_EQ(t.launch_time_s, 20.0 + 10.0 * k);  // time + k x spacing
    EXPECT_EQ(t.raid, std::optional<std::string>("north"));
    EXPECT_EQ(t.missile.name, "mrbm-2000");
    EXPECT_DOUBLE_EQ(t.launch_radius_m, 30e3);
    EXPECT_DOUBLE_EQ(t.aim.lat_rad, 44.17 * kDegToRad);
    EXPECT_FALSE(t.aim_asset.has_value());
  }
  // A hundred or more threats get three digits, so names sort in launch order.
  const Scenario big = load_text(testing::with_mistake(kFull, "count: 3", "count: 120"));
  ASSERT_EQ(big.threats.size(), 121u);
  EXPECT_EQ(big.threats[1].name, "north-001");
  EXPECT_EQ(big.threats[120].name, "north-120");
  // Without time and spacing: all at 0 s.
  const Scenario salvo =
      load_text(testing::with_mistake(testing::with_mistake(kFull, "    time: 20 s\n", ""), "    spacing: 10 s\n", ""));
  EXPECT_DOUBLE_EQ(salvo.threats[3].launch_time_s, 0.0);
}

TEST(Scenario, RaidsAloneAreEnoughThreats) {
  const std::string lone =
      "threats:\n  - name: lone\n    missile: mrbm-2000\n    launch: {lat: 38.1 deg, lon: 46.3 deg}\n"
      "    aim_asset: bucharest\n";
  const Scenario s = load_text(testing::with_mistake(kFull, lone, ""));
  EXPECT_EQ(s.threats.size(), 3u);
}

// Greenwich mean sidereal time at the epoch, against published values:
// Vallado (2013) example 3-5, 1992-08-20 12:14 UT1 -> 152.578787810 deg;
// at J2000.0 (2000-01-01 12:00 UT1) the constant term, 280.46061837 deg
// (Meeus, Astronomical Algorithms, eq. 12.4).
TEST(Scenario, EpochSetsTheSiderealAngleOfTheEarth) {
  const Scenario vallado = load_text(kFull);
  EXPECT_EQ(vallado.epoch, "1992-08-20T12:14:00Z");
  EXPECT_NEAR(vallado.epoch_rotation_angle_rad / kDegToRad, 152.578787810, 1e-6);
  const Scenario j2000 = load_text(testing::with_mistake(kFull, "1992-08-20T12:14:00Z", "2000-01-01T12:00:00.000Z"));
  EXPECT_NEAR(j2000.epoch_rotation_angle_rad / kDegToRad, 280.46061837, 1e-6);

  // The Earth of the scenario is turned by it: at t = 0 the vernal equinox
  // (the ECI x axis) lies at longitude -GMST.
  const earth::EarthModel earth = make_earth(vallado);
  const Vec3 equinox_E = earth.ecef_from_eci(Vec3(1.0, 0.0, 0.0), 0.0);
  EXPECT_NEAR(std::atan2(equinox_E.y(), equinox_E.x()) / kDegToRad, -152.578787810, 1e-6);
  EXPECT_EQ(earth.kind(), earth::EarthKind::kWgs84);

  EXPECT_EQ(full_error_of("1992-08-20T12:14:00Z", "1992-02-30T12:14:00Z"),
            ":1:8: error: epoch \"1992-02-30T12:14:00Z\" is not an ISO 8601 UTC time such as 2026-11-29T03:00:00Z");
  EXPECT_EQ(full_error_of("1992-08-20T12:14:00Z", "1992-08-20 12:14"),
            ":1:8: error: epoch \"1992-08-20 12:14\" is not an ISO 8601 UTC time such as 2026-11-29T03:00:00Z");
}

// A concave polygon: its representative point must be inside even though
// the mean of its vertices is not. The U opens to the north: arms
// lon in [0, 1] and [2, 3] deg, lat [0, 3] deg; base lat [0, 1] deg.
TEST(Scenario, ConcavePolygonAssetGetsAPointInside) {
  const std::string triangle =
      "polygon: [{lat: 44.10 deg, lon: 28.60 deg}, {lat: 44.20 deg, lon: 28.60 deg}, {lat: 44.20 deg, lon: 28.70 deg}]";
  const std::string u_shape =
      "polygon: [{lat: 0 deg, lon: 0 deg}, {lat: 0 deg, lon: 3 deg}, {lat: 3 deg, lon: 3 deg}, "
      "{lat: 3 deg, lon: 2 deg}, {lat: 1 deg, lon: 2 deg}, {lat: 1 deg, lon: 1 deg}, {lat: 3 deg, lon: 1 deg}, "
      "{lat: 3 deg, lon: 0 deg}]";
  const Scenario s = load_text(testing::with_mistake(kFull, triangle, u_shape));
  const auto& point = s.defended_assets[1].point;
  const double lat = point.lat_rad / kDegToRad, lon = point.lon_rad / kDegToRad;
  const bool in_base = lat > 0.0 && lat < 1.0 && lon > 0.0 && lon < 3.0;
  const bool in_arm = lat > 0.0 && lat < 3.0 && ((lon > 0.0 && lon < 1.0) || (lon > 2.0 && lon < 3.0));
  EXPECT_TRUE(in_base || in_arm) << lat << ", " << lon;
}

TEST(Scenario, MistakesNameLineColumnAndWhatWasExpected) {
  EXPECT_EQ(error_of("seed: 11", "sede: 11"), ":3:1: error: unknown key \"sede\" in scenario (did you mean \"seed\"?)");
  EXPECT_EQ(error_of("launch_time: 15 s", "launch_time: 15"),
            ":17:18: error: missing unit in \"15\": expected a time in s, ms, us, min, h");
  EXPECT_EQ(error_of("type: tpy2-fbm", "type: tpy2-fmb"),
            ":6:11: error: unknown radar \"tpy2-fmb\" (did you mean \"tpy2-fbm\"?); known radars: tpy2-fbm "
            "spy1-ashore-deveselu spy1-ashore-redzikowo s400-92n6 s400-91n6");
  EXPECT_EQ(error_of("missile: mrbm-1300\n    launch_time", "missile: mrbm-13\n    launch_time"),
            ":16:14: error: unknown missile \"mrbm-13\" (did you mean \"mrbm-1300\"?); known missiles: srbm-300 "
            "mrbm-1300 mrbm-2000 icbm-10000");
  EXPECT_EQ(error_of("name: second", "name: first"), ":15:11: error: duplicate threat name \"first\"");
  EXPECT_EQ(error_of("aim: {lat: 37.0 deg", "aim: {lat: 97.0 deg"),
            ":14:16: error: latitude outside [-90, 90] degrees");
  EXPECT_EQ(error_of("association: gnn", "association: nn"),
            ":23:16: error: unknown association \"nn\": expected gnn or jpda");
}

TEST(Scenario, UnknownKeysInTheNewSectionsGetADidYouMean) {
  EXPECT_EQ(full_error_of("launchers: 3", "launcher: 3"),
            ":15:5: error: unknown key \"launcher\" in scenario.batteries[0] (did you mean \"launchers\"?)");
  EXPECT_EQ(full_error_of("salvo_size: 3", "salvo_sise: 3"),
            ":40:3: error: unknown key \"salvo_sise\" in scenario.doctrine (did you mean \"salvo_size\"?)");
  EXPECT_EQ(full_error_of("planning_interval: 2 s", "planing_interval: 2 s"),
            ":51:3: error: unknown key \"planing_interval\" in scenario.c2 (did you mean \"planning_interval\"?)");
  EXPECT_EQ(full_error_of("spacing: 10 s", "spaceing: 10 s"),
            ":37:5: error: unknown key \"spaceing\" in scenario.raids[0] (did you mean \"spacing\"?)");
  EXPECT_EQ(full_error_of("value: 5", "valeu: 5"),
            ":23:5: error: unknown key \"valeu\" in scenario.defended_assets[1] (did you mean \"value\"?)");
  // A misspelt alternative key (aim / aim_asset) is named as such, not as missing.
  EXPECT_EQ(full_error_of("aim_asset: bucharest", "aim_aset: bucharest"),
            ":28:5: error: unknown key \"aim_aset\" in scenario.threats[0] (did you mean \"aim_asset\"?)");
}

TEST(Scenario, MissingFieldsAndWrongUnits) {
  EXPECT_EQ(full_error_of("    inventory: 24\n", ""),
            ":12:5: error: missing key \"inventory\" in scenario.batteries[0]");
  EXPECT_EQ(full_error_of("    count: 3\n", ""), ":30:5: error: missing key \"count\" in scenario.raids[0]");
  EXPECT_EQ(full_error_of("reload_time: 30 s", "reload_time: 5 m"),
            ":17:18: error: \"5 m\" is a length, expected a time in s, ms, us, min, h");
  EXPECT_EQ(full_error_of("launch_radius: 30 km", "launch_radius: 3 s"),
            ":33:20: error: \"3 s\" is a time, expected a length in m, km, ft, nmi, mi");
  EXPECT_EQ(full_error_of("    aim_asset: bucharest\n", ""),
            ":25:5: error: missing key \"aim\" (or \"aim_asset\") in scenario.threats[0]");
  EXPECT_EQ(full_error_of("    aim: {lat: 44.17 deg, lon: 28.63 deg}\n", ""),
            ":30:5: error: missing key \"aim\" (or \"aim_asset\") in scenario.raids[0]");
  EXPECT_EQ(full_error_of("value: 10}", "value: 10, polygon: []}"),
            ":20:99: error: give either point or polygon, not both");
  EXPECT_EQ(full_error_of("radius: 25 km, ", ""),
            ":20:5: error: missing key \"radius\" in scenario.defended_assets[0]");
}

TEST(Scenario, UndefinedNamesAreErrorsWithADidYouMean) {
  EXPECT_EQ(full_error_of("site: deveselu", "site: deveslu"),
            ":13:11: error: unknown site \"deveslu\" (did you mean \"deveselu\"?); known sites: deveselu kurecik");
  EXPECT_EQ(full_error_of("site: kurecik", "site: kurecick"),
            ":8:11: error: unknown site \"kurecick\" (did you mean \"kurecik\"?); known sites: deveselu kurecik");
  EXPECT_EQ(full_error_of("radar: deveselu", "radar: devesel"),
            ":18:12: error: unknown radar \"devesel\" (did you mean \"deveselu\"?); known radars: kurecik deveselu");
  EXPECT_EQ(full_error_of("interceptor: sm3-ib", "interceptor: sm3-1b"),
            ":14:18: error: unknown interceptor \"sm3-1b\" (did you mean \"sm3-ib\"?); known interceptors: sm3-ib "
            "sm3-iia gbi thaad pac3-mse s400-48n6 s400-40n6");
  EXPECT_EQ(full_error_of("aim_asset: bucharest", "aim_asset: bucarest"),
            ":28:16: error: unknown defended asset \"bucarest\" (did you mean \"bucharest\"?); known defended assets: "
            "bucharest constanta-port");
  EXPECT_EQ(full_error_of("    time: 20 s", "    aim_asset: bucharest\n    time: 20 s"),
            ":35:16: error: give either aim or aim_asset, not both");
}

TEST(Scenario, BadChoicesAndOutOfRangeValues) {
  EXPECT_EQ(full_error_of("mode: salvo", "mode: salvos"),
            ":39:9: error: unknown firing mode \"salvos\" (did you mean \"salvo\"?); known firing modes: "
            "shoot-look-shoot salvo");
  EXPECT_EQ(full_error_of("guidance: zem", "guidance: png"),
            ":47:13: error: unknown guidance law \"png\" (did you mean \"pn\"?); known guidance laws: pn apn zem");
  EXPECT_EQ(full_error_of("kill_assessment_probability: 0.95", "kill_assessment_probability: 1.5"),
            ":42:32: error: kill_assessment_probability must lie in [0, 1]");
  EXPECT_EQ(full_error_of("salvo_size: 3", "salvo_size: 0"), ":40:15: error: salvo_size must be an integer >= 1");
  EXPECT_EQ(full_error_of("count: 3", "count: 0"), ":36:12: error: count must be an integer >= 1");
  EXPECT_EQ(full_error_of("count: 3", "count: 2.5"), ":36:12: error: count must be an integer >= 1");
  EXPECT_EQ(full_error_of("inventory: 24", "inventory: -1"), ":16:16: error: inventory must be an integer >= 0");
  EXPECT_EQ(full_error_of("planning_interval: 2 s", "planning_interval: 0 s"),
            ":51:22: error: planning_interval must be positive");
  EXPECT_EQ(full_error_of("decision_latency: 4 s", "decision_latency: -1 s"),
            ":50:21: error: decision_latency must not be negative");
  EXPECT_EQ(full_error_of("value: 5", "value: -5"),
            ":23:12: error: defended asset \"constanta-port\": value must be a finite number >= 0");
  EXPECT_EQ(full_error_of("radius: 25 km", "radius: 0 km"),
            ":20:72: error: defended asset \"bucharest\": radius must be positive");
}

TEST(Scenario, DuplicateNamesAndShortPolygons) {
  EXPECT_EQ(full_error_of("radars:", "  - {name: kurecik, location: {lat: 38 deg, lon: 37 deg}}\nradars:"),
            ":5:12: error: duplicate site name \"kurecik\"");
  EXPECT_EQ(full_error_of("batteries:", "  - {name: kurecik, type: tpy2-fbm}\nbatteries:"),
            ":11:12: error: duplicate radar name \"kurecik\"");
  EXPECT_EQ(full_error_of("name: constanta-port", "name: bucharest"),
            ":21:11: error: duplicate defended asset name \"bucharest\"");
  // A threat named like one of a raid's threats: reported at the raid, which comes later.
  EXPECT_EQ(full_error_of("name: lone", "name: north-02"), ":30:11: error: duplicate threat name \"north-02\"");
  const std::string second_battery =
      "  - {name: deveselu-sm3, site: deveselu, interceptor: sm3-ib, inventory: 1}\ndefended_assets:";
  EXPECT_EQ(full_error_of("defended_assets:", second_battery),
            ":19:12: error: duplicate battery name \"deveselu-sm3\"");
  EXPECT_EQ(full_error_of(", {lat: 44.20 deg, lon: 28.70 deg}]", "]"),
            ":22:14: error: defended asset \"constanta-port\": a polygon needs at least 3 vertices, got 2");
  // A closed outline (first vertex repeated) is the same triangle.
  const Scenario closed = load_text(testing::with_mistake(
      kFull, "{lat: 44.20 deg, lon: 28.70 deg}]", "{lat: 44.20 deg, lon: 28.70 deg}, {lat: 44.10 deg, lon: 28.60 deg}]"));
  EXPECT_EQ(closed.defended_assets[1].polygon.size(), 3u);
}

TEST(Scenario, EveryMistakeOfAFileIsReportedInLineOrder) {
  // Three mistakes in three sections, made in reverse order of their lines.
  std::string text = testing::with_mistake(kFull, "planning_interval: 2 s", "planning_interval: 0 s");  // line 51
  text = testing::with_mistake(text, "count: 3", "count: 0");                                          // line 36
  text = testing::with_mistake(text, "interceptor: sm3-ib", "interceptor: sm3");                        // line 14
  const std::string path = testing::write_temp_yaml(text);
  try {
    load_scenario(path);
    ADD_FAILURE() << "no error";
  } catch (const InputErrors& e) {
    ASSERT_EQ(e.errors().size(), 3u) << e.what();
    EXPECT_EQ(e.errors()[0].where().line, 14);
    EXPECT_EQ(e.errors()[1].where().line, 36);
    EXPECT_EQ(e.errors()[2].where().line, 51);
    EXPECT_EQ(e.errors()[1].message(), "count must be an integer >= 1");
    EXPECT_EQ(e.where().line, 14);  // the first error's, for callers that show one
  }
  std::filesystem::remove(path);
  // The lines of what() are the errors' own, each with the path.
  const auto lines = testing::input_errors_of(text, load);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2], ":51:22: error: planning_interval must be positive");
}

TEST(Scenario, AScenarioNeedsRadarsAndThreats) {
  EXPECT_EQ(testing::input_errors_of("radars: []\nraids: []\n", load),
            (std::vector<std::string>{":1:1: error: a scenario needs at least one threat (under threats or raids)",
                                      ":1:9: error: a scenario needs at least one radar"}));
  EXPECT_EQ(testing::input_errors_of("threats: []\n", load),
            (std::vector<std::string>{":1:1: error: missing key \"radars\" in scenario",
                                      ":1:1: error: a scenario needs at least one threat (under threats or raids)"}));
  // A YAML syntax error stays a single error.
  EXPECT_EQ(testing::input_errors_of("radars: [\n", load).size(), 1u);
}

}  // namespace
}  // namespace rampart::sim
