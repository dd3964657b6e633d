#pragma once
// Named places for reach tables (data/places.yaml): capitals, cities and
// bases, each with its coordinates and where they came from.

#include <string>
#include <vector>

#include "rampart/earth/earth_model.hpp"

namespace rampart::io {

struct Place {
  std::string name;
  std::string kind;     ///< capital | city | base
  std::string country;  ///< ISO 3166-1 alpha-2 code
  earth::Geodetic location;
  std::string source;   ///< where the coordinates come from
};

/// $RAMPART_DATA_DIR/places.yaml when that environment variable is set, else
/// the data folder of the source tree.
std::string default_places_path();

/// Reads `places:` (a list of {name, kind, country, location, source}) from
/// `path`, strictly: InputError at the line and column of an unknown key, a
/// missing field, a bad place, an unknown kind or a duplicate name.
std::vector<Place> load_places(const std::string& path);

}  // namespace rampart::io
