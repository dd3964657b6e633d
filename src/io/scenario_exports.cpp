#include "rampart/io/scenario_exports.hpp"

#include <fstream>

#include "rampart/core/error.hpp"
#include "rampart/io/czml_export.hpp"
#include "rampart/io/geojson_export.hpp"
#include "rampart/io/kml_export.hpp"

namespace rampart::io {
namespace {

template <class Write>
void write_file(const std::filesystem::path& path, Write&& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(SourceLocation{path.string()}, std::string("cannot write ") + path.string());
  write(out);
  out.flush();
  if (!out) throw InputError(SourceLocation{path.string()}, std::string("cannot write ") + path.string());
}

}  // namespace

void write_scenario_exports(const std::filesystem::path& dir, const sim::RunResult& result,
                            const sim::Scenario& scenario, const earth::EarthModel& earth) {
  write_file(dir / "scenario.geojson", [&](std::ostream& out) { write_scenario_geojson(out, result, scenario, earth); });
  write_file(dir / "scenario.kml", [&](std::ostream& out) { write_scenario_kml(out, result, scenario, earth); });
  write_file(dir / "scenario.czml", [&](std::ostream& out) { write_scenario_czml(out, result, scenario, earth); });
}

}  // namespace rampart::io
