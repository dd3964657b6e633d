// load_scenario: reads a scenario file section by section (the readers are
// in scenario_sections_*.cpp), resolves the names that refer across
// sections, and reports every mistake at once (InputErrors, sorted by line).

#include "rampart/sim/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/io/interceptor_catalog.hpp"
#include "rampart/io/missile_catalog.hpp"
#include "rampart/io/sensor_catalog.hpp"
#include "rampart/io/iso_time.hpp"
#include "rampart/io/yaml_reader.hpp"
#include "scenario_fields.hpp"
#include "scenario_sections.hpp"

namespace rampart::sim {

using namespace scenario_fields;
using namespace scenario_sections;

std::vector<std::string> Scenario::radar_names() const {
  std::vector<std::string> names;
  for (const auto& radar : radars) names.push_back(radar.name);
  return names;
}

earth::EarthModel make_earth(const Scenario& scenario) {
  earth::EarthParameters parameters = scenario.earth == earth::EarthKind::kWgs84 ? earth::EarthParameters::wgs84()
                                                                                 : earth::EarthParameters::spherical();
  parameters.rotation_angle_at_epoch_rad = scenario.epoch_rotation_angle_rad;
  return earth::EarthModel(parameters, scenario.earth);
}

Scenario load_scenario(const std::string& path) {
  const YAML::Node root = io::load_yaml_file(path);  // a syntax error stays a single error
  io::YamlMap top(root, path, "scenario");
  Scenario scenario;
  scenario.path = path;
  Errors errors;

  const io::SensorCatalog sensors = io::load_sensor_catalog(io::default_sensor_catalog_path());
  const auto missiles = io::load_missile_catalog(io::default_missile_catalog_path());
  const auto interceptors = top.has("batteries") ? io::load_interceptor_catalog(io::default_interceptor_catalog_path())
                                                 : std::vector<engage::InterceptorType>{};

  read_settings(top, scenario, errors);

  // Lists. Names are remembered as soon as they are read, for the references.
  std::vector<std::string> site_names, radar_names, asset_names;
  collect(errors, [&] {
    for (auto& entry : optional_list(top, "sites")) {
      collect(errors, [&] {
        const std::string name = remember_name(entry, site_names);
        require_unique(scenario.sites, name, [](const auto& s) { return s.name; }, entry.where("name"), "site");
        SiteConfig site{name, entry.geodetic("location")};
        entry.finish();
        scenario.sites.push_back(site);
      });
    }
  });

  std::vector<Reference> radar_site_references;
  collect(errors, [&] {
    auto entries = top.list("radars");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      collect(errors, [&] {
        const std::string name = remember_name(entries[i], radar_names);
        require_unique(scenario.radars, name, [](const auto& r) { return r.name; }, entries[i].where("name"),
                       "radar");
        std::optional<std::pair<std::string, SourceLocation>> site_name;
        sense::RadarConfig config = read_radar(entries[i], sensors, site_name);
        config.name = name;
        if (site_name) radar_site_references.push_back(Reference{scenario.radars.size(), site_name->first, site_name->second});
        scenario.radars.push_back(config);
      });
    }
    if (entries.empty()) throw InputError(top.where("radars"), "a scenario needs at least one radar");
  });

  collect(errors, [&] {
    for (auto& entry : optional_list(top, "ir_sensors")) {
      collect(errors, [&] {
        const std::string name = entry.string("name");
        require_unique(scenario.ir_sensors, name, [](const auto& s) { return s.name; }, entry.where("name"),
                       "infrared sensor");
        sense::IrSensorConfig config;
        if (const auto type = entry.optional_string("type")) {
          config = io::find_ir_sensor(sensors, *type, entry.where("type"));
        } else {
          config = io::read_ir_sensor_config(entry);
        }
        config.name = name;
        entry.finish();
        scenario.ir_sensors.push_back(config);
      });
    }
  });

  // Radar cross-sections by phase of flight: catalog entries by name.
  collect(errors, [&] {
    std::string boost = "boost-body", midcourse = "reentry-vehicle", reentry = "reentry-vehicle",
                debris = "tank-debris";
    SourceLocation where = top.where();
    if (top.has("rcs")) {
      auto rcs = top.map("rcs");
      where = rcs.where();
      boost = rcs.optional_string("boost").value_or(boost);
      midcourse = rcs.optional_string("midcourse").value_or(midcourse);
      reentry = rcs.optional_string("reentry").value_or(reentry);
      debris = rcs.optional_string("debris").value_or(debris);
      rcs.finish();
    } else {
      top.optional_string("rcs");
    }
    scenario.rcs = {io::find_rcs(sensors, boost, where), io::find_rcs(sensors, midcourse, where),
                    io::find_rcs(sensors, reentry, where), io::find_rcs(sensors, debris, where)};
  });

  // Threats, one by one and by raid; the name of each, with where it was
  // written, for the uniqueness check across both lists.
  std::vector<SourceLocation> threat_name_places, aim_asset_places;
  std::size_t threat_entries = 0;
  collect(errors, [&] {
    auto entries = optional_list(top, "threats");
    threat_entries += entries.size();
    for (auto& entry : entries) {
      collect(errors, [&] {
        ThreatConfig threat;
        threat.where = entry.where();
        threat.name = entry.string("name");
        read_flight(entry, missiles, threat);
        threat.launch_time_s = entry.optional_quantity("launch_time", Dimension::kTime).value_or(0.0);
        read_aim(entry, threat);
        entry.finish();
        scenario.threats.push_back(threat);
        threat_name_places.push_back(entry.where("name"));
        aim_asset_places.push_back(threat.aim_asset ? entry.where("aim_asset") : SourceLocation{});
      });
    }
  });
  collect(errors, [&] {
    auto entries = optional_list(top, "raids");
    threat_entries += entries.size();
    std::vector<std::string> raid_names;
    for (auto& entry : entries) {
      collect(errors, [&] {
        const std::string name = entry.string("name");
        if (std::find(raid_names.begin(), raid_names.end(), name) != raid_names.end()) {
          throw InputError(entry.where("name"), "duplicate raid name \"" + name + "\"");
        }
        raid_names.push_back(name);
        const auto threats = read_raid(entry, missiles);
        for (std::size_t k = 0; k < threats.size(); ++k) {
          scenario.threats.push_back(threats[k]);
          threat_name_places.push_back(entry.where("name"));
          const bool report_aim = k == 0 && threats[k].aim_asset;
          aim_asset_places.push_back(report_aim ? entry.where("aim_asset") : SourceLocation{});
        }
      });
    }
  });
  if (threat_entries == 0) {
    errors.emplace_back(top.where(), "a scenario needs at least one threat (under threats or raids)");
  }

  std::vector<Reference> battery_sites, battery_radars;
  collect(errors, [&] {
    std::vector<std::string> names;
    for (auto& entry : optional_list(top, "batteries")) {
      collect(errors, [&] {
        const std::string name = entry.string("name");
        if (std::find(names.begin(), names.end(), name) != names.end()) {
          throw InputError(entry.where("name"), "duplicate battery name \"" + name + "\"");
        }
        names.push_back(name);
        Reference site;
        std::optional<Reference> radar;
        BatteryConfig battery = read_battery(entry, interceptors, site, radar);
        site.index = scenario.batteries.size();
        battery_sites.push_back(site);
        if (radar) {
          radar->index = site.index;
          battery_radars.push_back(*radar);
        }
        scenario.batteries.push_back(battery);
      });
    }
  });

  collect(errors, [&] {
    for (auto& entry : optional_list(top, "defended_assets")) {
      collect(errors, [&] {
        const std::string name = remember_name(entry, asset_names);
        require_unique(scenario.defended_assets, name, [](const auto& a) { return a.name; }, entry.where("name"),
                       "defended asset");
        scenario.defended_assets.push_back(read_defended_asset(entry));
      });
    }
  });

  collect(errors, [&] {
    if (top.has("doctrine")) {
      auto doctrine = top.map("doctrine");
      read_doctrine(doctrine, scenario.doctrine);
    } else {
      top.optional_string("doctrine");
    }
  });
  collect(errors, [&] {
    if (top.has("c2")) {
      auto c2 = top.map("c2");
      read_c2(c2, scenario.c2);
    } else {
      top.optional_string("c2");
    }
  });
  collect(errors, [&] {
    if (top.has("tracker")) {
      auto tracker = top.map("tracker");
      read_tracker(tracker, scenario.tracker);
    } else {
      top.optional_string("tracker");
    }
  });
  collect(errors, [&] { top.finish(); });

  // References, now that every list is read.
  resolve(radar_site_references, scenario.sites, site_names, "site", errors,
          [&](const Reference& r, const SiteConfig& site) { scenario.radars[r.index].site = site.location; });
  resolve(battery_sites, scenario.sites, site_names, "site", errors, [&](const Reference& r, const SiteConfig& site) {
    scenario.batteries[r.index].location = site.location;
  });
  resolve(battery_radars, scenario.radars, radar_names, "radar", errors, [](const Reference&, const auto&) {});
  // Aims at defended assets: reported once per entry (a raid's threats share
  // theirs), then every threat gets its asset's point.
  std::vector<Reference> aims;
  for (std::size_t i = 0; i < scenario.threats.size(); ++i) {
    if (scenario.threats[i].aim_asset && !aim_asset_places[i].file.empty()) {
      aims.push_back(Reference{i, *scenario.threats[i].aim_asset, aim_asset_places[i]});
    }
  }
  resolve(aims, scenario.defended_assets, asset_names, "defended asset", errors, [](const Reference&, const auto&) {});
  for (auto& threat : scenario.threats) {
    for (const auto& asset : scenario.defended_assets) {
      if (threat.aim_asset == asset.name) threat.aim = asset.point;
    }
  }
  for (std::size_t i = 0; i < scenario.threats.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (scenario.threats[j].name == scenario.threats[i].name) {
        errors.emplace_back(threat_name_places[i], "duplicate threat name \"" + scenario.threats[i].name + "\"");
        break;
      }
    }
  }

  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const InputError& a, const InputError& b) {
      return std::make_pair(a.where().line, a.where().column) < std::make_pair(b.where().line, b.where().column);
    });
    throw InputErrors(std::move(errors));
  }
  return scenario;
}

}  // namespace rampart::sim
