#pragma once
// The parts of report.html (io/report.hpp), one file each under src/io/:
// report_files.cpp (reading the result files), report_frame.cpp (the map
// projection, the Natural Earth basemap, polyline simplification),
// report_map.cpp, report_profiles.cpp, report_timeline.cpp,
// report_tables.cpp (a run), report_study.cpp (a Monte Carlo study),
// report_analysis.cpp (footprint, compare, coverage) and report_page.cpp
// (what DIR holds, the page around the sections).

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rampart/io/footprint_outputs.hpp"

namespace rampart::io::report {

// ---------------------------------------------------------------- files

/// A JSON file; InputError naming it if it cannot be read or parsed.
nlohmann::json read_json(const std::filesystem::path& path);
/// A JSON-lines file (events.jsonl): one object per non-empty line.
std::vector<nlohmann::json> read_json_lines(const std::filesystem::path& path);
/// A CSV file without quoting (what rampart writes): rows of fields, header included.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path);

/// One sampled object of trajectories.csv.
struct Trajectory {
  std::string name;     ///< threat name, or BATTERY-N for an interceptor
  bool threat = true;
  std::vector<double> t_s, lat_deg, lon_deg, alt_m;
};
/// trajectories.csv, objects in the order they first appear.
std::vector<Trajectory> read_trajectories(const std::filesystem::path& path);

/// What a `rampart run` (or `mc --rerun`) left in a folder.
struct RunFiles {
  nlohmann::json summary;                     ///< summary.json
  std::vector<nlohmann::json> events;         ///< events.jsonl (empty if absent)
  std::vector<Trajectory> trajectories;       ///< trajectories.csv (empty if absent)
  std::optional<nlohmann::json> geojson;      ///< scenario.geojson
};
RunFiles read_run_files(const std::filesystem::path& dir);

// ---------------------------------------------------------------- text

/// A number with `decimals` decimals ("-" for a JSON null or a non-number).
std::string number(const nlohmann::json& value, int decimals);
std::string number(double value, int decimals);
/// A JSON string or number as text ("-" for null).
std::string text_of(const nlohmann::json& value);
/// Escapes text for HTML and XML (content and attribute values).
std::string escape(const std::string& text);
/// The heading of a section and its anchor, e.g. <h2 id="map">Map</h2>.
std::string heading(const std::string& id, const std::string& title, int level = 2);

// ---------------------------------------------------------------- map frame

/// A lon/lat box in degrees.
struct GeoBox {
  double lon0 = 180, lat0 = 90, lon1 = -180, lat1 = -90;
  void add(double lon, double lat);
  bool empty() const { return lon0 > lon1; }
  /// Grown by `fraction` of its size, at least `min_deg` each way.
  GeoBox padded(double fraction, double min_deg) const;
};

/// An equirectangular map of a box, x stretched by the cosine of its middle
/// latitude (true to scale there), `width_px` wide, points rounded to 0.1 px.
class GeoFrame {
 public:
  GeoFrame(const GeoBox& box, double width_px);
  double x(double lon_deg) const { return (lon_deg - box_.lon0) * kx_; }
  double y(double lat_deg) const { return (box_.lat1 - lat_deg) * ky_; }
  double width() const { return width_; }
  double height() const { return height_; }
  const GeoBox& box() const { return box_; }
  /// An SVG path `d` ("M x y L ...") of a lon/lat polyline, simplified
  /// (Douglas-Peucker, `tolerance_px`), with "Z" when `closed`; empty when
  /// the line is entirely more than a map away from the box.
  std::string path(const std::vector<std::pair<double, double>>& lon_lat, double tolerance_px = 0.4,
                   bool closed = false) const;
  /// <g id="ID-basemap"> with the Natural Earth coastlines and borders.
  std::string basemap(const std::string& id_prefix) const;
  /// The attribution line for the basemap.
  static std::string attribution();

 private:
  GeoBox box_;
  double kx_, ky_, width_, height_;
};

/// data/borders.csv (RAMPART_DATA_DIR may override the data folder).
std::string default_borders_path();

/// The outer rings (lon, lat) of a GeoJSON Polygon or MultiPolygon (none for anything else).
std::vector<std::vector<std::pair<double, double>>> outer_rings(const nlohmann::json& geometry);

/// A polyline simplified with Douglas-Peucker: the indices of the points kept.
std::vector<std::size_t> simplify(const std::vector<std::pair<double, double>>& xy, double tolerance);

// ---------------------------------------------------------------- charts

/// A plot area of an SVG chart: data ranges [x0, x1] x [y0, y1] drawn in the
/// pixel box left..left+width, top..top+height (y up).
struct Chart {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  double left = 64, top = 16, width = 860, height = 300;
  bool integer_x = false;  ///< x ticks at whole numbers only (counts)
  bool log_x = false;      ///< x on a log10 scale (x0 > 0), ticks at powers of ten
  double px(double x) const {
    if (log_x) return left + std::log10(x / x0) / std::log10(x1 / x0) * width;
    return left + (x - x0) / (x1 - x0) * width;
  }
  double py(double y) const { return top + height - (y - y0) / (y1 - y0) * height; }
  /// The whole SVG's size: the plot area with room for the axis labels.
  double svg_width() const { return left + width + 24; }
  double svg_height() const { return top + height + 48; }
  /// Grid lines, tick labels (about 6 per axis, at 1, 2 or 5 times a power of
  /// ten) and the axis titles.
  std::string axes(const std::string& x_title, const std::string& y_title) const;
};

/// A "nice" upper end for an axis that must show `value` (1, 2, 2.5, 5 x 10^k).
double nice_ceiling(double value);

// ---------------------------------------------------------------- sections

/// A run: map, profiles, timeline and tables. `prefix` makes the element ids
/// unique when several runs share a page ("" for the main run).
std::string run_sections(const RunFiles& run, const std::string& prefix, const std::string& title);
std::string run_map(const RunFiles& run, const std::string& prefix);
std::string run_profiles(const RunFiles& run, const std::string& prefix);
std::string run_timeline(const RunFiles& run, const std::string& prefix);
std::string run_tables(const RunFiles& run, const std::string& prefix);

/// A Monte Carlo study: the aggregates of summary.json and, from the store
/// (when present), histograms and the convergence of P(no leaker).
std::string study_sections(const std::filesystem::path& dir, const nlohmann::json& summary);

/// Footprint (summary.json + footprint.csv + footprint.svg), compare
/// (compare.json + difference.svg) and coverage (coverage.geojson, reach.json).
std::string footprint_sections(const std::filesystem::path& dir, const nlohmann::json& summary);
std::string compare_sections(const std::filesystem::path& dir);
std::string coverage_sections(const std::filesystem::path& dir);

/// An SVG file of DIR put inline into the page, its element ids (and the
/// url(#...) references to them) prefixed with `prefix` so that several
/// SVGs can share one page.
std::string inline_svg(const std::filesystem::path& path, const std::string& prefix);

}  // namespace rampart::io::report
