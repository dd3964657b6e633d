#pragma once
// Internal pieces shared by the free-flight and missile targeting.

#include <functional>
#include <optional>

#include <Eigen/Dense>

#include "rampart/earth/earth_model.hpp"
#include "rampart/flight/flight_path.hpp"

namespace rampart::flight::detail {

/// Impact point in ECEF of a path that reached the ground.
Vec3 impact_ecef(const earth::EarthModel& earth, const FlightPath& path);

/// (east, north) of the impact point seen from the aim point, metres, in the
/// aim's local ENU plane: the miss to be driven to zero.
Eigen::Vector2d miss_east_north(const earth::EarthModel& earth, const earth::Geodetic& aim, const Vec3& impact_E);

/// Damped Newton on F(p) = 0 with a forward-difference Jacobian refreshed
/// every `refresh` iterations and Broyden rank-one updates between. F
/// returns nullopt where it is undefined (no impact); the step is then
/// halved. Stops when `converged(F(p))` holds; returns the last p and F,
/// or nullopt when max_iterations pass without convergence.
template <int N>
struct NewtonResult {
  Eigen::Matrix<double, N, 1> p;
  Eigen::Matrix<double, N, 1> F;
  int iterations;
  bool converged;
};

template <int N>
NewtonResult<N> solve_newton(
    const std::function<std::optional<Eigen::Matrix<double, N, 1>>(const Eigen::Matrix<double, N, 1>&)>& F,
    const std::function<bool(const Eigen::Matrix<double, N, 1>&)>& converged, Eigen::Matrix<double, N, 1> p,
    const Eigen::Matrix<double, N, 1>& fd_step, int max_iterations = 30);

}  // namespace rampart::flight::detail

namespace rampart::flight::detail {

/// A root of f in [a, b] where f(a) and f(b) differ in sign (Illinois
/// regula falsi), to |b - a| < x_tolerance; nullopt without a sign change.
std::optional<double> find_root(const std::function<double(double)>& f, double a, double b, double x_tolerance);

/// The minimum of a unimodal f on [a, b] by golden-section search, to x_tolerance.
double minimize_golden(const std::function<double(double)>& f, double a, double b, double x_tolerance);

}  // namespace rampart::flight::detail
