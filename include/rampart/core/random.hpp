#pragma once
// Reproducible random streams. Each entity of a run draws from its own
// stream derived from (run seed, entity id), so results do not depend on
// thread count or the order in which entities are processed. The engine and
// the uniform/normal transforms are written out here so that the numbers are
// the same on every platform and standard library.

#include <array>
#include <cstdint>

namespace rampart {

/// One step of splitmix64 (Steele, Lea & Flood 2014; Vigna's reference
/// splitmix64.c): advances `state` and returns the next output. Used to seed
/// RandomStream; exposed so that tests can check it against published outputs.
std::uint64_t splitmix64(std::uint64_t& state);

/// xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64.
class RandomStream {
 public:
  /// The stream of `entity_id` in the run seeded with `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t entity_id);
  /// A stream starting from an explicit xoshiro256** state (for replay and
  /// reference tests). Throws std::invalid_argument if all four words are zero.
  static RandomStream from_state(const std::array<std::uint64_t, 4>& state);

  /// Next raw 64-bit output.
  std::uint64_t next_u64();
  /// Uniform in [0, 1), 53 random bits.
  double uniform();
  /// Uniform in [low, high) for low < high (the result is kept below `high`
  /// even where low + (high - low) * u would round up to it).
  double uniform(double low, double high);
  /// Standard normal by the Box-Muller transform (pairs cached).
  double normal();
  /// Normal with the given mean and standard deviation.
  double normal(double mean, double stddev);

 private:
  RandomStream() = default;

  std::uint64_t s_[4] = {};
  double cached_normal_ = 0.0;
  bool has_cached_normal_ = false;
};

}  // namespace rampart
