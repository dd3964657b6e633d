#include "arguments.hpp"

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"

namespace rampart::cli {

void check_lat_lon(double lat_deg, double lon_deg, const std::string& option) {
  const SourceLocation where{option};
  if (!(lat_deg >= -90.0 && lat_deg <= 90.0)) {
    throw InputError(where, "latitude " + std::to_string(lat_deg) + " is outside [-90, 90] degrees");
  }
  if (!(lon_deg >= -180.0 && lon_deg <= 180.0)) {
    throw InputError(where, "longitude " + std::to_string(lon_deg) + " is outside [-180, 180] degrees");
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
  check_lat_lon(lat, lon, option);
  return {lat * constants::kDegToRad, lon * constants::kDegToRad, 0.0};
}

}  // namespace rampart::cli
