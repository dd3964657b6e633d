#include "rampart/track/track.hpp"

#include <algorithm>
#include <bit>

namespace rampart::track {

namespace {
std::uint64_t window_mask(int n_scans) {
  const int n = std::clamp(n_scans, 0, 64);
  return n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}
}  // namespace

int Track::hits_in_last(int n_scans) const { return std::popcount(hit_history & window_mask(n_scans)); }

int Track::scans_in_last(int n_scans) const { return std::min(scans, std::clamp(n_scans, 0, 64)); }

void Track::record(ScanResult result) {
  if (result == ScanResult::kNotSeen) return;
  const bool hit = result == ScanResult::kHit;
  hit_history = (hit_history << 1) | (hit ? 1u : 0u);
  scans = std::min(scans + 1, 64);
  hits += hit ? 1 : 0;
  misses_in_a_row = hit ? 0 : misses_in_a_row + 1;
}

}  // namespace rampart::track
