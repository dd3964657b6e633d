// rampart validate: reads a scenario as every other command would and
// reports every mistake in it at once (exit 2), or one line saying what it
// holds (exit 0). Nothing is flown or simulated.

#include <fmt/core.h>

#include <memory>
#include <set>
#include <string>

#include "command.hpp"
#include "rampart/sim/scenario.hpp"

namespace rampart::cli {
namespace {

/// "1 battery", "3 batteries".
std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
  std::string text = std::to_string(n);
  text += ' ';
  text += n == 1 ? one : many;
  return text;
}

/// The one line printed for a valid scenario.
std::string summary(const sim::Scenario& scenario) {
  std::set<std::string> raids;
  for (const auto& threat : scenario.threats) {
    if (threat.raid) raids.insert(*threat.raid);
  }
  std::string threats = count_of(scenario.threats.size(), "threat", "threats");
  if (!raids.empty()) {
    threats += " (";  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "x" + std::string
    threats += count_of(raids.size(), "raid", "raids");
    threats += ')';
  }
  return fmt::format("{}: ok: {}, {}, {}, {}", scenario.path, threats,
                     count_of(scenario.radars.size(), "radar", "radars"),
                     count_of(scenario.batteries.size(), "battery", "batteries"),
                     count_of(scenario.defended_assets.size(), "defended asset", "defended assets"));
}

}  // namespace

Command add_validate_command(CLI::App& root) {
  auto path = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand(
      "validate", "Check a scenario file and report every mistake in it (file:line:col: error: ...), or ok");
  app->add_option("scenario", *path, "Scenario file (YAML)")->type_name("SCENARIO")->required();
  return {app, [path] {
            fmt::print("{}\n", summary(sim::load_scenario(*path)));
            return 0;
          }};
}

}  // namespace rampart::cli
