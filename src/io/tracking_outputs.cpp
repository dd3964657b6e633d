#include "rampart/io/tracking_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "rampart/core/constants.hpp"

namespace rampart::io {

const char* const kTracksCsvHeader =
    "time_s,track_id,status,x_eci_m,y_eci_m,z_eci_m,vx_eci_mps,vy_eci_mps,vz_eci_mps,sigma_x_m,sigma_y_m,sigma_z_m,"
    "sigma_vx_mps,sigma_vy_mps,sigma_vz_mps,lat_deg,lon_deg,alt_m,impact_lat_deg,impact_lon_deg,impact_time_s,"
    "impact_sigma_time_s,impact_ellipse_semi_major_m,impact_ellipse_semi_minor_m,impact_ellipse_azimuth_deg,truth_id";

namespace {

std::string_view status_name(track::TrackStatus status) {
  switch (status) {
    case track::TrackStatus::kTentative: return "tentative";
    case track::TrackStatus::kConfirmed: return "confirmed";
    case track::TrackStatus::kDeleted: return "deleted";
  }
  return "?";
}

nlohmann::ordered_json optional_number(const std::optional<double>& x) {
  return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
}

}  // namespace

void write_tracks_csv(std::ostream& out, const std::vector<sim::TrackRow>& rows, const earth::EarthModel& earth) {
  constexpr double kDeg = constants::kRadToDeg;
  out << kTracksCsvHeader << '\n';
  for (const auto& row : rows) {
    const auto& x = row.estimate.x;
    const auto& P = row.estimate.P;
    const earth::Geodetic g = earth.geodetic_from_ecef(earth.ecef_from_eci(x.head<3>(), row.estimate.t_s));
    std::string line = fmt::format("{},{},{}", row.t_s, row.id, status_name(row.status));
    for (int i = 0; i < 6; ++i) line += fmt::format(",{}", x(i));
    for (int i = 0; i < 6; ++i) line += fmt::format(",{}", std::sqrt(P(i, i)));
    line += fmt::format(",{},{},{}", g.lat_rad * kDeg, g.lon_rad * kDeg, g.alt_m);
    if (row.impact) {
      const auto& p = *row.impact;
      line += fmt::format(",{},{},{},{},{},{},{}", p.impact_point.lat_rad * kDeg, p.impact_point.lon_rad * kDeg,
                          p.impact_time_s, p.impact_time_sigma_s, p.threatened_area.semi_major_m,
                          p.threatened_area.semi_minor_m, p.threatened_area.major_axis_azimuth_rad * kDeg);
    } else {
      line += ",,,,,,,";
    }
    line += row.truth_id ? fmt::format(",{}", *row.truth_id) : std::string(",");
    out << line << '\n';
  }
}

nlohmann::ordered_json metrics_json(const sim::TrackingOutcome& outcome) {
  nlohmann::ordered_json j;
  nlohmann::ordered_json threats = nlohmann::ordered_json::array();
  for (const auto& t : outcome.threats) {
    nlohmann::ordered_json threat;
    threat["name"] = t.name;
    threat["truth_id"] = t.id;
    threat["launch_time_s"] = t.launch_time_s;
    threat["impact_time_s"] = t.impact_time_s;
    threat["impact_lat_deg"] = t.impact_point.lat_rad * constants::kRadToDeg;
    threat["impact_lon_deg"] = t.impact_point.lon_rad * constants::kRadToDeg;
    threat["infrared_cue_time_s"] = t.cue ? nlohmann::ordered_json(t.cue->t_s) : nlohmann::ordered_json(nullptr);
    threat["first_detection_time_s"] = optional_number(t.first_detection_s);
    threat["first_confirmed_track_time_s"] = optional_number(t.first_confirmed_track_s);
    threat["impact_error_120s_before_impact_m"] = optional_number(t.impact_error_120s_m);
    threat["final_impact_error_m"] = optional_number(t.final_impact_error_m);
    threats.push_back(threat);
  }
  j["threats"] = threats;
  j["detections"] = outcome.detections.size();
  j["false_alarms"] = std::count_if(outcome.detections.begin(), outcome.detections.end(),
                                    [](const auto& d) { return !d.truth_id; });
  j["track_swaps"] = outcome.continuity.swaps;
  j["track_changes"] = outcome.continuity.track_changes;
  j["track_breaks"] = outcome.continuity.breaks;
  nlohmann::ordered_json continuity = nlohmann::ordered_json::array();
  for (const auto& c : outcome.continuity.truths) {
    nlohmann::ordered_json impact_error = nlohmann::ordered_json::array();
    for (const auto& point : c.impact_error) impact_error.push_back({{"time_s", point.t_s}, {"error_m", point.error_m}});
    continuity.push_back({{"truth_id", c.id},
                          {"frames_present", c.frames_present},
                          {"frames_tracked", c.frames_tracked},
                          {"swaps", c.swaps},
                          {"track_changes", c.track_changes},
                          {"breaks", c.breaks},
                          {"time_to_first_confirmed_track_s", optional_number(c.time_to_first_confirmed_track_s)},
                          {"track_ids", c.track_ids},
                          {"impact_error", impact_error}});
  }
  j["continuity"] = continuity;
  j["nees_fraction_inside_95"] = outcome.nees.fraction_inside;
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  for (const auto& point : outcome.rmse.over_time) {
    nlohmann::ordered_json row{{"time_s", point.t_s},
                               {"tracked_pairs", point.count},
                               {"position_rmse_m", point.position_rmse_m},
                               {"velocity_rmse_mps", point.velocity_rmse_mps}};
    series.push_back(row);
  }
  j["rmse"] = series;
  nlohmann::ordered_json ospa = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < outcome.ospa.size(); ++i) {
    const auto& g = outcome.gospa[i].second;
    ospa.push_back({{"time_s", outcome.ospa[i].first},
                    {"ospa_m", outcome.ospa[i].second.distance_m},
                    {"gospa_m", g.distance_m},
                    {"gospa_missed", g.missed},
                    {"gospa_false", g.false_targets}});
  }
  j["ospa_gospa"] = ospa;
  return j;
}

}  // namespace rampart::io
