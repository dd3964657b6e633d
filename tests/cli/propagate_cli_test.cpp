// `rampart propagate` as a user meets it: the real binary, its output
// formats, its one-line errors with exit status 2, and the ground impact.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "rampart/earth/earth_model.hpp"

namespace rampart {
namespace {

using testing::CliRun;

CliRun rampart(const std::vector<std::string>& arguments) { return testing::run_rampart(arguments); }

std::vector<std::string> lines(const std::string& text) { return testing::split_lines(text); }

std::vector<double> fields(const std::string& line) {
  std::vector<double> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) out.push_back(std::stod(field));
  return out;
}

/// A valid command line: a sphere dropped from 10 km on the equator.
std::vector<std::string> valid(std::vector<std::string> extra = {}) {
  std::vector<std::string> a{"propagate", "--lat", "0",   "--lon",  "0",     "--alt",      "10000",
                             "--velocity-ned", "0,0,0", "--mass", "14.5939029", "--area", "0.018241465",
                             "--cd",  "0.1", "--duration", "5"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

/// The valid command line with one option's value replaced.
std::vector<std::string> with(const std::string& option, const std::string& value) {
  std::vector<std::string> a = valid();
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {
    if (a[i] == option) {
      a[i + 1] = value;
      return a;
    }
  }
  a.push_back(option);
  a.push_back(value);
  return a;
}

constexpr const char* kHeader = "time_s,lat_deg,lon_deg,alt_m,v_north_mps,v_east_mps,v_down_mps";

TEST(PropagateCli, CsvHeaderAndOneRowPerOutputStep) {
  const CliRun run = rampart(valid({"--format", "csv", "--output-step", "0.5"}));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 12u);  // header + t = 0, 0.5, ..., 5
  EXPECT_EQ(rows[0], kHeader);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto x = fields(rows[i]);
    ASSERT_EQ(x.size(), 7u) << rows[i];
    EXPECT_DOUBLE_EQ(x[0], 0.5 * static_cast<double>(i - 1));
  }
  // The start row echoes the input.
  EXPECT_EQ(rows[1], "0,0.0000000000,0.0000000000,10000.000000,0.000000,0.000000,0.000000");
}

TEST(PropagateCli, DurationNotAMultipleOfTheStepEndsWithARowAtTheDuration) {
  const CliRun run = rampart(with("--duration", "2.5"));
  ASSERT_EQ(run.status, 0) << run.err;
  const CliRun csv = rampart([] {
    auto a = with("--duration", "2.5");
    a.insert(a.end(), {"--format", "csv"});
    return a;
  }());
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 5u);  // header + 0, 1, 2, 2.5
  EXPECT_DOUBLE_EQ(fields(rows.back())[0], 2.5);
}

TEST(PropagateCli, JsonIsAnArrayOfRowsWithTheCsvKeys) {
  for (const auto& flag : {std::vector<std::string>{"--json"}, std::vector<std::string>{"--format", "json"}}) {
    const CliRun run = rampart(valid(flag));
    ASSERT_EQ(run.status, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 6u);
    for (const char* key : {"time_s", "lat_deg", "lon_deg", "alt_m", "v_north_mps", "v_east_mps", "v_down_mps"}) {
      EXPECT_TRUE(json[5].contains(key)) << key;
    }
    EXPECT_EQ(json[5]["time_s"].get<double>(), 5.0);
    EXPECT_LT(json[5]["alt_m"].get<double>(), 10000.0);
    EXPECT_GT(json[5]["v_down_mps"].get<double>(), 0.0);
  }
}

TEST(PropagateCli, TableHasAHeaderAndARowPerStep) {
  const CliRun run = rampart(valid());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_NE(rows[0].find("time (s)"), std::string::npos);
  EXPECT_NE(rows[0].find("alt (m)"), std::string::npos);
  EXPECT_EQ(run.out.find("impact"), std::string::npos);
}

struct BadInput {
  std::string option;
  std::string value;
  std::string message;  ///< the whole line on stderr
};

class PropagateBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(PropagateBadInput, ExitsWithStatus2AndOneClearLine) {
  const BadInput& bad = GetParam();
  const CliRun run = rampart(with(bad.option, bad.value));
  EXPECT_EQ(run.status, 2) << run.out << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, bad.message + "\n");
}

INSTANTIATE_TEST_SUITE_P(
    Messages, PropagateBadInput,
    ::testing::Values(
        BadInput{"--lat", "95", "--lat: error: latitude 95 is outside [-90, 90] degrees"},
        BadInput{"--lat", "-90.5", "--lat: error: latitude -90.5 is outside [-90, 90] degrees"},
        BadInput{"--lat", "north", "--lat: error: expected a number, got \"north\""},
        BadInput{"--lon", "180.25", "--lon: error: longitude 180.25 is outside [-180, 180] degrees"},
        BadInput{"--lon", "-181", "--lon: error: longitude -181 is outside [-180, 180] degrees"},
        BadInput{"--alt", "-1", "--alt: error: altitude -1 m is below the ground (the ellipsoid surface, 0 m)"},
        BadInput{"--mass", "0", "--mass: error: mass must be positive, got 0 kg"},
        BadInput{"--mass", "-3", "--mass: error: mass must be positive, got -3 kg"},
        BadInput{"--area", "0", "--area: error: reference area must be positive, got 0 m^2"},
        BadInput{"--duration", "0", "--duration: error: duration must be positive, got 0 s"},
        BadInput{"--output-step", "-1", "--output-step: error: output step must be positive, got -1 s"},
        BadInput{"--output-step", "0", "--output-step: error: output step must be positive, got 0 s"},
        BadInput{"--cd", "-0.1", "--cd: error: drag coefficient must not be negative, got -0.1"},
        BadInput{"--velocity-ned", "1,2",
                 "--velocity-ned: error: expected three numbers VN,VE,VD in m/s (north, east, down), got \"1,2\""},
        BadInput{"--velocity-ned", "1,x,3",
                 "--velocity-ned: error: expected three numbers VN,VE,VD in m/s (north, east, down), got \"1,x,3\""},
        BadInput{"--velocity-ned", "1,2,3,4",
                 "--velocity-ned: error: expected three numbers VN,VE,VD in m/s (north, east, down), got "
                 "\"1,2,3,4\""}),
    [](const auto& info) { return fmt::format("Case{}", info.index); });

TEST(PropagateCli, UnknownEarthIsAnInputError) {
  const CliRun run = rampart(with("--earth", "mars"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("--earth: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("mars"), std::string::npos) << run.err;
  EXPECT_EQ(lines(run.err).size(), 1u) << run.err;
}

TEST(PropagateCli, MissingOptionIsExitStatus2) {
  auto a = valid();
  const auto mass = std::find(a.begin(), a.end(), "--mass");
  ASSERT_NE(mass, a.end());
  a.erase(mass, mass + 2);  // --mass KG
  const CliRun run = rampart(a);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--mass"), std::string::npos) << run.err;
}

TEST(PropagateCli, NegativeValuesAfterASpaceAreValues) {
  const CliRun run = rampart(with("--lat", "-45.5"));
  EXPECT_EQ(run.status, 0) << run.err;
  const CliRun v = rampart(with("--velocity-ned", "-10,20,-30"));
  EXPECT_EQ(v.status, 0) << v.err;
}

// Dropped at rest from 100 m at the North Pole in vacuum (Cd = 0): on the
// axis the air and the ground do not turn away, and gravity is
// g = GM/r^2 (1 - 3 J2 (a/r)^2) (the J2 potential's radial derivative at
// P2 = 1), so the fall takes sqrt(2 h / g). g changes by 2 h / r = 3.1e-5
// over the drop; evaluated at mid-height it gives the fall time to better
// than a quarter of that (0.8e-5 relative).
TEST(PropagateCli, GroundImpactIsLocatedReportedAndTheLastRow) {
  const double h = 100.0;
  const auto drop = [&](std::vector<std::string> extra) {
    std::vector<std::string> a{"propagate", "--lat",  "90",  "--lon", "0",  "--alt", fmt::format("{}", h),
                               "--velocity-ned", "0,0,0", "--mass", "1", "--area", "1",   "--cd",  "0",
                               "--duration", "60"};
    a.insert(a.end(), extra.begin(), extra.end());
    return rampart(a);
  };
  const earth::EarthModel wgs84(earth::EarthKind::kWgs84);
  const double a = wgs84.parameters().equatorial_radius_m;
  const double r = a * (1.0 - wgs84.parameters().flattening) + 0.5 * h;
  const double g = wgs84.gm() / (r * r) * (1.0 - 3.0 * wgs84.parameters().j2 * (a / r) * (a / r));
  const double t_fall = std::sqrt(2.0 * h / g);

  const CliRun csv = drop({"--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  const auto rows = lines(csv.out);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], kHeader);
  // Rows at 0, 1, 2, 3, 4 s and the impact (~4.5 s).
  ASSERT_EQ(rows.size(), 1u + 5u + 1u);
  const auto last = fields(rows.back());
  EXPECT_NEAR(last[0], t_fall, 0.8e-5 * t_fall);
  // The altitude at the located event: the event function's height (Bowring,
  // < 1 mm per earth_model.hpp) plus the event-time bracket (1 ns at 44 m/s),
  // the dense output's error (~ the local error, < 1e-6 m) and the printed
  // rounding (5e-7 m).
  EXPECT_NEAR(last[3], 0.0, 1e-3 + 44.0 * 1e-9 + 1e-6 + 5e-7);
  EXPECT_NEAR(last[6], g * t_fall, 1e-4 * g * t_fall);
  EXPECT_NE(csv.err.find("ground impact at t = "), std::string::npos) << csv.err;

  const CliRun json = drop({"--json"});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto array = nlohmann::json::parse(json.out);
  EXPECT_EQ(array.size(), 6u);
  EXPECT_NEAR(array.back()["alt_m"].get<double>(), 0.0, 1e-3 + 1e-6);
  EXPECT_NE(json.err.find("ground impact"), std::string::npos) << json.err;

  const CliRun table = drop({});
  ASSERT_EQ(table.status, 0) << table.err;
  const auto table_lines = lines(table.out);
  EXPECT_EQ(table_lines.back().rfind("ground impact at t = ", 0), 0u) << table.out;
  EXPECT_EQ(table.err, "");
}

TEST(PropagateCli, OnTheGroundGoingDownIsAnImmediateImpact) {
  auto arguments = with("--alt", "0");
  arguments.insert(arguments.end(), {"--format", "csv"});
  const CliRun run = rampart(arguments);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines(run.out).size(), 2u);
  EXPECT_NE(run.err.find("ground impact at t = 0 s"), std::string::npos) << run.err;
}

TEST(PropagateCli, SphericalEarthHasNoAtmosphere) {
  const CliRun run = rampart(valid({"--earth", "spherical", "--format", "csv"}));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("no atmosphere"), std::string::npos) << run.err;
  // Vacuum fall for 5 s from rest on a sphere that does not turn: v_down = g t
  // with g = GM / r^2 at the start; g grows by 2 dh / r (dh ~ 123 m fallen)
  // on the way down, which bounds the difference.
  const earth::EarthModel sphere(earth::EarthKind::kSpherical);
  const auto last = fields(lines(run.out).back());
  const double r = sphere.parameters().equatorial_radius_m + 10000.0;
  const double v = sphere.gm() / (r * r) * 5.0;
  EXPECT_GT(last[6], v);
  EXPECT_LT(last[6], v * (1.0 + 2.0 * 123.0 / r));
  EXPECT_EQ(last[1], 0.0);  // straight down
  EXPECT_EQ(last[2], 0.0);
}

}  // namespace
}  // namespace rampart
