// report.html: finds out what DIR holds (a run, a Monte Carlo study and its
// reruns, a footprint, a comparison, a coverage), puts the sections that
// apply into one page with its style sheet inline, and writes it. The page
// has no script and refers to nothing outside itself (no src, no link, no
// font): it opens the same mailed, offline or from a paper's supplement.
// The same files give the same bytes (no date is written).

#include <fmt/core.h>

#include <algorithm>

#include "rampart/core/error.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/report_sections.hpp"

namespace rampart::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStyle = R"css(
body { font-family: sans-serif; margin: 1.5em auto; max-width: 1000px; color: #222; line-height: 1.35; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.8em; }
h3 { margin-top: 1.3em; }
nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.result-killed td:last-child { color: #2a7d2a; } tr.result-leaked td:last-child { color: #c00; font-weight: bold; }
.note { color: #666; font-style: italic; }
.figure { margin: .5em 0 1em; overflow-x: auto; } .figure.row { display: flex; flex-wrap: wrap; gap: 1em; }
svg { font-size: 11px; }
svg text { fill: #222; }
.sea { fill: #f4f8fb; } .frame, .plot-frame { fill: none; stroke: #444; }
.coastline { fill: none; stroke: #555; stroke-width: .8; } .border { fill: none; stroke: #999; stroke-width: .6; stroke-dasharray: 3 2; }
.radar-coverage, .radar-coverage-key { fill: #3060d0; fill-opacity: .07; stroke: #3060d0; stroke-opacity: .5; stroke-width: .8; }
.defended-asset, .defended-asset-key { fill: #2ca02c; fill-opacity: .35; stroke: #1a6e1a; stroke-width: 1; }
.threat-track, .threat-track-key { fill: none; stroke: #d62728; stroke-width: 1.6; }
.interceptor-track, .interceptor-track-key { fill: none; stroke: #17a8c4; stroke-width: 1.3; }
.profile-threat { fill: none; stroke: #d62728; stroke-width: 1.4; } .profile-interceptor { fill: none; stroke: #17a8c4; stroke-width: 1.2; }
.intercept-marker, .intercept-marker-key { fill: #ffd700; stroke: #000; stroke-width: 1; }
.miss-marker, .miss-marker-key { fill: none; stroke: #d01cd0; stroke-width: 2; }
.leak-marker, .leak-marker-key { fill: #ff0000; stroke: #000; stroke-width: 1.5; } .impact-marker, .impact-marker-key { fill: #fff; stroke: #d62728; stroke-width: 1.5; }
.battery, .battery-key { fill: #222; stroke: #fff; stroke-width: .8; } .radar, .radar-key { fill: #3060d0; stroke: #fff; stroke-width: .8; }
.launch-point, .launch-point-key { fill: #8b0000; } .site-label { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.attribution { fill: #666; font-size: 10px; }
.grid { stroke: #e3e3e3; stroke-width: 1; fill: none; } .axis-title { font-size: 12px; }
.flight-bar { fill: #f3b5b5; } .tl-detected { fill: #3060d0; } .tl-tracked { fill: #8a2be2; }
.tl-shot { stroke: #17a8c4; stroke-width: 2.5; } .tl-intercept { fill: #ffd700; stroke: #000; }
.tl-leak { fill: #ff0000; stroke: #000; } .tl-impact { fill: #fff; stroke: #d62728; stroke-width: 1.5; }
.row-label { font-size: 12px; } .battery-label { font-style: italic; }
.hist-bar { fill: #4a78b0; } .ci-band { fill: #4a78b0; fill-opacity: .2; stroke: none; }
.estimate-line { fill: none; stroke: #1f3f70; stroke-width: 1.5; } .checkpoint { fill: #fff; stroke: #1f3f70; }
.coverage-area { fill-opacity: .55; stroke: #08306b; stroke-width: .6; } .coverage-radar { fill-opacity: .15; stroke-dasharray: 4 2; }
details { margin: .5em 0 1em; } table.events { font-size: .8em; }
footer { margin-top: 2em; color: #666; font-size: .85em; }
)css";

struct Part {
  std::string anchor, title, html;
};

bool is_run_summary(const nlohmann::json& s) { return s.is_object() && s.contains("threats"); }
bool is_study_summary(const nlohmann::json& s) { return s.is_object() && s.contains("p_zero_leakers"); }
bool is_footprint_summary(const nlohmann::json& s) { return s.is_object() && s.contains("grid") && s.contains("cells"); }

/// The run-K folders `rampart mc --rerun K` left in a study's folder, by K.
std::vector<std::pair<long long, fs::path>> rerun_dirs(const fs::path& dir) {
  std::vector<std::pair<long long, fs::path>> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || name.rfind("run-", 0) != 0 || name.size() <= 4) continue;
    if (!std::all_of(name.begin() + 4, name.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (!fs::exists(entry.path() / "summary.json")) continue;
    found.emplace_back(std::stoll(name.substr(4)), entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<Part> parts_of(const fs::path& dir) {
  std::vector<Part> parts;
  if (fs::exists(dir / "summary.json")) {
    const auto summary = report::read_json(dir / "summary.json");
    if (is_run_summary(summary)) {
      parts.push_back({"run", "Engagement run", report::run_sections(report::read_run_files(dir), "", "Engagement run")});
    } else if (is_study_summary(summary)) {
      parts.push_back({"study", "Monte Carlo study", report::study_sections(dir, summary)});
      for (const auto& [k, run_dir] : rerun_dirs(dir)) {
        const auto run = report::read_run_files(run_dir);
        if (!is_run_summary(run.summary)) continue;
        const std::string prefix = fmt::format("run-{}-", k);
        parts.push_back({prefix + "run", fmt::format("Run {} (rerun)", k),
                         report::run_sections(run, prefix, fmt::format("Run {} of the study (mc --rerun {})", k, k))});
      }
    } else if (is_footprint_summary(summary)) {
      parts.push_back({"footprint", "Footprint", report::footprint_sections(dir, summary)});
    }
  }
  if (fs::exists(dir / "compare.json")) parts.push_back({"compare", "Comparison", report::compare_sections(dir)});
  if (fs::exists(dir / "coverage.geojson") || fs::exists(dir / "reach.json")) {
    parts.push_back({"coverage", "Coverage", report::coverage_sections(dir)});
  }
  return parts;
}

}  // namespace

fs::path write_report(const fs::path& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    throw InputError(SourceLocation{dir.string()}, "no such folder: expected the output folder of a rampart command");
  }
  std::vector<Part> parts;
  try {
    parts = parts_of(dir);
  } catch (const nlohmann::json::exception& e) {
    // A result file that parses but is not what rampart writes (edited by hand, another version).
    throw InputError(SourceLocation{dir.string()}, std::string("a result file is not as docs/formats.md describes: ") +
                                                       e.what());
  }
  if (parts.empty()) {
    throw InputError(SourceLocation{dir.string()},
                     "no rampart results here: expected summary.json (of rampart run, mc or footprint), compare.json "
                     "(rampart compare) or coverage.geojson / reach.json (rampart coverage)");
  }
  const std::string title = "rampart report: " + dir.string();
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", report::escape(title), kStyle);
  html += fmt::format("<h1>{}</h1>\n<nav>", report::escape(title));
  for (const auto& part : parts) html += fmt::format("<a href=\"#{}\">{}</a>", part.anchor, report::escape(part.title));
  html += "</nav>\n";
  for (const auto& part : parts) html += "<section>\n" + part.html + "</section>\n";
  html += fmt::format(
      "<footer>Made by <code>rampart report</code> from the files in {}. Maps: equirectangular, true to scale at their "
      "middle latitude; coastlines and borders: {}. Models and file formats: docs/models.md, docs/formats.md. "
      "Every system parameter is notional, from open sources.</footer>\n</body>\n</html>\n",
      report::escape(dir.string()), report::escape(report::GeoFrame::attribution()));
  const fs::path path = dir / "report.html";
  write_output_file(path, [&html](std::ostream& out) { out << html; });
  return path;
}

}  // namespace rampart::io
