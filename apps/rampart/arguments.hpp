#pragma once
// Parsing of command-line values that the subcommands share. Each throws
// rampart::InputError naming the option.

#include <string>

#include "rampart/earth/earth_model.hpp"

namespace rampart::cli {

/// "LAT,LON" in degrees -> geodetic point on the surface (altitude 0).
earth::Geodetic parse_lat_lon(const std::string& text, const std::string& option);
/// Checks a latitude in [-90, 90] and a longitude in [-180, 180] degrees.
void check_latitude(double lat_deg, const std::string& option);
void check_longitude(double lon_deg, const std::string& option);

}  // namespace rampart::cli
