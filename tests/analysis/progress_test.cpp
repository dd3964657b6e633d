// Progress lines: rate and time remaining from the counts given; a plain
// (not terminal) reporter prints each new count once and no bar.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "rampart/analysis/progress.hpp"

namespace rampart::analysis {
namespace {

TEST(Progress, LineHasCountsRateAndTimeRemaining) {
  // 20 new runs in 10 s: 2 runs/s; 75 left -> 38 s (rounded up).
  EXPECT_EQ(ProgressReporter::line(25, 100, 20, 10.0, false), "25/100 runs  2.0 runs/s  ETA 0:38");
  const auto bar = ProgressReporter::line(50, 100, 50, 10.0, true);
  EXPECT_EQ(bar.substr(0, 32), "[" + std::string(15, '#') + std::string(15, '.') + "]");
  EXPECT_EQ(ProgressReporter::line(100, 100, 100, 10.0, false), "100/100 runs  10.0 runs/s");
}

TEST(Progress, PlainLinesWithoutCarriageReturns) {
  std::ostringstream out;
  ProgressReporter reporter(out, false, 0.0);
  reporter.update(5, 10);
  reporter.update(5, 10);   // nothing new: no line
  reporter.update(10, 10);
  reporter.finish();
  const std::string text = out.str();
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_NE(text.find("10/10 runs"), std::string::npos);
}

TEST(Progress, TerminalRedrawsOneLine) {
  std::ostringstream out;
  ProgressReporter reporter(out, true);
  reporter.update(1, 4);
  reporter.update(2, 4);
  reporter.finish();
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 2);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
}

}  // namespace
}  // namespace rampart::analysis
