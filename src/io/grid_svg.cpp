#include "rampart/io/grid_svg.hpp"

#include <fmt/core.h>

#include <cmath>

#include "rampart/core/constants.hpp"
#include "rampart/io/footprint_outputs.hpp"
#include "rampart/io/xml_escape.hpp"

namespace rampart::io {

GridSvgMap::GridSvgMap(const analysis::FootprintGrid& grid, double legend_height_px)
    : grid_(grid),
      lat0_(grid.box.lat0_deg),
      lon0_(grid.box.lon0_deg),
      lat1_(lat0_ + static_cast<double>(grid.rows()) * grid.step_deg),
      lon1_(lon0_ + static_cast<double>(grid.columns()) * grid.step_deg),
      stretch_(std::cos(0.5 * (lat0_ + lat1_) * constants::kDegToRad)),
      scale_(900.0 / ((lon1_ - lon0_) * stretch_)),
      map_w_(900.0),
      map_h_((lat1_ - lat0_) * scale_),
      legend_h_(legend_height_px) {}

double GridSvgMap::x(double lon_deg) const { return left_ + (lon_deg - lon0_) * stretch_ * scale_; }
double GridSvgMap::y(double lat_deg) const { return top_ + (lat1_ - lat_deg) * scale_; }

std::string GridSvgMap::begin(const std::string& title, int title_font_size, const std::string& extra_defs) const {
  const double width = map_w_ + 2 * left_, height = top_ + map_h_ + legend_h_;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "font-family=\"sans-serif\">\n",
      width, height, width, height);
  svg += fmt::format("<title>{}</title>\n", xml_escape(title));
  svg += fmt::format("<text x=\"{:.0f}\" y=\"30\" font-size=\"{}\">{}</text>\n", left_, title_font_size,
                     xml_escape(title));
  svg += fmt::format(
      "<defs><clipPath id=\"map\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/></clipPath>{}"
      "</defs>\n<g clip-path=\"url(#map)\">\n",
      left_, top_, map_w_, map_h_, extra_defs);
  svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#ffffff\"/>\n", left_,
                     top_, map_w_, map_h_);
  return svg;
}

std::string GridSvgMap::cell(std::size_t row, std::size_t column, const std::string& fill) const {
  const double side = grid_.step_deg * scale_;
  return fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>\n",
                     x(grid_.cell_lon0_deg(column)), y(grid_.cell_lat0_deg(row) + grid_.step_deg),
                     side * stretch_ + 0.3, side + 0.3, fill);
}

std::string GridSvgMap::coastlines(const std::vector<Coastline>& lines) const {
  std::string svg;
  for (const auto& line : lines) {
    std::string points;
    bool inside = false;
    for (const auto& [lon, lat] : line.lon_lat_deg) {
      inside = inside || (lon >= lon0_ - 5 && lon <= lon1_ + 5 && lat >= lat0_ - 5 && lat <= lat1_ + 5);
      points += fmt::format("{:.1f},{:.1f} ", x(lon), y(lat));
    }
    if (!inside || line.lon_lat_deg.size() < 2) continue;
    points.pop_back();
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#202020\" stroke-width=\"0.8\"/>\n", points);
  }
  return svg;
}

std::string GridSvgMap::battery(const earth::Geodetic& location, const std::string& name, const std::string& fill,
                                double stroke_width) const {
  const double bx = x(location.lon_rad * constants::kRadToDeg);
  const double by = y(location.lat_rad * constants::kRadToDeg);
  return fmt::format(
      "<polygon points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\" stroke=\"#000000\" "
      "stroke-width=\"{:g}\"><title>{}</title></polygon>\n",
      bx, by - 7, bx - 6, by + 5, bx + 6, by + 5, fill, stroke_width, xml_escape(name));
}

std::string GridSvgMap::cross(const earth::Geodetic& point) const {
  const double fx = x(point.lon_rad * constants::kRadToDeg);
  const double fy = y(point.lat_rad * constants::kRadToDeg);
  return fmt::format(
      "<path d=\"M{:.1f},{:.1f}L{:.1f},{:.1f}M{:.1f},{:.1f}L{:.1f},{:.1f}\" stroke=\"#e41a1c\" stroke-width=\"3\"/>\n",
      fx - 7, fy - 7, fx + 7, fy + 7, fx - 7, fy + 7, fx + 7, fy - 7);
}

std::string GridSvgMap::end_map() const {
  std::string svg = "</g>\n";
  svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" stroke=\"#000000\"/>\n",
                     left_, top_, map_w_, map_h_);
  return svg;
}

}  // namespace rampart::io
