// Altitude-versus-range profiles of every threat and interceptor of a run:
// the ground range is the geodesic distance on the WGS-84 ellipsoid from the
// object's first sample (its launch point) to each sample's sub-point
// (GeographicLib, Karney 2013), the altitude the sample's height above the
// ellipsoid, both from trajectories.csv.

#include <GeographicLib/Geodesic.hpp>
#include <fmt/core.h>

#include <algorithm>

#include "rampart/io/report_sections.hpp"

namespace rampart::io::report {

std::string run_profiles(const RunFiles& run, const std::string& p) {
  if (run.trajectories.empty()) return "<p class=\"note\">No trajectories.csv in this folder: no profiles.</p>\n";
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  struct Profile {
    const Trajectory* object;
    std::vector<std::pair<double, double>> range_alt_km;
  };
  std::vector<Profile> profiles;
  double max_range = 0, max_alt = 0;
  for (const auto& t : run.trajectories) {
    Profile profile{&t, {}};
    for (std::size_t i = 0; i < t.t_s.size(); ++i) {
      double s12 = 0;
      wgs84.Inverse(t.lat_deg[0], t.lon_deg[0], t.lat_deg[i], t.lon_deg[i], s12);
      profile.range_alt_km.emplace_back(s12 / 1000.0, t.alt_m[i] / 1000.0);
      max_range = std::max(max_range, s12 / 1000.0);
      max_alt = std::max(max_alt, t.alt_m[i] / 1000.0);
    }
    profiles.push_back(std::move(profile));
  }
  Chart chart;
  chart.x1 = nice_ceiling(max_range * 1.02);
  chart.y1 = nice_ceiling(max_alt * 1.05);
  chart.height = 340;
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"{0}profiles-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{1:.0f}\" "
      "height=\"{2:.0f}\" viewBox=\"0 0 {1:.0f} {2:.0f}\" role=\"img\">\n<title>Altitude versus ground range from "
      "the launch point</title>\n",
      p, chart.svg_width(), chart.svg_height());
  svg += chart.axes("ground range from the launch point (km)", "altitude (km)");
  // Interceptors under the threats, as on the map.
  for (const bool threats : {false, true}) {
    svg += fmt::format("<g id=\"{}profiles-{}\">\n", p, threats ? "threats" : "interceptors");
    for (const auto& profile : profiles) {
      if (profile.object->threat != threats) continue;
      std::vector<std::pair<double, double>> xy;
      for (const auto& [r, a] : profile.range_alt_km) xy.emplace_back(chart.px(r), chart.py(a));
      std::string d;
      for (const std::size_t k : simplify(xy, 0.3)) d += fmt::format("{}{:.1f} {:.1f}", d.empty() ? "M" : " L", xy[k].first, xy[k].second);
      svg += fmt::format("<path class=\"{0}\" data-object=\"{1}\" d=\"{2}\"><title>{3} {1}</title></path>\n",
                         threats ? "profile-threat" : "profile-interceptor", escape(profile.object->name), d,
                         threats ? "threat" : "interceptor");
    }
    svg += "</g>\n";
  }
  svg += fmt::format(
      "<g class=\"legend\" transform=\"translate({:.0f} {:.0f})\"><path class=\"key threat-track-key\" d=\"M0 0 H22\"/><text "
      "x=\"28\" y=\"4\">threat</text><path class=\"key interceptor-track-key\" d=\"M90 0 H112\"/><text x=\"118\" "
      "y=\"4\">interceptor</text></g>\n",
      chart.left + chart.width - 220, chart.top + 14);
  svg += "</svg>\n";
  return svg;
}

}  // namespace rampart::io::report
