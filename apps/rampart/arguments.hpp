#pragma once
// Parsing of command-line values that the subcommands share. Each throws
// rampart::InputError naming the option.

#include <string>

#include "rampart/earth/earth_model.hpp"

namespace rampart::cli {

/// "LAT,LON" in degrees -> geodetic point on the surface (altitude 0).
earth::Geodetic parse_lat_lon(const std::string& text, const std::string& option);
/// Checks a latitude and longitude in degrees.
void check_lat_lon(double lat_deg, double lon_deg, const std::string& option);

}  // namespace rampart::cli
