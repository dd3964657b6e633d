// rampart coverage: air-defence and radar bubbles at a list of target
// altitudes, and which named places lie inside them. Prints per system and
// altitude the largest reach and the area, then the places covered at each
// altitude; writes coverage.geojson, reach.csv and reach.json into -o DIR.

#include <fmt/core.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "rampart/analysis/coverage.hpp"
#include "rampart/core/units.hpp"
#include "rampart/io/coverage_outputs.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/places.hpp"
#include "rampart/sim/scenario.hpp"

namespace rampart::cli {
namespace {

struct CoverageCommandOptions {
  std::string scenario;
  std::string altitudes = "0.1,1,10,30 km";
  std::string places;
  std::string out_dir = "out/coverage";
  bool no_report = false;
};

/// "0.1,1,10,30 km": numbers separated by commas, one unit at the end that
/// applies to all of them. InputError naming --altitudes otherwise.
std::vector<double> parse_altitudes(const std::string& text) {
  const SourceLocation where{"--altitudes"};
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) parts.push_back(part);
  if (parts.empty() || text.back() == ',') {
    throw InputError(where, "expected altitudes such as \"0.1,1,10,30 km\", got \"" + text + "\"");
  }
  // The unit is what follows the number in the last element.
  const std::string& last = parts.back();
  const char* begin = last.c_str();
  char* end = nullptr;
  std::strtod(begin, &end);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  if (end == begin || unit.empty()) {
    throw InputError(where, "expected altitudes with one unit at the end, such as \"0.1,1,10,30 km\", got \"" + text +
                                "\"");
  }
  std::vector<double> altitudes_m;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string quantity = parts[i];
    if (i + 1 < parts.size()) quantity.append(" ").append(unit);
    const double h = parse_quantity(quantity, Dimension::kLength, where);
    if (!std::isfinite(h) || h < 0.0) {
      throw InputError(where, "altitude \"" + parts[i] + "\" must be a finite length >= 0");
    }
    altitudes_m.push_back(h);
  }
  return altitudes_m;
}

std::string km(double m) { return fmt::format("{:g} km", m / 1000.0); }

void print_table(const std::vector<analysis::CoverageFootprint>& footprints,
                 const std::vector<analysis::ReachRow>& rows, const std::vector<double>& altitudes_m,
                 const sim::Scenario& scenario, const std::string& path, std::size_t place_count) {
  std::string alts;
  for (double h : altitudes_m) alts.append(alts.empty() ? "" : ", ").append(fmt::format("{:g}", h / 1000.0));
  fmt::print("rampart coverage {}: {} batteries, {} radars, altitudes {} km, {} places\n\n", path,
             scenario.batteries.size(), scenario.radars.size(), alts, place_count);
  std::size_t name_width = 6;
  for (const auto& fp : footprints) name_width = std::max(name_width, fp.system.size());
  fmt::print("  {:<{}} {:<7} {:>9} {:>10} {:>12}  {}\n", "system", name_width, "kind", "altitude", "max reach",
             "area km2", "note");
  for (const auto& fp : footprints) {
    std::string note = fp.note;
    if (fp.fire_control_radar && note.empty()) note = "radar " + *fp.fire_control_radar;
    std::string line = fmt::format("  {:<{}} {:<7} {:>9} {:>10} {:>12.0f}  {}", fp.system, name_width,
                                   analysis::system_kind_name(fp.kind), km(fp.altitude_m),
                                   fmt::format("{:.1f} km", fp.max_reach_m / 1000.0), fp.area_m2 / 1e6, note);
    line.erase(line.find_last_not_of(' ') + 1);
    fmt::print("{}\n", line);
  }
  fmt::print("\n  places inside a battery's coverage (radar-only coverage: reach.csv)\n");
  for (double h : altitudes_m) {
    // place -> the batteries that cover it, in the order of the places file
    std::vector<std::pair<std::string, std::string>> covered;
    for (const auto& r : rows) {
      if (r.altitude_m != h || r.kind != analysis::SystemKind::kBattery || !r.covered) continue;
      if (!covered.empty() && covered.back().first == r.place) {
        covered.back().second.append(", ").append(r.system);
      } else {
        covered.emplace_back(r.place, r.system);
      }
    }
    std::string line;
    for (const auto& [place, systems] : covered) line.append(line.empty() ? "" : "; ").append(place + " (" + systems + ")");
    fmt::print("  {:>9}: {}\n", km(h), line.empty() ? std::string("none") : line);
  }
}

int run(const CoverageCommandOptions& o) {
  const std::vector<double> altitudes_m = parse_altitudes(o.altitudes);
  const sim::Scenario scenario = sim::load_scenario(o.scenario);
  const std::vector<io::Place> places = io::load_places(o.places.empty() ? io::default_places_path() : o.places);
  std::vector<analysis::NamedPlace> named;
  for (const auto& p : places) named.push_back({p.name, p.location});

  const auto footprints = analysis::scenario_coverage(scenario, altitudes_m);
  const earth::EarthModel earth = sim::make_earth(scenario);
  const auto rows = analysis::reach_table(earth, footprints, named);

  const std::filesystem::path dir(o.out_dir);
  io::make_output_directory(dir);
  {
    auto out = io::open_output_file(dir / "coverage.geojson");
    out << io::coverage_geojson(footprints).dump(1) << '\n';
  }
  {
    auto out = io::open_output_file(dir / "reach.csv");
    io::write_reach_csv(out, rows);
  }
  {
    auto out = io::open_output_file(dir / "reach.json");
    out << io::reach_json(rows, altitudes_m).dump(2) << '\n';
  }
  print_table(footprints, rows, altitudes_m, scenario, o.scenario, places.size());
  io::write_posture_exports(dir, scenario, earth);
  fmt::print(
      "\n  results in {}/ (coverage.geojson, reach.csv, reach.json;\n"
      "  the posture: scenario.geojson, scenario.kml, scenario.czml)\n",
      dir.string());
  if (!o.no_report) fmt::print("  report: {}\n", io::write_report(dir).string());
  return 0;
}

}  // namespace

Command add_coverage_command(CLI::App& root) {
  auto options = std::make_shared<CoverageCommandOptions>();
  CLI::App* app = root.add_subcommand(
      "coverage", "Air-defence and radar coverage at target altitudes, and the reach to named places");
  app->add_option("scenario", options->scenario, "Scenario file (YAML)")->type_name("SCENARIO")->required();
  app->add_option("--altitudes", options->altitudes, "Target altitudes: a comma list with one unit at the end")
      ->type_name("LIST")
      ->default_str("0.1,1,10,30 km");
  app->add_option("--places", options->places, "Named places (YAML)")
      ->type_name("FILE")
      ->default_str("data/places.yaml");
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/coverage");
  app->add_flag("--no-report", options->no_report, "Do not write report.html (the HTML report of the coverage)");
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
