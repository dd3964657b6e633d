// Interceptor types: the shipped classes reach their open-source burnout
// speeds with rampart's booster model, the endo manoeuvre limit follows
// a = q S C_N / m, and bad parameters are rejected.

#include "rampart/engage/interceptor.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "rampart/core/constants.hpp"
#include "rampart/flight/boost.hpp"
#include "rampart/io/interceptor_catalog.hpp"

namespace rampart::engage {
namespace {

/// A single-stage endo interceptor with round numbers for hand calculation.
InterceptorType endo_type() {
  InterceptorType t{};
  t.name = "test-endo";
  t.regime = InterceptRegime::kEndoAtmospheric;
  t.stages = {{10.0, 150.0, 40.0, 240.0, 0.3, 0.3}};
  t.pitch_program = {1.0, 2.0};
  t.kill_vehicle = {100.0, 3000.0, 10e3, 200.0, 400.0, 0.5, true, 0.8, 0.07, 10.0};
  t.min_intercept_altitude_m = 1e3;
  t.max_intercept_altitude_m = 30e3;
  t.max_intercept_range_m = 40e3;
  t.published_burnout_speed_mps = 1500.0;
  return t;
}

// Each class of data/interceptors.yaml, flown at full burn with a 20-degree
// kick from 35 deg N on the WGS-84 Earth with the US76 atmosphere, reaches
// the burnout speed published for its class (the `published_burnout_speed`
// read from the file, with its open source) within 10 %, the brief's
// tolerance for notional parameters. Speed is Earth-relative, as the open
// figures are quoted.
TEST(Interceptor, ShippedClassesReachTheirPublishedBurnoutSpeedWithin10Percent) {
  const auto catalog = io::load_interceptor_catalog(io::default_interceptor_catalog_path());
  const earth::EarthModel earth(earth::EarthKind::kWgs84);
  const earth::Us76Atmosphere atmosphere;
  const earth::Geodetic site{35.0 * constants::kDegToRad, 0.0, 0.0};
  for (const auto& type : catalog) {
    const Interceptor interceptor(type);
    const flight::LaunchCommand command{0.0, 20.0 * constants::kDegToRad, interceptor.booster().total_burn_time_s()};
    const auto path = flight::fly_missile(interceptor.booster(), earth, atmosphere, site, command);
    ASSERT_NE(path.status, flight::FlightStatus::kCrashedInBoost) << type.name;
    const auto& y = path.burnout.y_I;
    const double v = earth.ecef_velocity_from_eci(y.head<3>(), y.tail<3>(), path.burnout.t_s).norm();
    EXPECT_NEAR(v / type.published_burnout_speed_mps, 1.0, 0.10)
        << type.name << ": burnout " << v << " m/s, published " << type.published_burnout_speed_mps;
  }
}

// Endo limit a = q S C_N_max / m with q = rho v^2 / 2, m = kill vehicle +
// last-stage dry mass = 140 kg, checked against the US76 densities printed
// in the standard (NOAA-S/T 76-1562, Table I: 1.2250 kg/m^3 at 0 m,
// 8.8910e-2 kg/m^3 at 20 km; 5 significant figures, hence 1e-4 relative).
TEST(Interceptor, EndoManoeuvreLimitIsDynamicPressureTimesLiftOverMass) {
  const Interceptor interceptor(endo_type());
  const double S = 0.07;
  const double CN = 10.0;
  const double m = 140.0;
  const double a_20km = 0.5 * 8.8910e-2 * 1000.0 * 1000.0 * S * CN / m;  // 222 m/s^2 < 400 cap
  EXPECT_NEAR(interceptor.max_lateral_acceleration_mps2(20e3, 1000.0), a_20km, 1e-4 * a_20km);
  const double a_sea = 0.5 * 1.2250 * 300.0 * 300.0 * S * CN / m;  // 275.6 m/s^2 < 400 cap
  EXPECT_NEAR(interceptor.max_lateral_acceleration_mps2(0.0, 300.0), a_sea, 1e-4 * a_sea);
  // Quadratic in speed: halving v quarters the aerodynamic limit (exact up to rounding).
  const double a_fast = interceptor.max_lateral_acceleration_mps2(20e3, 1000.0);
  EXPECT_NEAR(interceptor.max_lateral_acceleration_mps2(20e3, 500.0), 0.25 * a_fast, 1e-12 * a_fast);
  // Dense air and high speed: the structural/divert cap of 400 m/s^2 binds.
  EXPECT_DOUBLE_EQ(interceptor.max_lateral_acceleration_mps2(0.0, 1000.0), 400.0);
  // No air, no lift: above the standard's 1000 km top the limit is zero.
  EXPECT_EQ(interceptor.max_lateral_acceleration_mps2(1.2e6, 5000.0), 0.0);
  EXPECT_EQ(interceptor.max_lateral_acceleration_mps2(5e3, 0.0), 0.0);
  EXPECT_THROW(interceptor.max_lateral_acceleration_mps2(-6e3, 100.0), std::invalid_argument);
  EXPECT_THROW(interceptor.max_lateral_acceleration_mps2(5e3, -1.0), std::invalid_argument);
}

// Exo: divert thrusters do not care about the air.
TEST(Interceptor, ExoManoeuvreLimitIsTheDivertLimitAtEveryAltitude) {
  InterceptorType t = endo_type();
  t.regime = InterceptRegime::kExoAtmospheric;
  const Interceptor interceptor(t);
  EXPECT_EQ(interceptor.max_lateral_acceleration_mps2(0.0, 3000.0), 400.0);
  EXPECT_EQ(interceptor.max_lateral_acceleration_mps2(500e3, 3000.0), 400.0);
}

// The booster is the missile model with the kill vehicle as its payload.
TEST(Interceptor, BoosterCarriesTheKillVehicleAsPayload) {
  const Interceptor interceptor(endo_type());
  EXPECT_DOUBLE_EQ(interceptor.booster().launch_mass_kg(), 150.0 + 40.0 + 100.0);
  EXPECT_DOUBLE_EQ(interceptor.booster().reentry_vehicle.ballistic_coefficient_kgpm2, 3000.0);
  EXPECT_EQ(interceptor.booster().stages.size(), 1u);
}

TEST(Interceptor, BadParametersAreRejectedNamingTheInterceptor) {
  const auto rejects = [](auto change, const std::string& what) {
    InterceptorType t = endo_type();
    change(t);
    try {
      Interceptor{t};
      ADD_FAILURE() << "accepted: " << what;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), "interceptor test-endo: " + what);
    }
  };
  rejects([](InterceptorType& t) { t.kill_vehicle.single_shot_kill_probability = 0.0; },
          "kill_vehicle single_shot_kill_probability must be in (0, 1]");
  rejects([](InterceptorType& t) { t.kill_vehicle.lethal_radius_m = -0.5; },
          "kill_vehicle lethal_radius must be positive and finite");
  rejects([](InterceptorType& t) { t.kill_vehicle.max_normal_force_coefficient = 0.0; },
          "kill_vehicle max_normal_force_coefficient must be positive and finite");
  rejects([](InterceptorType& t) { t.max_intercept_altitude_m = 500.0; },
          "max_intercept_altitude must exceed min_intercept_altitude");
  rejects([](InterceptorType& t) { t.stages.clear(); }, "needs one to three stages");
  // 150 kg over 10 s at 240 s Isp is 35.3 kN; 4000 kg of kill vehicle makes 4190 kg x g0 = 41.1 kN.
  rejects([](InterceptorType& t) { t.kill_vehicle.mass_kg = 4000.0; },
          "first-stage thrust does not exceed launch weight");
  // Aerodynamic figures are needed only inside the atmosphere.
  InterceptorType exo = endo_type();
  exo.regime = InterceptRegime::kExoAtmospheric;
  exo.kill_vehicle.reference_area_m2 = 0.0;
  EXPECT_NO_THROW(Interceptor{exo});
}

}  // namespace
}  // namespace rampart::engage
