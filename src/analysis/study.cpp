#include "rampart/analysis/study.hpp"

#include <chrono>
#include <condition_variable>
#include <algorithm>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "rampart/core/error.hpp"

namespace rampart::analysis {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourceLocation{path}, "cannot read the scenario");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// What the workers hand to the committing thread.
struct SharedQueue {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<RunRecord> finished;
  std::exception_ptr failure;
  unsigned workers_running = 0;
};

}  // namespace

StudyInfo describe_study(const sim::Scenario& scenario, const std::string& scenario_path, std::uint64_t seed,
                         std::uint64_t runs) {
  StudyInfo info;
  info.scenario_path = scenario_path;
  info.scenario_text = read_text(scenario_path);
  info.scenario_hash = fnv1a64_hex(info.scenario_text);
  info.seed = seed;
  info.runs_requested = runs;
  for (const auto& asset : scenario.defended_assets) info.asset_names.push_back(asset.name);
  return info;
}

void check_same_study(const StudyInfo& stored, const StudyInfo& wanted, const std::string& store_path) {
  const SourceLocation where{store_path};
  if (stored.scenario_hash != wanted.scenario_hash || stored.scenario_text != wanted.scenario_text) {
    throw InputError(where, "the scenario changed since this study began (hash " + stored.scenario_hash + ", now " +
                                wanted.scenario_hash + "); cannot resume: remove the store or choose another --db");
  }
  if (stored.seed != wanted.seed) {
    throw InputError(where, "the study was begun with seed " + std::to_string(stored.seed) + ", not " +
                                std::to_string(wanted.seed) + "; cannot resume with another seed");
  }
  if (stored.asset_names != wanted.asset_names) {
    throw InputError(where, "the store's defended assets differ from the scenario's; cannot resume");
  }
}

sim::RunOptions study_run_options(std::uint64_t study_seed, std::uint64_t run_index) {
  sim::RunOptions options;
  options.seed = run_seed(study_seed, run_index);
  options.keep_track_rows = false;
  return options;
}

std::optional<std::uint64_t> RunDispenser::take_one() {
  const std::size_t i = next_.fetch_add(1);
  if (i >= runs_.size()) return std::nullopt;
  return runs_[i];
}

std::vector<std::uint64_t> RunDispenser::take(std::size_t count) {
  if (count == 0) return {};
  const std::size_t first = next_.fetch_add(count);
  if (first >= runs_.size()) return {};
  const std::size_t last = std::min(runs_.size(), first + count);
  return {runs_.begin() + static_cast<std::ptrdiff_t>(first), runs_.begin() + static_cast<std::ptrdiff_t>(last)};
}

std::vector<std::uint64_t> missing_runs(const ResultStore& store, const StudyInfo& info) {
  const std::set<std::uint64_t> done = store.committed_runs();
  std::vector<std::uint64_t> to_run;
  for (std::uint64_t k = 0; k < info.runs_requested; ++k) {
    if (!done.count(k)) to_run.push_back(k);
  }
  return to_run;
}

std::vector<RunRecord> run_runs(const sim::WorldModels& models, std::uint64_t study_seed,
                                const std::vector<std::uint64_t>& runs, unsigned threads,
                                const std::atomic<bool>* stop) {
  RunDispenser dispenser(runs);
  std::mutex mutex;
  std::vector<RunRecord> records;
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto worker = [&] {
    while (!failed.load() && !(stop && stop->load())) {
      const auto k = dispenser.take_one();
      if (!k) break;
      try {
        auto record = make_run_record(*k, sim::run_world(models, study_run_options(study_seed, *k)));
        const std::lock_guard lock(mutex);
        records.push_back(std::move(record));
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned thread_count = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(runs.size())));
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < thread_count; ++t) workers.emplace_back(worker);
  worker();  // the calling thread is one of the workers
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
  return records;
}

StudyProgress run_study(const sim::WorldModels& models, ResultStore& store, const StudyInfo& info,
                        const StudyOptions& options) {
  std::vector<std::uint64_t> to_run = missing_runs(store, info);
  StudyProgress progress;
  progress.requested = info.runs_requested;
  progress.completed = info.runs_requested - to_run.size();
  RunDispenser dispenser(std::move(to_run));

  std::atomic<bool> failed{false};
  SharedQueue queue;
  auto stopping = [&] { return failed.load() || (options.stop && options.stop->load()); };
  auto worker = [&] {
    while (!stopping()) {
      const auto k = dispenser.take_one();
      if (!k) break;
      try {
        const auto result = sim::run_world(models, study_run_options(info.seed, *k));
        auto record = make_run_record(*k, result);
        const std::lock_guard lock(queue.mutex);
        queue.finished.push_back(std::move(record));
      } catch (...) {
        const std::lock_guard lock(queue.mutex);
        if (!queue.failure) queue.failure = std::current_exception();
        failed = true;
      }
      queue.changed.notify_one();
    }
    const std::lock_guard lock(queue.mutex);
    --queue.workers_running;
    queue.changed.notify_one();
  };

  const unsigned thread_count = std::max(1u, options.threads);
  queue.workers_running = thread_count;
  std::vector<std::thread> workers;
  workers.reserve(thread_count);
  for (unsigned t = 0; t < thread_count; ++t) workers.emplace_back(worker);

  // The calling thread owns the store: it commits the finished runs in
  // batches and reports progress until every worker has stopped.
  using Clock = std::chrono::steady_clock;
  auto last_commit = Clock::now();
  std::size_t seen = 0;  // finished runs waiting in the queue at the last look
  std::exception_ptr store_failure;
  bool remote_active = static_cast<bool>(options.remote);
  for (;;) {
    if (remote_active) {
      // Outside the queue's lock: the threads keep finishing runs meanwhile.
      std::vector<RunRecord> received;
      try {
        remote_active = options.remote(dispenser, stopping(), received);
      } catch (...) {
        if (!store_failure) store_failure = std::current_exception();
        failed = true;
        remote_active = false;
      }
      if (!received.empty()) {
        const std::lock_guard lock(queue.mutex);
        for (auto& r : received) queue.finished.push_back(std::move(r));
      }
    }
    std::vector<RunRecord> batch;
    bool finished = false;
    std::size_t waiting = 0;
    {
      std::unique_lock lock(queue.mutex);
      // A predicate, not a bare wait: a notification sent while this thread
      // was committing must not cost a whole timeout. With other processes
      // taking part the wait is short, so that their messages are answered.
      const auto timeout = remote_active ? std::chrono::milliseconds(2) : std::chrono::milliseconds(200);
      queue.changed.wait_for(lock, timeout, [&] {
        return queue.finished.size() != seen || (!remote_active && (queue.workers_running == 0 || stopping()));
      });
      finished = queue.workers_running == 0 && !remote_active;
      const bool due = queue.finished.size() >= options.commit_every_runs ||
                       std::chrono::duration<double>(Clock::now() - last_commit).count() >= options.commit_every_s;
      if (finished || due || stopping()) batch.swap(queue.finished);
      seen = waiting = queue.finished.size();
    }
    if (!batch.empty() && !store_failure) {
      try {
        store.commit(batch);
        progress.completed += batch.size();
      } catch (...) {
        store_failure = std::current_exception();
        failed = true;
      }
      last_commit = Clock::now();
    }
    if (options.on_progress) options.on_progress(progress.completed + waiting, progress.requested);
    if (finished) break;
  }
  for (auto& w : workers) w.join();
  if (queue.failure) std::rethrow_exception(queue.failure);
  if (store_failure) std::rethrow_exception(store_failure);
  progress.interrupted = progress.completed < progress.requested;
  return progress;
}

}  // namespace rampart::analysis
