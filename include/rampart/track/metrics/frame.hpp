#pragma once
// What the metrics compare at one time: the true objects and the tracker's
// estimates, as plain values (filled by the simulation or a test).

#include <cstdint>
#include <optional>
#include <vector>

#include "rampart/core/vector.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/detection.hpp"
#include "rampart/track/state.hpp"

namespace rampart::track {

/// A true object at the frame's time.
struct TruthObject {
  sense::TruthId id = 0;
  Vec3 r_I_m = Vec3::Zero();
  Vec3 v_I_mps = Vec3::Zero();
  std::optional<earth::Geodetic> impact_point;  ///< where it will land, if it does
};

/// A track's estimate at the frame's time: state.x starts with r_I, v_I (ECI).
struct TrackEstimate {
  std::uint64_t id = 0;
  GaussianState state;
  bool confirmed = false;
  std::optional<earth::Geodetic> predicted_impact;
};

struct MetricFrame {
  double t_s = 0.0;
  std::vector<TruthObject> truths;
  std::vector<TrackEstimate> tracks;
};

/// How tracks are paired with truths at a frame.
struct MatchOptions {
  double gate_m = 5000.0;       ///< pairs farther apart in position are never matched (> 0)
  bool confirmed_only = true;   ///< ignore tentative tracks
};

/// One matched pair: indices into frame.truths and frame.tracks.
struct TruthTrackPair {
  int truth_index = 0;
  int track_index = 0;
  double distance_m = 0.0;
};

/// The one-to-one pairing of tracks with truths that minimises the sum of
/// squared position distances, each clipped at the gate (the GOSPA
/// assignment, p = 2, c = gate_m), pairs at or beyond the gate dropped.
/// Throws std::invalid_argument for gate_m <= 0.
std::vector<TruthTrackPair> match_tracks_to_truth(const MetricFrame& frame, const MatchOptions& options);

/// Positions of the truths, and of the (confirmed, if asked) tracks, for ospa() and gospa().
std::vector<Vec3> truth_positions(const MetricFrame& frame);
std::vector<Vec3> track_positions(const MetricFrame& frame, bool confirmed_only);

}  // namespace rampart::track
