#pragma once
// Reproducible random streams. Each entity of a run draws from its own
// stream derived from (run seed, entity id), so results do not depend on
// thread count or the order in which entities are processed. The engine and
// the uniform/normal transforms are written out here so that the numbers are
// the same on every platform and standard library.

#include <cstdint>

namespace rampart {

/// xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64.
class RandomStream {
 public:
  /// The stream of `entity_id` in the run seeded with `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t entity_id);

  /// Next raw 64-bit output.
  std::uint64_t next_u64();
  /// Uniform in [0, 1), 53 random bits.
  double uniform();
  /// Uniform in [low, high).
  double uniform(double low, double high);
  /// Standard normal by the Box-Muller transform (pairs cached).
  double normal();
  /// Normal with the given mean and standard deviation.
  double normal(double mean, double stddev);

 private:
  std::uint64_t s_[4];
  double cached_normal_ = 0.0;
  bool has_cached_normal_ = false;
};

}  // namespace rampart
