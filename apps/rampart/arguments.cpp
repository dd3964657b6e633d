#include "arguments.hpp"

#include <fmt/core.h>

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"

namespace rampart::cli {

// fmt's "{}" prints the shortest text that reads back as the same double ("95", "0.1").
void check_latitude(double lat_deg, const std::string& option) {
  if (!(lat_deg >= -90.0 && lat_deg <= 90.0)) {
    throw InputError(SourceLocation{option}, fmt::format("latitude {} is outside [-90, 90] degrees", lat_deg));
  }
}

void check_longitude(double lon_deg, const std::string& option) {
  if (!(lon_deg >= -180.0 && lon_deg <= 180.0)) {
    throw InputError(SourceLocation{option}, fmt::format("longitude {} is outside [-180, 180] degrees", lon_deg));
  }
}

earth::Geodetic parse_lat_lon(const std::string& text, const std::string& option) {
  const SourceLocation where{option};
  const auto comma = text.find(',');
  if (comma == std::string::npos) {
    throw InputError(where, "expected LAT,LON in degrees (e.g. 44.1,24.3), got \"" + text + "\"");
  }
  const double lat = parse_number(text.substr(0, comma), where);
  const double lon = parse_number(text.substr(comma + 1), where);
  check_latitude(lat, option);
  check_longitude(lon, option);
  return {lat * constants::kDegToRad, lon * constants::kDegToRad, 0.0};
}

}  // namespace rampart::cli
