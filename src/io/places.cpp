#include "rampart/io/places.hpp"

#include <cstdlib>

#include "rampart/io/yaml_reader.hpp"

namespace rampart::io {

std::string default_places_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/places.yaml";
  }
  return std::string(RAMPART_DATA_DIR) + "/places.yaml";
}

std::vector<Place> load_places(const std::string& path) {
  const YAML::Node root = load_yaml_file(path);
  YamlMap top(root, path, "places file");
  std::vector<Place> places;
  for (auto& entry : top.list("places")) {
    Place place;
    place.name = entry.string("name");
    place.kind = entry.string("kind");
    if (place.kind != "capital" && place.kind != "city" && place.kind != "base") {
      throw_unknown_name(entry.where("kind"), "place kind", place.kind, {"capital", "city", "base"});
    }
    place.country = entry.string("country");
    place.location = entry.geodetic("location");
    place.source = entry.string("source");
    entry.finish();
    for (const auto& other : places) {
      if (other.name == place.name) throw InputError(entry.where("name"), "duplicate place \"" + place.name + "\"");
    }
    places.push_back(std::move(place));
  }
  top.finish();
  return places;
}

}  // namespace rampart::io
