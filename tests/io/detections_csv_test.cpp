// The detections CSV: written detections read back bit-identical, and every
// malformed line an InputError at its file, line and column.

#include "rampart/io/detections_csv.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rampart/core/error.hpp"
#include "rampart/core/random.hpp"

namespace rampart::io {
namespace {

const std::vector<std::string> kSensors{"kurecik", "deveselu", "redzikowo"};

std::string write_temp(const std::string& text) {
  static int counter = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_detections_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv");
  std::ofstream(path) << text;
  return path.string();
}

TEST(DetectionsCsv, RoundTripIsBitIdentical) {
  // Random values with full 53-bit mantissas: only an exact shortest
  // representation survives the text round trip unchanged.
  RandomStream rng(7, 1);
  std::vector<sense::Detection> detections;
  double t = 0.0;
  for (int i = 0; i < 200; ++i) {
    sense::Detection d;
    t += rng.uniform(0.0, 2.0);
    d.t_s = t;
    d.sensor = static_cast<sense::SensorId>(i % 3);
    d.z = Vec3(rng.uniform(1e3, 3e6), rng.uniform(0.0, 6.28), rng.uniform(-0.1, 1.5));
    const Vec3 sigma(rng.uniform(1.0, 100.0), rng.uniform(1e-5, 1e-2), rng.uniform(1e-5, 1e-2));
    d.R = sigma.cwiseAbs2().asDiagonal();
    d.snr = rng.uniform(10.0, 1e5);
    if (i % 5 != 0) d.truth_id = static_cast<sense::TruthId>(i % 7);
    detections.push_back(d);
  }
  std::ostringstream out;
  write_detections_csv(out, detections, kSensors);
  const std::string path = write_temp(out.str());
  const auto back = read_detections_csv(path, kSensors);
  std::filesystem::remove(path);
  ASSERT_EQ(back.size(), detections.size());
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].t_s, detections[i].t_s);
    EXPECT_EQ(back[i].sensor, detections[i].sensor);
    EXPECT_EQ(back[i].z, detections[i].z);
    // sigma = sqrt(R) written exactly; R = sigma^2 may differ from the
    // original R in the last bit (sqrt then square), which the tracker sees.
    for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(back[i].R(k, k), detections[i].R(k, k));
    EXPECT_EQ(back[i].snr, detections[i].snr);
    EXPECT_EQ(back[i].truth_id, detections[i].truth_id);
  }
}

std::string error_of(const std::string& body) {
  const std::string path = write_temp(body);
  try {
    read_detections_csv(path, kSensors);
  } catch (const InputError& e) {
    std::filesystem::remove(path);
    return std::string(e.what()).substr(path.size());
  }
  std::filesystem::remove(path);
  ADD_FAILURE() << "no error for:\n" << body;
  return "";
}

TEST(DetectionsCsv, MalformedLinesNameLineAndColumn) {
  const std::string header = std::string(kDetectionsCsvHeader) + "\n";
  const std::string good = "1.5,kurecik,1000000,1.2,0.3,20,0.001,0.001,100,3\n";
  EXPECT_EQ(error_of("time,sensor\n"), std::string(":1:1: error: expected the header \"") + kDetectionsCsvHeader + "\"");
  EXPECT_EQ(error_of(header + good + "2.0,kurecik,1000000,1.2,0.3,20,0.001,0.001,100\n"),
            ":3:47: error: expected 10 comma-separated fields, found 9");
  EXPECT_EQ(error_of(header + "2.0,kurecik,10km,1.2,0.3,20,0.001,0.001,100,\n"),
            ":2:13: error: expected a number, got \"10km\"");
  EXPECT_EQ(error_of(header + "2.0,kurecick,1000,1.2,0.3,20,0.001,0.001,100,\n"),
            ":2:5: error: unknown sensor \"kurecick\" (did you mean \"kurecik\"?)");
  EXPECT_EQ(error_of(header + "2.0,kurecik,1000,1.2,0.3,0,0.001,0.001,100,\n"), ":2:26: error: sigma must be positive");
  EXPECT_EQ(error_of(header + "2.0,kurecik,1000,1.2,0.3,20,0.001,0.001,100,-1\n"),
            ":2:45: error: truth_id must be a non-negative integer or empty");
  EXPECT_EQ(error_of(header + good + "1.0,kurecik,1000,1.2,0.3,20,0.001,0.001,100,\n"),
            ":3:1: error: detections must be in time order");
}

}  // namespace
}  // namespace rampart::io
