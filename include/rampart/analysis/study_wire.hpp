#pragma once
// The byte encoding of the messages a worker process sends to rank 0 in a
// study split across processes (analysis/study_mpi.hpp): the runs it wants
// next and the records it finished. Integers are little-endian of fixed
// width and doubles their IEEE-754 bit pattern, so that a record decoded on
// rank 0 compares equal to the record made on the worker, bit for bit, and
// the store is the same as a threaded study's.

#include <cstdint>
#include <string>
#include <vector>

#include "rampart/analysis/run_record.hpp"

namespace rampart::analysis {

/// One message from a worker process to the coordinator.
struct WorkerReport {
  std::uint32_t runs_wanted = 0;    ///< how many runs to hand out next (0: the worker is stopping)
  std::vector<RunRecord> records;   ///< the runs finished since the last report

  bool operator==(const WorkerReport&) const = default;
};

/// The bytes of `report`.
std::string encode_worker_report(const WorkerReport& report);

/// The report encoded in `bytes`. Throws std::runtime_error if the bytes are
/// truncated or have bytes left over (a message cut or mixed up in transit).
WorkerReport decode_worker_report(const std::string& bytes);

}  // namespace rampart::analysis
