#pragma once
// Poisson draws from a RandomStream, for false-alarm counts.

#include <cstdint>

#include "rampart/core/random.hpp"

namespace rampart::sense {

/// A Poisson-distributed count with the given mean (>= 0, finite), by exact
/// inversion of the CDF in chunks of mean <= 500 (a sum of independent
/// Poisson counts is Poisson), so the cost grows with the mean like the
/// number of events it stands for. Throws std::invalid_argument otherwise.
std::int64_t draw_poisson(double mean, RandomStream& rng);

}  // namespace rampart::sense
