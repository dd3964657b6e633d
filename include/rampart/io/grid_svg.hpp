#pragma once
// The map frame that footprint.svg and difference.svg share: an
// equirectangular projection of a footprint grid (true to scale at its
// middle latitude), the SVG header with the map clipped, grid cells,
// Natural Earth coastlines, batteries and the fixed launch point. Each
// writer adds its own cells' colours and legend.

#include <string>
#include <vector>

#include "rampart/analysis/footprint.hpp"
#include "rampart/earth/earth_model.hpp"

namespace rampart::io {

struct Coastline;

class GridSvgMap {
 public:
  /// A 900 px wide map of `grid` with `legend_height_px` below it for the legend.
  GridSvgMap(const analysis::FootprintGrid& grid, double legend_height_px);

  double x(double lon_deg) const;
  double y(double lat_deg) const;
  double left() const { return left_; }
  /// Top of the legend area, below the map.
  double legend_top() const { return top_ + map_h_ + 15.0; }

  /// The <svg> element, the title, <defs> (the map's clip path and `extra_defs`),
  /// and the opened clipped group with a white background.
  std::string begin(const std::string& title, int title_font_size, const std::string& extra_defs = "") const;
  /// One grid cell filled with `fill` (a hair wider so anti-aliasing leaves no seams).
  std::string cell(std::size_t row, std::size_t column, const std::string& fill) const;
  /// The coastlines that come within 5 degrees of the map.
  std::string coastlines(const std::vector<Coastline>& lines) const;
  /// A battery as a triangle filled with `fill`, its name as a tooltip.
  std::string battery(const earth::Geodetic& location, const std::string& name, const std::string& fill,
                      double stroke_width = 1.0) const;
  /// The fixed launch point (or aim) as a red cross.
  std::string cross(const earth::Geodetic& point) const;
  /// Closes the clipped group and frames the map.
  std::string end_map() const;

 private:
  analysis::FootprintGrid grid_;
  double lat0_, lon0_, lat1_, lon1_;
  double stretch_, scale_, map_w_, map_h_, legend_h_;
  double left_ = 20.0, top_ = 50.0;
};

}  // namespace rampart::io
