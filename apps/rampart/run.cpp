// rampart run: one engagement run of a scenario. Prints what happened per
// threat and per battery, then the leakers; writes summary.json,
// events.jsonl, tracks.csv and trajectories.csv into -o DIR.

#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/run_outputs.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::cli {
namespace {

struct RunCommandOptions {
  std::string scenario;
  std::string out_dir = "out/run";
  std::optional<std::uint64_t> seed;
  OutputFormat format = OutputFormat::kTable;
  bool no_report = false;
};

std::string seconds(const std::optional<double>& t) { return t ? fmt::format("{:.0f} s", *t) : "-"; }

std::string place(const std::optional<earth::Geodetic>& g) {
  if (!g) return "-";
  return fmt::format("{:.2f}N {:.2f}E {:.0f} km", g->lat_rad * constants::kRadToDeg, g->lon_rad * constants::kRadToDeg,
                     g->alt_m / 1000.0);
}

std::string ground(const std::optional<earth::Geodetic>& g) {
  if (!g) return "-";
  return fmt::format("{:.2f}N {:.2f}E", g->lat_rad * constants::kRadToDeg, g->lon_rad * constants::kRadToDeg);
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text.empty() ? "-" : text;
}

void print_table(const sim::RunResult& result, const sim::Scenario& scenario, const std::string& path) {
  std::size_t killed = 0;
  for (const auto& t : result.threats) killed += t.result == sim::ThreatResult::kKilled ? 1 : 0;
  fmt::print("rampart run {}: {} threats, {} radars, {} batteries, seed {}\n", path, result.threats.size(),
             scenario.radars.size(), scenario.batteries.size(), result.seed);
  fmt::print("  {} killed, {} leaked, {} interceptors used\n\n", killed, result.leakers, result.interceptors_used);

  std::size_t name_width = 6, battery_width = 9;
  for (const auto& t : result.threats) {
    name_width = std::max(name_width, t.name.size());
    battery_width = std::max(battery_width, joined(t.engaged_by).size());
  }
  fmt::print("  {:<{}} {:>7} {:>9} {:>8} {:<{}} {:>5} {:>9}  {:<24} {}\n", "threat", name_width, "launch",
             "detected", "tracked", "engaged by", battery_width, "shots", "intercept", "intercept point", "result");
  for (const auto& t : result.threats) {
    fmt::print("  {:<{}} {:>7} {:>9} {:>8} {:<{}} {:>5} {:>9}  {:<24} {}\n", t.name, name_width,
               seconds(t.launch_time_s), seconds(t.first_detected_s), seconds(t.first_tracked_s), joined(t.engaged_by),
               battery_width, t.shots, seconds(t.intercept_time_s), place(t.intercept_point),
               sim::threat_result_name(t.result));
  }
  fmt::print("\n  {:<20} {:<12} {:>5} {:>15}\n", "battery", "interceptor", "shots", "inventory left");
  for (const auto& b : result.batteries) {
    fmt::print("  {:<20} {:<12} {:>5} {:>15}\n", b.name, b.interceptor, b.shots, b.inventory_left);
  }
  fmt::print("\n");
  if (result.leakers == 0) {
    fmt::print("  no leakers\n");
    return;
  }
  fmt::print("  leakers:\n");
  for (const auto& t : result.threats) {
    if (t.result != sim::ThreatResult::kLeaked) continue;
    fmt::print("    {} impact at {}, {}: {}\n", t.name, seconds(t.impact_time_s), ground(t.impact_point),
               t.assets_hit.empty() ? std::string("no defended asset listed") : "hit " + joined(t.assets_hit));
  }
}

int run(const RunCommandOptions& o) {
  if (o.format == OutputFormat::kCsv) {
    throw InputError(SourceLocation{"--format"}, "run writes its CSV files into -o DIR; choose table or json");
  }
  const sim::Scenario scenario = sim::load_scenario(o.scenario);
  const sim::WorldModels models(scenario);
  sim::RunOptions options;
  options.seed = o.seed;
  const sim::RunResult result = sim::run_world(models, options);

  const std::filesystem::path dir(o.out_dir);
  io::write_run_files(dir, result, scenario, models.earth());
  const auto summary = io::run_summary_json(result, scenario);
  if (o.format == OutputFormat::kJson) {
    std::cout << summary.dump(2) << '\n';
  } else {
    print_table(result, scenario, o.scenario);
    fmt::print(
        "\n  results in {}/ (summary.json, events.jsonl, tracks.csv, trajectories.csv;\n"
        "  maps: scenario.geojson, scenario.kml, scenario.czml)\n",
        dir.string());
  }
  if (!o.no_report) {
    // stdout stays one JSON document with --json: the path goes to stderr then.
    const auto report = io::write_report(dir);
    fmt::print(o.format == OutputFormat::kJson ? stderr : stdout, "  report: {}\n", report.string());
  }
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& root) {
  auto options = std::make_shared<RunCommandOptions>();
  CLI::App* app = root.add_subcommand(
      "run", "One engagement run: threats, radars, tracking, battle management, interceptors, outcome");
  app->add_option("scenario", options->scenario, "Scenario file (YAML)")->type_name("SCENARIO")->required();
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/run");
  app->add_option("--seed", options->seed, "Random seed (default: the scenario's)")->type_name("N");
  add_format_option(*app, options->format);
  app->add_flag("--no-report", options->no_report, "Do not write report.html (the HTML report of the run)");
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
