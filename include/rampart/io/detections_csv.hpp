#pragma once
// The detections CSV file (docs/formats.md): what radars reported, written
// by `rampart track` and read back to replay a run or to track detections
// recorded elsewhere. Numbers are written in their shortest exact form, so
// a file read back gives bit-identical detections.

#include <iosfwd>
#include <string>
#include <vector>

#include "rampart/sense/detection.hpp"

namespace rampart::io {

/// The header line, exactly.
inline constexpr const char* kDetectionsCsvHeader =
    "time_s,sensor,range_m,azimuth_rad,elevation_rad,sigma_range_m,sigma_azimuth_rad,sigma_elevation_rad,snr,"
    "truth_id";

/// Writes the header and one row per detection; sensor_names[d.sensor] names
/// its sensor. The covariance written is the diagonal of d.R.
void write_detections_csv(std::ostream& out, const std::vector<sense::Detection>& detections,
                          const std::vector<std::string>& sensor_names);

/// Reads a detections CSV. Sensor names are looked up in sensor_names (their
/// index is the SensorId). InputError at file:line:column for a wrong
/// header, a missing or malformed field, an unknown sensor, a non-positive
/// sigma, or times out of order.
std::vector<sense::Detection> read_detections_csv(const std::string& path,
                                                  const std::vector<std::string>& sensor_names);

}  // namespace rampart::io
