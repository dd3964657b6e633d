#include "rampart/core/random.hpp"

#include <cmath>
#include <stdexcept>

#include "rampart/core/constants.hpp"

namespace rampart {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t entity_id) {
  // Mix the two keys through splitmix64 so that neighbouring seeds and ids
  // give unrelated streams.
  std::uint64_t state = seed;
  std::uint64_t key = splitmix64(state) ^ entity_id;
  for (auto& word : s_) word = splitmix64(key);
}

RandomStream RandomStream::from_state(const std::array<std::uint64_t, 4>& state) {
  // The all-zero state is the one fixed point of xoshiro: it outputs zeros forever.
  if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0) {
    throw std::invalid_argument("RandomStream::from_state: the all-zero state is not allowed");
  }
  RandomStream stream;
  for (std::size_t i = 0; i < state.size(); ++i) stream.s_[i] = state[i];
  return stream;
}

std::uint64_t RandomStream::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double RandomStream::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double RandomStream::uniform(double low, double high) {
  // With u = 1 - 2^-53 the product can round up to `high` when |low| is large
  // compared with (high - low); step back to the largest double below it.
  const double x = low + (high - low) * uniform();
  return x < high ? x : std::nextafter(high, low);
}

double RandomStream::normal() {
  if (has_cached_normal_) {
    has_cached_normal_ = false;
    return cached_normal_;
  }
  // 1 - uniform() lies in (0, 1], so the logarithm is finite.
  const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
  const double angle = 2.0 * constants::kPi * uniform();
  cached_normal_ = radius * std::sin(angle);
  has_cached_normal_ = true;
  return radius * std::cos(angle);
}

double RandomStream::normal(double mean, double stddev) { return mean + stddev * normal(); }

}  // namespace rampart
