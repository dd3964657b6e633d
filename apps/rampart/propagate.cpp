// rampart propagate: flies an unpowered point mass (gravity with J2, drag on
// the air-relative velocity) from a geodetic position and Earth-relative NED
// velocity, printing the state at each output step until the requested time
// or ground impact (located as an event, root-found on the dense output).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "command.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"
#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/integrators.hpp"
#include "rampart/flight/point_mass.hpp"

namespace rampart::cli {
namespace {

using flight::State6;

/// The command line as written; parsed and checked in run_propagate so that
/// every bad value gets the same kind of one-line message.
struct PropagateArguments {
  std::string lat;
  std::string lon;
  std::string alt;
  std::string velocity_ned;
  std::string mass;
  std::string area;
  std::string cd;
  std::string duration;
  std::string output_step = "1";
  std::string earth = "wgs84";
  OutputFormat format = OutputFormat::kTable;
};

/// The checked inputs, SI units (angles still in degrees).
struct PropagateInputs {
  double lat_deg;
  double lon_deg;
  double alt_m;
  Vec3 v_ned_mps;
  double mass_kg;
  double area_m2;
  double cd;
  double duration_s;
  double output_step_s;
  earth::EarthKind earth;
};

struct Row {
  double t_s;
  flight::GeodeticNedState state;
};

struct Flight {
  std::vector<Row> rows;
  bool impact = false;
};

// More rows than this is a mistake in --output-step, not a wish.
constexpr long kMaxRows = 10'000'000;

SourceLocation at_option(std::string_view name) { return SourceLocation{std::string(name), 0, 0}; }

/// Shortest text that reads back as the same double ("95", "0.1").
std::string number_text(double x) { return fmt::format("{}", x); }

double positive(const std::string& text, std::string_view option, std::string_view what, std::string_view unit) {
  const double x = parse_number(text, at_option(option));
  if (!(x > 0.0)) {
    throw InputError(at_option(option),
                     fmt::format("{} must be positive, got {} {}", what, number_text(x), unit));
  }
  return x;
}

Vec3 parse_velocity_ned(const std::string& text) {
  const SourceLocation where = at_option("--velocity-ned");
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    parts.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const auto malformed = [&] {
    return InputError(where, "expected three numbers VN,VE,VD in m/s (north, east, down), got \"" + text + "\"");
  };
  if (parts.size() != 3) throw malformed();
  Vec3 v;
  for (int i = 0; i < 3; ++i) {
    try {
      v[i] = parse_number(parts[static_cast<std::size_t>(i)], where);
    } catch (const InputError&) {
      throw malformed();
    }
  }
  return v;
}

PropagateInputs check(const PropagateArguments& a) {
  PropagateInputs in{};
  in.lat_deg = parse_number(a.lat, at_option("--lat"));
  check_latitude(in.lat_deg, "--lat");
  in.lon_deg = parse_number(a.lon, at_option("--lon"));
  check_longitude(in.lon_deg, "--lon");
  in.alt_m = parse_number(a.alt, at_option("--alt"));
  if (in.alt_m < 0.0) {
    throw InputError(at_option("--alt"),
                     fmt::format("altitude {} m is below the ground (the ellipsoid surface, 0 m)",
                                 number_text(in.alt_m)));
  }
  in.v_ned_mps = parse_velocity_ned(a.velocity_ned);
  in.mass_kg = positive(a.mass, "--mass", "mass", "kg");
  in.area_m2 = positive(a.area, "--area", "reference area", "m^2");
  in.cd = parse_number(a.cd, at_option("--cd"));
  if (in.cd < 0.0) {
    throw InputError(at_option("--cd"),
                     fmt::format("drag coefficient must not be negative, got {}", number_text(in.cd)));
  }
  in.duration_s = positive(a.duration, "--duration", "duration", "s");
  in.output_step_s = positive(a.output_step, "--output-step", "output step", "s");
  if (in.duration_s / in.output_step_s > static_cast<double>(kMaxRows)) {
    throw InputError(at_option("--output-step"),
                     fmt::format("output step {} s over {} s would print more than {} rows",
                                 number_text(in.output_step_s), number_text(in.duration_s), kMaxRows));
  }
  in.earth = earth::parse_earth_kind(a.earth, at_option("--earth"));
  return in;
}

/// Integrates the flight, stepping exactly to each output time.
Flight fly(const PropagateInputs& in) {
  const earth::EarthModel earth(in.earth);
  const earth::Us76Atmosphere atmosphere;
  const flight::DragBody body{in.cd * in.area_m2 / in.mass_kg};

  flight::GeodeticNedState start;
  start.position = earth::Geodetic{in.lat_deg * constants::kDegToRad, in.lon_deg * constants::kDegToRad, in.alt_m};
  start.v_ned_mps = in.v_ned_mps;
  State6 y = flight::eci_state_from_geodetic_ned(earth, start, 0.0);

  Flight out;
  out.rows.push_back(Row{0.0, flight::geodetic_ned_from_eci_state(earth, y, 0.0)});
  // On the ground and not climbing: the integrator does not count a zero of
  // the event function at its start as a crossing, so say it here.
  if (in.alt_m == 0.0 && in.v_ned_mps.z() >= 0.0) {
    out.impact = true;
    return out;
  }

  const auto f = [&](double t_s, const State6& state) {
    return flight::ballistic_derivative(t_s, state, earth, atmosphere, body);
  };
  // Ground impact: the height above the ellipsoid falls through zero. The
  // ellipsoid is symmetric about z, so ECI components give the same height.
  const std::vector<flight::OdeEvent<State6>> events{flight::OdeEvent<State6>{
      [&earth](double, const State6& state) { return earth.altitude_m(state.head<3>()); }, -1, true}};

  // Tolerances: relative 1e-12 bounds the error per step at ~6 um in
  // position (|r| ~ 6.4e6 m) and below 1 um/s in velocity, so a flight of
  // thousands of steps stays far below a centimetre. The event time is
  // bracketed to 1 ns: < 10 um of altitude at 10 km/s.
  flight::AdaptiveOptions options;
  options.relative_tolerance = 1e-12;
  options.absolute_tolerance = 1e-9;
  options.event_time_tolerance_s = 1e-9;

  double last_step_s = 0.0;
  const std::function<void(const flight::DenseStep<State6>&)> observer =
      [&last_step_s](const flight::DenseStep<State6>& step) { last_step_s = step.t1() - step.t0(); };

  const double q = in.duration_s / in.output_step_s;
  // A duration that is a whole number of steps up to rounding gets no sliver step at the end.
  const long n = std::max(1L, static_cast<long>(std::ceil(q - 1e-9 * q)));
  double t = 0.0;
  for (long k = 1; k <= n; ++k) {
    const double t_next = k == n ? in.duration_s : static_cast<double>(k) * in.output_step_s;
    options.initial_step_s = last_step_s > 0.0 ? std::min(last_step_s, t_next - t) : 0.0;
    const auto result = flight::integrate_dopri54(f, t, y, t_next, events, options, observer);
    switch (result.status) {
      case flight::OdeStatus::kReachedEnd:
        break;
      case flight::OdeStatus::kEvent:
        out.impact = true;
        break;
      case flight::OdeStatus::kStepSizeUnderflow:
        throw std::runtime_error(fmt::format("integration step size underflow at t = {} s", result.t));
      case flight::OdeStatus::kTooManySteps:
        throw std::runtime_error(fmt::format("integration took too many steps before t = {} s", result.t));
      case flight::OdeStatus::kNonFinite:
        throw std::runtime_error(fmt::format("integration produced a non-finite state at t = {} s", result.t));
    }
    t = result.t;
    y = result.y;
    out.rows.push_back(Row{t, flight::geodetic_ned_from_eci_state(earth, y, t)});
    if (out.impact) break;
  }
  return out;
}

/// Time rounded to the nanosecond, so that 0.1 * 3 prints as 0.3.
double clean_time(double t_s) { return std::round(t_s * 1e9) / 1e9; }

/// Fixed-point text without "-0.000".
std::string fixed(double x, int decimals) {
  if (std::abs(x) < 0.5 * std::pow(10.0, -decimals)) x = 0.0;
  return fmt::format("{:.{}f}", x, decimals);
}

struct Values {
  double t_s, lat_deg, lon_deg, alt_m, vn, ve, vd;
};

Values values(const Row& row) {
  const auto& s = row.state;
  return Values{clean_time(row.t_s),
                s.position.lat_rad * constants::kRadToDeg,
                s.position.lon_rad * constants::kRadToDeg,
                s.position.alt_m,
                s.v_ned_mps.x(),
                s.v_ned_mps.y(),
                s.v_ned_mps.z()};
}

std::string impact_note(const Flight& flight, const PropagateInputs& in) {
  const Values v = values(flight.rows.back());
  return fmt::format("ground impact at t = {} s, lat {} deg, lon {} deg: stopped before the requested {} s",
                     number_text(v.t_s), fixed(v.lat_deg, 6), fixed(v.lon_deg, 6), number_text(in.duration_s));
}

void print_csv(const Flight& flight) {
  std::string out = "time_s,lat_deg,lon_deg,alt_m,v_north_mps,v_east_mps,v_down_mps\n";
  // 1e-10 deg is 11 um on the ground; 1e-6 m and m/s: well below the model's accuracy.
  for (const Row& row : flight.rows) {
    const Values v = values(row);
    out += fmt::format("{},{},{},{},{},{},{}\n", number_text(v.t_s), fixed(v.lat_deg, 10), fixed(v.lon_deg, 10),
                       fixed(v.alt_m, 6), fixed(v.vn, 6), fixed(v.ve, 6), fixed(v.vd, 6));
  }
  std::fputs(out.c_str(), stdout);
}

void print_json(const Flight& flight) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Row& row : flight.rows) {
    const Values v = values(row);
    rows.push_back({{"time_s", v.t_s},
                    {"lat_deg", v.lat_deg},
                    {"lon_deg", v.lon_deg},
                    {"alt_m", v.alt_m},
                    {"v_north_mps", v.vn},
                    {"v_east_mps", v.ve},
                    {"v_down_mps", v.vd}});
  }
  std::cout << rows.dump(2) << "\n";
}

void print_table(const Flight& flight, const PropagateInputs& in) {
  std::string out = fmt::format("{:>10} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}\n", "time (s)", "lat (deg)",
                                "lon (deg)", "alt (m)", "v_N (m/s)", "v_E (m/s)", "v_D (m/s)");
  for (const Row& row : flight.rows) {
    const Values v = values(row);
    out += fmt::format("{:>10} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}\n", fixed(v.t_s, 3), fixed(v.lat_deg, 6),
                       fixed(v.lon_deg, 6), fixed(v.alt_m, 2), fixed(v.vn, 3), fixed(v.ve, 3), fixed(v.vd, 3));
  }
  if (flight.impact) out += impact_note(flight, in) + "\n";
  std::fputs(out.c_str(), stdout);
}

int run_propagate(const PropagateArguments& arguments) {
  const PropagateInputs in = check(arguments);
  if (in.earth == earth::EarthKind::kSpherical && in.cd > 0.0) {
    std::cerr << "rampart: note: the spherical Earth has no atmosphere; --cd is ignored\n";
  }
  const Flight flight = fly(in);
  switch (arguments.format) {
    case OutputFormat::kTable:
      print_table(flight, in);
      break;
    case OutputFormat::kJson:
      print_json(flight);
      break;
    case OutputFormat::kCsv:
      print_csv(flight);
      break;
  }
  std::fflush(stdout);
  if (flight.impact && arguments.format != OutputFormat::kTable) {
    std::cerr << "rampart: " << impact_note(flight, in) << "\n";
  }
  return 0;
}

}  // namespace

Command add_propagate_command(CLI::App& root) {
  auto arguments = std::make_shared<PropagateArguments>();
  CLI::App* command = root.add_subcommand(
      "propagate",
      "Fly an unpowered point mass (gravity with J2, drag on the air-relative velocity) from a geodetic "
      "position and Earth-relative velocity; stops at ground impact");
  command->add_option("--lat", arguments->lat, "Geodetic latitude, degrees in [-90, 90]")->type_name("DEG")->required();
  command->add_option("--lon", arguments->lon, "Longitude, degrees in [-180, 180]")->type_name("DEG")->required();
  command->add_option("--alt", arguments->alt, "Height above the ellipsoid, m (>= 0)")->type_name("M")->required();
  command
      ->add_option("--velocity-ned", arguments->velocity_ned,
                   "Earth-relative velocity VN,VE,VD in m/s (north, east, down)")
      ->type_name("VN,VE,VD")
      ->required();
  command->add_option("--mass", arguments->mass, "Mass, kg (> 0)")->type_name("KG")->required();
  command->add_option("--area", arguments->area, "Drag reference area, m^2 (> 0)")->type_name("M2")->required();
  command->add_option("--cd", arguments->cd, "Drag coefficient (>= 0), constant")->type_name("CD")->required();
  command->add_option("--duration", arguments->duration, "Time to fly, s (> 0)")->type_name("S")->required();
  command->add_option("--output-step", arguments->output_step, "Time between printed rows, s (> 0)")
      ->type_name("S")
      ->default_str("1");
  command->add_option("--earth", arguments->earth, "Earth model: wgs84 or spherical")
      ->type_name("wgs84|spherical")
      ->default_str("wgs84");
  add_format_option(*command, arguments->format);
  return Command{command, [arguments] { return run_propagate(*arguments); }};
}

}  // namespace rampart::cli
