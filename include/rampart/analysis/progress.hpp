#pragma once
// Progress of a long study on stderr: on a terminal, one bar redrawn in
// place with the rate and the time remaining; otherwise (a log, a pipe)
// plain lines, at most one every `interval_s` unless another tenth of the
// runs is done.

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace rampart::analysis {

class ProgressReporter {
 public:
  /// `terminal`: draw a bar with carriage returns (isatty(stderr)).
  ProgressReporter(std::ostream& out, bool terminal, double interval_s = 2.0);

  /// Reports `done` of `total` runs; `started_with` runs were already done
  /// when this session began (they do not count toward the rate).
  void update(std::uint64_t done, std::uint64_t total, std::uint64_t started_with = 0);
  /// Ends the bar's line (terminal) so that what follows starts on its own line.
  void finish();

  /// The text of one report: "[####......]  45/100  12.3 runs/s  ETA 0:05"
  /// (bar only when `bar`), for `elapsed_s` seconds spent on `new_runs` runs.
  static std::string line(std::uint64_t done, std::uint64_t total, std::uint64_t new_runs, double elapsed_s, bool bar);

 private:
  std::ostream& out_;
  bool terminal_;
  double interval_s_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_line_{};
  std::uint64_t last_done_ = 0;
  bool drawn_ = false;
};

}  // namespace rampart::analysis
