#pragma once
// Comparing two postures (`rampart compare`): the footprints of both on one
// grid from one launch point, cell by cell (defended area gained and lost),
// and, when Monte Carlo studies of both are given, the difference of their
// probabilities of defeating the raid with Newcombe's hybrid score interval
// and the difference of interceptors used with a Welch interval.
// docs/models.md, "Comparing postures".

#include <cstddef>
#include <string>
#include <vector>

#include "rampart/analysis/footprint.hpp"
#include "rampart/analysis/run_record.hpp"
#include "rampart/analysis/statistics.hpp"
#include "rampart/analysis/study_summary.hpp"

namespace rampart::analysis {

/// The smallest box holding both `a` and `b` (the default region of a
/// comparison: the union of both postures' default regions).
GeoBox union_box(const GeoBox& a, const GeoBox& b);

/// A difference of two proportions, B minus A, with its two-sided interval.
struct ProportionDifference {
  double difference = 0.0;   ///< p_b - p_a
  double low = 0.0;
  double high = 0.0;
  bool significant = false;  ///< the interval excludes 0
};

/// Newcombe's hybrid score interval (Newcombe 1998, method 10) for
/// successes_b / trials_b - successes_a / trials_a, built from the Wilson
/// intervals of each proportion at normal quantile `z`. Throws
/// std::invalid_argument for zero trials or more successes than trials.
ProportionDifference newcombe_difference(std::size_t successes_a, std::size_t trials_a, std::size_t successes_b,
                                         std::size_t trials_b, double z = 1.959963984540054);

/// The difference of two means, B minus A, with its Welch t interval
/// (unequal variances, Welch-Satterthwaite degrees of freedom) at `confidence`.
/// Samples of one value or none spread give a zero-width interval around
/// the difference. Throws std::invalid_argument for an empty sample.
Estimate welch_difference(const std::vector<double>& a, const std::vector<double>& b, double confidence = 0.95);

/// What became of one cell between posture A and posture B.
enum class CellChange {
  kGained,   ///< engageable under B, not under A
  kLost,     ///< engageable under A, not under B
  kBoth,     ///< engageable under both
  kNeither,  ///< engageable under neither
};

/// "gained", "lost", "both" or "neither".
std::string cell_change_name(CellChange change);

/// One cell of the comparison.
struct CellDifference {
  std::size_t row = 0;
  std::size_t column = 0;
  double lat_deg = 0.0;  ///< centre
  double lon_deg = 0.0;
  double area_m2 = 0.0;
  CellChange change = CellChange::kNeither;
  double negation_a = 0.0;  ///< probability of negation under A
  double negation_b = 0.0;
};

/// The area (m^2) of the cells in which battery b has at least one shot, per battery.
std::vector<double> battery_areas_m2(const FootprintResult& result);

/// Two footprints compared cell by cell.
struct FootprintComparison {
  std::vector<CellDifference> cells;  ///< row-major, as the footprints
  double defended_area_a_m2 = 0.0;
  double defended_area_b_m2 = 0.0;
  double gained_m2 = 0.0;  ///< engageable under B only
  double lost_m2 = 0.0;    ///< engageable under A only
  double kept_m2 = 0.0;    ///< engageable under both
  std::vector<double> battery_area_a_m2;  ///< battery_areas_m2 of A, in A's battery order
  std::vector<double> battery_area_b_m2;
};

/// Compares footprints computed on the same grid (throws std::invalid_argument
/// if the grids differ). defended_area_b - defended_area_a = gained - lost.
FootprintComparison compare_footprints(const FootprintResult& a, const FootprintResult& b);

/// Two Monte Carlo studies compared.
struct StudyComparison {
  StudySummary a;
  StudySummary b;
  std::size_t zero_leaker_runs_a = 0;
  std::size_t zero_leaker_runs_b = 0;
  ProportionDifference p_zero_leakers;  ///< P(raid defeated) of B minus A
  Estimate interceptors_used;           ///< mean interceptors used of B minus A, Welch interval
};

/// Compares the runs of two studies (each non-empty, any order: they are
/// sorted by run index) of scenarios whose defended assets are `assets_a`
/// and `assets_b`.
StudyComparison compare_studies(std::vector<RunRecord> a, const std::vector<std::string>& assets_a,
                                std::vector<RunRecord> b, const std::vector<std::string>& assets_b);

}  // namespace rampart::analysis
