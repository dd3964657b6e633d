// NASA atmospheric check cases 1, 6 and 9 (NASA/TM-2015-218675; data and
// provenance in tests/data/nasa-atmos-2015/README.md), flown by the real
// `rampart propagate` command line and compared at every second with SIM 05.
//
// What it validates: the whole point-mass chain on the rotating WGS-84 Earth
// -- geodetic/NED input to an inertial state, gravity with J2, US76 drag on
// the air-relative velocity, DOPRI5 at tight tolerances, and the output back
// to geodetic/NED -- against an independent tool.
//
// Why 0.05 m and 0.01 m/s: the README's suggested tolerances. The tools
// themselves agree within 0.13 m (SIMs 04-06) and a model with exactly
// these equations agrees with SIM 05 to about a centimetre at 30 s; leaving
// out J2 moves the 30 s position by ~6 m, the Earth's rotation by 13-28 m,
// geopotential altitude by 0.1-0.2 m, so each of those would fail. rampart
// runs with its WGS-84 constants (GM = 3.986004418e14, omega = 7.292115e-5)
// where the cases use GM = 3.9860048e14, omega = 7.2921130e-5: the GM
// difference is 1e-7 relative, ~0.5 mm of fall in 30 s; the omega difference
// (2e-11 rad/s) moves a point on the equator by 4 mm in inertial space in 30 s
// but the Earth-relative motion by far less.
//
// The agreement with SIM 01 (the other cluster of tools) is reported, not
// checked: the README shows the tools 0.27 m (case 6) and 1.3 m (case 9)
// apart.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_runner.hpp"
#include "rampart/core/constants.hpp"
#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"

namespace rampart {
namespace {

struct Sample {
  double t_s, lat_deg, lon_deg, alt_m;
  Vec3 v_ned_mps;
};

std::vector<Sample> parse_csv(std::istream& in, std::string& header) {
  std::getline(in, header);
  std::vector<Sample> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream fields(line);
    std::string field;
    std::vector<double> x;
    while (std::getline(fields, field, ',')) x.push_back(std::stod(field));
    if (x.size() < 7) throw std::runtime_error("short CSV row: " + line);
    rows.push_back(Sample{x[0], x[1], x[2], x[3], Vec3(x[4], x[5], x[6])});
  }
  return rows;
}

std::vector<Sample> read_reference(const std::string& name) {
  std::ifstream file(std::string(RAMPART_TEST_DATA_DIR) + "/nasa-atmos-2015/" + name);
  if (!file) throw std::runtime_error("cannot read " + name);
  std::string header;
  return parse_csv(file, header);
}

struct CheckCase {
  int number;
  double alt_m;
  const char* velocity_ned;
  const char* cd;
};

/// Runs `rampart propagate` for the case and returns its CSV rows.
std::vector<Sample> propagate_case(const CheckCase& c) {
  // Sphere of 1 slug (14.5939029 kg), 0.5 ft diameter (0.018241465 m^2).
  const auto run = testing::run_rampart({"propagate", "--lat", "0", "--lon", "0", "--alt", fmt::format("{}", c.alt_m),
                                         "--velocity-ned", c.velocity_ned, "--mass", "14.5939029", "--area",
                                         "0.018241465", "--cd", c.cd, "--duration", "30", "--output-step", "1",
                                         "--format", "csv"});
  EXPECT_EQ(run.status, 0) << run.err;
  std::istringstream file(run.out);
  std::string header;
  auto rows = parse_csv(file, header);
  EXPECT_EQ(header, "time_s,lat_deg,lon_deg,alt_m,v_north_mps,v_east_mps,v_down_mps");
  return rows;
}

struct Agreement {
  double max_position_m = 0.0;
  double max_velocity_mps = 0.0;
  double position_at_30s_m = 0.0;
};

Agreement compare(const std::vector<Sample>& ours, const std::vector<Sample>& reference) {
  const earth::EarthModel wgs84(earth::EarthKind::kWgs84);
  const auto ecef = [&](const Sample& s) {
    return wgs84.ecef_from_geodetic(
        earth::Geodetic{s.lat_deg * constants::kDegToRad, s.lon_deg * constants::kDegToRad, s.alt_m});
  };
  Agreement a;
  EXPECT_EQ(ours.size(), reference.size());
  for (std::size_t i = 0; i < std::min(ours.size(), reference.size()); ++i) {
    EXPECT_DOUBLE_EQ(ours[i].t_s, reference[i].t_s);
    const double dr = (ecef(ours[i]) - ecef(reference[i])).norm();
    const double dv = (ours[i].v_ned_mps - reference[i].v_ned_mps).norm();
    a.max_position_m = std::max(a.max_position_m, dr);
    a.max_velocity_mps = std::max(a.max_velocity_mps, dv);
    a.position_at_30s_m = dr;
  }
  return a;
}

class NasaAtmosCheckCase : public ::testing::TestWithParam<CheckCase> {};

TEST_P(NasaAtmosCheckCase, AgreesWithSim05) {
  const CheckCase c = GetParam();
  const std::vector<Sample> ours = propagate_case(c);
  ASSERT_EQ(ours.size(), 31u);
  const Agreement sim05 = compare(ours, read_reference(fmt::format("Atmos_{:02d}_sim_05_1s.csv", c.number)));
  const Agreement sim01 = compare(ours, read_reference(fmt::format("Atmos_{:02d}_sim_01_1s.csv", c.number)));

  const std::string report = fmt::format(
      "case {:02d}: vs SIM 05 max |dr| = {:.3f} mm, max |dv| = {:.3f} mm/s (|dr| at 30 s {:.3f} mm); "
      "vs SIM 01 max |dr| = {:.3f} mm, max |dv| = {:.3f} mm/s",
      c.number, 1e3 * sim05.max_position_m, 1e3 * sim05.max_velocity_mps, 1e3 * sim05.position_at_30s_m,
      1e3 * sim01.max_position_m, 1e3 * sim01.max_velocity_mps);
  std::cout << report << "\n";
  RecordProperty("agreement", report);

  EXPECT_LE(sim05.max_position_m, 0.05) << report;
  EXPECT_LE(sim05.max_velocity_mps, 0.01) << report;
}

INSTANTIATE_TEST_SUITE_P(Cases, NasaAtmosCheckCase,
                         ::testing::Values(CheckCase{1, 9144.0, "0,0,0", "0"}, CheckCase{6, 9144.0, "0,0,0", "0.1"},
                                           CheckCase{9, 0.0, "0,304.8,-304.8", "0.1"}),
                         [](const auto& info) { return fmt::format("Case{:02d}", info.param.number); });

}  // namespace
}  // namespace rampart
