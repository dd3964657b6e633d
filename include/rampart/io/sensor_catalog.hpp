#pragma once
// The sensor catalog (data/sensors.yaml): notional radars, RCS tables and
// infrared early-warning constellations, from open sources. The readers of
// one entry are public so that a scenario can define a sensor inline or
// override a catalog entry with the same keys.

#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/io/yaml_reader.hpp"
#include "rampart/sense/ir_sensor.hpp"
#include "rampart/sense/radar.hpp"
#include "rampart/sense/rcs.hpp"

namespace rampart::io {

struct SensorCatalog {
  std::vector<sense::RadarConfig> radars;
  std::vector<sense::RcsConfig> rcs;
  std::vector<sense::IrSensorConfig> ir_sensors;
};

/// $RAMPART_DATA_DIR/sensors.yaml when that variable is set, else the source tree's data folder.
std::string default_sensor_catalog_path();

/// Reads and validates every entry of `path`; InputError at the line and
/// column of the first problem (unknown key, missing field, wrong unit,
/// invalid parameter, duplicate name).
SensorCatalog load_sensor_catalog(const std::string& path);

/// Reads a complete radar definition (every key of docs/models.md "Radar"
/// but `effective_earth_radius_factor` and `search_beam_positions`, which
/// default) from `map` and validates it. Does not call map.finish(): the
/// caller may read more keys first. InputError at the offending text.
sense::RadarConfig read_radar_config(YamlMap& map);
/// Overwrites the fields of `config` whose keys appear in `map` (the same
/// keys as read_radar_config, all optional; `site` and `field_of_regard`
/// sub-keys too), then validates; InputError as above. No map.finish().
void read_radar_overrides(YamlMap& map, sense::RadarConfig& config);
/// One RCS entry (name, description, source, table of aspect/rcs); calls finish().
sense::RcsConfig read_rcs_config(YamlMap& map);
/// One infrared sensor entry; no map.finish(), like read_radar_config.
sense::IrSensorConfig read_ir_sensor_config(YamlMap& map);

/// The entry called `name`; InputError at `where` listing the known names otherwise.
const sense::RadarConfig& find_radar(const SensorCatalog& catalog, const std::string& name, const SourceLocation& where);
const sense::RcsConfig& find_rcs(const SensorCatalog& catalog, const std::string& name, const SourceLocation& where);
const sense::IrSensorConfig& find_ir_sensor(const SensorCatalog& catalog, const std::string& name,
                                            const SourceLocation& where);

}  // namespace rampart::io
