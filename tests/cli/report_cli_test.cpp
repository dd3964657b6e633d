// `rampart report` as a user meets it: `rampart run` writes report.html by
// default and prints its path (none with --no-report); the page of a run
// draws one track per threat of summary.json, one intercept marker per
// killed threat and one leak marker per leaker, and lists every threat on
// the timeline; the page of a study counts every run in its histograms;
// `rampart report DIR` rewrites it; a folder without results, or none, is
// exit status 2.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace rampart {
namespace {

namespace fs = std::filesystem;
using testing::run_rampart;
using testing::slurp;
using testing::temp_dir;

const std::string kSmall = std::string(RAMPART_TEST_DATA_DIR) + "/scenarios/engagement-small.yaml";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportCli, RunWritesTheReportWithEveryThreatKillAndLeaker) {
  const auto dir = temp_dir("rampart_report_cli_run");
  const auto run = run_rampart({"run", kSmall, "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("report: " + (dir / "report.html").string()), std::string::npos) << run.out;
  ASSERT_TRUE(fs::exists(dir / "report.html"));
  const std::string html = slurp(dir / "report.html");
  const auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  std::size_t killed = 0, leaked = 0;
  for (const auto& t : summary["threats"]) {
    const auto name = t["name"].get<std::string>();
    EXPECT_EQ(count(html, "<path class=\"threat-track\" data-threat=\"" + name + "\""), 1u) << name;
    EXPECT_EQ(count(html, "class=\"timeline-threat\" data-threat=\"" + name + "\""), 1u) << name;
    killed += t["result"] == "killed" ? 1 : 0;
    leaked += t["result"] == "leaked" ? 1 : 0;
  }
  EXPECT_EQ(count(html, "<path class=\"threat-track\""), summary["threats"].size());
  EXPECT_EQ(count(html, "<circle class=\"intercept-marker\""), killed);
  EXPECT_EQ(count(html, "<circle class=\"leak-marker\""), leaked);
  EXPECT_EQ(killed, summary["threats_killed"].get<std::size_t>());
  EXPECT_EQ(leaked, summary["leakers"].get<std::size_t>());
  EXPECT_EQ(count(html, "<path class=\"interceptor-track\""), summary["interceptors_used"].get<std::size_t>());
  // Nothing outside the file: only the SVG namespace is an address.
  EXPECT_EQ(count(html, "http://"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);

  // rampart report rewrites the same page.
  fs::remove(dir / "report.html");
  const auto again = run_rampart({"report", dir.string()});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, "report: " + (dir / "report.html").string() + "\n");
  EXPECT_EQ(slurp(dir / "report.html"), html);
  fs::remove_all(dir);
}

TEST(ReportCli, NoReportWritesNone) {
  const auto dir = temp_dir("rampart_report_cli_none");
  const auto run = run_rampart({"run", kSmall, "-o", dir.string(), "--no-report"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::exists(dir / "summary.json"));
  EXPECT_FALSE(fs::exists(dir / "report.html"));
  EXPECT_EQ(run.out.find("report:"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportCli, StudyHistogramsSumToTheRuns) {
  const auto dir = temp_dir("rampart_report_cli_mc");
  const auto run = run_rampart({"mc", kSmall, "--runs", "6", "--threads", "2", "-o", dir.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_TRUE(fs::exists(dir / "report.html")) << run.out;
  const std::string html = slurp(dir / "report.html");
  for (const std::string id : {"hist-leakers", "hist-interceptors"}) {
    const auto start = html.find("id=\"" + id + "\"");
    ASSERT_NE(start, std::string::npos) << id;
    const auto end = html.find("</svg>", start);
    std::size_t total = 0;
    const std::string key = "data-count=\"";
    for (auto at = html.find(key, start); at < end; at = html.find(key, at + 1)) {
      total += std::stoul(html.substr(at + key.size()));
    }
    EXPECT_EQ(total, 6u) << id;
  }
  fs::remove_all(dir);
}

TEST(ReportCli, AFolderWithoutResultsIsExitTwo) {
  const auto dir = temp_dir("rampart_report_cli_empty");
  fs::create_directories(dir);
  const auto empty = run_rampart({"report", dir.string()});
  EXPECT_EQ(empty.status, 2);
  EXPECT_NE(empty.err.find(dir.string()), std::string::npos) << empty.err;
  EXPECT_FALSE(fs::exists(dir / "report.html"));
  const auto missing = run_rampart({"report", (dir / "nothing").string()});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rampart
