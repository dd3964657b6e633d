#include "rampart/analysis/result_store.hpp"

#include <sqlite3.h>

#include <bit>
#include <map>
#include <stdexcept>

#include "rampart/core/error.hpp"

namespace rampart::analysis {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS study (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scenario_path TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  program_version TEXT NOT NULL,
  seed INTEGER NOT NULL,
  runs_requested INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS assets (
  asset_index INTEGER PRIMARY KEY,
  name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  run_index INTEGER PRIMARY KEY,
  seed INTEGER NOT NULL,
  leakers INTEGER NOT NULL,
  threats_killed INTEGER NOT NULL,
  interceptors_used INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS asset_damage (
  run_index INTEGER NOT NULL REFERENCES runs(run_index),
  asset_index INTEGER NOT NULL REFERENCES assets(asset_index),
  asset TEXT NOT NULL,
  leakers_hit REAL NOT NULL,
  PRIMARY KEY (run_index, asset_index));
CREATE TABLE IF NOT EXISTS engagements (
  run_index INTEGER NOT NULL REFERENCES runs(run_index),
  interceptor INTEGER NOT NULL,
  battery TEXT NOT NULL,
  threat TEXT NOT NULL,
  launch_t_s REAL NOT NULL,
  intercept_t_s REAL NOT NULL,
  miss_m REAL NOT NULL,
  kill INTEGER NOT NULL,
  PRIMARY KEY (run_index, interceptor));
)sql";

// SQLite integers are signed 64-bit: seeds are stored as the same 64 bits.
std::int64_t to_sql(std::uint64_t value) { return std::bit_cast<std::int64_t>(value); }
std::uint64_t from_sql(std::int64_t value) { return std::bit_cast<std::uint64_t>(value); }

/// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, i, value));
    return *this;
  }
  Statement& bind(int i, double value) {
    check(sqlite3_bind_double(statement_, i, value));
    return *this;
  }
  Statement& bind(int i, const std::string& text) {
    check(sqlite3_bind_text(statement_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  /// Steps once: true while there is a row to read.
  bool step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code != SQLITE_DONE) fail();
    return false;
  }
  /// Steps to completion and resets for the next bindings.
  void run() {
    while (step()) {
    }
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  double real(int column) const { return sqlite3_column_double(statement_, column); }
  std::string text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : "";
  }

 private:
  void check(int code) const {
    if (code != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() const { throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_)); }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

ResultStore::ResultStore(const std::filesystem::path& path) : path_(path) {
  if (sqlite3_open(path.string().c_str(), &db_) != SQLITE_OK) {
    std::string message = "cannot open the result store: ";
    message += sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw InputError(SourceLocation{path.string()}, message);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    // WAL: readers (an analyst's query) do not block the study; NORMAL sync
    // keeps every committed transaction across a crash of the process.
    execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    execute(kSchema);
  } catch (const std::runtime_error& e) {
    sqlite3_close(db_);
    std::string message = "not a rampart result store (";
    message += e.what();
    message += ")";
    throw InputError(SourceLocation{path.string()}, message);
  }
}

ResultStore::~ResultStore() { sqlite3_close(db_); }

void ResultStore::execute(const char* sql) const {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = std::string("sqlite: ") + (error ? error : "error");
    sqlite3_free(error);
    throw std::runtime_error(message);
  }
}

std::optional<StudyInfo> ResultStore::study() const {
  Statement query(db_,
                  "SELECT scenario_path, scenario_text, scenario_hash, program_version, seed, runs_requested "
                  "FROM study WHERE id = 1");
  if (!query.step()) return std::nullopt;
  StudyInfo info;
  info.scenario_path = query.text(0);
  info.scenario_text = query.text(1);
  info.scenario_hash = query.text(2);
  info.program_version = query.text(3);
  info.seed = from_sql(query.integer(4));
  info.runs_requested = static_cast<std::uint64_t>(query.integer(5));
  Statement assets(db_, "SELECT name FROM assets ORDER BY asset_index");
  while (assets.step()) info.asset_names.push_back(assets.text(0));
  return info;
}

void ResultStore::create_study(const StudyInfo& info) {
  execute("BEGIN IMMEDIATE");
  try {
    Statement insert(db_,
                     "INSERT INTO study (id, scenario_path, scenario_text, scenario_hash, program_version, seed, "
                     "runs_requested) VALUES (1, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, info.scenario_path)
        .bind(2, info.scenario_text)
        .bind(3, info.scenario_hash)
        .bind(4, info.program_version)
        .bind(5, to_sql(info.seed))
        .bind(6, static_cast<std::int64_t>(info.runs_requested))
        .run();
    Statement asset(db_, "INSERT INTO assets (asset_index, name) VALUES (?, ?)");
    for (std::size_t i = 0; i < info.asset_names.size(); ++i) {
      asset.bind(1, static_cast<std::int64_t>(i)).bind(2, info.asset_names[i]).run();
    }
    execute("COMMIT");
  } catch (...) {
    execute("ROLLBACK");
    throw;
  }
}

void ResultStore::set_runs_requested(std::uint64_t runs) {
  Statement update(db_, "UPDATE study SET runs_requested = ? WHERE id = 1");
  update.bind(1, static_cast<std::int64_t>(runs)).run();
}

void ResultStore::commit(const std::vector<RunRecord>& records) {
  if (records.empty()) return;
  const auto names = study().value_or(StudyInfo{}).asset_names;
  execute("BEGIN IMMEDIATE");
  try {
    Statement run(db_,
                  "INSERT INTO runs (run_index, seed, leakers, threats_killed, interceptors_used) "
                  "VALUES (?, ?, ?, ?, ?)");
    Statement damage(db_, "INSERT INTO asset_damage (run_index, asset_index, asset, leakers_hit) VALUES (?, ?, ?, ?)");
    Statement engagement(db_,
                         "INSERT INTO engagements (run_index, interceptor, battery, threat, launch_t_s, "
                         "intercept_t_s, miss_m, kill) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : records) {
      const auto index = static_cast<std::int64_t>(r.run_index);
      run.bind(1, index)
          .bind(2, to_sql(r.seed))
          .bind(3, std::int64_t{r.leakers})
          .bind(4, std::int64_t{r.threats_killed})
          .bind(5, std::int64_t{r.interceptors_used})
          .run();
      for (std::size_t a = 0; a < r.asset_damage.size(); ++a) {
        const std::string name = a < names.size() ? names[a] : std::string();
        damage.bind(1, index).bind(2, static_cast<std::int64_t>(a)).bind(3, name).bind(4, r.asset_damage[a]).run();
      }
      for (const auto& e : r.engagements) {
        engagement.bind(1, index)
            .bind(2, std::int64_t{e.interceptor})
            .bind(3, e.battery)
            .bind(4, e.threat)
            .bind(5, e.launch_t_s)
            .bind(6, e.intercept_t_s)
            .bind(7, e.miss_m)
            .bind(8, std::int64_t{e.kill ? 1 : 0})
            .run();
      }
    }
    execute("COMMIT");
  } catch (...) {
    execute("ROLLBACK");
    throw;
  }
}

std::set<std::uint64_t> ResultStore::committed_runs() const {
  std::set<std::uint64_t> runs;
  Statement query(db_, "SELECT run_index FROM runs");
  while (query.step()) runs.insert(static_cast<std::uint64_t>(query.integer(0)));
  return runs;
}

std::vector<RunRecord> ResultStore::read_records(const char* where, std::uint64_t value) const {
  const std::string filter = std::string(" WHERE run_index ") + where + " ? ";
  std::map<std::uint64_t, RunRecord> by_index;
  std::string sql = "SELECT run_index, seed, leakers, threats_killed, interceptors_used FROM runs";
  sql += filter;
  Statement runs(db_, sql.c_str());
  runs.bind(1, static_cast<std::int64_t>(value));
  while (runs.step()) {
    RunRecord r;
    r.run_index = static_cast<std::uint64_t>(runs.integer(0));
    r.seed = from_sql(runs.integer(1));
    r.leakers = static_cast<int>(runs.integer(2));
    r.threats_killed = static_cast<int>(runs.integer(3));
    r.interceptors_used = static_cast<int>(runs.integer(4));
    by_index.emplace(r.run_index, std::move(r));
  }
  sql = "SELECT run_index, leakers_hit FROM asset_damage";
  sql += filter;
  sql += "ORDER BY run_index, asset_index";
  Statement damage(db_, sql.c_str());
  damage.bind(1, static_cast<std::int64_t>(value));
  while (damage.step()) {
    by_index.at(static_cast<std::uint64_t>(damage.integer(0))).asset_damage.push_back(damage.real(1));
  }
  sql = "SELECT run_index, interceptor, battery, threat, launch_t_s, intercept_t_s, miss_m, kill FROM engagements";
  sql += filter;
  sql += "ORDER BY run_index, interceptor";
  Statement engagements(db_, sql.c_str());
  engagements.bind(1, static_cast<std::int64_t>(value));
  while (engagements.step()) {
    by_index.at(static_cast<std::uint64_t>(engagements.integer(0)))
        .engagements.push_back({static_cast<int>(engagements.integer(1)), engagements.text(2), engagements.text(3),
                                engagements.real(4), engagements.real(5), engagements.real(6),
                                engagements.integer(7) != 0});
  }
  std::vector<RunRecord> records;
  records.reserve(by_index.size());
  for (auto& [index, record] : by_index) records.push_back(std::move(record));
  return records;
}

std::vector<RunRecord> ResultStore::records(std::uint64_t below) const { return read_records("<", below); }

std::optional<RunRecord> ResultStore::record(std::uint64_t run_index) const {
  auto found = read_records("=", run_index);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace rampart::analysis
