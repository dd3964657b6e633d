#include "rampart/io/map_samples.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace rampart::io {
namespace {

TimedPosition timed(double t_s, const Vec3& r_I, const earth::EarthModel& earth) {
  return {t_s, lon_lat_alt(earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, t_s)))};
}

/// Appends, replacing the last sample when the time repeats (times stay strictly increasing).
void append(std::vector<TimedPosition>& samples, const TimedPosition& p) {
  if (!samples.empty() && p.t_s <= samples.back().t_s) {
    if (p.t_s == samples.back().t_s) samples.back() = p;
    return;
  }
  samples.push_back(p);
}

}  // namespace

std::string interceptor_name(const sim::InterceptorTrace& trace) {
  return fmt::format("{}-{}", trace.battery, trace.number);
}

std::vector<MapPath> truth_paths(const sim::RunResult& result, const earth::EarthModel& earth, double step_s) {
  std::vector<MapPath> paths;
  for (std::size_t i = 0; i < result.truths.size(); ++i) {
    const auto& truth = result.truths[i];
    double end = truth.impact_time_s();
    if (i < result.truth_end_s.size() && result.truth_end_s[i]) end = std::min(end, *result.truth_end_s[i]);
    MapPath path{truth.name(), truth.kind() == sim::TruthKind::kThreat ? "threat" : "debris", {}};
    const double start = truth.launch_time_s();
    if (const auto s = truth.at(start)) append(path.samples, timed(start, s->r_I, earth));
    for (double t = std::floor(start / step_s + 1.0) * step_s; t < end; t += step_s) {
      if (const auto s = truth.at(t)) append(path.samples, timed(t, s->r_I, earth));
    }
    if (const auto s = truth.at(end)) append(path.samples, timed(end, s->r_I, earth));
    paths.push_back(std::move(path));
  }
  return paths;
}

std::vector<MapPath> interceptor_paths(const sim::RunResult& result, const earth::EarthModel& earth) {
  std::vector<MapPath> paths;
  for (const auto& trace : result.interceptors) {
    MapPath path{interceptor_name(trace), "interceptor", {}};
    for (const auto& [t, r_I] : trace.samples_I) append(path.samples, timed(t, r_I, earth));
    paths.push_back(std::move(path));
  }
  return paths;
}

std::vector<MapPath> confirmed_track_paths(const sim::RunResult& result, const earth::EarthModel& earth) {
  std::map<track::TrackId, MapPath> by_id;
  for (const auto& row : result.track_rows) {
    if (row.status != track::TrackStatus::kConfirmed) continue;
    auto& path = by_id[row.id];
    if (path.name.empty()) path = MapPath{fmt::format("track-{}", row.id), "track", {}};
    append(path.samples, timed(row.estimate.t_s, row.estimate.x.head<3>(), earth));
  }
  std::vector<MapPath> paths;
  for (auto& [id, path] : by_id) paths.push_back(std::move(path));
  return paths;
}

RunSpan run_span(const sim::RunResult& result, const std::vector<MapPath>& paths) {
  RunSpan span;
  const auto cover = [&](double t) {
    span.start_s = std::min(span.start_s, t);
    span.end_s = std::max(span.end_s, t);
  };
  for (const auto& path : paths) {
    for (const auto& s : path.samples) cover(s.t_s);
  }
  for (const auto& e : result.events) cover(e.t_s);
  for (const auto& row : result.track_rows) cover(row.t_s);
  return span;
}

}  // namespace rampart::io
