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

void write_tracking_exports(const std::filesystem::path& dir, const sim::Scenario& scenario,
                            const std::vector<sim::TruthTrajectory>& truths, const sim::TrackingOutcome& outcome,
                            std::uint64_t seed, const earth::EarthModel& earth) {
  // A tracking run is an engagement run without batteries firing: the map
  // writers need only the parts of a RunResult it has.
  sim::RunResult result;
  result.seed = seed;
  result.truths = truths;
  result.truth_end_s.assign(truths.size(), std::nullopt);
  result.track_rows = outcome.rows;
  for (std::size_t i = 0; i < outcome.threats.size(); ++i) {
    const auto& summary = outcome.threats[i];
    sim::ThreatOutcome threat;
    threat.name = summary.name;
    threat.launch_time_s = summary.launch_time_s;
    if (i < scenario.threats.size()) threat.launch_point = scenario.threats[i].launch;
    threat.first_detected_s = summary.first_detection_s;
    threat.first_tracked_s = summary.first_confirmed_track_s;
    threat.impact_time_s = summary.impact_time_s;
    threat.impact_point = summary.impact_point;
    threat.result = sim::ThreatResult::kImpactedAway;  // nothing is defended in a tracking run
    result.threats.push_back(threat);
  }
  write_scenario_exports(dir, result, scenario, earth);
}

}  // namespace rampart::io
