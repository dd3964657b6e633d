// rampart track: radars and a central tracker on a scenario, or on recorded
// detections; writes detections.csv, tracks.csv and metrics.json and prints
// a summary per threat.

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/io/detections_csv.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/tracking_outputs.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/tracking_run.hpp"

namespace rampart::cli {
namespace {

struct TrackOptions {
  std::string scenario;
  std::string detections;
  std::string sensors;
  std::string out_dir = "out/track";
  std::optional<std::uint64_t> seed;
  std::optional<std::string> filter;
  std::optional<std::string> model;
  std::optional<std::string> association;
  OutputFormat format = OutputFormat::kTable;
};

std::string seconds(const std::optional<double>& t) { return t ? fmt::format("{:.1f} s", *t) : "-"; }
std::string metres(const std::optional<double>& m) { return m ? fmt::format("{:.0f} m", *m) : "-"; }

void print_summary(const sim::TrackingOutcome& outcome, const std::string& title) {
  fmt::print("{}\n", title);
  std::size_t false_alarms = 0;
  for (const auto& d : outcome.detections) false_alarms += d.truth_id ? 0 : 1;
  fmt::print("  {} detections ({} false alarms); {} track swaps, {} track changes, {} track breaks\n\n",
             outcome.detections.size(), false_alarms, outcome.continuity.swaps, outcome.continuity.track_changes,
             outcome.continuity.breaks);
  fmt::print("  {:<14} {:>9} {:>9} {:>11} {:>11} {:>10} {:>14} {:>12}\n", "threat", "launch", "IR cue",
             "first det.", "confirmed", "impact", "IPP err -120s", "IPP err last");
  for (const auto& t : outcome.threats) {
    fmt::print("  {:<14} {:>9} {:>9} {:>11} {:>11} {:>10} {:>14} {:>12}\n", t.name, seconds(t.launch_time_s),
               t.cue ? seconds(t.cue->t_s) : "-", seconds(t.first_detection_s), seconds(t.first_confirmed_track_s),
               seconds(t.impact_time_s), metres(t.impact_error_120s_m), metres(t.final_impact_error_m));
  }
}

int run(const TrackOptions& o) {
  if (o.format == OutputFormat::kCsv) {
    throw InputError(SourceLocation{"--format"}, "track writes its CSV files into -o DIR; choose table or json");
  }
  const bool replay = !o.detections.empty();
  if (replay == !o.scenario.empty()) {
    throw InputError(SourceLocation{"track"}, "give either SCENARIO or --detections FILE.csv --sensors SCENARIO");
  }
  if (replay && o.sensors.empty()) throw InputError(SourceLocation{"--sensors"}, "--detections needs --sensors SCENARIO");
  const sim::Scenario scenario = sim::load_scenario(replay ? o.sensors : o.scenario);
  sim::TrackingOptions options;
  options.seed = o.seed;
  options.filter = o.filter;
  options.model = o.model;
  options.association = o.association;
  const sim::TrackingRun tracking(scenario, options);

  // Truth comes from the scenario's threats in both modes: a replay is
  // scored against it too (the truth ids in the file refer to it).
  const auto truths = tracking.fly_threats();
  const auto detections = replay ? io::read_detections_csv(o.detections, scenario.radar_names()) : tracking.sense(truths);
  const auto cues = replay ? std::vector<sense::LaunchCue>{} : tracking.cue_launches(truths);
  const auto outcome = tracking.track(detections, truths, cues);

  const std::filesystem::path dir(o.out_dir);
  io::make_output_directory(dir);
  {
    auto out = io::open_output_file(dir / "detections.csv");
    io::write_detections_csv(out, outcome.detections, scenario.radar_names());
  }
  {
    auto out = io::open_output_file(dir / "tracks.csv");
    io::write_tracks_csv(out, outcome.rows, tracking.earth());
  }
  io::write_tracking_exports(dir, scenario, truths, outcome, tracking.seed(), tracking.earth());
  const auto metrics = io::metrics_json(outcome);
  {
    auto out = io::open_output_file(dir / "metrics.json");
    out << metrics.dump(2) << '\n';
  }
  if (o.format == OutputFormat::kJson) {
    std::cout << metrics.dump(2) << '\n';
  } else {
    print_summary(outcome, fmt::format("rampart track {}: {} radars, {} threats, filter {} ({}), {} association, seed {}",
                                       replay ? o.detections : o.scenario, scenario.radars.size(),
                                       scenario.threats.size(), tracking.tracker().filter, tracking.tracker().model,
                                       tracking.tracker().association, tracking.seed()));
    fmt::print(
        "\n  results in {}/ (detections.csv, tracks.csv, metrics.json;\n"
        "  maps: scenario.geojson, scenario.kml, scenario.czml)\n",
        dir.string());
  }
  return 0;
}

}  // namespace

Command add_track_command(CLI::App& root) {
  auto options = std::make_shared<TrackOptions>();
  CLI::App* app = root.add_subcommand(
      "track", "Radars and a central tracker on a scenario's threats, or on recorded detections (--detections)");
  app->add_option("scenario", options->scenario, "Scenario file (YAML)")->type_name("SCENARIO");
  app->add_option("--detections", options->detections, "Replay detections from a CSV file (docs/formats.md)")
      ->type_name("FILE.csv");
  app->add_option("--sensors", options->sensors, "With --detections: the scenario that defines the sensors")
      ->type_name("SCENARIO");
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/track");
  app->add_option("--seed", options->seed, "Random seed (default: the scenario's)")->type_name("N");
  app->add_option("--filter", options->filter, "Filter: ekf, ukf or imm (default: the scenario's)")
      ->type_name("ekf|ukf|imm");
  app->add_option("--model", options->model, "Motion model (ballistic, reentry, boost, cv, ca, singer; imm: a+b)")
      ->type_name("NAME");
  app->add_option("--association", options->association, "Data association: gnn or jpda")->type_name("gnn|jpda");
  add_format_option(*app, options->format);
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
