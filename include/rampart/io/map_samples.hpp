#pragma once
// The moving objects of an engagement run as timed map positions, shared by
// the GeoJSON, KML and CZML exports: every threat (and debris) truth from
// launch to impact or kill, every interceptor from launch to closest
// approach, every confirmed track; plus the span of the whole run.

#include <string>
#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/io/map_geometry.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::io {

struct TimedPosition {
  double t_s = 0.0;  ///< scenario time
  LonLatAlt position;
};

/// One moving object's path.
struct MapPath {
  std::string name;               ///< the truth's name, "BATTERY-N" for an interceptor, "track-ID" for a track
  std::string kind;               ///< "threat", "debris", "interceptor" or "track"
  std::vector<TimedPosition> samples;  ///< strictly increasing times
};

/// Sampling interval of truths in the exports, s (as trajectories.csv).
inline constexpr double kMapSampleStep_s = 5.0;

/// Each truth of the run: at launch, at every multiple of step_s after it,
/// and at its last instant (impact, or the kill time when killed).
std::vector<MapPath> truth_paths(const sim::RunResult& result, const earth::EarthModel& earth,
                                 double step_s = kMapSampleStep_s);

/// Each interceptor's recorded samples (repeated times dropped).
std::vector<MapPath> interceptor_paths(const sim::RunResult& result, const earth::EarthModel& earth);

/// Each track's estimated position at its rows while it was confirmed, in
/// order of track id (at repeated times the last row wins).
std::vector<MapPath> confirmed_track_paths(const sim::RunResult& result, const earth::EarthModel& earth);

/// The first and last instant of the run: 0 and the latest time of any
/// sample, event or track row (at least 0).
struct RunSpan {
  double start_s = 0.0;
  double end_s = 0.0;
};
RunSpan run_span(const sim::RunResult& result, const std::vector<MapPath>& paths);

/// The interceptor's display name, "BATTERY-N" (as trajectories.csv).
std::string interceptor_name(const sim::InterceptorTrace& trace);

}  // namespace rampart::io
