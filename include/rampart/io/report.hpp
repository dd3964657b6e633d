#pragma once
// `rampart report DIR`: one self-contained HTML page (inline CSS and SVG, no
// script, no request to anything outside the file) of the results a rampart
// command left in DIR, so that a person can mail it. It shows what applies:
// a run (summary.json, events.jsonl, trajectories.csv, scenario.geojson), a
// Monte Carlo study (summary.json, results.sqlite, run-K/ reruns), a
// footprint, a comparison and a coverage. docs/formats.md, "Report".

#include <filesystem>

namespace rampart::io {

/// Writes DIR/report.html and returns its path. Throws InputError naming DIR
/// when it holds no result rampart recognises, or a result file cannot be read.
std::filesystem::path write_report(const std::filesystem::path& dir);

}  // namespace rampart::io
