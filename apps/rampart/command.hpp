#pragma once
// The shape every subcommand has: it adds itself to the root CLI11 app and
// hands back the function that runs it once the command line is parsed.
// A run returns the exit code (0 success); it throws rampart::InputError for
// bad input (exit 2) and anything else for an internal failure (exit 1).

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace rampart::cli {

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_trajectory_command(CLI::App& root);
Command add_propagate_command(CLI::App& root);
Command add_track_command(CLI::App& root);
Command add_assign_command(CLI::App& root);
Command add_run_command(CLI::App& root);
Command add_validate_command(CLI::App& root);
Command add_coverage_command(CLI::App& root);
Command add_mc_command(CLI::App& root);
Command add_footprint_command(CLI::App& root);
Command add_compare_command(CLI::App& root);
Command add_serve_command(CLI::App& root);
Command add_report_command(CLI::App& root);

/// The output formats shared by the subcommands that print results.
enum class OutputFormat { kTable, kJson, kCsv };

/// Adds `--format table|json|csv` and its shorthand `--json` to `command`.
void add_format_option(CLI::App& command, OutputFormat& format);

}  // namespace rampart::cli
