#include "rampart/track/filter_factory.hpp"

#include <stdexcept>
#include <string>

#include "rampart/track/ballistic_model.hpp"
#include "rampart/track/boost_model.hpp"
#include "rampart/track/ekf.hpp"
#include "rampart/track/imm.hpp"
#include "rampart/track/kinematic_models.hpp"
#include "rampart/track/reentry_model.hpp"
#include "rampart/track/ukf.hpp"

namespace rampart::track {
namespace {

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string_view usual_partner(std::string_view model) {
  if (model == "ballistic") return "reentry";
  if (model == "cv") return "ca";
  if (model == "ca" || model == "singer") return "cv";
  return "ballistic";  // reentry, boost
}

ImmMode imm_mode(std::shared_ptr<const MotionModel> model, const FilterSettings& s) {
  ImmMode m;
  const int extra = model->dimension() - 6;
  m.mean_sojourn_s = s.imm_mean_sojourn_s;
  m.extra_mean = StateVector::Zero(extra);
  m.extra_variance = StateVector::Zero(extra);
  if (extra == 1) {
    m.extra_mean(0) = s.kappa_mean_m2pkg;
    m.extra_variance(0) = s.kappa_sigma_m2pkg * s.kappa_sigma_m2pkg;
  } else if (extra > 0) {
    m.extra_variance.setConstant(s.acceleration_sigma_mps2 * s.acceleration_sigma_mps2);
  }
  m.model = std::move(model);
  return m;
}

}  // namespace

std::vector<std::string_view> filter_names() { return {"ekf", "ukf", "imm"}; }

std::vector<std::string_view> motion_model_names() { return {"ballistic", "reentry", "boost", "cv", "ca", "singer"}; }

std::shared_ptr<const MotionModel> make_motion_model(std::string_view name, const earth::EarthModel& earth,
                                                     const earth::Us76Atmosphere& atmosphere,
                                                     const FilterSettings& s) {
  if (name == "ballistic") return std::make_shared<BallisticModel>(earth, s.ballistic_q_m2ps3);
  if (name == "reentry")
    return std::make_shared<ReentryModel>(earth, atmosphere, s.reentry_q_m2ps3, s.reentry_q_kappa_m4pkg2ps);
  if (name == "boost") return std::make_shared<BoostModel>(earth, s.boost_q_m2ps5);
  if (name == "cv") return std::make_shared<ConstantVelocityModel>(s.cv_q_m2ps3);
  if (name == "ca") return std::make_shared<ConstantAccelerationModel>(s.ca_q_m2ps5);
  if (name == "singer") return std::make_shared<SingerModel>(s.singer_sigma_mps2, s.singer_tau_s);
  std::string message = "unknown motion model '";
  message += name;
  message += "' (known: " + joined(motion_model_names()) + ")";
  throw std::invalid_argument(message);
}

std::unique_ptr<Filter> make_filter(std::string_view filter_name, std::string_view model_name,
                                    const earth::EarthModel& earth, const earth::Us76Atmosphere& atmosphere,
                                    const FilterSettings& s) {
  if (filter_name == "ekf") return std::make_unique<Ekf>(make_motion_model(model_name, earth, atmosphere, s));
  if (filter_name == "ukf")
    return std::make_unique<Ukf>(make_motion_model(model_name, earth, atmosphere, s), s.ukf);
  if (filter_name == "imm") {
    std::vector<std::string_view> names;
    std::string_view rest = model_name;
    for (std::size_t plus = rest.find('+'); plus != std::string_view::npos; plus = rest.find('+')) {
      names.push_back(rest.substr(0, plus));
      rest.remove_prefix(plus + 1);
    }
    names.push_back(rest);
    if (names.size() == 1) names.push_back(usual_partner(names[0]));
    std::vector<ImmMode> modes;
    for (std::string_view n : names) modes.push_back(imm_mode(make_motion_model(n, earth, atmosphere, s), s));
    return std::make_unique<ImmFilter>(std::move(modes), s.imm_inner, s.ukf);
  }
  std::string message = "unknown filter '";
  message += filter_name;
  message += "' (known: " + joined(filter_names()) + ")";
  throw std::invalid_argument(message);
}

}  // namespace rampart::track
