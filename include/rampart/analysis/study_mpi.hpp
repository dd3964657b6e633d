#pragma once
// A Monte Carlo study split across processes with MPI (`mpirun -np K rampart
// mc ...`). Rank 0 owns the store and is a worker too: its threads and the
// other ranks draw runs from one RunDispenser, the other ranks in batches of
// twice their thread count when they ask for more (dynamic balance: a slow
// rank simply asks less often). Every rank sends its finished records to
// rank 0 (byte encoding: analysis/study_wire.hpp), which commits them as a
// threaded study does. Run k's seed depends on (study seed, k) only, so the
// store is the same as a threaded study's.
//
// Only the thread that made the MpiSession calls MPI (MPI_THREAD_FUNNELED).
// Waits are MPI_Test loops with a short sleep rather than blocking calls,
// which Open MPI implements by spinning: a rank that waits must not take a
// core from the ranks that compute, on a laptop as on an oversubscribed node.

#include <atomic>
#include <cstdint>
#include <string>

#include "rampart/analysis/study.hpp"

namespace rampart::analysis {

/// Whether this process was started by an MPI launcher (mpirun, or srun with
/// PMI/PMIx): OMPI_COMM_WORLD_SIZE, PMI_SIZE or PMIX_RANK is set. Reads the environment only
/// and never calls MPI, so that a plain `rampart` never starts MPI.
bool started_by_mpi_launcher();

/// Whether this build has MPI support (OpenMPI was found when it was built).
#ifdef RAMPART_HAVE_MPI
inline constexpr bool kHaveMpi = true;
#else
inline constexpr bool kHaveMpi = false;
#endif

#ifdef RAMPART_HAVE_MPI

/// MPI for the lifetime of the object (MPI_Init_thread, MPI_Finalize after
/// a barrier that waits without spinning). One per process.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  /// This process's rank in MPI_COMM_WORLD (0 is the coordinator).
  int rank() const { return rank_; }
  /// The number of processes in MPI_COMM_WORLD.
  int size() const { return size_; }
  /// Ends every process of the job with `code` (MPI_Abort): for an error
  /// on one rank that leaves the others waiting for it.
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

/// What rank 0 tells the other ranks once it has read the options and
/// opened the store.
struct StudySetup {
  enum class Next : std::uint64_t { kStudy = 0, kNothing = 1, kFailed = 2 };
  Next next = Next::kFailed;      ///< run the study, or nothing for the other ranks to do
  std::uint64_t seed = 0;         ///< the study seed
  std::uint64_t runs = 0;         ///< runs requested
  std::string scenario_hash;      ///< of the scenario text rank 0 read (the others check theirs)

  bool operator==(const StudySetup&) const = default;
};

/// Collective: rank 0's `setup` is given back on every rank (the argument is
/// ignored on the others).
StudySetup share_study_setup(const MpiSession& mpi, const StudySetup& setup);

/// Rank 0's part of a study: run_study with `options.threads` threads here
/// and the other ranks taking part (options.remote is set by this function).
/// Returns once every other rank has been told there is nothing left (all
/// runs handed out, or a stop was requested and their runs in flight came back).
StudyProgress run_study_coordinator(const MpiSession& mpi, const sim::WorldModels& models, ResultStore& store,
                                    const StudyInfo& info, StudyOptions options);

/// The part of every other rank: asks rank 0 for runs, runs them on
/// `threads` threads, sends the records back, until rank 0 has none left.
/// With `stop` set it finishes the runs in flight, sends them and returns.
void run_study_worker(const MpiSession& mpi, const sim::WorldModels& models, std::uint64_t study_seed,
                      unsigned threads, const std::atomic<bool>* stop);

#endif  // RAMPART_HAVE_MPI

}  // namespace rampart::analysis
