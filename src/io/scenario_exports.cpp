#include "rampart/io/scenario_exports.hpp"

#include "rampart/io/czml_export.hpp"
#include "rampart/io/geojson_export.hpp"
#include "rampart/io/kml_export.hpp"
#include "rampart/io/output_files.hpp"

namespace rampart::io {
void write_scenario_exports(const std::filesystem::path& dir, const sim::RunResult& result,
                            const sim::Scenario& scenario, const earth::EarthModel& earth) {
  write_output_file(dir / "scenario.geojson", [&](std::ostream& out) { write_scenario_geojson(out, result, scenario, earth); });
  write_output_file(dir / "scenario.kml", [&](std::ostream& out) { write_scenario_kml(out, result, scenario, earth); });
  write_output_file(dir / "scenario.czml", [&](std::ostream& out) { write_scenario_czml(out, result, scenario, earth); });
}

void write_posture_exports(const std::filesystem::path& dir, const sim::Scenario& scenario,
                           const earth::EarthModel& earth) {
  write_scenario_exports(dir, sim::RunResult{}, scenario, earth);
}

}  // namespace rampart::io
