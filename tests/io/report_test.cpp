// io::write_report on result folders written here by hand, so that what the
// page must show is known independently of the simulator: two threats (one
// killed, one leaked), one interceptor, their samples and events; a study
// store whose leakers per run are chosen; a footprint; an empty folder.
// The page must draw one track per threat and interceptor, one marker per
// kill and per leaker, list every threat on the timeline, count every run in
// the histograms and refer to nothing outside itself.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"
#include "rampart/analysis/result_store.hpp"
#include "rampart/core/error.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/report_sections.hpp"

namespace rampart {
namespace {

namespace fs = std::filesystem;
using testing::slurp;
using testing::temp_dir;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// Every src= and href= of the page points inside it (an anchor or a data:
/// URI), and no http(s) address appears but the SVG namespace.
void expect_self_contained(const std::string& html) {
  std::string rest = html;
  for (const std::string ns : {"xmlns=\"http://www.w3.org/2000/svg\""}) {
    for (std::size_t at = rest.find(ns); at != std::string::npos; at = rest.find(ns)) rest.erase(at, ns.size());
  }
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
  EXPECT_EQ(rest.find("<script"), std::string::npos);
  EXPECT_EQ(rest.find("<link"), std::string::npos);
  EXPECT_EQ(rest.find("@import"), std::string::npos);
  EXPECT_EQ(rest.find("@font-face"), std::string::npos);
  for (const std::string attribute : {"src=\"", "href=\""}) {
    for (std::size_t at = rest.find(attribute); at != std::string::npos; at = rest.find(attribute, at + 1)) {
      const char first = rest[at + attribute.size()];
      const bool inside = first == '#' || rest.compare(at + attribute.size(), 5, "data:") == 0;
      EXPECT_TRUE(inside) << rest.substr(at, 60);
    }
  }
}

/// A run of two threats launched from 38N 46E: `alpha` killed at 300 s by
/// BAT-1 (launched 200 s from 44N 24E), `bravo` leaked onto `city` at 600 s.
fs::path write_run(const std::string& stem) {
  const auto dir = temp_dir(stem);
  fs::create_directories(dir);
  const nlohmann::json summary = {
      {"scenario", "hand.yaml"}, {"seed", 1}, {"threats_launched", 2}, {"threats_killed", 1}, {"leakers", 1},
      {"interceptors_used", 1},
      {"threats",
       {{{"name", "alpha"}, {"launch_time_s", 0.0}, {"launch_point", {{"lat_deg", 38.0}, {"lon_deg", 46.0}, {"alt_m", 0.0}}},
         {"first_detected_s", 60.0}, {"first_tracked_s", 90.0}, {"had_engagement_window", true},
         {"engaged_by", {"BAT"}}, {"shots", 1}, {"intercept_time_s", 300.0},
         {"intercept_point", {{"lat_deg", 41.0}, {"lon_deg", 36.0}, {"alt_m", 200000.0}}}, {"impact_time_s", nullptr},
         {"impact_point", nullptr}, {"assets_hit", nlohmann::json::array()}, {"result", "killed"}},
        {{"name", "bravo"}, {"launch_time_s", 10.0}, {"launch_point", {{"lat_deg", 38.0}, {"lon_deg", 46.0}, {"alt_m", 0.0}}},
         {"first_detected_s", nullptr}, {"first_tracked_s", nullptr}, {"had_engagement_window", false},
         {"engaged_by", nlohmann::json::array()}, {"shots", 0}, {"intercept_time_s", nullptr},
         {"intercept_point", nullptr}, {"impact_time_s", 600.0},
         {"impact_point", {{"lat_deg", 44.4}, {"lon_deg", 26.1}, {"alt_m", 0.0}}}, {"assets_hit", {"city"}},
         {"result", "leaked"}}}},
      {"batteries", {{{"name", "BAT"}, {"interceptor", "sm3-ib"}, {"shots", 1}, {"inventory_left", 23}}}},
      {"defended_assets", {{{"name", "city"}, {"value", 10.0}, {"leakers_hit", 1.0}}}}};
  write(dir / "summary.json", summary.dump(2));
  std::string csv = "object,kind,t_s,lat_deg,lon_deg,alt_m\n";
  for (int i = 0; i <= 60; ++i) {  // alpha: 38N 46E to 41N 36E, up to 200 km
    csv += "alpha,threat," + std::to_string(5 * i) + "," + std::to_string(38.0 + 0.05 * i) + "," +
           std::to_string(46.0 - i / 6.0) + "," + std::to_string(200000.0 * i / 60) + "\n";
  }
  for (int i = 0; i <= 118; ++i) {  // bravo: 38N 46E to 44.4N 26.1E, up and down
    const double f = i / 118.0;
    csv += "bravo,threat," + std::to_string(10 + 5 * i) + "," + std::to_string(38.0 + 6.4 * f) + "," +
           std::to_string(46.0 - 19.9 * f) + "," + std::to_string(1200000.0 * f * (1 - f)) + "\n";
  }
  for (int i = 0; i <= 20; ++i) {  // BAT-1: 44N 24E up to the kill
    csv += "BAT-1,interceptor," + std::to_string(200 + 5 * i) + "," + std::to_string(44.0 - 0.15 * i) + "," +
           std::to_string(24.0 + 0.6 * i) + "," + std::to_string(10000.0 * i) + "\n";
  }
  write(dir / "trajectories.csv", csv);
  write(dir / "events.jsonl",
        "{\"t_s\":60.0,\"event\":\"first_detection\",\"threat\":\"alpha\",\"detail\":\"r\"}\n"
        "{\"t_s\":200.0,\"event\":\"launch\",\"threat\":\"alpha\",\"battery\":\"BAT\",\"interceptor\":1}\n"
        "{\"t_s\":300.0,\"event\":\"intercept\",\"threat\":\"alpha\",\"battery\":\"BAT\",\"interceptor\":1,"
        "\"miss_distance_m\":0.5}\n"
        "{\"t_s\":600.0,\"event\":\"impact\",\"threat\":\"bravo\"}\n"
        "{\"t_s\":600.0,\"event\":\"leak\",\"threat\":\"bravo\",\"detail\":\"city\"}\n");
  const nlohmann::json geojson = {
      {"type", "FeatureCollection"},
      {"features",
       {{{"type", "Feature"},
         {"properties", {{"role", "battery"}, {"name", "BAT"}, {"interceptor", "sm3-ib"}, {"shots", 1}, {"inventory_left", 23}}},
         {"geometry", {{"type", "Point"}, {"coordinates", {24.0, 44.0, 0}}}}},
        {{"type", "Feature"},
         {"properties", {{"role", "defended_asset"}, {"name", "city"}, {"value", 10.0}, {"leakers_hit", 1.0}}},
         {"geometry",
          {{"type", "Polygon"}, {"coordinates", {{{26.0, 44.3}, {26.2, 44.3}, {26.2, 44.5}, {26.0, 44.5}, {26.0, 44.3}}}}}}}}}};
  write(dir / "scenario.geojson", geojson.dump());
  return dir;
}

TEST(Report, RunPageHasATrackPerObjectAMarkerPerKillAndLeakerAndEveryThreatOnTheTimeline) {
  const auto dir = write_run("rampart_report_run");
  const auto path = io::write_report(dir);
  EXPECT_EQ(path, dir / "report.html");
  const std::string html = slurp(path);
  EXPECT_EQ(count(html, "class=\"threat-track\" data-threat=\"alpha\""), 1u);
  EXPECT_EQ(count(html, "class=\"threat-track\" data-threat=\"bravo\""), 1u);
  EXPECT_EQ(count(html, "<path class=\"threat-track\" data-threat="), 2u);
  EXPECT_EQ(count(html, "<path class=\"interceptor-track\" data-interceptor=\"BAT-1\""), 1u);
  EXPECT_EQ(count(html, "<circle class=\"intercept-marker\" data-threat=\"alpha\""), 1u);
  EXPECT_EQ(count(html, "<circle class=\"intercept-marker\" data-threat="), 1u);
  EXPECT_EQ(count(html, "<circle class=\"leak-marker\" data-threat=\"bravo\""), 1u);
  EXPECT_EQ(count(html, "class=\"timeline-threat\" data-threat=\"alpha\""), 1u);
  EXPECT_EQ(count(html, "class=\"timeline-threat\" data-threat=\"bravo\""), 1u);
  EXPECT_EQ(count(html, "class=\"timeline-battery\" data-battery=\"BAT\""), 1u);
  EXPECT_EQ(count(html, "class=\"profile-threat\""), 2u);
  EXPECT_EQ(count(html, "class=\"profile-interceptor\""), 1u);
  EXPECT_NE(html.find("Natural Earth, public domain, via world-atlas (ISC)"), std::string::npos);
  EXPECT_NE(html.find("class=\"border\""), std::string::npos);
  EXPECT_NE(html.find("class=\"coastline\""), std::string::npos);
  expect_self_contained(html);
  // The same files give the same bytes.
  io::write_report(dir);
  EXPECT_EQ(slurp(path), html);
  fs::remove_all(dir);
}

TEST(Report, StudyHistogramsCountEveryRun) {
  const auto dir = temp_dir("rampart_report_study");
  fs::create_directories(dir);
  // Run k has k % 3 leakers and 4 + k % 2 interceptors: of 30 runs, 10 have
  // 0, 1 and 2 leakers, 15 use 4 and 15 use 5.
  const std::uint64_t runs = 30;
  {
    analysis::ResultStore store(dir / "results.sqlite");
    analysis::StudyInfo info;
    info.scenario_path = "hand.yaml";
    info.scenario_text = "x";
    info.scenario_hash = analysis::fnv1a64_hex("x");
    info.seed = 3;
    info.runs_requested = runs;
    info.asset_names = {"city"};
    store.create_study(info);
    std::vector<analysis::RunRecord> records;
    for (std::uint64_t k = 0; k < runs; ++k) {
      analysis::RunRecord r;
      r.run_index = k;
      r.seed = k;
      r.leakers = static_cast<int>(k % 3);
      r.interceptors_used = static_cast<int>(4 + k % 2);
      r.asset_damage = {static_cast<double>(r.leakers)};
      for (int i = 1; i <= r.interceptors_used; ++i) r.engagements.push_back({i, "BAT", "alpha", 1.0, 2.0, 0.0, i == 1});
      records.push_back(r);
    }
    store.commit(records);
  }
  const nlohmann::json summary = {{"scenario", "hand.yaml"}, {"scenario_hash", "0"}, {"program_version", "rampart"},
                                  {"seed", 3}, {"runs", runs},
                                  {"p_zero_leakers", {{"estimate", 1.0 / 3}, {"ci95_low", 0.2}, {"ci95_high", 0.5}}},
                                  {"convergence", {{{"runs", 10}, {"p_zero_leakers", 0.4}, {"ci95_low", 0.1}, {"ci95_high", 0.7}}}}};
  write(dir / "summary.json", summary.dump());
  const std::string html = slurp(io::write_report(dir));
  for (const std::string value : {"0", "1", "2"}) {
    EXPECT_EQ(count(html, "data-value=\"" + value + "\" data-count=\"10\""), 1u) << value;
  }
  EXPECT_EQ(count(html, "data-value=\"4\" data-count=\"15\""), 1u);
  EXPECT_EQ(count(html, "data-value=\"5\" data-count=\"15\""), 1u);
  EXPECT_EQ(count(html, "class=\"hist-bar\""), 5u);
  EXPECT_NE(html.find("id=\"study-convergence\""), std::string::npos);
  EXPECT_NE(html.find("class=\"ci-band\""), std::string::npos);
  // 30 runs fire 135 interceptors, of which 30 kill.
  EXPECT_NE(html.find("<td class=\"num\">135</td><td class=\"num\">30</td>"), std::string::npos);
  expect_self_contained(html);
  fs::remove_all(dir);
}

TEST(Report, FootprintShowsTheHeatmapsWithTheirUnits) {
  const auto dir = temp_dir("rampart_report_footprint");
  fs::create_directories(dir);
  write(dir / "summary.json",
        R"({"cells": 4, "cells_in_missile_range": 3, "engageable_cells": 2, "defended_area_km2": 2000.0,
            "grid": {"lat0_deg": 40, "lon0_deg": 20, "lat1_deg": 41, "lon1_deg": 21, "step_deg": 0.5, "rows": 2, "columns": 2},
            "batteries": [{"name": "BAT", "cells_with_shots": 2, "area_with_shots_km2": 2000.0}]})");
  write(dir / "footprint.csv",
        "row,column,lat_deg,lon_deg,area_km2,in_missile_range,engageable,shots,negation_probability,best_battery,"
        "detection_time_s,earliest_launch_s\n"
        "0,0,40.25,20.25,1000,1,1,2,0.9,BAT,10,20\n0,1,40.25,20.75,1000,1,1,1,0.7,BAT,10,20\n"
        "1,0,40.75,20.25,1000,1,0,0,0,,,\n1,1,40.75,20.75,1000,0,0,0,0,,,\n");
  write(dir / "footprint.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><clipPath id=\"map\"><rect/></clipPath></defs>"
        "<g clip-path=\"url(#map)\"></g><text>probability of negation (engageable cells)</text></svg>\n");
  const std::string html = slurp(io::write_report(dir));
  EXPECT_NE(html.find("probability of negation"), std::string::npos);
  EXPECT_NE(html.find("id=\"fp-map\""), std::string::npos);  // ids prefixed: one page, several maps
  EXPECT_NE(html.find("url(#fp-map)"), std::string::npos);
  EXPECT_EQ(html.find("id=\"map\""), std::string::npos);
  EXPECT_NE(html.find("shots (most in a cell: 2)"), std::string::npos);
  expect_self_contained(html);
  fs::remove_all(dir);
}

TEST(Report, CoverageDrawsEveryPolygonAndListsTheCoveredPlaces) {
  const auto dir = temp_dir("rampart_report_coverage");
  fs::create_directories(dir);
  // Two systems at one altitude; the second covers nothing (null geometry).
  write(dir / "coverage.geojson",
        R"({"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"system": "sam", "kind": "battery", "altitude_m": 1000.0, "area_km2": 5.0,
           "max_range_m": 2000.0, "fire_control_radar": "r", "note": ""},
           "geometry": {"type": "Polygon", "coordinates": [[[20, 50], [21, 50], [21, 51], [20, 50]]]}},
          {"type": "Feature", "properties": {"system": "r", "kind": "radar", "altitude_m": 1000.0, "area_km2": 0.0,
           "max_range_m": 0.0, "note": ""}, "geometry": null}]})");
  write(dir / "reach.json",
        R"({"altitudes_m": [1000.0], "rows": [
          {"place": "Here", "system": "sam", "kind": "battery", "altitude_m": 1000.0, "distance_m": 1.0,
           "azimuth_deg": 0.0, "reach_m": 2.0, "covered": true},
          {"place": "There", "system": "sam", "kind": "battery", "altitude_m": 1000.0, "distance_m": 9.0,
           "azimuth_deg": 0.0, "reach_m": 2.0, "covered": false}]})");
  const std::string html = slurp(io::write_report(dir));
  EXPECT_EQ(count(html, "<path class=\"coverage-area"), 1u);
  EXPECT_EQ(count(html, "data-system=\"sam\""), 1u);
  EXPECT_NE(html.find("<tr><td>Here</td><td>sam</td></tr>"), std::string::npos);
  EXPECT_EQ(html.find("<td>There</td>"), std::string::npos);
  expect_self_contained(html);
  fs::remove_all(dir);
}

TEST(Report, AFolderWithoutResultsIsAnInputErrorNamingIt) {
  const auto dir = temp_dir("rampart_report_empty");
  fs::create_directories(dir);
  try {
    io::write_report(dir);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("summary.json"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir / "report.html"));
  EXPECT_THROW(io::write_report(dir / "missing"), InputError);
  fs::remove_all(dir);
}

TEST(Report, SimplifyKeepsTheCornersOnly) {
  // A straight line of 50 points and an L: a straight run keeps its ends.
  std::vector<std::pair<double, double>> line;
  for (int i = 0; i < 50; ++i) line.emplace_back(i, 2.0 * i);
  EXPECT_EQ(io::report::simplify(line, 0.1), (std::vector<std::size_t>{0, 49}));
  std::vector<std::pair<double, double>> corner;
  for (int i = 0; i <= 10; ++i) corner.emplace_back(i, 0);
  for (int i = 1; i <= 10; ++i) corner.emplace_back(10, i);
  EXPECT_EQ(io::report::simplify(corner, 0.1), (std::vector<std::size_t>{0, 10, 20}));
}

TEST(Report, FrameIsTrueToScaleAtItsMiddleLatitude) {
  io::report::GeoBox box;
  box.add(10, 50);
  box.add(30, 70);
  const io::report::GeoFrame frame(box, 800);
  // One degree of longitude is cos(60 deg) = 1/2 of a degree of latitude.
  const double dx = frame.x(11) - frame.x(10), dy = frame.y(60) - frame.y(61);
  EXPECT_NEAR(dx / dy, 0.5, 1e-12);
  EXPECT_NEAR(frame.x(10), 0.0, 1e-9);
  EXPECT_NEAR(frame.y(70), 0.0, 1e-9);
}

}  // namespace
}  // namespace rampart
