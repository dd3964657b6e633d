#pragma once
// The result store of a Monte Carlo study: one SQLite file (WAL mode) with
// the study, its assets, one row per run, per-asset damage and one row per
// interceptor fired. Schema in docs/formats.md, "Monte Carlo store". Rows are
// written in transactions (a batch of runs is all there or not at all), so a
// study killed at any instant leaves whole runs behind and can be resumed.
// One ResultStore is used by one thread.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rampart/analysis/run_record.hpp"

struct sqlite3;

namespace rampart::analysis {

/// The program version recorded with every study.
inline constexpr const char* kProgramVersion = "rampart 0.1.0";

/// The identity of a study: what must not change for it to be resumed
/// (scenario text and hash, seed) and what it asked for.
struct StudyInfo {
  std::string scenario_path;
  std::string scenario_text;
  std::string scenario_hash;      ///< fnv1a64_hex(scenario_text)
  std::string program_version = kProgramVersion;
  std::uint64_t seed = 0;
  std::uint64_t runs_requested = 0;
  std::vector<std::string> asset_names;  ///< defended assets in scenario order

  bool operator==(const StudyInfo&) const = default;
};

class ResultStore {
 public:
  /// Opens (creating if needed) the store at `path` and its tables. Throws
  /// InputError naming the file if it cannot be opened or is not a store.
  explicit ResultStore(const std::filesystem::path& path);
  ~ResultStore();
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  /// The study recorded in the store, if any.
  std::optional<StudyInfo> study() const;
  /// Records the study (the store must hold none yet).
  void create_study(const StudyInfo& info);
  /// Changes the number of runs requested (a resumed study may ask for more).
  void set_runs_requested(std::uint64_t runs);

  /// Writes the records, with their damage and engagements, in one transaction.
  void commit(const std::vector<RunRecord>& records);
  /// The run indices committed so far.
  std::set<std::uint64_t> committed_runs() const;
  /// Every committed record with run_index < `below`, in run order.
  std::vector<RunRecord> records(std::uint64_t below) const;
  /// The committed record of one run, if there is one.
  std::optional<RunRecord> record(std::uint64_t run_index) const;

 private:
  void execute(const char* sql) const;
  std::vector<RunRecord> read_records(const char* where, std::uint64_t value) const;

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

}  // namespace rampart::analysis
