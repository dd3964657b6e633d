#include "rampart/track/jpda.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace rampart::track {

namespace {

struct Option {
  std::size_t cluster_pair;  // index into Cluster::pairs
  std::size_t detection;     // local index into Cluster::detections
  double weight;             // Pd N / lambda, scaled per track
};

std::size_t local_index(const std::vector<std::size_t>& members, std::size_t k) {
  return static_cast<std::size_t>(std::lower_bound(members.begin(), members.end(), k) - members.begin());
}

GaussianState mix_gaussians(const std::vector<const GaussianState*>& states, const std::vector<double>& weights) {
  GaussianState out;
  out.t_s = states.front()->t_s;
  out.x = StateVector::Zero(states.front()->x.size());
  for (std::size_t k = 0; k < states.size(); ++k) out.x += weights[k] * states[k]->x;
  out.P = StateMatrix::Zero(out.x.size(), out.x.size());
  for (std::size_t k = 0; k < states.size(); ++k) {
    const StateVector dx = states[k]->x - out.x;
    out.P += weights[k] * (states[k]->P + dx * dx.transpose());
  }
  out.P = 0.5 * (out.P + out.P.transpose()).eval();
  return out;
}

}  // namespace

ClusterWeights association_weights(const GatedScan& scan, const Cluster& cluster, const JpdaParameters& parameters,
                                   double gate_probability) {
  const std::size_t nt = cluster.tracks.size();
  const double Pd = parameters.detection_probability;
  const double log_miss = std::log1p(-Pd * gate_probability);
  const double log_hit = std::log(Pd) - std::log(parameters.clutter_density);

  // Options of each track; weights are scaled per track (every joint event
  // takes exactly one option of each track, so a per-track factor cancels).
  std::vector<std::vector<Option>> options(nt);
  std::vector<double> miss(nt);
  for (std::size_t k = 0; k < cluster.pairs.size(); ++k) {
    const GatedPair& pair = scan.pairs[cluster.pairs[k]];
    options[local_index(cluster.tracks, pair.track)].push_back(
        {k, local_index(cluster.detections, pair.detection), log_hit + pair.log_likelihood()});
  }
  double events_bound = 1.0;
  for (std::size_t t = 0; t < nt; ++t) {
    double top = log_miss;
    for (const Option& o : options[t]) top = std::max(top, o.weight);
    for (Option& o : options[t]) o.weight = std::exp(o.weight - top);
    miss[t] = std::exp(log_miss - top);
    events_bound *= static_cast<double>(options[t].size() + 1);
  }

  ClusterWeights w;
  w.beta.assign(cluster.pairs.size(), 0.0);
  w.beta_none.assign(nt, 0.0);

  if (events_bound <= static_cast<double>(parameters.max_joint_events)) {
    // Exact: depth-first over tracks, each taking a free detection or none.
    std::vector<char> used(cluster.detections.size(), 0);
    std::vector<std::ptrdiff_t> choice(nt, -1);  // index into options[t], -1 = missed
    double total = 0.0;
    const std::function<void(std::size_t, double)> visit = [&](std::size_t t, double weight) {
      if (t == nt) {
        total += weight;
        for (std::size_t s = 0; s < nt; ++s) {
          if (choice[s] < 0) w.beta_none[s] += weight;
          else w.beta[options[s][static_cast<std::size_t>(choice[s])].cluster_pair] += weight;
        }
        return;
      }
      choice[t] = -1;
      visit(t + 1, weight * miss[t]);
      for (std::size_t k = 0; k < options[t].size(); ++k) {
        const Option& o = options[t][k];
        if (used[o.detection]) continue;
        used[o.detection] = 1;
        choice[t] = static_cast<std::ptrdiff_t>(k);
        visit(t + 1, weight * o.weight);
        used[o.detection] = 0;
      }
      choice[t] = -1;
    };
    visit(0, 1.0);
    for (double& b : w.beta) b /= total;
    for (double& b : w.beta_none) b /= total;
    return w;
  }

  // Cheap JPDA (Fitzgerald 1985): beta_tj = G_tj / (G_t + S_j - G_tj + B) with
  // G_tj = Pd N_tj / lambda, G_t its sum over j, S_j its sum over t and
  // B = 1 - Pd Pg; for a lone track this is exactly PDA.
  w.exact = false;
  std::vector<double> G(cluster.pairs.size()), G_t(nt, 0.0), S_j(cluster.detections.size(), 0.0);
  for (std::size_t k = 0; k < cluster.pairs.size(); ++k) {
    const GatedPair& pair = scan.pairs[cluster.pairs[k]];
    G[k] = std::exp(log_hit + pair.log_likelihood());
    G_t[local_index(cluster.tracks, pair.track)] += G[k];
    S_j[local_index(cluster.detections, pair.detection)] += G[k];
  }
  const double B = std::exp(log_miss);
  std::fill(w.beta_none.begin(), w.beta_none.end(), 1.0);
  for (std::size_t k = 0; k < cluster.pairs.size(); ++k) {
    const GatedPair& pair = scan.pairs[cluster.pairs[k]];
    const std::size_t t = local_index(cluster.tracks, pair.track), j = local_index(cluster.detections, pair.detection);
    w.beta[k] = G[k] / (G_t[t] + S_j[j] - G[k] + B);
    w.beta_none[t] -= w.beta[k];
  }
  return w;
}

TrackState mix(const std::vector<TrackState>& states, const std::vector<double>& weights) {
  if (states.empty() || states.size() != weights.size()) throw std::invalid_argument("mix: one weight per state");
  std::vector<const GaussianState*> estimates;
  for (const TrackState& s : states) estimates.push_back(&s.estimate);
  TrackState out;
  out.estimate = mix_gaussians(estimates, weights);

  const std::size_t n_modes = states.front().modes.size();
  const bool same_modes = std::all_of(states.begin(), states.end(), [&](const TrackState& s) {
    return s.modes.size() == n_modes && static_cast<std::size_t>(s.mode_probabilities.size()) == n_modes;
  });
  if (n_modes == 0 || !same_modes) return out;
  // Per mode m the hypotheses weigh w_k mu_k^m: the mixture's mode
  // probability is their sum, its state their normalised mixture.
  out.mode_probabilities = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_modes));
  for (std::size_t m = 0; m < n_modes; ++m) {
    std::vector<const GaussianState*> mode_states;
    std::vector<double> mode_weights;
    double mu = 0.0;
    for (std::size_t k = 0; k < states.size(); ++k) {
      mode_states.push_back(&states[k].modes[m]);
      mode_weights.push_back(weights[k] * states[k].mode_probabilities(static_cast<Eigen::Index>(m)));
      mu += mode_weights.back();
    }
    for (double& wm : mode_weights) wm = mu > 0.0 ? wm / mu : 1.0 / static_cast<double>(states.size());
    out.modes.push_back(mix_gaussians(mode_states, mode_weights));
    out.mode_probabilities(static_cast<Eigen::Index>(m)) = mu;
  }
  return out;
}

JpdaAssociator::JpdaAssociator(const Filter& filter, const Gate& gate, const JpdaParameters& parameters)
    : filter_(filter), gate_(gate), parameters_(parameters) {
  if (!(parameters.detection_probability > 0.0 && parameters.detection_probability <= 1.0))
    throw std::invalid_argument("JpdaAssociator: detection_probability must be in (0, 1]");
  if (!(parameters.clutter_density > 0.0) || !std::isfinite(parameters.clutter_density))
    throw std::invalid_argument("JpdaAssociator: clutter_density must be positive and finite");
  if (parameters.max_joint_events == 0) throw std::invalid_argument("JpdaAssociator: max_joint_events must be >= 1");
}

Association JpdaAssociator::associate(const std::vector<TrackState>& predicted,
                                      const std::vector<sense::Detection>& detections,
                                      const RadarMeasurementModel& sensor, double t_s) const {
  Association result;
  result.tracks.resize(predicted.size());
  result.track_of_detection.resize(detections.size());
  const GatedScan scan = gate_.gate(predicted, detections, sensor, filter_, t_s);
  std::vector<double> best_beta(detections.size(), -1.0);

  for (const Cluster& cluster : clusters_of(scan)) {
    const ClusterWeights w = association_weights(scan, cluster, parameters_, gate_.probability());
    for (std::size_t t = 0; t < cluster.tracks.size(); ++t) {
      const std::size_t track = cluster.tracks[t];
      std::vector<TrackState> hypotheses{predicted[track]};
      std::vector<double> weights{w.beta_none[t]};
      double top = -std::numeric_limits<double>::infinity();
      for (std::size_t k = 0; k < cluster.pairs.size(); ++k) {
        const GatedPair& pair = scan.pairs[cluster.pairs[k]];
        if (pair.track != track) continue;
        hypotheses.push_back(filter_.update(predicted[track], detections[pair.detection], sensor));
        weights.push_back(w.beta[k]);
        top = std::max(top, pair.log_likelihood());
        if (w.beta[k] > best_beta[pair.detection]) {
          best_beta[pair.detection] = w.beta[k];
          result.track_of_detection[pair.detection] = track;
        }
      }
      // ln of the beta-weighted mean likelihood, by log-sum-exp.
      double sum_beta = 0.0, sum = 0.0;
      for (std::size_t k = 0; k < cluster.pairs.size(); ++k) {
        const GatedPair& pair = scan.pairs[cluster.pairs[k]];
        if (pair.track != track) continue;
        sum_beta += w.beta[k];
        sum += w.beta[k] * std::exp(pair.log_likelihood() - top);
      }
      const double log_likelihood = sum_beta > 0.0 ? top + std::log(sum / sum_beta) : top;
      result.tracks[track] = TrackUpdate{mix(hypotheses, weights), log_likelihood};
    }
  }
  return result;
}

}  // namespace rampart::track
