#include "rampart/analysis/study_mpi.hpp"

#include <cstdlib>

#ifdef RAMPART_HAVE_MPI
#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>
#include <vector>

#include "rampart/analysis/study_wire.hpp"
#endif

namespace rampart::analysis {

bool started_by_mpi_launcher() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMI launchers (srun
  // --mpi=pmi2, MPICH's hydra) PMI_SIZE; PMIx launchers (srun --mpi=pmix) PMIX_RANK.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

#ifdef RAMPART_HAVE_MPI
namespace {

constexpr int kTagReport = 1;  // worker -> rank 0: WorkerReport bytes
constexpr int kTagWork = 2;    // rank 0 -> worker: run indices (none: stop)

/// Waits for `request` without spinning (see the header).
void wait_quietly(MPI_Request& request, MPI_Status* status = MPI_STATUS_IGNORE) {
  for (;;) {
    int done = 0;
    MPI_Test(&request, &done, status);
    if (done) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

/// How many runs a worker with `threads` threads asks for at a time: enough
/// to keep its threads busy between messages, few enough that the ranks end together.
std::uint32_t batch_for(unsigned threads) { return 2 * std::max(1u, threads); }

}  // namespace

MpiSession::MpiSession() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  // MPI_Finalize synchronizes the ranks by spinning; a barrier waited for
  // quietly first keeps a finished rank from taking rank 0's core.
  MPI_Request barrier;
  MPI_Ibarrier(MPI_COMM_WORLD, &barrier);
  wait_quietly(barrier);
  MPI_Finalize();
}

void MpiSession::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::abort();  // MPI_Abort does not return; this tells the compiler so
}

StudySetup share_study_setup(const MpiSession& mpi, const StudySetup& setup) {
  std::uint64_t head[4] = {static_cast<std::uint64_t>(setup.next), setup.seed, setup.runs,
                           setup.scenario_hash.size()};
  MPI_Request request;
  MPI_Ibcast(head, 4, MPI_UINT64_T, 0, MPI_COMM_WORLD, &request);
  wait_quietly(request);
  std::string hash = mpi.rank() == 0 ? setup.scenario_hash : std::string(head[3], '\0');
  MPI_Ibcast(hash.data(), static_cast<int>(hash.size()), MPI_CHAR, 0, MPI_COMM_WORLD, &request);
  wait_quietly(request);
  return {static_cast<StudySetup::Next>(head[0]), head[1], head[2], hash};
}

StudyProgress run_study_coordinator(const MpiSession& mpi, const sim::WorldModels& models, ResultStore& store,
                                    const StudyInfo& info, StudyOptions options) {
  const int others = mpi.size() - 1;
  int retired = 0;  // ranks told that there is nothing left
  options.remote = [&mpi, others, &retired](RunDispenser& dispenser, bool stopping,
                                            std::vector<RunRecord>& received) {
    for (;;) {
      int arrived = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, kTagReport, MPI_COMM_WORLD, &arrived, &status);
      if (!arrived) break;
      int size = 0;
      MPI_Get_count(&status, MPI_BYTE, &size);
      std::string bytes(static_cast<std::size_t>(size), '\0');
      MPI_Recv(bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, kTagReport, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      WorkerReport report;
      try {
        report = decode_worker_report(bytes);
      } catch (const std::exception& e) {
        // The sender waits for an answer that cannot be given: end the job.
        std::fprintf(stderr, "rampart: error: message from rank %d: %s\n", status.MPI_SOURCE, e.what());
        mpi.abort(1);
      }
      for (auto& r : report.records) received.push_back(std::move(r));
      const std::vector<std::uint64_t> work =
          stopping ? std::vector<std::uint64_t>{} : dispenser.take(report.runs_wanted);
      MPI_Send(work.data(), static_cast<int>(work.size()), MPI_UINT64_T, status.MPI_SOURCE, kTagWork,
               MPI_COMM_WORLD);
      if (work.empty()) ++retired;
    }
    return retired < others;
  };
  return run_study(models, store, info, options);
}

void run_study_worker(const MpiSession&, const sim::WorldModels& models, std::uint64_t study_seed,
                      unsigned threads, const std::atomic<bool>* stop) {
  auto stopping = [stop] { return stop && stop->load(); };
  WorkerReport report;
  for (;;) {
    report.runs_wanted = stopping() ? 0 : batch_for(threads);
    const std::string bytes = encode_worker_report(report);
    MPI_Request request;
    MPI_Isend(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kTagReport, MPI_COMM_WORLD, &request);
    wait_quietly(request);

    std::vector<std::uint64_t> work(report.runs_wanted);
    MPI_Irecv(work.data(), static_cast<int>(work.size()), MPI_UINT64_T, 0, kTagWork, MPI_COMM_WORLD, &request);
    MPI_Status status;
    wait_quietly(request, &status);
    int count = 0;
    MPI_Get_count(&status, MPI_UINT64_T, &count);
    work.resize(static_cast<std::size_t>(count));
    if (work.empty()) return;
    report.records = run_runs(models, study_seed, work, threads, stop);
  }
}

#endif  // RAMPART_HAVE_MPI

}  // namespace rampart::analysis
