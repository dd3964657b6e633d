// rampart trajectory: a ballistic missile (or a free flight) from A to B on
// the rotating Earth, and the maximum range of a missile on an azimuth.

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "arguments.hpp"
#include "command.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/units.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/flight/trajectory.hpp"
#include "rampart/flight/trajectory_summary.hpp"
#include "rampart/io/missile_catalog.hpp"

namespace rampart::cli {
namespace {

constexpr double kRadToDeg = constants::kRadToDeg;

struct TrajectoryOptions {
  std::string from;
  std::string to;
  std::string missile;
  std::string burnout_speed;
  std::string shape = "min-energy";
  std::string apogee;
  std::optional<double> burnout_angle_deg;
  std::string earth = "wgs84";
  std::string catalog;
  std::optional<double> azimuth_deg;
  bool max_range = false;
  double samples_s = 0.0;
  OutputFormat format = OutputFormat::kTable;
};

nlohmann::ordered_json summary_json(const flight::TrajectorySummary& s) {
  nlohmann::ordered_json j;
  j["ground_range_m"] = s.ground_range_m;
  j["flight_time_s"] = s.flight_time_s;
  j["launch_azimuth_deg"] = s.launch_azimuth_rad * kRadToDeg;
  j["burnout_time_s"] = s.burnout_time_s;
  j["burnout_altitude_m"] = s.burnout_altitude_m;
  j["burnout_speed_mps"] = s.burnout_speed_mps;
  j["burnout_flight_path_angle_deg"] = s.burnout_flight_path_angle_rad * kRadToDeg;
  j["apogee_altitude_m"] = s.apogee_altitude_m;
  j["apogee_time_s"] = s.apogee_time_s;
  j["reentry_speed_100km_mps"] = s.reentry_speed_100km_mps ? nlohmann::ordered_json(*s.reentry_speed_100km_mps)
                                                           : nlohmann::ordered_json(nullptr);
  j["impact_speed_mps"] = s.impact_speed_mps;
  j["impact_flight_path_angle_deg"] = s.impact_flight_path_angle_rad * kRadToDeg;
  j["impact_lat_deg"] = s.impact.lat_rad * kRadToDeg;
  j["impact_lon_deg"] = s.impact.lon_rad * kRadToDeg;
  j["miss_m"] = s.miss_m;
  return j;
}

struct SampleRow {
  double t_s, lat_deg, lon_deg, alt_m, speed_mps;
  Vec3 r_I, v_I;
};

std::vector<SampleRow> sample_rows(const flight::FlightPath& path, const earth::EarthModel& earth) {
  std::vector<SampleRow> rows;
  for (const auto& sample : path.samples) {
    const Vec3 r_I = flight::position(sample.y_I);
    const Vec3 v_I = flight::velocity(sample.y_I);
    const earth::Geodetic g = earth.geodetic_from_ecef(earth.ecef_from_eci(r_I, sample.t_s));
    const double speed = (v_I - earth.omega_I().cross(r_I)).norm();
    rows.push_back({sample.t_s, g.lat_rad * kRadToDeg, g.lon_rad * kRadToDeg, g.alt_m, speed, r_I, v_I});
  }
  return rows;
}

constexpr const char* kSampleCsvHeader =
    "time_s,lat_deg,lon_deg,alt_m,speed_mps,x_eci_m,y_eci_m,z_eci_m,vx_eci_mps,vy_eci_mps,vz_eci_mps";

void print_samples_csv(const std::vector<SampleRow>& rows) {
  std::cout << kSampleCsvHeader << "\n";
  for (const auto& r : rows) {
    std::cout << fmt::format("{:.3f},{:.8f},{:.8f},{:.3f},{:.4f},{:.3f},{:.3f},{:.3f},{:.5f},{:.5f},{:.5f}\n", r.t_s,
                             r.lat_deg, r.lon_deg, r.alt_m, r.speed_mps, r.r_I.x(), r.r_I.y(), r.r_I.z(), r.v_I.x(),
                             r.v_I.y(), r.v_I.z());
  }
}

nlohmann::ordered_json samples_json(const std::vector<SampleRow>& rows) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    out.push_back({{"time_s", r.t_s},
                   {"lat_deg", r.lat_deg},
                   {"lon_deg", r.lon_deg},
                   {"alt_m", r.alt_m},
                   {"speed_mps", r.speed_mps},
                   {"r_eci_m", {r.r_I.x(), r.r_I.y(), r.r_I.z()}},
                   {"v_eci_mps", {r.v_I.x(), r.v_I.y(), r.v_I.z()}}});
  }
  return out;
}

void print_table(const std::string& title, const flight::TrajectorySummary& s,
                 const std::optional<flight::LaunchCommand>& command, const std::vector<SampleRow>& rows) {
  std::cout << title << "\n";
  const auto line = [](const char* label, const std::string& value) { fmt::print("  {:<34}{}\n", label, value); };
  line("ground range", fmt::format("{:.1f} km", s.ground_range_m / 1e3));
  line("flight time", fmt::format("{:.1f} s ({:.1f} min)", s.flight_time_s, s.flight_time_s / 60.0));
  line("launch azimuth", fmt::format("{:.2f} deg", s.launch_azimuth_rad * kRadToDeg));
  if (command) {
    line("pitch-over (kick) angle", fmt::format("{:.3f} deg", command->kick_angle_rad * kRadToDeg));
    line("thrust cut-off", fmt::format("{:.2f} s", command->cutoff_time_s));
  }
  line("burnout time", fmt::format("{:.1f} s", s.burnout_time_s));
  line("burnout altitude", fmt::format("{:.1f} km", s.burnout_altitude_m / 1e3));
  line("burnout speed (inertial)", fmt::format("{:.3f} km/s", s.burnout_speed_mps / 1e3));
  line("burnout flight-path angle", fmt::format("{:.2f} deg", s.burnout_flight_path_angle_rad * kRadToDeg));
  line("apogee", fmt::format("{:.1f} km at {:.1f} s", s.apogee_altitude_m / 1e3, s.apogee_time_s));
  line("speed at 100 km on reentry", s.reentry_speed_100km_mps
                                          ? fmt::format("{:.3f} km/s", *s.reentry_speed_100km_mps / 1e3)
                                          : std::string("(never above 100 km)"));
  line("impact speed", fmt::format("{:.3f} km/s, {:.1f} deg below horizontal", s.impact_speed_mps / 1e3,
                                   s.impact_flight_path_angle_rad * kRadToDeg));
  line("impact point", fmt::format("{:.5f}, {:.5f}", s.impact.lat_rad * kRadToDeg, s.impact.lon_rad * kRadToDeg));
  line("miss from aim point", fmt::format("{:.2f} m", s.miss_m));
  if (!rows.empty()) {
    fmt::print("\n  {:>9} {:>11} {:>12} {:>10} {:>10}\n", "time s", "lat deg", "lon deg", "alt km", "speed km/s");
    for (const auto& r : rows) {
      fmt::print("  {:>9.1f} {:>11.5f} {:>12.5f} {:>10.2f} {:>10.3f}\n", r.t_s, r.lat_deg, r.lon_deg, r.alt_m / 1e3,
                 r.speed_mps / 1e3);
    }
  }
}

void print_summary_csv(const nlohmann::ordered_json& j) {
  std::string header;
  std::string values;
  for (const auto& [key, value] : j.items()) {
    if (value.is_structured()) continue;
    header += (header.empty() ? "" : ",") + key;
    values += (values.empty() ? "" : ",") + (value.is_null() ? std::string() : value.dump());
  }
  std::cout << header << "\n" << values << "\n";
}

int run(const TrajectoryOptions& o) {
  const earth::EarthModel earth(earth::parse_earth_kind(o.earth, SourceLocation{"--earth"}));
  const earth::Us76Atmosphere atmosphere;
  const earth::Geodetic launch = parse_lat_lon(o.from, "--from");

  std::vector<flight::MissileType> catalog;
  const flight::MissileType* missile = nullptr;
  if (!o.missile.empty()) {
    catalog = io::load_missile_catalog(o.catalog.empty() ? io::default_missile_catalog_path() : o.catalog);
    missile = &io::find_missile(catalog, o.missile, SourceLocation{"--missile"});
  }

  flight::FlightOptions flight_options;
  if (o.samples_s < 0.0) throw InputError(SourceLocation{"--samples"}, "the sample step must be positive");
  flight_options.sample_step_s = o.samples_s;

  std::string title;
  flight::Trajectory trajectory;
  if (o.max_range) {
    if (!o.to.empty()) throw InputError(SourceLocation{"--max-range"}, "give --azimuth, not --to, with --max-range");
    if (!o.azimuth_deg) throw InputError(SourceLocation{"--max-range"}, "--max-range needs --azimuth DEG");
    if (missile == nullptr) throw InputError(SourceLocation{"--max-range"}, "--max-range needs --missile NAME");
    if (!(*o.azimuth_deg >= -360.0 && *o.azimuth_deg <= 360.0)) {
      throw InputError(SourceLocation{"--azimuth"}, "azimuth must lie in [-360, 360] degrees");
    }
    const auto reach = flight::max_range(*missile, launch, *o.azimuth_deg * constants::kDegToRad, earth, atmosphere,
                                         flight_options);
    if (reach.path.status != flight::FlightStatus::kImpact) {
      throw std::runtime_error("the maximum-range flight did not come down");
    }
    trajectory.path = reach.path;
    trajectory.command = reach.command;
    title = fmt::format("maximum range of {} from {} on azimuth {:.2f} deg: {:.1f} km", missile->name, o.from,
                        *o.azimuth_deg, reach.range_m / 1e3);
  } else {
    if (o.to.empty()) throw InputError(SourceLocation{"--to"}, "give the aim point --to LAT,LON (or --max-range)");
    if (o.azimuth_deg) throw InputError(SourceLocation{"--azimuth"}, "--azimuth goes with --max-range");
    flight::TrajectoryRequest request;
    request.launch = launch;
    request.aim = parse_lat_lon(o.to, "--to");
    request.shape = flight::parse_trajectory_shape(o.shape, SourceLocation{"--shape"});
    request.missile = missile;
    request.flight = flight_options;
    if (flight::ground_arc(earth, request.launch, request.aim).distance_m < 1.0) {
      throw InputError(SourceLocation{"--to"}, "the aim point is the launch point");
    }
    if (!o.burnout_speed.empty()) {
      if (missile != nullptr) {
        throw InputError(SourceLocation{"--burnout-speed"}, "give either --missile or --burnout-speed, not both");
      }
      const double v = parse_quantity(o.burnout_speed, Dimension::kSpeed, SourceLocation{"--burnout-speed"});
      if (!(v > 0.0)) throw InputError(SourceLocation{"--burnout-speed"}, "the burnout speed must be positive");
      if (request.shape == flight::TrajectoryShape::kMinEnergy) {
        throw InputError(SourceLocation{"--shape"}, "with --burnout-speed choose --shape lofted or depressed");
      }
      request.burnout_speed_mps = v;
    }
    if (!o.apogee.empty()) {
      if (request.burnout_speed_mps) {
        throw InputError(SourceLocation{"--apogee"}, "give either --apogee or --burnout-speed, not both");
      }
      // A bare number is kilometres, as the option's help says; a unit may be written.
      const bool bare = o.apogee.find_first_not_of("0123456789.+-eE ") == std::string::npos;
      const double apogee = bare ? parse_number(o.apogee, SourceLocation{"--apogee"}) * 1e3
                                 : parse_quantity(o.apogee, Dimension::kLength, SourceLocation{"--apogee"});
      if (!(apogee > 0.0)) throw InputError(SourceLocation{"--apogee"}, "the apogee must be above the ground");
      request.apogee_altitude_m = apogee;
    }
    if (o.burnout_angle_deg) {
      if (request.burnout_speed_mps || request.apogee_altitude_m) {
        throw InputError(SourceLocation{"--burnout-angle"}, "give only one of --burnout-angle, --apogee and --burnout-speed");
      }
      if (!(*o.burnout_angle_deg > 0.0 && *o.burnout_angle_deg < 90.0)) {
        throw InputError(SourceLocation{"--burnout-angle"}, "the burnout flight-path angle must lie in (0, 90) degrees");
      }
      request.burnout_flight_path_angle_rad = *o.burnout_angle_deg * constants::kDegToRad;
    }
    trajectory = flight::solve_trajectory(request, earth, atmosphere);
    const std::string shape_name = request.apogee_altitude_m               ? "apogee-shaped"
                                   : request.burnout_flight_path_angle_rad ? "angle-shaped"
                                   : std::string(flight::trajectory_shape_name(request.shape));
    title = fmt::format("{} trajectory of {} from {} to {} ({} Earth)", shape_name,
                        missile ? missile->name : std::string("a free flight"), o.from, o.to, o.earth);
  }

  if (!trajectory.path.impact) throw std::runtime_error("the trajectory did not reach the ground");
  const auto summary = flight::summarize(trajectory, earth, launch);
  const auto rows = sample_rows(trajectory.path, earth);
  switch (o.format) {
    case OutputFormat::kTable: print_table(title, summary, trajectory.command, rows); break;
    case OutputFormat::kJson: {
      auto j = summary_json(summary);
      if (trajectory.command) {
        j["kick_angle_deg"] = trajectory.command->kick_angle_rad * kRadToDeg;
        j["cutoff_time_s"] = trajectory.command->cutoff_time_s;
      }
      if (o.max_range) j["max_range_m"] = summary.ground_range_m;
      if (!rows.empty()) j["samples"] = samples_json(rows);
      std::cout << j.dump(2) << "\n";
      break;
    }
    case OutputFormat::kCsv:
      if (rows.empty()) {
        print_summary_csv(summary_json(summary));
      } else {
        print_samples_csv(rows);
      }
      break;
  }
  return 0;
}

}  // namespace

Command add_trajectory_command(CLI::App& root) {
  auto options = std::make_shared<TrajectoryOptions>();
  CLI::App* app = root.add_subcommand(
      "trajectory", "Trajectory of a ballistic missile (or a free flight) from A to B on the rotating Earth");
  app->add_option("--from", options->from, "Launch point LAT,LON in degrees")->type_name("LAT,LON")->required();
  app->add_option("--to", options->to, "Aim point LAT,LON in degrees")->type_name("LAT,LON");
  app->add_option("--missile", options->missile, "Missile from the catalog (default: free flight)")->type_name("NAME");
  app->add_option("--burnout-speed", options->burnout_speed,
                  "Free flight: inertial burnout speed with its unit, e.g. 4.5km/s (needs --shape lofted|depressed)")
      ->type_name("SPEED");
  app->add_option("--shape", options->shape, "Trajectory shape")->type_name("min-energy|lofted|depressed")->default_str("min-energy");
  app->add_option("--apogee", options->apogee, "Shape by apogee altitude, km (or with a unit)")->type_name("KM");
  app->add_option("--burnout-angle", options->burnout_angle_deg,
                  "Shape by the burnout flight-path angle, degrees above the horizontal")
      ->type_name("DEG");
  app->add_option("--earth", options->earth, "Earth model")->type_name("wgs84|spherical")->default_str("wgs84");
  app->add_option("--samples", options->samples_s, "Print the time series every SECONDS")->type_name("SECONDS");
  app->add_option("--azimuth", options->azimuth_deg, "Launch azimuth in degrees, with --max-range")->type_name("DEG");
  app->add_flag("--max-range", options->max_range, "Maximum range of --missile on --azimuth");
  app->add_option("--catalog", options->catalog, "Missile catalog YAML (default: the one shipped)")->type_name("FILE");
  add_format_option(*app, options->format);
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
