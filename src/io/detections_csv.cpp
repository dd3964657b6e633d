#include "rampart/io/detections_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <ostream>

#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::io {

void write_detections_csv(std::ostream& out, const std::vector<sense::Detection>& detections,
                          const std::vector<std::string>& sensor_names) {
  out << kDetectionsCsvHeader << '\n';
  for (const auto& d : detections) {
    // "{}" is the shortest text that reads back as the same double.
    out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", d.t_s, sensor_names.at(d.sensor), d.z(0), d.z(1), d.z(2),
                       std::sqrt(d.R(0, 0)), std::sqrt(d.R(1, 1)), std::sqrt(d.R(2, 2)), d.snr,
                       d.truth_id ? std::to_string(*d.truth_id) : std::string());
  }
}

namespace {

/// Splits a CSV line on commas, remembering each field's 1-based column.
struct Field {
  std::string text;
  int column;
};

std::vector<Field> split(const std::string& line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string::npos ? line.size() : comma;
    fields.push_back({line.substr(start, end - start), static_cast<int>(start) + 1});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

}  // namespace

std::vector<sense::Detection> read_detections_csv(const std::string& path,
                                                  const std::vector<std::string>& sensor_names) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path}, "cannot open the detections file");
  std::string line;
  int line_number = 1;
  if (!std::getline(in, line)) throw InputError(SourceLocation{path, 1, 1}, "empty file: expected the header");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != kDetectionsCsvHeader) {
    throw InputError(SourceLocation{path, 1, 1},
                     std::string("expected the header \"") + kDetectionsCsvHeader + "\"");
  }
  constexpr std::size_t kColumns = 10;
  std::vector<sense::Detection> detections;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto fields = split(line);
    const auto at = [&](std::size_t i) {
      return SourceLocation{path, line_number, i < fields.size() ? fields[i].column : static_cast<int>(line.size()) + 1};
    };
    if (fields.size() != kColumns) {
      throw InputError(at(std::min(fields.size(), kColumns)),
                       fmt::format("expected {} comma-separated fields, found {}", kColumns, fields.size()));
    }
    const auto number = [&](std::size_t i) {
      const double x = parse_number(fields[i].text, at(i));
      return x;
    };
    sense::Detection d;
    d.t_s = number(0);
    const auto name = std::find(sensor_names.begin(), sensor_names.end(), fields[1].text);
    if (name == sensor_names.end()) {
      std::string message = "unknown sensor \"" + fields[1].text + "\"";
      if (const auto suggestion = did_you_mean(fields[1].text, sensor_names)) {
        message += " (did you mean \"" + *suggestion + "\"?)";
      }
      throw InputError(at(1), message);
    }
    d.sensor = static_cast<sense::SensorId>(name - sensor_names.begin());
    d.z = Vec3(number(2), number(3), number(4));
    if (!(d.z(0) > 0.0)) throw InputError(at(2), "range must be positive");
    const Vec3 sigma(number(5), number(6), number(7));
    for (int i = 0; i < 3; ++i) {
      if (!(sigma(i) > 0.0)) throw InputError(at(5 + static_cast<std::size_t>(i)), "sigma must be positive");
    }
    d.R = sigma.cwiseAbs2().asDiagonal();
    d.snr = number(8);
    if (!fields[9].text.empty()) {
      const double id = number(9);
      if (!(id >= 0.0 && id == std::floor(id) && id < 4294967296.0)) {
        throw InputError(at(9), "truth_id must be a non-negative integer or empty");
      }
      d.truth_id = static_cast<sense::TruthId>(id);
    }
    if (!detections.empty() && d.t_s < detections.back().t_s) {
      throw InputError(at(0), "detections must be in time order");
    }
    detections.push_back(d);
  }
  return detections;
}

}  // namespace rampart::io
