#pragma once
// What `rampart track` writes: tracks.csv and metrics.json (docs/formats.md).

#include <iosfwd>
#include <nlohmann/json.hpp>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sim/tracking_run.hpp"

namespace rampart::io {

/// The header line of tracks.csv, exactly.
extern const char* const kTracksCsvHeader;

/// One row per TrackRow: time, id, status, ECI state and covariance
/// diagonal (standard deviations), geodetic position, predicted impact
/// (empty when none was made at that row), truth id (empty when unknown).
void write_tracks_csv(std::ostream& out, const std::vector<sim::TrackRow>& rows, const earth::EarthModel& earth);

/// The metrics and the per-threat summary as JSON (keys in docs/formats.md).
nlohmann::ordered_json metrics_json(const sim::TrackingOutcome& outcome);

}  // namespace rampart::io
