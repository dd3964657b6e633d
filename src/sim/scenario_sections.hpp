#pragma once
// The readers of a scenario file's sections (src/sim only, not installed),
// called by load_scenario (scenario.cpp). Each reads one entry or map and
// throws InputError at the offending key; load_scenario collects the errors.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rampart/engage/threat_evaluation.hpp"
#include "rampart/io/sensor_catalog.hpp"
#include "rampart/io/yaml_reader.hpp"
#include "rampart/sim/scenario.hpp"
#include "scenario_fields.hpp"

namespace rampart::sim::scenario_sections {

/// The Earth's rotation angle at the ISO 8601 UTC `text` (GMST, IAU 1982).
double epoch_rotation_angle(const std::string& text, const SourceLocation& where);

/// A defended asset: a point with a radius, or a polygon; and its value.
engage::DefendedAsset read_defended_asset(io::YamlMap& entry);

/// A radar from the catalog (`type:` plus overrides) or given in full; a
/// `site: NAME` is returned in `site_name` for the caller to resolve.
sense::RadarConfig read_radar(io::YamlMap& entry, const io::SensorCatalog& sensors,
                              std::optional<std::pair<std::string, SourceLocation>>& site_name);

/// The keys a threat and a raid share but the aim; leaves finish() to the caller.
void read_flight(io::YamlMap& entry, const std::vector<flight::MissileType>& missiles, ThreatConfig& threat);

/// A threat's aim: a point or a defended asset's name.
void read_aim(io::YamlMap& entry, ThreatConfig& threat);

/// A raid expanded into its threats NAME-01, NAME-02, ...
std::vector<ThreatConfig> read_raid(io::YamlMap& entry, const std::vector<flight::MissileType>& missiles);

void read_doctrine(io::YamlMap& map, DoctrineConfig& d);
void read_c2(io::YamlMap& map, C2Config& c2);

/// A battery's own keys; its site and radar are references resolved later.
BatteryConfig read_battery(io::YamlMap& entry, const std::vector<engage::InterceptorType>& interceptors,
                           scenario_fields::Reference& site, std::optional<scenario_fields::Reference>& radar);

void read_tracker(io::YamlMap& map, TrackerConfig& tracker);

/// The top-level keys that are single values or small maps.
void read_settings(io::YamlMap& top, Scenario& scenario, scenario_fields::Errors& errors);

}  // namespace rampart::sim::scenario_sections
