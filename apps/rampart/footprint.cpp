// rampart footprint: the defended area. For every cell of a grid, a missile
// from the launch point aimed at the cell (or, with --asset and
// --launch-region, from the cell at the asset): can the posture engage it,
// with how many shots, and the probability of negation that gives. Prints
// the defended area; writes footprint.geojson, footprint.csv, footprint.svg
// and summary.json into -o DIR.

#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "arguments.hpp"
#include "command.hpp"
#include "rampart/analysis/footprint.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/units.hpp"
#include "rampart/io/footprint_outputs.hpp"
#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/yaml_reader.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::cli {
namespace {

struct FootprintCommandOptions {
  std::string scenario;
  std::string launch;
  std::string region;
  std::string asset;
  std::string launch_region;
  double grid_deg = 0.5;
  std::string missile;
  int threads = 2;
  std::string out_dir = "out/footprint";
  bool no_report = false;
};

/// "LAT0,LON0,LAT1,LON1" in degrees (south-west corner first).
analysis::GeoBox parse_box(const std::string& text, const std::string& option) {
  const SourceLocation where{option};
  std::vector<double> values;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) values.push_back(parse_number(part, where));
  if (values.size() != 4 || text.back() == ',') {
    throw InputError(where, "expected LAT0,LON0,LAT1,LON1 in degrees (e.g. 36,-10,60,40), got \"" + text + "\"");
  }
  return {values[0], values[1], values[2], values[3]};
}

const engage::DefendedAsset& find_asset(const sim::Scenario& scenario, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& asset : scenario.defended_assets) {
    if (asset.name == name) return asset;
    names.push_back(asset.name);
  }
  std::string message = "unknown asset \"" + name + "\"";
  if (const auto suggestion = io::did_you_mean(name, names)) message += " (did you mean \"" + *suggestion + "\"?)";
  if (names.empty()) message += "; the scenario has no defended assets";
  throw InputError(SourceLocation{"--asset"}, message);
}

std::string deg(const earth::Geodetic& g) {
  return fmt::format("{:g},{:g}", g.lat_rad * constants::kRadToDeg, g.lon_rad * constants::kRadToDeg);
}

int run(const FootprintCommandOptions& o) {
  const bool reverse = !o.asset.empty() || !o.launch_region.empty();
  if (reverse && (o.asset.empty() || o.launch_region.empty())) {
    throw InputError(SourceLocation{o.asset.empty() ? "--launch-region" : "--asset"},
                     "the reverse question needs both --asset NAME and --launch-region LAT0,LON0,LAT1,LON1");
  }
  if (reverse && (!o.launch.empty() || !o.region.empty())) {
    throw InputError(SourceLocation{o.launch.empty() ? "--region" : "--launch"},
                     "give either --launch (and --region) or --asset with --launch-region, not both");
  }
  if (!reverse && o.launch.empty()) {
    throw InputError(SourceLocation{"--launch"}, "give the launch point --launch LAT,LON (or --asset with --launch-region)");
  }
  analysis::FootprintRequest request;
  request.grid.step_deg = o.grid_deg;
  request.threads = o.threads;
  if (o.threads < 1) throw InputError(SourceLocation{"--threads"}, "must be >= 1");
  std::optional<analysis::GeoBox> box;
  if (!o.region.empty()) box = parse_box(o.region, "--region");
  if (!o.launch_region.empty()) box = parse_box(o.launch_region, "--launch-region");
  if (box) {
    request.grid.box = *box;
    analysis::check_grid(request.grid, reverse ? "--launch-region" : "--region");
  }
  const earth::Geodetic launch = reverse ? earth::Geodetic{} : parse_lat_lon(o.launch, "--launch");

  const sim::Scenario scenario = sim::load_scenario(o.scenario);
  if (reverse) {
    request.mode = analysis::FootprintMode::kLaunchFromCells;
    request.fixed_point = find_asset(scenario, o.asset).point;
    request.fixed_point.alt_m = 0.0;
  } else {
    request.fixed_point = launch;
    if (!box) {
      request.grid.box = analysis::assets_box(scenario);
      analysis::check_grid(request.grid, "--region");
    }
  }
  if (!o.missile.empty()) {
    const auto catalog = io::load_missile_catalog(io::default_missile_catalog_path());
    request.missile = io::find_missile(catalog, o.missile, SourceLocation{"--missile"});
  } else if (!scenario.threats.empty()) {
    request.missile = scenario.threats.front().missile;
  } else {
    throw InputError(SourceLocation{"--missile"}, "the scenario has no threats to take the missile from; give --missile");
  }
  if (scenario.batteries.empty()) {
    throw InputError(SourceLocation{o.scenario}, "the scenario has no batteries: nothing defends anything");
  }

  const auto start = std::chrono::steady_clock::now();
  const sim::WorldModels models(scenario);
  const analysis::FootprintResult result = analysis::compute_footprint(models, request);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const std::filesystem::path dir(o.out_dir);
  io::make_output_directory(dir);
  {
    auto out = io::open_output_file(dir / "footprint.geojson");
    out << io::footprint_geojson(result, scenario).dump() << '\n';
  }
  {
    auto out = io::open_output_file(dir / "footprint.csv");
    io::write_footprint_csv(out, result, scenario);
  }
  {
    auto out = io::open_output_file(dir / "summary.json");
    out << io::footprint_summary(result, scenario).dump(2) << '\n';
  }
  const std::string question = reverse ? fmt::format("{} launched from each cell at {} ({})", request.missile.name,
                                                     o.asset, deg(request.fixed_point))
                                       : fmt::format("{} from {} aimed at each cell", request.missile.name, deg(launch));
  {
    auto out = io::open_output_file(dir / "footprint.svg");
    out << io::footprint_svg(result, scenario, io::load_coastlines(io::default_coastlines_path()),
                             request.fixed_point, "rampart footprint: " + question);
  }

  const auto& g = result.grid.box;
  fmt::print("rampart footprint {}: {}\n", o.scenario, question);
  fmt::print("  grid {:g} deg over lat {:g}..{:g}, lon {:g}..{:g}: {} x {} = {} cells, {:.0f} km2\n",
             result.grid.step_deg, g.lat0_deg, g.lat1_deg, g.lon0_deg, g.lon1_deg, result.grid.rows(),
             result.grid.columns(), result.cells.size(), result.total_area_m2 / 1e6);
  fmt::print("  cells in the missile's range      {}\n", result.cells_in_range);
  fmt::print("  engageable cells                  {}\n", result.engageable_cells);
  fmt::print("  {:<33} {:.0f} km2\n", reverse ? "defended launch area" : "defended area", result.defended_area_m2 / 1e6);
  fmt::print("  {:<33} {:.0f} km2\n", "  with negation >= 0.9", result.area_negation_90_m2 / 1e6);
  for (std::size_t b = 0; b < scenario.batteries.size(); ++b) {
    double area = 0.0;
    int most = 0;
    for (const auto& cell : result.cells) {
      if (cell.battery_shots[b] > 0) area += cell.area_m2;
      most = std::max(most, cell.battery_shots[b]);
    }
    fmt::print("  {:<33} {:.0f} km2 with shots (at most {})\n", scenario.batteries[b].name, area / 1e6, most);
  }
  fmt::print("  computed in {:.2f} s on {} threads\n", seconds, o.threads);
  io::write_posture_exports(dir, scenario, models.earth());
  fmt::print(
      "\n  results in {}/ (footprint.geojson, footprint.csv, footprint.svg, summary.json;\n"
      "  the posture: scenario.geojson, scenario.kml, scenario.czml)\n",
      dir.string());
  if (!o.no_report) fmt::print("  report: {}\n", io::write_report(dir).string());
  return 0;
}

}  // namespace

Command add_footprint_command(CLI::App& root) {
  auto options = std::make_shared<FootprintCommandOptions>();
  CLI::App* app = root.add_subcommand(
      "footprint", "The defended area: which aim points (or launch points) the posture can engage, and how well");
  app->add_option("scenario", options->scenario, "Scenario file (YAML): its radars, batteries, doctrine, c2")
      ->type_name("SCENARIO")
      ->required();
  app->add_option("--launch", options->launch, "Launch point of every cell's missile")->type_name("LAT,LON");
  app->add_option("--region", options->region,
                  "Grid of aim points (default: the defended assets' box padded by 2 deg)")
      ->type_name("LAT0,LON0,LAT1,LON1");
  app->add_option("--asset", options->asset, "Reverse question: the defended asset every cell's missile aims at")
      ->type_name("NAME");
  app->add_option("--launch-region", options->launch_region, "Reverse question: grid of launch points")
      ->type_name("LAT0,LON0,LAT1,LON1");
  app->add_option("--grid", options->grid_deg, "Cell size in degrees of latitude and longitude")
      ->type_name("DEG")
      ->default_str("0.5");
  app->add_option("--missile", options->missile, "Missile from data/missiles.yaml (default: the first threat's)")
      ->type_name("NAME");
  app->add_option("--threads", options->threads, "Threads (the result does not depend on them)")
      ->type_name("N")
      ->default_str("2");
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/footprint");
  app->add_flag("--no-report", options->no_report, "Do not write report.html (the HTML report of the footprint)");
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
