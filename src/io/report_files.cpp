// Reading the result files a report is made of, and the small text helpers
// every section uses. A file that is there but cannot be read is the user's
// problem (an InputError naming it); a file that is absent is a section the
// report leaves out.

#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "rampart/core/error.hpp"
#include "rampart/io/report_sections.hpp"
#include "rampart/io/xml_escape.hpp"

namespace rampart::io::report {

namespace fs = std::filesystem;

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path.string()}, "cannot read the file");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(SourceLocation{path.string()}, std::string("not valid JSON: ") + e.what());
  }
}

std::vector<nlohmann::json> read_json_lines(const fs::path& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  if (!in) return lines;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty()) continue;
    try {
      lines.push_back(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(SourceLocation{path.string(), number, 1}, std::string("not valid JSON: ") + e.what());
    }
  }
  return lines;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  if (!in) return rows;
  std::string text;
  while (std::getline(in, text)) {
    if (text.empty() || text[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = text.find(',', start);
      fields.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

namespace {

double to_double(const std::string& field, const fs::path& path, int line) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (error != std::errc() || end != field.data() + field.size()) {
    throw InputError(SourceLocation{path.string(), line, 1}, "expected a number, got \"" + field + "\"");
  }
  return value;
}

}  // namespace

std::vector<Trajectory> read_trajectories(const fs::path& path) {
  std::vector<Trajectory> objects;
  const auto rows = read_csv(path);
  std::map<std::string, std::size_t> index;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const int line = static_cast<int>(r + 1);
    if (row.size() < 6) throw InputError(SourceLocation{path.string(), line, 1}, "expected object,kind,t_s,lat_deg,lon_deg,alt_m");
    auto [it, added] = index.emplace(row[0], objects.size());
    if (added) {
      objects.emplace_back();
      objects.back().name = row[0];
      objects.back().threat = row[1] != "interceptor";
    }
    Trajectory& t = objects[it->second];
    t.t_s.push_back(to_double(row[2], path, line));
    t.lat_deg.push_back(to_double(row[3], path, line));
    t.lon_deg.push_back(to_double(row[4], path, line));
    t.alt_m.push_back(to_double(row[5], path, line));
  }
  return objects;
}

RunFiles read_run_files(const fs::path& dir) {
  RunFiles run;
  run.summary = read_json(dir / "summary.json");
  run.events = read_json_lines(dir / "events.jsonl");
  if (fs::exists(dir / "trajectories.csv")) run.trajectories = read_trajectories(dir / "trajectories.csv");
  if (fs::exists(dir / "scenario.geojson")) run.geojson = read_json(dir / "scenario.geojson");
  return run;
}

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return value > 0 ? "∞" : value < 0 ? "−∞" : "-";
  return fmt::format("{:.{}f}", value, decimals);
}

std::string number(const nlohmann::json& value, int decimals) {
  if (!value.is_number()) return "-";
  return number(value.get<double>(), decimals);
}

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "-";
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return fmt::format("{:g}", value.get<double>());
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : ", ") + text_of(item);
    return joined.empty() ? "-" : joined;
  }
  return value.dump();
}

std::string escape(const std::string& text) { return xml_escape(text); }

std::string heading(const std::string& id, const std::string& title, int level) {
  return fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, escape(id), escape(title));
}

}  // namespace rampart::io::report
