// rampart assign: the static weapon-target assignment problem from a JSON
// file (docs/formats.md, "Assignment problem JSON"), solved exactly or by the
// heuristic (docs/models.md, "Weapon-target assignment").

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "command.hpp"
#include "rampart/core/error.hpp"
#include "rampart/engage/wta.hpp"

namespace rampart::cli {
namespace {

struct AssignOptions {
  std::string file;
  std::string method = "auto";
  double time_limit_s = 10.0;
  OutputFormat format = OutputFormat::kTable;
};

struct NamedProblem {
  std::vector<std::string> targets;
  std::vector<std::string> weapons;
  engage::WtaProblem problem;
};

/// The 1-based line and column of byte `offset` (1-based, as nlohmann counts) in `text`.
SourceLocation locate(const std::string& file, const std::string& text, std::size_t offset) {
  SourceLocation where{file, 1, 1};
  const std::size_t end = std::min(offset > 0 ? offset - 1 : 0, text.size());
  for (std::size_t k = 0; k < end; ++k) {
    if (text[k] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    std::string text = path;
    text.append(": ").append(message);
    throw InputError(SourceLocation{file_}, text);
  }

  void only_keys(const nlohmann::json& object, const std::string& path, const std::set<std::string>& keys) const {
    if (!object.is_object()) fail(path, "expected an object");
    for (const auto& item : object.items()) {
      if (keys.count(item.key()) == 0) {
        fail(path.empty() ? item.key() : path + "." + item.key(), "unknown key");
      }
    }
    for (const auto& key : keys) {
      if (!object.contains(key)) fail(path.empty() ? key : path + "." + key, "missing");
    }
  }

  const nlohmann::json& array(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_array()) fail(path, "expected an array");
    return j;
  }

  std::string name(const nlohmann::json& j, const std::string& path, std::set<std::string>& seen) const {
    if (!j.is_string() || j.get<std::string>().empty()) fail(path, "expected a non-empty string");
    const auto name = j.get<std::string>();
    if (!seen.insert(name).second) fail(path, "duplicate name '" + name + "'");
    return name;
  }

  double number(const nlohmann::json& j, const std::string& path, double low, double high) const {
    if (!j.is_number()) fail(path, "expected a number");
    const double x = j.get<double>();
    if (!(x >= low && x <= high)) fail(path, fmt::format("{} is outside [{}, {}]", x, low, high));
    return x;
  }

  int count(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_number_integer() || j.get<long long>() < 0 || j.get<long long>() > 1000000) {
      fail(path, "expected an integer from 0 to 1000000");
    }
    return static_cast<int>(j.get<long long>());
  }

 private:
  std::string file_;
};

NamedProblem load_problem(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw InputError(SourceLocation{file}, "cannot read the file");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line L, column C: ".
    std::string message = e.what();
    const auto colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
    throw InputError(locate(file, text, e.byte), "invalid JSON: " + message);
  }
  const Reader r(file);
  r.only_keys(root, "", {"targets", "weapons", "kill_probability"});
  std::vector<std::string> targets;
  std::vector<double> values;
  std::set<std::string> seen;
  for (std::size_t j = 0; j < r.array(root["targets"], "targets").size(); ++j) {
    const std::string path = fmt::format("targets[{}]", j);
    const auto& t = root["targets"][j];
    r.only_keys(t, path, {"name", "value"});
    targets.push_back(r.name(t["name"], path + ".name", seen));
    values.push_back(r.number(t["value"], path + ".value", 0.0, 1e300));
  }
  std::vector<std::string> weapons;
  std::vector<int> counts;
  seen.clear();
  for (std::size_t i = 0; i < r.array(root["weapons"], "weapons").size(); ++i) {
    const std::string path = fmt::format("weapons[{}]", i);
    const auto& w = root["weapons"][i];
    r.only_keys(w, path, {"name", "count"});
    weapons.push_back(r.name(w["name"], path + ".name", seen));
    counts.push_back(r.count(w["count"], path + ".count"));
  }
  const auto& rows = r.array(root["kill_probability"], "kill_probability");
  if (rows.size() != weapons.size()) {
    r.fail("kill_probability", fmt::format("has {} rows, expected one per weapon ({})", rows.size(), weapons.size()));
  }
  std::vector<std::vector<double>> p(weapons.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string path = fmt::format("kill_probability[{}]", i);
    const auto& row = r.array(rows[i], path);
    if (row.size() != targets.size()) {
      r.fail(path, fmt::format("has {} entries, expected one per target ({})", row.size(), targets.size()));
    }
    for (std::size_t j = 0; j < row.size(); ++j) {
      p[i].push_back(r.number(row[j], fmt::format("{}[{}]", path, j), 0.0, 1.0));
    }
  }
  return {std::move(targets), std::move(weapons),
          engage::WtaProblem(std::move(values), std::move(counts), std::move(p))};
}

int run(const AssignOptions& o) {
  if (o.format == OutputFormat::kCsv) throw InputError(SourceLocation{"--format"}, "assign prints table or json");
  const NamedProblem named = load_problem(o.file);
  const auto& problem = named.problem;
  const engage::WtaMethod method = o.method == "exact"       ? engage::WtaMethod::kExact
                                   : o.method == "heuristic" ? engage::WtaMethod::kHeuristic
                                                             : engage::WtaMethod::kAuto;
  const bool exact = method == engage::WtaMethod::kExact ||
                     (method == engage::WtaMethod::kAuto && engage::wta_auto_uses_exact(problem));
  const engage::WtaSolution s = engage::solve_wta(problem, method, {o.time_limit_s, 0});
  const std::string used = exact ? "exact" : "heuristic";
  const double total = problem.total_value();

  std::vector<double> surviving(static_cast<std::size_t>(problem.targets()));
  for (int j = 0; j < problem.targets(); ++j) {
    double v = problem.value(j);
    for (int i = 0; i < problem.weapon_types(); ++i) {
      for (int k = 0; k < s.shots[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]; ++k) {
        v *= 1.0 - problem.kill_probability(i, j);
      }
    }
    surviving[static_cast<std::size_t>(j)] = v;
  }

  if (o.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["method"] = used;
    j["expected_surviving_value"] = s.expected_surviving_value;
    j["expected_destroyed_value"] = total - s.expected_surviving_value;
    j["total_value"] = total;
    j["proven_optimal"] = s.proven_optimal;
    j["best_bound"] = s.best_bound;
    j["gap"] = s.gap;
    j[exact ? "nodes" : "improving_moves"] = s.iterations;
    auto assignments = nlohmann::ordered_json::array();
    for (int i = 0; i < problem.weapon_types(); ++i) {
      for (int t = 0; t < problem.targets(); ++t) {
        const int shots = s.shots[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
        if (shots == 0) continue;
        assignments.push_back({{"weapon", named.weapons[static_cast<std::size_t>(i)]},
                               {"target", named.targets[static_cast<std::size_t>(t)]},
                               {"shots", shots},
                               {"kill_probability", problem.kill_probability(i, t)}});
      }
    }
    j["assignments"] = assignments;
    auto targets = nlohmann::ordered_json::array();
    for (int t = 0; t < problem.targets(); ++t) {
      targets.push_back({{"name", named.targets[static_cast<std::size_t>(t)]},
                         {"value", problem.value(t)},
                         {"surviving_value", surviving[static_cast<std::size_t>(t)]}});
    }
    j["targets"] = targets;
    std::cout << j.dump(2) << '\n';
    return 0;
  }

  fmt::print("rampart assign {}: {} weapon types ({} rounds), {} targets, method {}{}\n\n", o.file,
             problem.weapon_types(), problem.total_rounds(), problem.targets(), o.method == "auto" ? "auto: " : "",
             used);
  // Columns as wide as the longest name.
  std::size_t w = 6, tw = 6;
  for (const auto& name : named.weapons) w = std::max(w, name.size());
  for (const auto& name : named.targets) tw = std::max(tw, name.size());
  fmt::print("  {:<{}}  {:<{}} {:>5} {:>7}\n", "weapon", w, "target", tw, "shots", "p_kill");
  for (int i = 0; i < problem.weapon_types(); ++i) {
    for (int t = 0; t < problem.targets(); ++t) {
      const int shots = s.shots[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
      if (shots == 0) continue;
      fmt::print("  {:<{}}  {:<{}} {:>5} {:>7.3f}\n", named.weapons[static_cast<std::size_t>(i)], w,
                 named.targets[static_cast<std::size_t>(t)], tw, shots, problem.kill_probability(i, t));
    }
  }
  fmt::print("\n  {:<{}} {:>10} {:>10}\n", "target", tw, "value", "surviving");
  for (int t = 0; t < problem.targets(); ++t) {
    fmt::print("  {:<{}} {:>10.6g} {:>10.6g}\n", named.targets[static_cast<std::size_t>(t)], tw, problem.value(t),
               surviving[static_cast<std::size_t>(t)]);
  }
  fmt::print("\n  expected surviving value: {:.6g} of {:.6g} (expected destroyed {:.6g})\n", s.expected_surviving_value,
             total, total - s.expected_surviving_value);
  if (s.proven_optimal) {
    fmt::print("  optimal: proven (best bound {:.6g}; {} {})\n", s.best_bound, s.iterations,
               exact ? "nodes" : "improving moves");
  } else {
    fmt::print("  optimal: not proven{}: best bound {:.6g}, gap {:.3g} %\n", exact ? " (time limit)" : "", s.best_bound,
               100.0 * s.gap);
  }
  return 0;
}

}  // namespace

Command add_assign_command(CLI::App& root) {
  auto options = std::make_shared<AssignOptions>();
  CLI::App* app = root.add_subcommand("assign", "Weapon-target assignment from a JSON file (docs/formats.md)");
  app->add_option("file", options->file, "Assignment problem (JSON)")->type_name("FILE.json")->required();
  app->add_option("--method", options->method, "exact, heuristic or auto (exact while rounds x targets <= 256)")
      ->check(CLI::IsMember({"exact", "heuristic", "auto"}))
      ->type_name("exact|heuristic|auto")
      ->default_str("auto");
  app->add_option("--time-limit", options->time_limit_s, "Time limit of the exact search, seconds")
      ->check(CLI::PositiveNumber)
      ->type_name("S")
      ->default_str("10");
  add_format_option(*app, options->format);
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
