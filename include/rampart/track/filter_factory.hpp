#pragma once
// Filters and motion models by name, for the scenario's tracker settings and
// the command line's --filter and --model.

#include <memory>
#include <string_view>
#include <vector>

#include "rampart/earth/atmosphere.hpp"
#include "rampart/earth/earth_model.hpp"
#include "rampart/track/filter.hpp"
#include "rampart/track/motion_model.hpp"
#include "rampart/track/imm.hpp"
#include "rampart/track/ukf.hpp"

namespace rampart::track {

/// Noise densities and filter settings, SI. The defaults are engineering
/// choices explained in docs/models.md ("Motion models"): each covers the
/// accelerations its model leaves out for the targets it is meant for.
struct FilterSettings {
  double ballistic_q_m2ps3 = 1e-3;     ///< residual drag of a heavy RV above ~90 km, higher harmonics
  double reentry_q_m2ps3 = 1.0;        ///< lift and trim changes in reentry
  double reentry_q_kappa_m4pkg2ps = 1e-10;  ///< kappa drifting ~10 % in 10 s at beta ~ 5000 kg/m^2
  double boost_q_m2ps5 = 1.0;          ///< thrust growth and pitch programme, jerk ~1 m/s^3
  double cv_q_m2ps3 = 1.0;             ///< aircraft and cruise missiles in gentle turns
  double ca_q_m2ps5 = 1.0;
  double singer_sigma_mps2 = 5.0;      ///< half a g of manoeuvre
  double singer_tau_s = 20.0;          ///< Singer's "evasive" time constant
  double imm_mean_sojourn_s = 30.0;    ///< mean time in a mode before a switch
  double kappa_mean_m2pkg = 2e-4;      ///< IMM padding for kappa: beta = 5000 kg/m^2
  double kappa_sigma_m2pkg = 2e-4;
  double acceleration_sigma_mps2 = 30.0;  ///< IMM padding for an acceleration: 3 g
  ImmInnerFilter imm_inner = ImmInnerFilter::kEkf;
  UkfParameters ukf;
};

/// "ekf", "ukf", "imm".
std::vector<std::string_view> filter_names();
/// "ballistic", "reentry", "boost", "cv", "ca", "singer".
std::vector<std::string_view> motion_model_names();

/// The motion model called `name`. Earth and atmosphere must outlive it.
/// Throws std::invalid_argument naming the known models for an unknown name.
std::shared_ptr<const MotionModel> make_motion_model(std::string_view name, const earth::EarthModel& earth,
                                                     const earth::Us76Atmosphere& atmosphere,
                                                     const FilterSettings& settings = {});

/// The filter `filter_name` over `model_name`. For "imm" the model name is
/// either a '+'-joined list ("ballistic+reentry", the first model's space
/// holds the combined estimate) or one model, which gets its usual partner:
/// ballistic+reentry, reentry+ballistic, boost+ballistic, cv+ca, ca+cv,
/// singer+cv. Throws std::invalid_argument for unknown names (listing the
/// known ones). Earth and atmosphere must outlive the filter.
std::unique_ptr<Filter> make_filter(std::string_view filter_name, std::string_view model_name,
                                    const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                                    const FilterSettings& settings = {});

}  // namespace rampart::track
