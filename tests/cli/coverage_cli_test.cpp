// `rampart coverage` as a user meets it: it writes its three files, bad
// altitude lists are one line naming --altitudes and exit 2, and the shipped
// a2ad scenario validates and, as a check of the geometry, puts Vilnius
// inside the Kaliningrad-area 40N6-class bubble at 10 km.

#include <gtest/gtest.h>
#include <unistd.h>

#include <GeographicLib/Geodesic.hpp>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::temp_dir;
using testing::slurp;
using testing::split_lines;

const std::string kA2ad = std::string(RAMPART_TEST_DATA_DIR) + "/../../scenarios/a2ad.yaml";
const std::string kPlaces = std::string(RAMPART_TEST_DATA_DIR) + "/../../data/places.yaml";

TEST(CoverageCli, A2adValidates) {
  const auto run = run_rampart({"validate", kA2ad});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find(": ok: 1 threat, 4 radars, 4 batteries"), std::string::npos) << run.out;
}

TEST(CoverageCli, WritesItsFilesAndCoversVilniusAtTenKilometres) {
  const auto dir = temp_dir("rampart_coverage");
  const auto run = run_rampart({"coverage", kA2ad, "--altitudes", "0.1,10 km", "--places", kPlaces, "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("chernyakhovsk-40n6"), std::string::npos);

  const auto geojson = nlohmann::json::parse(slurp(dir / "coverage.geojson"));
  EXPECT_EQ(geojson["type"], "FeatureCollection");
  // 4 batteries and 4 radars at 2 altitudes.
  ASSERT_EQ(geojson["features"].size(), 16u);
  for (const auto& f : geojson["features"]) {
    for (const char* key : {"system", "kind", "altitude_m", "area_km2", "max_range_m"}) {
      EXPECT_TRUE(f["properties"].contains(key)) << key;
    }
    if (f["geometry"].is_null()) continue;
    const auto& ring = f["geometry"]["coordinates"][0];
    EXPECT_EQ(ring.front(), ring.back());  // closed
  }

  const auto csv = split_lines(slurp(dir / "reach.csv"));
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv[0], "place,system,kind,altitude_m,distance_m,azimuth_deg,reach_m,covered");

  const auto reach = nlohmann::json::parse(slurp(dir / "reach.json"));
  bool found = false;
  for (const auto& row : reach["rows"]) {
    if (row["place"] != "Vilnius" || row["system"] != "chernyakhovsk-40n6") continue;
    if (row["altitude_m"].get<double>() != 10000.0) continue;
    found = true;
    EXPECT_TRUE(row["covered"].get<bool>());
    // Independent geometry: the geodesic from the Chernyakhovsk site to
    // Vilnius, against the smaller of the 380 km class range and the
    // textbook horizon of a 60 m antenna and a 10 km target.
    const GeographicLib::Geodesic geodesic(6378137.0, 1.0 / 298.257223563);
    double s12 = 0.0;
    geodesic.Inverse(54.63, 21.81, 54.69, 25.28, s12);
    EXPECT_NEAR(row["distance_m"].get<double>(), s12, 1.0);
    const double kr = 4.0 / 3.0 * 6371008.8;
    EXPECT_LT(s12, std::min(380000.0, std::sqrt(2.0 * kr * 60.0) + std::sqrt(2.0 * kr * 10000.0)));
  }
  EXPECT_TRUE(found);
  std::filesystem::remove_all(dir);
}

TEST(CoverageCli, BadAltitudesAreBadInput) {
  for (const std::string bad : {"0.1,1,10", "1,,2 km", "a,b km", "-1 km", "1,2 kg", ""}) {
    const auto run = run_rampart({"coverage", kA2ad, "--altitudes", bad, "-o", temp_dir("rampart_cov_bad").string()});
    EXPECT_EQ(run.status, 2) << bad;
    EXPECT_EQ(run.err.rfind("--altitudes: error: ", 0), 0u) << bad << ": " << run.err;
    EXPECT_EQ(split_lines(run.err).size(), 1u) << run.err;
  }
}

TEST(CoverageCli, MissingPlacesFileIsBadInput) {
  const auto run = run_rampart({"coverage", kA2ad, "--places", "/nonexistent/places.yaml", "-o",
                                temp_dir("rampart_cov_noplaces").string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("/nonexistent/places.yaml"), std::string::npos);
}

}  // namespace
}  // namespace rampart
