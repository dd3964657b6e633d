// scenario.geojson: GDAL's reader (ogrinfo) opens it and finds as many
// features of each role as the scenario and the run imply (counted from
// them, not from the writer); every polygon ring is closed and
// counter-clockwise (shoelace area > 0); coordinates are rounded as
// documented; a line and polygons across the antimeridian come split.

#include "rampart/io/geojson_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <fstream>
#include <map>
#include <sstream>

#include "rampart/core/constants.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "small_engagement.hpp"

namespace rampart::io {
namespace {

using testing::ogr_role_counts;

using json = nlohmann::json;

json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return json::parse(in);
}

/// Twice the signed area by the shoelace formula over a closed ring.
double shoelace2(const json& ring) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    sum += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
           ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  }
  return sum;
}

/// Every ring of a Polygon or MultiPolygon geometry.
std::vector<json> rings_of(const json& geometry) {
  std::vector<json> rings;
  if (geometry["type"] == "Polygon") {
    for (const auto& ring : geometry["coordinates"]) rings.push_back(ring);
  } else if (geometry["type"] == "MultiPolygon") {
    for (const auto& polygon : geometry["coordinates"]) {
      for (const auto& ring : polygon) rings.push_back(ring);
    }
  }
  return rings;
}

void expect_closed_counter_clockwise(const json& ring) {
  ASSERT_GE(ring.size(), 4u);
  EXPECT_EQ(ring.front(), ring.back()) << "ring not closed";
  EXPECT_GT(shoelace2(ring), 0.0) << "ring not counter-clockwise";
}

TEST(GeojsonExport, GdalCountsTheFeaturesTheScenarioAndRunImply) {
  ASSERT_EQ(std::system("ogrinfo --version > /dev/null 2>&1"), 0) << "ogrinfo missing: bash scripts/install-deps.sh";
  const auto& run = testing::small_certain_run();
  const auto counts = ogr_role_counts(run.dir / "scenario.geojson");
  const auto count = [&](const std::string& role) { return counts.count(role) ? counts.at(role) : 0; };

  int threat_truths = 0;
  int debris_truths = 0;
  for (const auto& truth : run.result.truths) {
    (truth.kind() == sim::TruthKind::kThreat ? threat_truths : debris_truths) += 1;
  }
  int intercepts = 0;
  int misses = 0;
  for (const auto& e : run.result.events) {
    intercepts += e.kind == sim::EventKind::kIntercept ? 1 : 0;
    misses += e.kind == sim::EventKind::kMiss ? 1 : 0;
  }
  int impacted_away = 0;
  for (const auto& t : run.result.threats) impacted_away += t.result == sim::ThreatResult::kImpactedAway ? 1 : 0;

  const int threats = static_cast<int>(run.scenario.threats.size());
  EXPECT_EQ(threats, 3);
  EXPECT_EQ(count("launch_point"), threats);
  EXPECT_EQ(count("aim_point"), threats);
  EXPECT_EQ(count("threat_track"), threat_truths);
  EXPECT_EQ(threat_truths, threats);
  EXPECT_EQ(count("debris_track"), debris_truths);
  EXPECT_EQ(count("site"), static_cast<int>(run.scenario.sites.size()));
  EXPECT_EQ(count("battery"), static_cast<int>(run.scenario.batteries.size()));
  EXPECT_EQ(count("radar"), static_cast<int>(run.scenario.radars.size()));
  // Both radars see a target at 100 km well beyond their own site.
  EXPECT_EQ(count("radar_footprint"), static_cast<int>(run.scenario.radars.size()));
  EXPECT_EQ(count("defended_asset"), static_cast<int>(run.scenario.defended_assets.size()));
  EXPECT_GT(run.result.interceptors.size(), 0u);
  EXPECT_EQ(count("interceptor_track"), static_cast<int>(run.result.interceptors.size()));
  EXPECT_GT(intercepts, 0);
  EXPECT_EQ(count("intercept"), intercepts);
  EXPECT_EQ(count("miss"), misses);
  EXPECT_GT(run.result.leakers, 0);
  EXPECT_EQ(count("leaker_impact"), run.result.leakers);
  EXPECT_EQ(count("impact"), impacted_away);
}

TEST(GeojsonExport, PolygonsAreClosedCounterClockwiseAndCoordinatesRounded) {
  const auto& run = testing::small_certain_run();
  const json collection = read_json(run.dir / "scenario.geojson");
  ASSERT_EQ(collection["type"], "FeatureCollection");
  int rings = 0;
  for (const auto& feature : collection["features"]) {
    ASSERT_TRUE(feature["properties"].contains("role"));
    ASSERT_TRUE(feature["properties"].contains("name"));
    for (const auto& ring : rings_of(feature["geometry"])) {
      SCOPED_TRACE(feature["properties"]["name"].get<std::string>());
      expect_closed_counter_clockwise(ring);
      for (const auto& p : ring) {
        const double lon = p[0].get<double>();
        const double lat = p[1].get<double>();
        EXPECT_LE(std::abs(lon), 180.0);
        EXPECT_LE(std::abs(lat), 90.0);
        EXPECT_NEAR(lon * 1e6, std::round(lon * 1e6), 1e-6);
        EXPECT_NEAR(lat * 1e6, std::round(lat * 1e6), 1e-6);
      }
      ++rings;
    }
  }
  EXPECT_EQ(rings, static_cast<int>(run.scenario.radars.size() + run.scenario.defended_assets.size()));
}

TEST(GeojsonExport, TracksCarryAltitudeAndIntercepsTheirTimeAndHeight) {
  const auto& run = testing::small_certain_run();
  const json collection = read_json(run.dir / "scenario.geojson");
  for (const auto& feature : collection["features"]) {
    const auto& role = feature["properties"]["role"];
    if (role == "threat_track") {
      ASSERT_EQ(feature["geometry"]["type"], "LineString");
      double top = 0.0;
      for (const auto& p : feature["geometry"]["coordinates"]) {
        ASSERT_EQ(p.size(), 3u);
        EXPECT_TRUE(p[2].is_number_integer());  // whole metres
        top = std::max(top, p[2].get<double>());
      }
      // A 2000 km missile flies far above 100 km (its minimum-energy apogee is ~400 km).
      EXPECT_GT(top, 100e3);
    }
    if (role == "intercept") {
      const auto& p = feature["geometry"]["coordinates"];
      ASSERT_EQ(p.size(), 3u);
      EXPECT_DOUBLE_EQ(p[2].get<double>(), feature["properties"]["alt_m"].get<double>());
      EXPECT_GE(feature["properties"]["alt_m"].get<double>(), 70e3 - 1e3);  // the doctrine's floor
      EXPECT_TRUE(feature["properties"]["t_s"].is_number());
      EXPECT_TRUE(feature["properties"]["time"].is_string());
    }
  }
}

TEST(GeojsonExport, SameResultSameBytes) {
  const auto& run = testing::small_certain_run();
  std::ostringstream a;
  std::ostringstream b;
  write_scenario_geojson(a, run.result, run.scenario, run.models->earth());
  write_scenario_geojson(b, sim::run_world(*run.models), run.scenario, run.models->earth());
  EXPECT_EQ(a.str(), b.str());
}

/// A scenario and a run built by hand around the antimeridian.
TEST(GeojsonExport, AntimeridianCrossingsAreSplit) {
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  constexpr double kDeg = constants::kDegToRad;
  sim::Scenario scenario;
  sense::RadarConfig radar;
  radar.name = "dateline";
  radar.site = {10.0 * kDeg, 179.5 * kDeg, 0.0};
  radar.azimuth_span_rad = 2.0 * constants::kPi;
  radar.elevation_max_rad = 1.0;
  radar.max_range_m = 1000e3;  // below the 100 km target's horizon range (~1300 km)
  scenario.radars.push_back(radar);
  engage::DefendedAsset asset;
  asset.name = "island";
  asset.point = {-10.0 * kDeg, -179.95 * kDeg, 0.0};
  asset.radius_m = 30e3;
  scenario.defended_assets.push_back(asset);

  sim::RunResult result;
  sim::InterceptorTrace trace;
  trace.number = 1;
  trace.battery = "b";
  const double lons[] = {179.0, 179.5, -179.8, -179.3};
  const double lats[] = {1.0, 2.0, 3.0, 4.0};
  for (int k = 0; k < 4; ++k) {
    const double t = 10.0 * k;
    const earth::Geodetic g{lats[k] * kDeg, lons[k] * kDeg, 50e3};
    trace.samples_I.emplace_back(t, earth.eci_from_ecef(earth.ecef_from_geodetic(g), t));
  }
  result.interceptors.push_back(trace);

  std::ostringstream out;
  write_scenario_geojson(out, result, scenario, earth);
  const json collection = json::parse(out.str());
  int checked = 0;
  for (const auto& feature : collection["features"]) {
    const auto& role = feature["properties"]["role"];
    const auto& geometry = feature["geometry"];
    if (role == "radar_footprint" || role == "defended_asset") {
      SCOPED_TRACE(role.get<std::string>());
      ASSERT_EQ(geometry["type"], "MultiPolygon");
      ASSERT_EQ(geometry["coordinates"].size(), 2u);
      bool east = false;
      bool west = false;
      for (const auto& ring : rings_of(geometry)) {
        expect_closed_counter_clockwise(ring);
        double lo = 180.0;
        double hi = -180.0;
        for (const auto& p : ring) {
          lo = std::min(lo, p[0].get<double>());
          hi = std::max(hi, p[0].get<double>());
        }
        // Each part lies on one side and touches the antimeridian.
        east = east || (lo > 0.0 && hi == 180.0);
        west = west || (hi < 0.0 && lo == -180.0);
      }
      EXPECT_TRUE(east && west);
      ++checked;
    }
    if (role == "interceptor_track") {
      ASSERT_EQ(geometry["type"], "MultiLineString");
      const auto& lines = geometry["coordinates"];
      ASSERT_EQ(lines.size(), 2u);
      const auto& end = lines[0].back();
      const auto& start = lines[1].front();
      EXPECT_EQ(end[0].get<double>(), 180.0);
      EXPECT_EQ(start[0].get<double>(), -180.0);
      EXPECT_EQ(end[1], start[1]);
      // The crossing is 0.5 of the 0.7 deg step from 179.5 to 180.2 (-179.8):
      // latitude 2 + (0.5 / 0.7) x 1, up to the 1e-6 rounding.
      EXPECT_NEAR(end[1].get<double>(), 2.0 + 0.5 / 0.7, 2e-6);
      EXPECT_EQ(lines[0].size(), 3u);
      EXPECT_EQ(lines[1].size(), 3u);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace rampart::io
