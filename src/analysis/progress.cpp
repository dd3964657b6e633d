#include "rampart/analysis/progress.hpp"

#include <fmt/core.h>

#include <cmath>

namespace rampart::analysis {

ProgressReporter::ProgressReporter(std::ostream& out, bool terminal, double interval_s)
    : out_(out), terminal_(terminal), interval_s_(interval_s) {}

std::string ProgressReporter::line(std::uint64_t done, std::uint64_t total, std::uint64_t new_runs, double elapsed_s,
                                   bool bar) {
  std::string text;
  if (bar) {
    constexpr int kWidth = 30;
    const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
    text += '[';
    text.append(static_cast<std::size_t>(filled), '#');
    text.append(static_cast<std::size_t>(kWidth - filled), '.');
    text += "] ";
  }
  const double rate = elapsed_s > 0.0 ? static_cast<double>(new_runs) / elapsed_s : 0.0;
  text += fmt::format("{}/{} runs  {:.1f} runs/s", done, total, rate);
  if (rate > 0.0 && done < total) {
    const auto remaining = static_cast<long long>(std::ceil(static_cast<double>(total - done) / rate));
    text += fmt::format("  ETA {}:{:02d}", remaining / 60, remaining % 60);
  }
  return text;
}

void ProgressReporter::update(std::uint64_t done, std::uint64_t total, std::uint64_t started_with) {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed_s = std::chrono::duration<double>(now - start_).count();
  const std::uint64_t new_runs = done > started_with ? done - started_with : 0;
  if (terminal_) {
    out_ << '\r' << line(done, total, new_runs, elapsed_s, true) << "   " << std::flush;
    drawn_ = true;
    return;
  }
  const bool tenth = total > 0 && (done - last_done_) * 10 >= total;
  const bool due = std::chrono::duration<double>(now - last_line_).count() >= interval_s_;
  if (done == last_done_) return;  // nothing new (the final count is printed once)
  if (!(tenth || due || done == total)) return;
  out_ << "rampart mc: " << line(done, total, new_runs, elapsed_s, false) << '\n' << std::flush;
  last_line_ = now;
  last_done_ = done;
}

void ProgressReporter::finish() {
  if (terminal_ && drawn_) out_ << '\n' << std::flush;
  drawn_ = false;
}

}  // namespace rampart::analysis
