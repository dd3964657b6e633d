#pragma once
// ISO 8601 UTC instants for the map exports (KML <when>, CZML intervals):
// the scenario's epoch parsed to whole milliseconds since 1970 and scenario
// times formatted back, with integer calendar arithmetic so that the same
// run gives the same text on every machine (no time zone, no locale).

#include <cstdint>
#include <string>

namespace rampart::io {

/// The instant used for t = 0 when a scenario gives no epoch (J2000.0).
inline constexpr const char* kDefaultExportEpoch = "2000-01-01T12:00:00Z";

/// Milliseconds since 1970-01-01T00:00:00Z of "YYYY-MM-DDTHH:MM:SS[.fff...]Z"
/// (fractions rounded to the millisecond). Throws std::invalid_argument for
/// any other text or an impossible date.
std::int64_t parse_iso8601_utc_ms(const std::string& text);

/// "YYYY-MM-DDTHH:MM:SSZ", or "...SS.mmmZ" when the milliseconds are not 0.
std::string format_iso8601_utc(std::int64_t unix_ms);

/// The scenario's epoch (or kDefaultExportEpoch when `epoch` is empty), in ms since 1970.
std::int64_t export_epoch_ms(const std::string& epoch);

/// The instant t_s seconds (rounded to the millisecond) after the epoch.
std::string iso_at(std::int64_t epoch_ms, double t_s);

}  // namespace rampart::io
