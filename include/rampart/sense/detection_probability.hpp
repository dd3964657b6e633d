#pragma once
// Single-look probability of detection of a square-law detector with a fixed
// threshold set for a probability of false alarm, for the Swerling target
// fluctuation models (docs/models.md "Detection probability").

#include <string_view>

namespace rampart::sense {

/// Target fluctuation model (Swerling 1960). Swerling 0 (also called 5) is a
/// steady target; 1 is many equal scatterers (exponential RCS), 3 one
/// dominant scatterer plus many small ones (chi-square with 4 degrees of freedom).
enum class SwerlingCase { kSwerling0, kSwerling1, kSwerling3 };

/// "swerling0", "swerling1", "swerling3", for files and messages.
std::string_view swerling_case_name(SwerlingCase swerling);

/// Marcum's Q function Q1(a, b) for a, b >= 0, to an absolute error below
/// 1e-13 (Poisson-mixture series, docs/models.md). Throws std::invalid_argument
/// for negative or non-finite arguments.
double marcum_q1(double a, double b);

/// Pd of a steady target (Swerling 0) at linear SNR >= 0 and pfa in (0, 1):
/// Q1(sqrt(2 snr), sqrt(-2 ln pfa)). Throws std::invalid_argument otherwise.
double pd_swerling0(double snr, double pfa);
/// Pd of a Swerling 1 target, single look: pfa^(1 / (1 + snr)). Same domain and throws.
double pd_swerling1(double snr, double pfa);
/// Pd of a Swerling 3 target, single look:
/// exp(-V / (1 + snr/2)) (1 + 2 snr V / (2 + snr)^2), V = -ln pfa. Same domain and throws.
double pd_swerling3(double snr, double pfa);

/// Dispatches on `swerling`; snr is the mean linear SNR.
double detection_probability(SwerlingCase swerling, double snr, double pfa);

}  // namespace rampart::sense
