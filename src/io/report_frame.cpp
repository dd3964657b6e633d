// The map frame of the report: an equirectangular projection true to scale
// at the middle latitude (the same as footprint.svg's, so the maps look
// alike), polylines simplified to what a screen shows (Douglas-Peucker at
// under half a pixel, coordinates to 0.1 px) and cut to the neighbourhood of
// the map, so that a world basemap costs only the part that is seen.

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "rampart/core/constants.hpp"
#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {

void GeoBox::add(double lon, double lat) {
  lon0 = std::min(lon0, lon);
  lon1 = std::max(lon1, lon);
  lat0 = std::min(lat0, lat);
  lat1 = std::max(lat1, lat);
}

GeoBox GeoBox::padded(double fraction, double min_deg) const {
  GeoBox b = *this;
  const double dlon = std::max(fraction * (lon1 - lon0), min_deg);
  const double dlat = std::max(fraction * (lat1 - lat0), min_deg);
  b.lon0 = std::max(-180.0, lon0 - dlon);
  b.lon1 = std::min(180.0, lon1 + dlon);
  b.lat0 = std::max(-85.0, lat0 - dlat);
  b.lat1 = std::min(85.0, lat1 + dlat);
  return b;
}

GeoFrame::GeoFrame(const GeoBox& box, double width_px) : box_(box) {
  if (box_.empty()) box_ = GeoBox{-10, 35, 40, 60};
  const double stretch = std::max(0.2, std::cos(0.5 * (box_.lat0 + box_.lat1) * constants::kDegToRad));
  const double span_x = std::max(1e-6, (box_.lon1 - box_.lon0) * stretch);
  kx_ = width_px / span_x * stretch;
  ky_ = width_px / span_x;
  width_ = width_px;
  height_ = std::max(1e-6, box_.lat1 - box_.lat0) * ky_;
  // A very tall box would make a very tall map: cap the height, narrowing the width.
  if (height_ > 1.3 * width_px) {
    const double shrink = 1.3 * width_px / height_;
    kx_ *= shrink;
    ky_ *= shrink;
    width_ *= shrink;
    height_ *= shrink;
  }
}

std::vector<std::size_t> simplify(const std::vector<std::pair<double, double>>& xy, double tolerance) {
  const std::size_t n = xy.size();
  if (n < 3) {
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    return all;
  }
  std::vector<bool> keep(n, false);
  keep.front() = keep.back() = true;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    const double ax = xy[a].first, ay = xy[a].second;
    const double dx = xy[b].first - ax, dy = xy[b].second - ay;
    const double length = std::hypot(dx, dy);
    double worst = -1.0;
    std::size_t worst_i = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      const double px = xy[i].first - ax, py = xy[i].second - ay;
      const double d = length > 0 ? std::abs(px * dy - py * dx) / length : std::hypot(px, py);
      if (d > worst) {
        worst = d;
        worst_i = i;
      }
    }
    if (worst > tolerance) {
      keep[worst_i] = true;
      stack.emplace_back(a, worst_i);
      stack.emplace_back(worst_i, b);
    }
  }
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i]) kept.push_back(i);
  }
  return kept;
}

std::string GeoFrame::path(const std::vector<std::pair<double, double>>& lon_lat, double tolerance_px,
                           bool closed) const {
  // Points far outside the map are cut (a line leaving the map keeps one
  // point beyond its edge, so it runs on to the clip edge): the runs of
  // points near the map are drawn as separate subpaths.
  const double margin_lon = 0.25 * (box_.lon1 - box_.lon0), margin_lat = 0.25 * (box_.lat1 - box_.lat0);
  const auto near = [&](const std::pair<double, double>& p) {
    return p.first >= box_.lon0 - margin_lon && p.first <= box_.lon1 + margin_lon &&
           p.second >= box_.lat0 - margin_lat && p.second <= box_.lat1 + margin_lat;
  };
  const std::size_t n = lon_lat.size();
  std::vector<bool> wanted(n, false);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!near(lon_lat[i])) continue;
    any = true;
    wanted[i] = true;
    if (i > 0) wanted[i - 1] = true;
    if (i + 1 < n) wanted[i + 1] = true;
  }
  if (!any) return "";
  const bool whole = std::all_of(wanted.begin(), wanted.end(), [](bool w) { return w; });
  std::string d;
  std::size_t i = 0;
  while (i < n) {
    if (!wanted[i]) {
      ++i;
      continue;
    }
    std::vector<std::pair<double, double>> run;
    while (i < n && wanted[i]) {
      run.emplace_back(x(lon_lat[i].first), y(lon_lat[i].second));
      ++i;
    }
    if (run.size() < 2) continue;
    const auto kept = simplify(run, tolerance_px);
    double last_x = 0, last_y = 0;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      const double px = std::round(run[kept[k]].first * 10) / 10, py = std::round(run[kept[k]].second * 10) / 10;
      if (k > 0 && px == last_x && py == last_y) continue;
      d += fmt::format("{}{:g} {:g}", k == 0 ? (d.empty() ? "M" : " M") : " L", px, py);
      last_x = px;
      last_y = py;
    }
  }
  if (closed && whole && !d.empty()) d += " Z";
  return d;
}

std::string default_borders_path() {
  if (const char* dir = std::getenv("RAMPART_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/borders.csv";
  }
  return std::string(RAMPART_DATA_DIR) + "/borders.csv";
}

std::string GeoFrame::basemap(const std::string& id_prefix) const {
  const auto draw = [this](const std::vector<Coastline>& lines) {
    std::string d;
    for (const auto& line : lines) {
      const std::string part = path(line.lon_lat_deg, 0.5);
      if (!part.empty()) d += (d.empty() ? "" : " ") + part;
    }
    return d;
  };
  // A data folder without one of the files (an older RAMPART_DATA_DIR) gives
  // a map without that layer rather than no report.
  const auto layer = [&draw](const std::string& path, const char* cls) {
    if (!std::filesystem::exists(path)) return std::string();
    return fmt::format("<path class=\"{}\" d=\"{}\"/>\n", cls, draw(load_coastlines(path)));
  };
  std::string svg = fmt::format("<g id=\"{}basemap\">\n", id_prefix);
  svg += layer(default_coastlines_path(), "coastline");
  svg += layer(default_borders_path(), "border");
  svg += "</g>\n";
  return svg;
}

std::string GeoFrame::attribution() { return "Natural Earth, public domain, via world-atlas (ISC)"; }

}  // namespace rampart::io::report
