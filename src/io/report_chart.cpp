// Axes for the report's SVG charts (profiles, histograms, convergence):
// ticks at round numbers so that a reader can read values off the chart.

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {
namespace {

/// A tick step giving about `count` ticks over `span`: 1, 2 or 5 x 10^k.
double tick_step(double span, int count) {
  if (!(span > 0)) return 1.0;
  const double raw = span / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double m = raw / power;
  return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * power;
}

std::string tick_label(double value, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return fmt::format("{:.{}f}", value, decimals);
}

}  // namespace

double nice_ceiling(double value) {
  if (!(value > 0)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= value * (1 - 1e-12)) return m * power;
  }
  return 10 * power;
}

std::string Chart::axes(const std::string& x_title, const std::string& y_title) const {
  std::string svg = "<g class=\"axes\">\n";
  const double xs = integer_x ? std::max(1.0, tick_step(x1 - x0, 8)) : tick_step(x1 - x0, 8);
  const double ys = tick_step(y1 - y0, 6);
  std::vector<double> x_ticks;
  if (log_x) {
    for (double v = std::pow(10.0, std::ceil(std::log10(x0) - 1e-9)); v <= x1 * (1 + 1e-9); v *= 10) x_ticks.push_back(v);
  } else {
    for (double v = std::ceil(x0 / xs - 1e-9) * xs; v <= x1 + 1e-9 * xs; v += xs) x_ticks.push_back(v);
  }
  for (const double v : x_ticks) {
    const double x = px(v);
    svg += fmt::format("<path class=\"grid\" d=\"M{0:.1f} {1:.1f} V{2:.1f}\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
                       "text-anchor=\"middle\">{4}</text>\n",
                       x, top, top + height, top + height + 16, tick_label(std::abs(v) < 1e-12 ? 0.0 : v, log_x ? 1.0 : xs));
  }
  for (double v = std::ceil(y0 / ys - 1e-9) * ys; v <= y1 + 1e-9 * ys; v += ys) {
    const double y = py(v);
    svg += fmt::format("<path class=\"grid\" d=\"M{0:.1f} {1:.1f} H{2:.1f}\"/><text x=\"{3:.1f}\" y=\"{4:.1f}\" "
                       "text-anchor=\"end\">{5}</text>\n",
                       left, y, left + width, left - 6, y + 4, tick_label(std::abs(v) < 1e-12 ? 0.0 : v, ys));
  }
  svg += fmt::format("<rect class=\"plot-frame\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>\n", left,
                     top, width, height);
  svg += fmt::format("<text class=\"axis-title\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                     left + width / 2, top + height + 38, escape(x_title));
  svg += fmt::format(
      "<text class=\"axis-title\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
      14.0, top + height / 2, escape(y_title));
  svg += "</g>\n";
  return svg;
}

}  // namespace rampart::io::report
