#include "rampart/track/association.hpp"

#include <numeric>

namespace rampart::track {

namespace {

// Union-find over tracks (0..n-1) and detections (n..n+m-1), path halving.
std::size_t find_root(std::vector<std::size_t>& parent, std::size_t k) {
  while (parent[k] != k) {
    parent[k] = parent[parent[k]];
    k = parent[k];
  }
  return k;
}

}  // namespace

std::vector<Cluster> clusters_of(const GatedScan& scan) {
  const std::size_t n = scan.track_count;
  std::vector<std::size_t> parent(n + scan.detection_count);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  for (const GatedPair& pair : scan.pairs) {
    const std::size_t a = find_root(parent, pair.track), b = find_root(parent, n + pair.detection);
    if (a != b) parent[b] = a;
  }

  std::vector<Cluster> clusters;
  std::vector<std::ptrdiff_t> cluster_of_root(parent.size(), -1);
  std::vector<char> in_pair(parent.size(), 0);
  for (const GatedPair& pair : scan.pairs) in_pair[pair.track] = in_pair[n + pair.detection] = 1;
  for (std::size_t k = 0; k < parent.size(); ++k) {
    if (!in_pair[k]) continue;
    const std::size_t root = find_root(parent, k);
    if (cluster_of_root[root] < 0) {
      cluster_of_root[root] = static_cast<std::ptrdiff_t>(clusters.size());
      clusters.emplace_back();
    }
    Cluster& cluster = clusters[static_cast<std::size_t>(cluster_of_root[root])];
    if (k < n) cluster.tracks.push_back(k); else cluster.detections.push_back(k - n);
  }
  for (std::size_t p = 0; p < scan.pairs.size(); ++p) {
    const std::size_t root = find_root(parent, scan.pairs[p].track);
    clusters[static_cast<std::size_t>(cluster_of_root[root])].pairs.push_back(p);
  }
  return clusters;
}

}  // namespace rampart::track
