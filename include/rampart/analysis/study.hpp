#pragma once
// A Monte Carlo study: the runs of one scenario, each with the seed derived
// from (study seed, run index), computed by worker threads that share one
// read-only WorldModels and pull run indices from an atomic counter, and
// committed to the result store in batches by the calling thread. The runs
// already in the store are skipped, so an interrupted study resumes where
// it stopped and ends with the same rows as an uninterrupted one. Other
// processes (analysis/study_mpi.hpp) can take part through StudyOptions::remote:
// they draw runs from the same RunDispenser as the threads.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rampart/analysis/result_store.hpp"
#include "rampart/sim/world.hpp"

namespace rampart::analysis {

/// The identity of the study of `scenario` (read from `scenario_path`, whose
/// exact text is hashed) with the given seed and number of runs.
StudyInfo describe_study(const sim::Scenario& scenario, const std::string& scenario_path, std::uint64_t seed,
                         std::uint64_t runs);

/// Throws InputError (at `store_path`) if `stored` is another study than
/// `wanted`: another scenario text or hash, another seed or other assets.
void check_same_study(const StudyInfo& stored, const StudyInfo& wanted, const std::string& store_path);

/// Hands out the runs of a study exactly once each, to the local threads and
/// to other processes alike. Thread-safe (one atomic counter).
class RunDispenser {
 public:
  /// Will hand out `runs`, in this order.
  explicit RunDispenser(std::vector<std::uint64_t> runs) : runs_(std::move(runs)) {}
  /// The next run, or none once every run has been handed out.
  std::optional<std::uint64_t> take_one();
  /// Up to `count` runs not handed out yet (empty once every run has been).
  std::vector<std::uint64_t> take(std::size_t count);

 private:
  std::vector<std::uint64_t> runs_;
  std::atomic<std::size_t> next_{0};
};

/// Other processes taking part in a study (MPI). Called on the committing
/// thread about every 2 ms: appends the records received since the last call
/// to `received`, hands out more runs from the dispenser unless `stopping`,
/// and returns true while more records may still come.
using RemoteRuns =
    std::function<bool(RunDispenser& dispenser, bool stopping, std::vector<RunRecord>& received)>;

struct StudyOptions {
  unsigned threads = 1;
  std::size_t commit_every_runs = 20;   ///< a batch is committed after this many runs ...
  double commit_every_s = 1.0;          ///< ... or this long after the last commit
  /// Set (by a signal handler, a test) to stop handing out runs; the runs in
  /// flight are finished and committed. May be null.
  const std::atomic<bool>* stop = nullptr;
  /// Called on the calling thread as runs finish and at least every 200 ms:
  /// (runs of the study finished, whether committed yet or not, runs requested).
  std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;
  /// Other processes computing runs of this study, if any (may be empty).
  RemoteRuns remote;
};

struct StudyProgress {
  std::uint64_t completed = 0;   ///< runs of the study in the store
  std::uint64_t requested = 0;
  bool interrupted = false;      ///< stopped before every run was done
};

/// Runs every run k < info.runs_requested not yet in `store` and commits
/// each. The store must hold `info` as its study. A run that throws stops
/// the study; the exception is rethrown after the runs in flight are committed.
StudyProgress run_study(const sim::WorldModels& models, ResultStore& store, const StudyInfo& info,
                        const StudyOptions& options = {});

/// The runs k < info.runs_requested not yet in `store`, in increasing order.
std::vector<std::uint64_t> missing_runs(const ResultStore& store, const StudyInfo& info);

/// Runs the given runs of the study seeded `study_seed` on `threads` threads
/// and gives back their records (in no particular order); with `stop` set
/// (may be null) it starts no more runs and gives back those finished. Used by
/// the worker processes of a study split across processes. A run that throws
/// stops the others; the exception is rethrown.
std::vector<RunRecord> run_runs(const sim::WorldModels& models, std::uint64_t study_seed,
                                const std::vector<std::uint64_t>& runs, unsigned threads,
                                const std::atomic<bool>* stop = nullptr);

/// The options of run k of a study seeded `study_seed` (seed derived, no track rows).
sim::RunOptions study_run_options(std::uint64_t study_seed, std::uint64_t run_index);

}  // namespace rampart::analysis
