// `rampart assign` as a user meets it: a small problem is solved to its
// optimum (checked against enumeration written here), a time limit gives a
// bound and a gap, and malformed files are one line naming the file, exit 2.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;

// Concatenation by append: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out.append(p);
  return out;
}

std::string write_file(const std::string& stem, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / join({stem, "_", std::to_string(::getpid()), ".json"});
  std::ofstream(path) << text;
  return path.string();
}

// The small problem of the tests: 3 weapon types (2, 1, 1 rounds), 3 targets.
const std::vector<double> kValues{10.0, 6.0, 3.0};
const std::vector<int> kCounts{2, 1, 1};
const std::vector<std::vector<double>> kP{{0.7, 0.5, 0.4}, {0.9, 0.8, 0.2}, {0.3, 0.6, 0.9}};

std::string small_problem_json() {
  return R"({"targets": [{"name": "base", "value": 10}, {"name": "port", "value": 6}, {"name": "city", "value": 3}],
 "weapons": [{"name": "sm3", "count": 2}, {"name": "pac3", "count": 1}, {"name": "thaad", "count": 1}],
 "kill_probability": [[0.7, 0.5, 0.4], [0.9, 0.8, 0.2], [0.3, 0.6, 0.9]]})";
}

// Minimum of sum_j V_j prod_i (1 - p_ij)^x_ij over every x with row sums <= c_i.
double brute_force_minimum() {
  double best = INFINITY;
  std::vector<std::vector<int>> x(3, std::vector<int>(3, 0));
  std::function<void(std::size_t, std::size_t, int)> cell = [&](std::size_t i, std::size_t j, int left) {
    if (i == 3) {
      double F = 0.0;
      for (std::size_t t = 0; t < 3; ++t) {
        double s = kValues[t];
        for (std::size_t w = 0; w < 3; ++w) s *= std::pow(1.0 - kP[w][t], x[w][t]);
        F += s;
      }
      best = std::min(best, F);
      return;
    }
    if (j == 3) return cell(i + 1, 0, i + 1 < 3 ? kCounts[i + 1] : 0);
    for (int k = 0; k <= left; ++k) {
      x[i][j] = k;
      cell(i, j + 1, left - k);
    }
    x[i][j] = 0;
  };
  cell(0, 0, kCounts[0]);
  return best;
}

// Validates: exact reaches the enumerated optimum and proves it; the listed
// assignments are feasible and their objective (recomputed here) is the one
// printed. 1e-12 relative: the printed JSON carries full double precision.
TEST(AssignCli, SmallProblemSolvedToTheEnumeratedOptimum) {
  const std::string file = write_file("rampart_assign_small", small_problem_json());
  const double optimum = brute_force_minimum();
  for (const std::string method : {"exact", "auto"}) {
    const auto run = run_rampart({"assign", file, "--method", method, "--json"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["method"], "exact");
    EXPECT_NEAR(j["expected_surviving_value"].get<double>(), optimum, 1e-12 * 19.0);
    EXPECT_TRUE(j["proven_optimal"].get<bool>());
    EXPECT_LE(j["best_bound"].get<double>(), optimum + 1e-12 * 19.0);
    const std::vector<std::string> weapons{"sm3", "pac3", "thaad"};
    const std::vector<std::string> targets{"base", "port", "city"};
    std::vector<std::vector<int>> x(3, std::vector<int>(3, 0));
    for (const auto& a : j["assignments"]) {
      const auto i = std::find(weapons.begin(), weapons.end(), a["weapon"].get<std::string>()) - weapons.begin();
      const auto t = std::find(targets.begin(), targets.end(), a["target"].get<std::string>()) - targets.begin();
      ASSERT_LT(i, 3);
      ASSERT_LT(t, 3);
      x[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)] += a["shots"].get<int>();
    }
    double F = 0.0;
    for (std::size_t t = 0; t < 3; ++t) {
      double s = kValues[t];
      for (std::size_t w = 0; w < 3; ++w) s *= std::pow(1.0 - kP[w][t], x[w][t]);
      F += s;
    }
    for (std::size_t w = 0; w < 3; ++w) EXPECT_LE(x[w][0] + x[w][1] + x[w][2], kCounts[w]);
    EXPECT_NEAR(F, optimum, 1e-12 * 19.0);
  }
  const auto table = run_rampart({"assign", file});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("optimal: proven"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("expected surviving value"), std::string::npos);
  const auto heuristic = run_rampart({"assign", file, "--method", "heuristic", "--json"});
  ASSERT_EQ(heuristic.status, 0) << heuristic.err;
  EXPECT_GE(nlohmann::json::parse(heuristic.out)["expected_surviving_value"].get<double>(), optimum - 1e-12 * 19.0);
  std::filesystem::remove(file);
}

// Validates the time limit at the command line: a 30 x 30 problem with two
// rounds per type cannot be closed in a microsecond, so the answer is not
// proven and carries a bound below it and a positive gap.
TEST(AssignCli, TimeLimitReportsBoundAndGap) {
  nlohmann::json j;
  for (int t = 0; t < 30; ++t) j["targets"].push_back({{"name", join({"t", std::to_string(t)})}, {"value", 1 + t % 7}});
  for (int w = 0; w < 30; ++w) {
    j["weapons"].push_back({{"name", join({"w", std::to_string(w)})}, {"count", 2}});
    std::vector<double> row;
    for (int t = 0; t < 30; ++t) row.push_back(0.1 + 0.8 * ((w * 7 + t * 13) % 17) / 16.0);
    j["kill_probability"].push_back(row);
  }
  const std::string file = write_file("rampart_assign_big", j.dump());
  const auto run = run_rampart({"assign", file, "--method", "exact", "--time-limit", "1e-6", "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto out = nlohmann::json::parse(run.out);
  EXPECT_FALSE(out["proven_optimal"].get<bool>());
  EXPECT_LT(out["best_bound"].get<double>(), out["expected_surviving_value"].get<double>());
  EXPECT_GT(out["gap"].get<double>(), 0.0);
  const auto table = run_rampart({"assign", file, "--method", "exact", "--time-limit", "1e-6"});
  EXPECT_NE(table.out.find("not proven (time limit): best bound"), std::string::npos) << table.out;
  std::filesystem::remove(file);
}

// Validates the error path: every malformed file exits 2 with one line that
// names the file and the place (line:column for JSON syntax, counted by hand
// here: the second comma of line 2 is column 28; the key path for a field).
TEST(AssignCli, MalformedFilesExitTwoWithOneLine) {
  struct Case {
    std::string stem, text, expected;
  };
  const std::string weapons = R"("weapons": [{"name": "w", "count": 1}])";
  const std::string targets = R"("targets": [{"name": "a", "value": 1}])";
  const std::vector<Case> cases{
      {"syntax", "{\"targets\": [\n {\"name\": \"a\", \"value\": 1},, ]}", ":2:28: error: invalid JSON"},
      {"probability", join({"{", targets, ", ", weapons, R"(, "kill_probability": [[1.5]]})"}),
       "error: kill_probability[0][0]: 1.5 is outside [0, 1]"},
      {"unknown", join({"{", targets, ", ", weapons, R"(, "kill_probability": [[0.5]], "extra": 1})"}),
       "error: extra: unknown key"},
      {"count", join({"{", targets, R"(, "weapons": [{"name": "w", "count": 1.5}], "kill_probability": [[0.5]]})"}),
       "error: weapons[0].count: expected an integer"},
      {"value", join({R"({"targets": [{"name": "a", "value": -1}], )", weapons, R"(, "kill_probability": [[0.5]]})"}),
       "error: targets[0].value: -1 is outside"},
      {"row", join({"{", targets, ", ", weapons, R"(, "kill_probability": [[0.5, 0.5]]})"}),
       "error: kill_probability[0]: has 2 entries, expected one per target (1)"},
      {"missing", join({"{", targets, ", ", weapons, "}"}), "error: kill_probability: missing"},
      {"duplicate",
       join({R"({"targets": [{"name": "a", "value": 1}, {"name": "a", "value": 2}], )", weapons,
             R"(, "kill_probability": [[0.5, 0.5]]})"}),
       "error: targets[1].name: duplicate name 'a'"},
  };
  for (const auto& c : cases) {
    const std::string file = write_file(join({"rampart_assign_", c.stem}), c.text);
    const auto run = run_rampart({"assign", file});
    EXPECT_EQ(run.status, 2) << c.stem;
    EXPECT_EQ(run.err.rfind(file, 0), 0u) << c.stem << ": " << run.err;  // starts with the file name
    EXPECT_NE(run.err.find(c.expected), std::string::npos) << c.stem << ": " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << c.stem << ": " << run.err;
    EXPECT_TRUE(run.out.empty()) << c.stem;
    std::filesystem::remove(file);
  }
  const auto missing = run_rampart({"assign", "/nonexistent/problem.json"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent/problem.json"), std::string::npos) << missing.err;
  const std::string file = write_file("rampart_assign_limit", small_problem_json());
  EXPECT_EQ(run_rampart({"assign", file, "--time-limit", "0"}).status, 2);
  EXPECT_EQ(run_rampart({"assign", file, "--method", "best"}).status, 2);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace rampart
