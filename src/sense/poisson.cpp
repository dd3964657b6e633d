#include "rampart/sense/poisson.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rampart::sense {

namespace {

// Inversion: walk the CDF from 0 until it passes a uniform draw. e^-mean
// stays far above the smallest double for mean <= 500.
std::int64_t draw_by_inversion(double mean, RandomStream& rng) {
  const double u = rng.uniform();
  double p = std::exp(-mean);
  double cdf = p;
  std::int64_t k = 0;
  // The bound stops a u within rounding of 1 from looping past the last
  // representable term; the tail there is far below 1e-300.
  const std::int64_t k_max = static_cast<std::int64_t>(mean + 40.0 * std::sqrt(mean) + 100.0);
  while (u >= cdf && k < k_max) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

}  // namespace

std::int64_t draw_poisson(double mean, RandomStream& rng) {
  if (!(mean >= 0.0) || !std::isfinite(mean)) throw std::invalid_argument("Poisson mean must be finite and >= 0");
  constexpr double kChunk = 500.0;
  std::int64_t count = 0;
  double left = mean;
  while (left > 0.0) {
    const double part = std::min(left, kChunk);
    count += draw_by_inversion(part, rng);
    left -= part;
  }
  return count;
}

}  // namespace rampart::sense
