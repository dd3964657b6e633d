// rampart mc: a Monte Carlo study of a scenario. Runs N engagement runs on
// T threads, keeps each in the SQLite result store (resumable after Ctrl-C,
// a kill or a power loss), prints and writes the aggregates (summary.json);
// --rerun K writes run K's full outputs as `rampart run` does. Under mpirun
// the runs are split across the ranks (analysis/study_mpi.hpp): rank 0 keeps
// the store and prints, the others compute and print errors only.

#include <fmt/core.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "command.hpp"
#include "rampart/analysis/progress.hpp"
#include "rampart/analysis/result_store.hpp"
#include "rampart/analysis/study.hpp"
#include "rampart/analysis/study_mpi.hpp"
#include "rampart/analysis/study_summary.hpp"
#include "rampart/core/error.hpp"
#include "rampart/io/output_files.hpp"
#include "rampart/io/report.hpp"
#include "rampart/io/scenario_exports.hpp"
#include "rampart/io/run_outputs.hpp"
#include "rampart/io/tracking_outputs.hpp"
#include "rampart/sim/scenario.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::cli {
namespace {

constexpr int kExitInterrupted = 130;  // 128 + SIGINT, the shell's convention

struct McOptions {
  std::string scenario;
  std::optional<std::uint64_t> runs;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::optional<std::uint64_t> seed;
  std::string db;
  bool resume = false;
  std::optional<std::uint64_t> rerun;
  std::string out_dir = "out/mc";
  bool no_report = false;
};

// Set by SIGINT/SIGTERM: the study stops handing out runs (lock-free atomic,
// safe in a signal handler).
std::atomic<bool> g_stop_requested{false};
extern "C" void request_stop(int) { g_stop_requested.store(true); }

/// Installs the stop handler for SIGINT and SIGTERM for its lifetime.
class StopOnSignals {
 public:
  StopOnSignals() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopOnSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// Worker threads may log (with --verbose): the root logger is single-threaded.
void use_thread_safe_logger() {
  const auto level = spdlog::default_logger()->level();
  auto logger = spdlog::stderr_logger_mt("rampart-mc");
  logger->set_pattern("rampart: %l: %v");
  logger->set_level(level);
  spdlog::set_default_logger(logger);
}

bool store_has_file(const std::filesystem::path& db) {
  std::error_code error;
  return std::filesystem::exists(db, error) && std::filesystem::file_size(db, error) > 0;
}

int rerun(const McOptions& o, const sim::Scenario& scenario, const std::filesystem::path& db) {
  const std::uint64_t k = *o.rerun;
  std::uint64_t study_seed = o.seed.value_or(scenario.seed);
  std::optional<analysis::RunRecord> stored;
  if (store_has_file(db)) {
    analysis::ResultStore store(db);
    const auto study = store.study();
    // With another --seed it is another study: there is no stored row to compare.
    if (study && (!o.seed || *o.seed == study->seed)) {
      study_seed = study->seed;
      const auto wanted = analysis::describe_study(scenario, o.scenario, study_seed, study->runs_requested);
      analysis::check_same_study(*study, wanted, db.string());
      stored = store.record(k);
    }
  }
  const sim::WorldModels models(scenario);
  sim::RunOptions options = analysis::study_run_options(study_seed, k);
  options.keep_track_rows = true;
  const sim::RunResult result = sim::run_world(models, options);

  const std::filesystem::path dir = std::filesystem::path(o.out_dir) / ("run-" + std::to_string(k));
  io::write_run_files(dir, result, scenario, models.earth());
  const auto record = analysis::make_run_record(k, result);
  fmt::print("rampart mc {}: run {} (study seed {}, run seed {}): {} leakers, {} threats killed, {} interceptors used\n",
             o.scenario, k, study_seed, result.seed, record.leakers, record.threats_killed, record.interceptors_used);
  fmt::print("  results in {}/ (summary.json, events.jsonl, tracks.csv, trajectories.csv, scenario.geojson/.kml/.czml)\n",
             dir.string());
  if (!o.no_report) {
    fmt::print("  report: {}\n", io::write_report(dir).string());
    // The study's page shows its reruns too: refresh it when the study is there.
    if (std::filesystem::exists(std::filesystem::path(o.out_dir) / "summary.json")) {
      fmt::print("  report: {}\n", io::write_report(o.out_dir).string());
    }
  }
  if (!stored) return 0;
  if (!(*stored == record)) {
    fmt::print(stderr, "rampart mc: run {} differs from its row in {}\n", k, db.string());
    return 1;
  }
  fmt::print("  same as the row of run {} in {}\n", k, db.string());
  return 0;
}

/// How a study's runs are computed: on this process's threads (run_study),
/// or with other MPI ranks taking part too.
struct StudyRunner {
  std::string where;  ///< for the opening line, e.g. "2 threads"
  std::function<analysis::StudyProgress(const sim::WorldModels&, analysis::ResultStore&, const analysis::StudyInfo&,
                                        const analysis::StudyOptions&)>
      run = [](const sim::WorldModels& models, analysis::ResultStore& store, const analysis::StudyInfo& info,
               const analysis::StudyOptions& options) { return analysis::run_study(models, store, info, options); };
  /// Called once the store is open and the models built, before any run (may be empty).
  std::function<void(const analysis::StudyInfo&)> on_ready;
};

int study(const McOptions& o, const sim::Scenario& scenario, const std::filesystem::path& db,
          const StudyRunner& runner) {
  const auto wanted = analysis::describe_study(scenario, o.scenario, o.seed.value_or(scenario.seed), *o.runs);

  analysis::ResultStore store(db);
  if (const auto stored = store.study()) {
    if (!o.resume) {
      throw InputError(SourceLocation{db.string()},
                       fmt::format("holds a study already ({} of {} runs); pass --resume to continue it, or remove "
                                   "the file to start again",
                                   store.committed_runs().size(), stored->runs_requested));
    }
    analysis::check_same_study(*stored, wanted, db.string());
    if (stored->runs_requested != wanted.runs_requested) store.set_runs_requested(wanted.runs_requested);
  } else {
    store.create_study(wanted);
  }

  const sim::WorldModels models(scenario);
  if (o.threads > 1) use_thread_safe_logger();
  analysis::ProgressReporter reporter(std::cerr, ::isatty(STDERR_FILENO) != 0);
  analysis::StudyOptions options;
  options.threads = o.threads;
  options.stop = &g_stop_requested;
  std::uint64_t already = 0;  // runs of this study done by earlier sessions (not part of the rate)
  for (const auto k : store.committed_runs()) already += k < wanted.runs_requested ? 1 : 0;
  options.on_progress = [&](std::uint64_t done, std::uint64_t total) { reporter.update(done, total, already); };
  analysis::StudyProgress progress;
  if (runner.on_ready) runner.on_ready(wanted);
  {
    const StopOnSignals handlers;
    fmt::print(stderr, "rampart mc: {} runs on {}, {} already in {}\n", wanted.runs_requested, runner.where, already,
               db.string());
    progress = runner.run(models, store, wanted, options);
  }
  reporter.finish();
  if (progress.interrupted) {
    fmt::print(stderr, "rampart mc: interrupted after {} of {} runs; continue with --resume\n", progress.completed,
               progress.requested);
    return kExitInterrupted;
  }

  const auto summary = analysis::summarize_study(store.records(wanted.runs_requested), wanted.asset_names);
  const auto json = analysis::study_summary_json(wanted, summary);
  {
    auto out = io::open_output_file(std::filesystem::path(o.out_dir) / "summary.json");
    out << json.dump(2) << '\n';
  }
  io::write_posture_exports(o.out_dir, scenario, models.earth());
  fmt::print("{}\n  results in {} and {}/summary.json (the posture: scenario.geojson, .kml, .czml)\n",
             analysis::study_summary_table(wanted, summary), db.string(), o.out_dir);
  if (!o.no_report) fmt::print("  report: {}\n", io::write_report(o.out_dir).string());
  return 0;
}

std::string threads_text(unsigned threads) { return fmt::format("{} thread{}", threads, threads == 1 ? "" : "s"); }

void check_options(const McOptions& o) {
  if (!o.rerun) {
    if (!o.runs) throw InputError(SourceLocation{"--runs"}, "the number of runs is required (or --rerun K)");
    if (*o.runs == 0) throw InputError(SourceLocation{"--runs"}, "must be at least 1");
  }
  if (o.threads == 0) throw InputError(SourceLocation{"--threads"}, "must be at least 1");
}

std::filesystem::path store_path(const McOptions& o) {
  return o.db.empty() ? std::filesystem::path(o.out_dir) / "results.sqlite" : std::filesystem::path(o.db);
}

#ifdef RAMPART_HAVE_MPI
/// Rank 0 under mpirun: everything a plain `rampart mc` does, with the other
/// ranks computing runs too once the store is open. Until then they wait for
/// the setup, which tells them whether there is a study to take part in.
int coordinate(const McOptions& o, const analysis::MpiSession& mpi) {
  bool shared = false;
  try {
    check_options(o);
    const sim::Scenario scenario = sim::load_scenario(o.scenario);
    io::make_output_directory(o.out_dir);
    if (o.rerun) {
      // One run: nothing to split. The other ranks end at once.
      analysis::share_study_setup(mpi, {analysis::StudySetup::Next::kNothing, 0, 0, ""});
      shared = true;
      return rerun(o, scenario, store_path(o));
    }
    StudyRunner runner;
    runner.where = fmt::format("{} processes ({} on each)", mpi.size(), threads_text(o.threads));
    runner.run = [&mpi](const sim::WorldModels& models, analysis::ResultStore& store, const analysis::StudyInfo& info,
                        const analysis::StudyOptions& options) {
      return analysis::run_study_coordinator(mpi, models, store, info, options);
    };
    runner.on_ready = [&](const analysis::StudyInfo& info) {
      analysis::share_study_setup(
          mpi, {analysis::StudySetup::Next::kStudy, info.seed, info.runs_requested, info.scenario_hash});
      shared = true;
    };
    return study(o, scenario, store_path(o), runner);
  } catch (...) {
    if (!shared) analysis::share_study_setup(mpi, {analysis::StudySetup::Next::kFailed, 0, 0, ""});
    throw;
  }
}

/// Every other rank: waits for rank 0's setup, checks that it reads the same
/// scenario, and computes the runs rank 0 hands it. Prints errors only.
int work(const McOptions& o, const analysis::MpiSession& mpi) {
  spdlog::default_logger()->set_level(spdlog::level::err);
  const auto setup = analysis::share_study_setup(mpi, {});
  if (setup.next != analysis::StudySetup::Next::kStudy) return 0;  // rank 0 reports why
  try {
    const sim::Scenario scenario = sim::load_scenario(o.scenario);
    const auto mine = analysis::describe_study(scenario, o.scenario, setup.seed, setup.runs);
    if (mine.scenario_hash != setup.scenario_hash) {
      throw InputError(SourceLocation{o.scenario},
                       fmt::format("rank {} reads another scenario (hash {}) than rank 0 (hash {}); every node must "
                                   "see the same file",
                                   mpi.rank(), mine.scenario_hash, setup.scenario_hash));
    }
    const sim::WorldModels models(scenario);
    if (o.threads > 1) use_thread_safe_logger();
    const StopOnSignals handlers;
    analysis::run_study_worker(mpi, models, setup.seed, o.threads, &g_stop_requested);
    return 0;
  } catch (const std::exception& e) {
    // Rank 0 waits for this rank's runs: the job cannot go on.
    fmt::print(stderr, "{} (rank {})\n", e.what(), mpi.rank());
    mpi.abort(2);
  }
}
#endif

/// Under mpirun (or srun): the study split across the ranks.
int run_under_mpi(const McOptions& o) {
#ifdef RAMPART_HAVE_MPI
  const analysis::MpiSession mpi;
  return mpi.rank() == 0 ? coordinate(o, mpi) : work(o, mpi);
#else
  (void)o;
  throw InputError(SourceLocation{"mpirun"},
                   "this build of rampart has no MPI support (OpenMPI was not found when it was built); run "
                   "`rampart mc` without mpirun, or install libopenmpi-dev and rebuild");
#endif
}

int run(const McOptions& o) {
  if (analysis::started_by_mpi_launcher()) return run_under_mpi(o);
  check_options(o);
  const sim::Scenario scenario = sim::load_scenario(o.scenario);
  io::make_output_directory(o.out_dir);
  if (o.rerun) return rerun(o, scenario, store_path(o));
  StudyRunner runner;
  runner.where = threads_text(o.threads);
  return study(o, scenario, store_path(o), runner);
}

}  // namespace

Command add_mc_command(CLI::App& root) {
  auto options = std::make_shared<McOptions>();
  CLI::App* app = root.add_subcommand(
      "mc", "Monte Carlo study: N runs on T threads into a resumable SQLite store, with aggregates and intervals");
  app->add_option("scenario", options->scenario, "Scenario file (YAML)")->type_name("SCENARIO")->required();
  app->add_option("--runs", options->runs, "Number of runs")->type_name("N");
  app->add_option("--threads", options->threads, "Worker threads (default: the machine's cores)")->type_name("T");
  app->add_option("--seed", options->seed, "Study seed (default: the scenario's)")->type_name("S");
  app->add_option("--db", options->db, "Result store (default: DIR/results.sqlite)")->type_name("FILE.sqlite");
  app->add_flag("--resume", options->resume, "Continue the study in the store (same scenario and seed)");
  app->add_option("--rerun", options->rerun, "Re-run run K alone and write its full outputs into DIR/run-K/")
      ->type_name("K");
  app->add_option("-o,--out", options->out_dir, "Output folder")->type_name("DIR")->default_str("out/mc");
  app->add_flag("--no-report", options->no_report, "Do not write report.html (the HTML report of the study)");
  return {app, [options] { return run(*options); }};
}

}  // namespace rampart::cli
