// rampart: the command line. Each subcommand lives in a file of its own;
// this file only dispatches and turns failures into exit codes.

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <vector>

#include "command.hpp"
#include "rampart/core/error.hpp"

namespace rampart::cli {

void add_format_option(CLI::App& command, OutputFormat& format) {
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) {
            format = name == "json" ? OutputFormat::kJson : name == "csv" ? OutputFormat::kCsv : OutputFormat::kTable;
          },
          "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}).description(""))
      ->type_name("table|json|csv")
      ->default_str("table");
  command.add_flag_callback("--json", [&format] { format = OutputFormat::kJson; },
                            "Machine-readable JSON on stdout (same as --format json)");
}

}  // namespace rampart::cli

int main(int argc, char** argv) {
  using namespace rampart::cli;
  CLI::App app{"rampart: an open missile-defense engagement simulator and coverage analyzer"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rampart 0.1.0");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log what the models do (targeting iterations, ...) on stderr");

  std::vector<Command> commands{add_trajectory_command(app), add_propagate_command(app), add_track_command(app),
                                add_assign_command(app), add_run_command(app)};
  commands.push_back(add_validate_command(app));
  commands.push_back(add_coverage_command(app));
  commands.push_back(add_mc_command(app));
  commands.push_back(add_footprint_command(app));
  commands.push_back(add_compare_command(app));
  commands.push_back(add_serve_command(app));
  commands.push_back(add_report_command(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "rampart: error: " << e.what() << "\n";
    return 2;
  }

  // The library logs through spdlog; the log goes to stderr so that stdout
  // stays machine-readable, and only with --verbose.
  auto logger = spdlog::stderr_logger_st("rampart");
  logger->set_pattern("rampart: %l: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);

  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    try {
      return command.run();
    } catch (const rampart::InputError& e) {
      std::cerr << e.what() << "\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "rampart: internal error: " << e.what() << "\n";
      return 1;
    }
  }
  return 1;
}
