// Verification of gating and data association: the chi-square gate against
// published table values and numerical integration, the pre-gate against
// the full gate, the assignment solver against brute-force enumeration, the
// JPDA weights and update against the closed-form PDA of Bar-Shalom, Willett
// & Tian (2011) and hand-enumerated joint events, and a conformance suite
// that every Associator passes.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>
#include <numeric>
#include <vector>

#include "rampart/core/constants.hpp"
#include "rampart/core/random.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/sensor_site.hpp"
#include "rampart/track/assignment.hpp"
#include "rampart/track/association.hpp"
#include "rampart/track/ekf.hpp"
#include "rampart/track/gating.hpp"
#include "rampart/track/gnn.hpp"
#include "rampart/track/jpda.hpp"
#include "rampart/track/kinematic_models.hpp"

namespace rampart::track {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEps = std::numeric_limits<double>::epsilon();

// ---------------------------------------------------------------- chi-square

// Published chi-square quantiles for 3 degrees of freedom (Abramowitz &
// Stegun 1964, Table 26.8; NIST/SEMATECH e-Handbook 1.3.6.7.4), given to 3
// decimals: the tolerance is half a unit of the last printed digit.
TEST(ChiSquareGate, QuantilesMatchPublishedTable) {
  EXPECT_NEAR(chi_square_3_quantile(0.90), 6.251, 5e-4);
  EXPECT_NEAR(chi_square_3_quantile(0.95), 7.815, 5e-4);
  EXPECT_NEAR(chi_square_3_quantile(0.99), 11.345, 5e-4);
  EXPECT_NEAR(chi_square_3_quantile(0.999), 16.266, 5e-4);
  EXPECT_THROW(chi_square_3_quantile(0.0), std::invalid_argument);
  EXPECT_THROW(chi_square_3_quantile(1.0), std::invalid_argument);
}

// The closed-form CDF against Simpson integration of the density, an
// independent route. With x = u^2 the density sqrt(x / 2 pi) exp(-x / 2) dx
// becomes the smooth 2 u^2 exp(-u^2 / 2) / sqrt(2 pi) du; 2000 panels on
// [0, sqrt(x)] leave a Simpson error below h^4 max|f^(4)| sqrt(x) / 180 ~ 1e-13.
TEST(ChiSquareGate, CdfMatchesIntegratedDensity) {
  const auto f = [](double u) { return 2.0 * u * u * std::exp(-0.5 * u * u) / std::sqrt(2.0 * std::numbers::pi); };
  for (const double x : {0.5, 2.0, 7.815, 11.345, 25.0}) {
    const int n = 2000;
    const double h = std::sqrt(x) / n;
    double sum = f(0.0) + f(std::sqrt(x));
    for (int k = 1; k < n; ++k) sum += (k % 2 ? 4.0 : 2.0) * f(k * h);
    EXPECT_NEAR(chi_square_3_cdf(x), sum * h / 3.0, 1e-12) << "x = " << x;
  }
}

// The quantile inverts the CDF to rounding: F(F^-1(p)) = p within a few ulps
// of p times the condition of F near p.
TEST(ChiSquareGate, QuantileInvertsCdf) {
  for (const double p : {1e-6, 0.01, 0.5, 0.9, 0.99, 0.9999, 1.0 - 1e-9}) {
    EXPECT_NEAR(chi_square_3_cdf(chi_square_3_quantile(p)), p, 64 * kEps) << "p = " << p;
  }
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  EXPECT_NEAR(Gate(earth, {0.99, 1.5}).threshold(), 11.345, 5e-4);
  EXPECT_THROW(Gate(earth, {1.0, 1.5}), std::invalid_argument);
  EXPECT_THROW(Gate(earth, {0.99, 0.5}), std::invalid_argument);
}

// ---------------------------------------------------------------- assignment

// Independent truth: the least cost over every assignment of min(n, m) pairs,
// by enumerating the permutations of the columns (or rows).
std::optional<double> brute_force_cost(const Eigen::MatrixXd& C) {
  const bool transposed = C.rows() > C.cols();
  const Eigen::MatrixXd A = transposed ? Eigen::MatrixXd(C.transpose()) : C;
  std::vector<int> columns(static_cast<std::size_t>(A.cols()));
  std::iota(columns.begin(), columns.end(), 0);
  std::optional<double> best;
  do {  // the first rows() entries of each permutation are an injection rows -> columns
    double cost = 0.0;
    for (Eigen::Index i = 0; i < A.rows(); ++i) cost += A(i, columns[static_cast<std::size_t>(i)]);
    if (cost < kInf && (!best || cost < *best)) best = cost;
  } while (std::next_permutation(columns.begin(), columns.end()));
  return best;
}

void expect_valid_assignment(const Eigen::MatrixXd& C, const Assignment& a) {
  ASSERT_EQ(a.column_of_row.size(), static_cast<std::size_t>(C.rows()));
  std::vector<char> used(static_cast<std::size_t>(C.cols()), 0);
  std::size_t pairs = 0;
  double cost = 0.0;
  for (std::size_t i = 0; i < a.column_of_row.size(); ++i) {
    if (!a.column_of_row[i]) continue;
    const std::size_t j = *a.column_of_row[i];
    ASSERT_LT(j, used.size());
    EXPECT_FALSE(used[j]) << "column " << j << " used twice";
    used[j] = 1;
    ++pairs;
    EXPECT_LT(C(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)), kInf) << "forbidden pair";
    cost += C(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
  }
  EXPECT_EQ(pairs, static_cast<std::size_t>(std::min(C.rows(), C.cols())));
  EXPECT_NEAR(a.cost, cost, 1e-12 * (1.0 + std::abs(cost)));
}

// 600 random matrices of 1..6 rows and columns (square, wide and tall), with
// real costs, with integer costs (many ties: degenerate duals) and with a
// quarter of the entries forbidden (some problems infeasible). The optimum is
// unique in value, so costs agree to rounding of a sum of <= 6 terms below
// 100 (1e-12 is ~50 ulps of that sum).
TEST(Assignment, MatchesBruteForceOnRandomMatrices) {
  RandomStream random(20260101, 7);
  int infeasible = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const auto n = static_cast<Eigen::Index>(1 + random.next_u64() % 6);
    const auto m = static_cast<Eigen::Index>(1 + random.next_u64() % 6);
    const int kind = trial % 3;
    Eigen::MatrixXd C(n, m);
    for (Eigen::Index k = 0; k < C.size(); ++k) {
      double c = kind == 1 ? std::floor(random.uniform(0.0, 4.0)) : random.uniform(-10.0, 90.0);
      if (kind == 2 && random.uniform() < 0.25) c = kInf;
      C.data()[k] = c;
    }
    const auto expected = brute_force_cost(C);
    const auto solved = solve_assignment(C);
    ASSERT_EQ(expected.has_value(), solved.has_value()) << "trial " << trial << "\n" << C;
    if (!expected) {
      ++infeasible;
      continue;
    }
    expect_valid_assignment(C, *solved);
    EXPECT_NEAR(solved->cost, *expected, 1e-12 * 100.0) << "trial " << trial << "\n" << C;
  }
  EXPECT_GT(infeasible, 0) << "the random draw should include infeasible problems";
}

// Edges: empty matrices, an all-forbidden row, NaN input.
TEST(Assignment, EdgeCases) {
  EXPECT_TRUE(solve_assignment(Eigen::MatrixXd(0, 3)).has_value());
  EXPECT_EQ(solve_assignment(Eigen::MatrixXd(2, 0))->column_of_row.size(), 2u);
  Eigen::MatrixXd C(2, 2);
  C << 1.0, 2.0, kInf, kInf;
  EXPECT_FALSE(solve_assignment(C).has_value());
  C << 1.0, std::nan(""), 3.0, 4.0;
  EXPECT_THROW(solve_assignment(C), std::invalid_argument);
  // A case where greedy (row 0 takes its cheapest, column 0) is not optimal: 1 + 10 > 2 + 2.
  C << 1.0, 2.0, 2.0, 10.0;
  const auto a = solve_assignment(C);
  ASSERT_TRUE(a);
  EXPECT_EQ(*a->column_of_row[0], 1u);
  EXPECT_EQ(*a->column_of_row[1], 0u);
  EXPECT_DOUBLE_EQ(a->cost, 4.0);
}

// ---------------------------------------------------------------- scenes

// A radar at 45 N, 10 E on the rotating WGS-84 Earth and targets placed in
// its local frame, 100-150 km out, 10 km up: the geometry of an air-defence
// radar, where the polar measurement is mildly nonlinear.
struct Scene {
  earth::EarthModel earth{earth::EarthKind::kWgs84};
  sense::SensorSite site{earth, {45.0 * constants::kDegToRad, 10.0 * constants::kDegToRad, 100.0}};
  RadarMeasurementModel sensor{earth, site};
  std::shared_ptr<const MotionModel> model = std::make_shared<ConstantVelocityModel>(1.0);
  Ekf filter{model};
  double t_s = 100.0;
  Mat3 R = Eigen::Vector3d(30.0 * 30.0, 1e-3 * 1e-3, 1e-3 * 1e-3).asDiagonal();

  Vec3 r_I_from_enu(const Vec3& r_L) const {
    return earth.eci_from_ecef(site.r_E() + site.R_EL() * r_L, t_s);
  }
  // A track at the ENU point with position sigma sigma_r_m and velocity sigma 30 m/s.
  TrackState track_at(const Vec3& r_L, double sigma_r_m = 200.0) const {
    GaussianState g;
    g.t_s = t_s;
    g.x = StateVector::Zero(6);
    g.x.head<3>() = r_I_from_enu(r_L);
    g.x.segment<3>(3) = Vec3(200.0, -100.0, 0.0);
    g.P = StateMatrix::Zero(6, 6);
    g.P.topLeftCorner<3, 3>() = sigma_r_m * sigma_r_m * Mat3::Identity();
    g.P.bottomRightCorner<3, 3>() = 900.0 * Mat3::Identity();
    return filter.initiate(g);
  }
  // A detection of the point r_L (ENU) offset in measurement space by dz.
  sense::Detection detection_at(const Vec3& r_L, const Vec3& dz = Vec3::Zero()) const {
    sense::Detection d;
    d.t_s = t_s;
    d.z = site.rae_from_ecef(site.r_E() + site.R_EL() * r_L) + dz;
    d.R = R;
    return d;
  }
};

// The pre-gate only prunes: over random tracks and detections scattered around
// them (within and beyond their gates), the gated pairs equal those of a gate
// whose pre-gate admits everything (margin 1e6).
TEST(Gating, PregateNeverDropsAGatedPair) {
  Scene scene;
  RandomStream random(11, 3);
  std::vector<TrackState> tracks;
  std::vector<sense::Detection> detections;
  for (int i = 0; i < 30; ++i) {
    const Vec3 r_L(random.uniform(-80e3, 80e3), random.uniform(60e3, 200e3), random.uniform(2e3, 20e3));
    tracks.push_back(scene.track_at(r_L, random.uniform(20.0, 2000.0)));
    for (int k = 0; k < 3; ++k) {
      const Vec3 dz(random.normal(0.0, 300.0), random.normal(0.0, 4e-3), random.normal(0.0, 4e-3));
      detections.push_back(scene.detection_at(r_L, dz));
    }
  }
  const Gate gate(scene.earth, {0.9999, 1.5});
  const Gate wide(scene.earth, {0.9999, 1e6});
  const GatedScan a = gate.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  const GatedScan b = wide.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  EXPECT_EQ(b.fine_tests, tracks.size() * detections.size());
  EXPECT_LT(a.fine_tests, b.fine_tests / 10) << "the pre-gate should prune most of the far pairs";
  ASSERT_EQ(a.pairs.size(), b.pairs.size());
  ASSERT_GT(a.pairs.size(), 30u);
  for (std::size_t k = 0; k < a.pairs.size(); ++k) {
    EXPECT_EQ(a.pairs[k].track, b.pairs[k].track);
    EXPECT_EQ(a.pairs[k].detection, b.pairs[k].detection);
  }
}

// A pair's d2 and ln|S| against the innovation computed here from the
// filter's predicted measurement and the detection's R.
TEST(Gating, MahalanobisDistanceOfAPair) {
  Scene scene;
  const Vec3 r_L(10e3, 120e3, 10e3);
  const std::vector<TrackState> tracks{scene.track_at(r_L)};
  const Vec3 dz(50.0, 2e-3, -1e-3);
  const std::vector<sense::Detection> detections{scene.detection_at(r_L, dz)};
  const Gate gate(scene.earth);
  const GatedScan scan = gate.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  ASSERT_EQ(scan.pairs.size(), 1u);
  const MeasurementPrediction mp = scene.filter.predict_measurement(tracks[0], scene.sensor);
  const Mat3 S = mp.S + scene.R;
  const Vec3 nu = detections[0].z - mp.z_hat;
  const double d2 = nu.dot(S.inverse() * nu);
  // Both are a few flops from the same inputs; rounding in the 3x3 solve is
  // ~ cond(S) eps ~ 1e-10 relative here (S mixes m^2 and rad^2).
  EXPECT_NEAR(scan.pairs[0].d2, d2, 1e-9 * d2);
  EXPECT_NEAR(scan.pairs[0].log_det_S, std::log(S.determinant()), 1e-9);
  EXPECT_LE(scan.pairs[0].d2, gate.threshold());
}

// ---------------------------------------------------------------- JPDA

// Single track, two detections: the weights are the PDA values of Bar-Shalom,
// Willett & Tian (2011, 6.4), beta_j = e_j / (b + sum e), beta_0 = b / (b +
// sum e), e_j = N(nu_j; 0, S_j), b = lambda (1 - Pd Pg) / Pd, computed here
// from the filter's predicted measurement. Only rounding separates the two
// routes (log-domain in the code): 1e-12 relative.
TEST(Jpda, SingleTrackWeightsEqualClosedFormPda) {
  Scene scene;
  const Vec3 r_L(10e3, 120e3, 10e3);
  const std::vector<TrackState> tracks{scene.track_at(r_L)};
  const std::vector<sense::Detection> detections{scene.detection_at(r_L, Vec3(40.0, 1e-3, 0.0)),
                                                 scene.detection_at(r_L, Vec3(-150.0, -2e-3, 1.5e-3))};
  const Gate gate(scene.earth, {0.999, 1.5});
  const GatedScan scan = gate.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  const auto clusters = clusters_of(scan);
  ASSERT_EQ(clusters.size(), 1u);
  ASSERT_EQ(clusters[0].pairs.size(), 2u);

  const MeasurementPrediction mp = scene.filter.predict_measurement(tracks[0], scene.sensor);
  std::vector<double> e;
  for (const auto& d : detections) {
    const Mat3 S = mp.S + d.R;
    const Vec3 nu = d.z - mp.z_hat;
    e.push_back(std::exp(-0.5 * nu.dot(S.inverse() * nu)) / std::sqrt((2.0 * std::numbers::pi * S).determinant()));
  }
  const double Pd = 0.8;
  // A clutter density that makes b comparable to the likelihoods, so that
  // every weight is far from 0 and 1 and a wrong formula shows.
  const double lambda = 0.7 * e[0] * Pd / (1.0 - Pd * gate.probability());
  const double b = lambda * (1.0 - Pd * gate.probability()) / Pd;
  const double total = b + e[0] + e[1];

  for (const std::size_t cap : {std::size_t{20000}, std::size_t{1}}) {  // exact, then cheap JPDA
    const ClusterWeights w = association_weights(scan, clusters[0], {Pd, lambda, cap}, gate.probability());
    EXPECT_EQ(w.exact, cap > 1);
    EXPECT_NEAR(w.beta_none[0], b / total, 1e-12);
    EXPECT_NEAR(w.beta[0], e[0] / total, 1e-12);
    EXPECT_NEAR(w.beta[1], e[1] / total, 1e-12);
  }
}

// The same case through JpdaAssociator: the updated state equals the PDA
// update written out here (Bar-Shalom, Willett & Tian 2011, eqs. 6.4.1-6.4.6):
// x+ = x + K nu, nu = sum beta_j nu_j, K = Pxz S^-1,
// P+ = beta0 P + (1 - beta0)(P - K S K^T) + K (sum beta_j nu_j nu_j^T - nu nu^T) K^T.
// The EKF's Joseph form and the textbook form agree to rounding: 1e-9 of |P|.
TEST(Jpda, UpdateEqualsTextbookPdaUpdate) {
  Scene scene;
  const Vec3 r_L(10e3, 120e3, 10e3);
  const std::vector<TrackState> tracks{scene.track_at(r_L)};
  const std::vector<sense::Detection> detections{scene.detection_at(r_L, Vec3(40.0, 1e-3, 0.0)),
                                                 scene.detection_at(r_L, Vec3(-150.0, -2e-3, 1.5e-3))};
  const Gate gate(scene.earth, {0.999, 1.5});
  const MeasurementPrediction mp = scene.filter.predict_measurement(tracks[0], scene.sensor);
  const Mat3 S = mp.S + scene.R;
  std::vector<Vec3> nus;
  std::vector<double> e;
  for (const auto& d : detections) {
    nus.push_back(d.z - mp.z_hat);
    e.push_back(std::exp(-0.5 * nus.back().dot(S.inverse() * nus.back())) /
                std::sqrt((2.0 * std::numbers::pi * S).determinant()));
  }
  const double Pd = 0.9;
  // b comparable to the likelihoods (see the previous test).
  const double lambda = 0.5 * e[0] * Pd / (1.0 - Pd * gate.probability());
  const double b = lambda * (1.0 - Pd * gate.probability()) / Pd;
  const double total = b + e[0] + e[1];
  const double beta0 = b / total, beta1 = e[0] / total, beta2 = e[1] / total;
  ASSERT_GT(beta0, 0.1) << "the case should exercise the no-detection hypothesis";

  const auto& x = tracks[0].estimate.x;
  const auto& P = tracks[0].estimate.P;
  const Eigen::MatrixXd K = mp.Pxz * S.inverse();
  const Vec3 nu = beta1 * nus[0] + beta2 * nus[1];
  const Eigen::VectorXd x_pda = x + K * nu;
  const Eigen::MatrixXd P_pda = beta0 * P + (1.0 - beta0) * (P - K * S * K.transpose()) +
                                K * (beta1 * nus[0] * nus[0].transpose() + beta2 * nus[1] * nus[1].transpose() -
                                     nu * nu.transpose()) * K.transpose();

  const JpdaAssociator jpda(scene.filter, gate, {Pd, lambda, 20000});
  const Association a = jpda.associate(tracks, detections, scene.sensor, scene.t_s);
  ASSERT_TRUE(a.tracks[0]);
  const GaussianState& out = a.tracks[0]->state.estimate;
  EXPECT_LT((out.x.head<3>() - x_pda.head<3>()).norm(), 1e-6);  // m; |x| ~ 6.4e6 m, rounding ~1e-9 m
  EXPECT_LT((out.x.tail<3>() - x_pda.tail<3>()).norm(), 1e-9);
  EXPECT_LT((Eigen::MatrixXd(out.P) - P_pda).norm(), 1e-9 * P_pda.norm());
  EXPECT_EQ(*a.track_of_detection[0], 0u);  // the nearer detection is the track's
}

// Two tracks and two detections, each in both gates: the seven feasible joint
// events enumerated by hand (Fortmann, Bar-Shalom & Scheffe 1983), each
// weighing prod (Pd N_tj / lambda) prod (1 - Pd Pg).
TEST(Jpda, TwoTrackClusterEqualsHandEnumeration) {
  Scene scene;
  const Vec3 a_L(10e3, 120e3, 10e3), b_L(10.3e3, 120e3, 10e3);
  const std::vector<TrackState> tracks{scene.track_at(a_L), scene.track_at(b_L)};
  const std::vector<sense::Detection> detections{scene.detection_at(a_L, Vec3(20.0, 5e-4, 0.0)),
                                                 scene.detection_at(b_L, Vec3(-20.0, 1e-3, 0.0))};
  const Gate gate(scene.earth, {0.9999, 1.5});
  const GatedScan scan = gate.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  ASSERT_EQ(scan.pairs.size(), 4u) << "every pair should be gated";
  const auto clusters = clusters_of(scan);
  ASSERT_EQ(clusters.size(), 1u);

  const double Pd = 0.9, lambda = 1e-6;
  double g[2][2];
  for (int t = 0; t < 2; ++t) {
    const MeasurementPrediction mp = scene.filter.predict_measurement(tracks[t], scene.sensor);
    for (int j = 0; j < 2; ++j) {
      const Mat3 S = mp.S + detections[j].R;
      const Vec3 nu = detections[j].z - mp.z_hat;
      g[t][j] = Pd * std::exp(-0.5 * nu.dot(S.inverse() * nu)) /
                std::sqrt((2.0 * std::numbers::pi * S).determinant()) / lambda;
    }
  }
  const double q = 1.0 - Pd * gate.probability();
  const double events[7] = {q * q, g[0][0] * q, g[0][1] * q, q * g[1][0], q * g[1][1], g[0][0] * g[1][1],
                            g[0][1] * g[1][0]};
  const double c = std::accumulate(std::begin(events), std::end(events), 0.0);
  const double beta00 = (events[1] + events[5]) / c, beta01 = (events[2] + events[6]) / c;
  const double beta10 = (events[3] + events[6]) / c, beta11 = (events[4] + events[5]) / c;

  const ClusterWeights w = association_weights(scan, clusters[0], {Pd, lambda, 20000}, gate.probability());
  ASSERT_TRUE(w.exact);
  // Pairs are sorted by track then detection: (0,0), (0,1), (1,0), (1,1).
  EXPECT_NEAR(w.beta[0], beta00, 1e-12);
  EXPECT_NEAR(w.beta[1], beta01, 1e-12);
  EXPECT_NEAR(w.beta[2], beta10, 1e-12);
  EXPECT_NEAR(w.beta[3], beta11, 1e-12);
  EXPECT_NEAR(w.beta_none[0], (events[0] + events[3] + events[4]) / c, 1e-12);
  EXPECT_NEAR(w.beta_none[1], (events[0] + events[1] + events[2]) / c, 1e-12);
}

// ---------------------------------------------------------------- GNN

// Greedy nearest neighbour would give detection 0 to track 0 (its nearest)
// and leave track 1 without a detection; the global optimum gives detection
// 1 to track 0 and detection 0 to track 1, whose gate holds only detection 0.
TEST(Gnn, ResolvesConflictGlobally) {
  Scene scene;
  const Vec3 a_L(10e3, 120e3, 10e3), b_L(10.6e3, 120e3, 10e3);
  std::vector<TrackState> tracks{scene.track_at(a_L, 150.0), scene.track_at(b_L, 30.0)};
  const double daz = 300.0 / 120e3;  // 300 m east of track 0, in azimuth
  const std::vector<sense::Detection> detections{scene.detection_at(a_L, Vec3(0.0, daz, 0.0)),
                                                 scene.detection_at(a_L, Vec3(0.0, -1.5 * daz, 0.0))};
  const Gate gate(scene.earth);
  const GatedScan scan = gate.gate(tracks, detections, scene.sensor, scene.filter, scene.t_s);
  int gated_for_1 = 0;
  for (const auto& p : scan.pairs) gated_for_1 += p.track == 1;
  ASSERT_EQ(gated_for_1, 1) << "track 1 should gate detection 0 only";
  const GnnAssociator gnn(scene.filter, gate);
  const Association a = gnn.associate(tracks, detections, scene.sensor, scene.t_s);
  ASSERT_TRUE(a.track_of_detection[0] && a.track_of_detection[1]);
  EXPECT_EQ(*a.track_of_detection[0], 1u);
  EXPECT_EQ(*a.track_of_detection[1], 0u);
}

// ---------------------------------------------------------------- conformance

template <class A>
struct Made {
  Scene scene;
  Gate gate{scene.earth};
  A associator = make();
  A make() {
    if constexpr (std::is_same_v<A, JpdaAssociator>) {
      return A(scene.filter, gate, {0.9, 1e-9, 20000});
    } else {
      return A(scene.filter, gate);
    }
  }
};

template <class A>
class AssociatorConformance : public ::testing::Test {
 protected:
  Made<A> made;
};
using Associators = ::testing::Types<GnnAssociator, JpdaAssociator>;
TYPED_TEST_SUITE(AssociatorConformance, Associators);

// No tracks: every detection is left for the initiator; no detections: every track coasts.
TYPED_TEST(AssociatorConformance, EmptyInputs) {
  const Scene& s = this->made.scene;
  const Associator& a = this->made.associator;
  const Vec3 r_L(0.0, 100e3, 5e3);
  const Association none = a.associate({}, {s.detection_at(r_L), s.detection_at(r_L)}, s.sensor, s.t_s);
  EXPECT_TRUE(none.tracks.empty());
  ASSERT_EQ(none.track_of_detection.size(), 2u);
  EXPECT_FALSE(none.track_of_detection[0] || none.track_of_detection[1]);
  const Association coast = a.associate({s.track_at(r_L)}, {}, s.sensor, s.t_s);
  ASSERT_EQ(coast.tracks.size(), 1u);
  EXPECT_FALSE(coast.tracks[0]);
}

// A detection at the track's predicted measurement updates it (trace P falls,
// as every Kalman-type update must); one far outside the gate (10 km off a
// 200 m track) does not, and is left for the initiator.
TYPED_TEST(AssociatorConformance, UpdatesWithinGateOnly) {
  const Scene& s = this->made.scene;
  const Associator& a = this->made.associator;
  const Vec3 r_L(0.0, 100e3, 5e3);
  const std::vector<TrackState> tracks{s.track_at(r_L)};
  const Association result =
      a.associate(tracks, {s.detection_at(r_L), s.detection_at(r_L + Vec3(10e3, 0.0, 0.0))}, s.sensor, s.t_s);
  ASSERT_TRUE(result.tracks[0]);
  EXPECT_LT(result.tracks[0]->state.estimate.P.trace(), tracks[0].estimate.P.trace());
  ASSERT_TRUE(result.track_of_detection[0]);
  EXPECT_EQ(*result.track_of_detection[0], 0u);
  EXPECT_FALSE(result.track_of_detection[1]);
  EXPECT_TRUE(std::isfinite(result.tracks[0]->log_likelihood));
}

// Well-separated tracks (20 km apart, 200 m sigma) each take their own
// detection, whatever the order of the detections; each estimate moves toward
// its detection (the offset is 1 sigma of the prediction along north).
TYPED_TEST(AssociatorConformance, SeparatedTracksTakeTheirOwnDetections) {
  const Scene& s = this->made.scene;
  const Associator& a = this->made.associator;
  std::vector<TrackState> tracks;
  std::vector<sense::Detection> detections;
  const int n = 5;
  for (int i = 0; i < n; ++i) {
    const Vec3 r_L(-40e3 + 20e3 * i, 100e3, 5e3);
    tracks.push_back(s.track_at(r_L));
    detections.insert(detections.begin(), s.detection_at(r_L + Vec3(0.0, 200.0, 0.0)));  // reversed order
  }
  const Association result = a.associate(tracks, detections, s.sensor, s.t_s);
  for (int i = 0; i < n; ++i) {
    const auto j = static_cast<std::size_t>(n - 1 - i);
    ASSERT_TRUE(result.track_of_detection[j]);
    EXPECT_EQ(*result.track_of_detection[j], static_cast<std::size_t>(i));
    ASSERT_TRUE(result.tracks[static_cast<std::size_t>(i)]);
    const Vec3 before = tracks[static_cast<std::size_t>(i)].estimate.x.head<3>();
    const Vec3 after = result.tracks[static_cast<std::size_t>(i)]->state.estimate.x.head<3>();
    const Vec3 r_I = s.r_I_from_enu(Vec3(-40e3 + 20e3 * i, 100e3 + 200.0, 5e3));
    EXPECT_LT((after - r_I).norm(), (before - r_I).norm());
  }
}

}  // namespace
}  // namespace rampart::track
