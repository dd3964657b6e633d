// rampart compare: what a change of posture does. The footprints of two
// scenarios on one grid from one launch point, cell by cell (defended area
// gained and lost, per battery), and with --runs a Monte Carlo of each with
// the same study seed: the probability of defeating the raid of both, their
// difference with Newcombe's interval, and interceptors used. Prints a table;
// writes compare.json, difference.geojson and difference.svg into -o DIR.

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>

#include "arguments.hpp"
#include "command.hpp"
#include "rampart/analysis/compare.hpp"
#include "rampart/analysis/study.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/units.hpp"
#include "rampart/io/compare_outputs.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/footprint_outputs.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::cli {
namespace {

struct CompareOptions {
  std::string scenario_a;
  std::string scenario_b;
  std::string launch;
  std::string region;
  double grid_deg = 0.5;
  std::optional<std::uint64_t> runs;
  std::optional<std::uint64_t> seed;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string out_dir = "out/compare";
  bool no_report = false;
};

/// "LAT0,LON0,LAT1,LON1" in degrees (south-west corner first).
analysis::GeoBox parse_region(const std::string& text) {
  const SourceLocation where{"--region"};
  std::vector<double> values;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) values.push_back(parse_number(part, where));
  if (values.size() != 4 || text.back() == ',') {
    throw InputError(where, "expected LAT0,LON0,LAT1,LON1 in degrees (e.g. 36,-10,60,40), got \"" + text + "\"");
  }
  return {values[0], values[1], values[2], values[3]};
}

std::vector<std::string> battery_names(const sim::Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& b : scenario.batteries) names.push_back(b.name);
  return names;
}

std::vector<std::string> asset_names(const sim::Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& a : scenario.defended_assets) names.push_back(a.name);
  return names;
}

/// The first threat of A (else of B): its missile, and its launch point when --launch is not given.
const sim::ThreatConfig& reference_threat(const sim::Scenario& a, const sim::Scenario& b) {
  if (!a.threats.empty()) return a.threats.front();
  if (!b.threats.empty()) return b.threats.front();
  throw InputError(SourceLocation{a.path}, "neither scenario has a threat to take the missile from");
}

/// The runs 0..runs-1 of the study of `scenario` seeded `seed`, in memory.
std::vector<analysis::RunRecord> study_runs(const sim::WorldModels& models, std::uint64_t seed, std::uint64_t runs,
                                            unsigned threads) {
  std::vector<std::uint64_t> indices(runs);
  std::iota(indices.begin(), indices.end(), std::uint64_t{0});
  return analysis::run_runs(models, seed, indices, threads);
}

int run(const CompareOptions& o) {
  if (o.runs && *o.runs == 0) throw InputError(SourceLocation{"--runs"}, "must be at least 1");
  if (o.threads == 0) throw InputError(SourceLocation{"--threads"}, "must be at least 1");
  analysis::FootprintRequest request;
  request.grid.step_deg = o.grid_deg;
  request.threads = static_cast<int>(o.threads);
  std::optional<analysis::GeoBox> box;
  if (!o.region.empty()) {
    box = parse_region(o.region);
    request.grid.box = *box;
    analysis::check_grid(request.grid, "--region");
  }
  std::optional<earth::Geodetic> launch;
  if (!o.launch.empty()) launch = parse_lat_lon(o.launch, "--launch");

  const sim::Scenario a = sim::load_scenario(o.scenario_a);
  const sim::Scenario b = sim::load_scenario(o.scenario_b);
  const auto& threat = reference_threat(a, b);
  request.missile = threat.missile;
  request.fixed_point = launch.value_or(threat.launch);
  request.fixed_point.alt_m = 0.0;
  if (!box) {
    request.grid.box = analysis::union_box(analysis::assets_box(a), analysis::assets_box(b));
    analysis::check_grid(request.grid, "--region");
  }

  const sim::WorldModels models_a(a);
  const sim::WorldModels models_b(b);
  io::CompareReport report;
  report.scenario_a = o.scenario_a;
  report.scenario_b = o.scenario_b;
  report.batteries_a = battery_names(a);
  report.batteries_b = battery_names(b);
  report.launch = request.fixed_point;
  report.missile = request.missile.name;
  report.grid = request.grid;
  report.footprint =
      analysis::compare_footprints(analysis::compute_footprint(models_a, request),
                                   analysis::compute_footprint(models_b, request));
  if (o.runs) {
    // The same study seed for both: run k of A and run k of B draw from the
    // same streams wherever the postures share entities.
    report.seed = o.seed.value_or(a.seed);
    report.runs = *o.runs;
    fmt::print(stderr, "rampart compare: {} runs of each scenario on {} threads\n", *o.runs, o.threads);
    report.study = analysis::compare_studies(study_runs(models_a, report.seed, *o.runs, o.threads), asset_names(a),
                                             study_runs(models_b, report.seed, *o.runs, o.threads), asset_names(b));
  }

  const std::filesystem::path dir(o.out_dir);
  io::make_output_directory(dir);
  io::write_output_file(dir / "compare.json",
                        [&](std::ostream& out) { out << io::compare_json(report).dump(2) << '\n'; });
  io::write_output_file(dir / "difference.geojson", [&](std::ostream& out) {
    out << io::difference_geojson(report.footprint, report.grid).dump() << '\n';
  });
  const auto coastlines = io::load_coastlines(io::default_coastlines_path());
  io::write_output_file(dir / "difference.svg",
                        [&](std::ostream& out) { out << io::difference_svg(report, a, b, coastlines); });
  // Each posture's map files in a folder of its own (the file names are those of every command).
  for (const auto& [folder, scenario, models] :
       {std::tuple{"posture-a", &a, &models_a}, std::tuple{"posture-b", &b, &models_b}}) {
    io::make_output_directory(dir / folder);
    io::write_posture_exports(dir / folder, *scenario, models->earth());
  }
  fmt::print(
      "{}\n  results in {}/ (compare.json, difference.geojson, difference.svg;\n"
      "  the postures: posture-a/ and posture-b/ scenario.geojson, .kml, .czml)\n",
      io::compare_table(report), dir.string());
  if (!o.no_report) fmt::print("  report: {}\n", io::write_report(dir).string());
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& root) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* app = root.add_subcommand(
      "compare", "What a change of posture does: defended area gained and lost, and P(raid defeated) of both");
  app->add_option("scenario_a", options->scenario_a, "The posture as it is (YAML)")->type_name("SCENARIO_A")->required();
  app->add_option("scenario_b", options->scenario_b, "The changed posture (YAML)")->type_name("SCENARIO_B")->required();
  app->add_option("--launch", options->launch, "Launch point of every cell's missile (default: A's first threat's)")
      ->type_name("LAT,LON");
  app->add_option("--region", options->region,
                  "Grid of aim points (default: the union of both scenarios' asset boxes padded by 2 deg)")
      ->type_name("LAT0,LON0,LAT1,LON1");
  app->add_option("--grid", options->grid_deg, "Cell size in degrees")->type_name("DEG")->default_str("0.5");
  app->add_option("--runs", options->runs, "Also a Monte Carlo of N runs of each")->type_name("N");
  app->add_option("--seed", options->seed, "Study seed of both Monte Carlos (default: A's)")->type_name("S");
  app->add_option("--threads", options->threads, "Threads (the result does not depend on them)")->type_name("T");
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/compare");
  app->add_flag("--no-report", options->no_report, "Do not write report.html (the HTML report of the comparison)");
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
