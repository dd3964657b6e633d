// `rampart trajectory` as a user meets it: the real binary, its JSON keys
// (part of the interface), its time series, and one clear line with exit
// status 2 for every kind of bad input.

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::split_lines;

TEST(TrajectoryCli, JsonHasTheDocumentedKeysAndHitsTheAimPoint) {
  const auto run = run_rampart({"trajectory", "--from", "38.1,46.3", "--to", "44.4,26.1", "--missile", "mrbm-2000",
                                "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  for (const char* key : {"ground_range_m", "flight_time_s", "apogee_altitude_m", "apogee_time_s", "burnout_time_s",
                          "burnout_altitude_m", "burnout_speed_mps", "burnout_flight_path_angle_deg",
                          "reentry_speed_100km_mps", "impact_speed_mps", "impact_lat_deg", "impact_lon_deg",
                          "miss_m"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  // The aim point within 100 m: 1e-3 degree of latitude is 111 m.
  EXPECT_NEAR(j["impact_lat_deg"].get<double>(), 44.4, 1e-3);
  EXPECT_NEAR(j["impact_lon_deg"].get<double>(), 26.1, 1e-3);
  EXPECT_LT(j["miss_m"].get<double>(), 100.0);
  // Order of events in time.
  EXPECT_LT(j["burnout_time_s"].get<double>(), j["apogee_time_s"].get<double>());
  EXPECT_LT(j["apogee_time_s"].get<double>(), j["flight_time_s"].get<double>());
  // --json is the same as --format json.
  const auto short_form =
      run_rampart({"trajectory", "--from", "38.1,46.3", "--to", "44.4,26.1", "--missile", "mrbm-2000", "--json"});
  EXPECT_EQ(short_form.out, run.out);
}

TEST(TrajectoryCli, SamplesAreAContinuousTimeSeries) {
  const auto run = run_rampart({"trajectory", "--from", "0,0", "--to", "0,20", "--earth", "spherical", "--samples",
                                "10", "--format", "csv"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = split_lines(run.out);
  ASSERT_GT(rows.size(), 10u);
  EXPECT_EQ(rows[0], "time_s,lat_deg,lon_deg,alt_m,speed_mps,x_eci_m,y_eci_m,z_eci_m,vx_eci_mps,vy_eci_mps,vz_eci_mps");
  // On the non-rotating sphere, energy v^2/2 - mu/r is constant along the
  // free flight; the samples carry r and v in ECI.
  constexpr double mu = 3.986004418e14;
  double first_energy = 0.0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::vector<double> f;
    std::stringstream in(rows[i]);
    std::string field;
    while (std::getline(in, field, ',')) f.push_back(std::stod(field));
    ASSERT_EQ(f.size(), 11u);
    const double r = std::sqrt(f[5] * f[5] + f[6] * f[6] + f[7] * f[7]);
    const double v2 = f[8] * f[8] + f[9] * f[9] + f[10] * f[10];
    const double energy = 0.5 * v2 - mu / r;
    if (i == 1) first_energy = energy;
    // Printed to 1 mm and 0.01 mm/s: energy is exact to ~1e-6 relative.
    EXPECT_NEAR(energy, first_energy, 1e-6 * std::abs(first_energy)) << rows[i];
  }
}

TEST(TrajectoryCli, MaxRangeOfAMissile) {
  const auto run = run_rampart(
      {"trajectory", "--from", "32,53", "--azimuth", "0", "--max-range", "--missile", "mrbm-1300", "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_NEAR(j["max_range_m"].get<double>(), 1300e3, 130e3);
}

struct BadInput {
  std::vector<std::string> arguments;
  std::string message;
};

class TrajectoryCliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(TrajectoryCliBadInput, ExitsTwoWithOneClearLine) {
  std::vector<std::string> arguments{"trajectory"};
  for (const auto& a : GetParam().arguments) arguments.push_back(a);
  const auto run = run_rampart(arguments);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(GetParam().message), std::string::npos) << run.err;
  EXPECT_EQ(split_lines(run.err).size(), 1u) << run.err;
  EXPECT_TRUE(run.out.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TrajectoryCliBadInput,
    ::testing::Values(
        BadInput{{"--from", "95,10", "--to", "40,20"}, "--from: error: latitude 95"},
        BadInput{{"--from", "40,10", "--to", "40,190"}, "--to: error: longitude 190"},
        BadInput{{"--from", "40;10", "--to", "40,20"}, "--from: error: expected LAT,LON"},
        BadInput{{"--from", "40,10", "--to", "40,10"}, "--to: error: the aim point is the launch point"},
        BadInput{{"--from", "32,53", "--to", "51.5,-0.1", "--missile", "mrbm-1300"},
                 "beyond the mrbm-1300's maximum range of"},
        BadInput{{"--from", "32,53", "--to", "40,50", "--missile", "shahab"},
                 "--missile: error: unknown missile \"shahab\"; known missiles: srbm-300 mrbm-1300 mrbm-2000 icbm-10000"},
        BadInput{{"--from", "0,0", "--to", "0,20", "--burnout-speed", "6", "--shape", "lofted"},
                 "--burnout-speed: error: missing unit in \"6\""},
        BadInput{{"--from", "0,0", "--to", "0,20", "--burnout-speed", "6 km", "--shape", "lofted"},
                 "--burnout-speed: error: \"6 km\" is a length, expected a speed"},
        BadInput{{"--from", "0,0", "--to", "0,20", "--burnout-speed", "6 kmps", "--shape", "lofted"},
                 "--burnout-speed: error: unknown unit \"kmps\""},
        BadInput{{"--from", "0,0", "--to", "0,20", "--burnout-speed", "6 km/s"}, "choose --shape lofted or depressed"},
        BadInput{{"--from", "0,0", "--to", "0,20", "--shape", "steep"}, "--shape: error: unknown trajectory shape"},
        BadInput{{"--from", "0,0", "--to", "0,20", "--earth", "flat"}, "--earth: error:"},
        BadInput{{"--from", "0,0", "--to", "0,20", "--burnout-speed", "2 km/s", "--shape", "lofted"},
                 "below the least speed that reaches the aim point"},
        BadInput{{"--from", "0,0", "--azimuth", "90", "--max-range"}, "--max-range needs --missile"},
        BadInput{{"--from", "0,0"}, "--to: error: give the aim point"},
        BadInput{{"--to", "0,0"}, "--from is required"}));

}  // namespace
}  // namespace rampart
