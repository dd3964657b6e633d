// rampart report DIR: writes DIR/report.html, one self-contained page (no
// script, no file or address outside it) of the results a rampart command
// left in DIR: a run, a Monte Carlo study, a footprint, a comparison or a
// coverage (io/report.hpp). Prints the page's path.

#include <fmt/core.h>

#include <memory>

#include "command.hpp"
#include "rampart/io/report.hpp"

namespace rampart::cli {

Command add_report_command(CLI::App& root) {
  auto dir = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand(
      "report", "One self-contained HTML page (maps, profiles, timeline, tables, histograms) of the results in DIR");
  app->add_option("dir", *dir, "A folder written by rampart run, mc, footprint, coverage or compare")
      ->type_name("DIR")
      ->required();
  return {app, [dir] {
            fmt::print("report: {}\n", io::write_report(*dir).string());
            return 0;
          }};
}

}  // namespace rampart::cli
