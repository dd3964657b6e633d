#include "targeting_detail.hpp"

#include <cmath>

namespace rampart::flight::detail {

Vec3 impact_ecef(const earth::EarthModel& earth, const FlightPath& path) {
  return earth.ecef_from_eci(position(path.impact->y_I), path.impact->t_s);
}

Eigen::Vector2d miss_east_north(const earth::EarthModel& earth, const earth::Geodetic& aim, const Vec3& impact_E) {
  const Vec3 d_L = earth.R_EL(aim).transpose() * (impact_E - earth.ecef_from_geodetic(aim));
  return {d_L.x(), d_L.y()};
}

template <int N>
NewtonResult<N> solve_newton(
    const std::function<std::optional<Eigen::Matrix<double, N, 1>>(const Eigen::Matrix<double, N, 1>&)>& F,
    const std::function<bool(const Eigen::Matrix<double, N, 1>&)>& converged, Eigen::Matrix<double, N, 1> p,
    const Eigen::Matrix<double, N, 1>& fd_step, int max_iterations) {
  using Vec = Eigen::Matrix<double, N, 1>;
  using Mat = Eigen::Matrix<double, N, N>;
  auto f0 = F(p);
  if (!f0) return {p, Vec::Constant(NAN), 0, false};
  Vec f = *f0;
  Mat J = Mat::Zero();
  bool jacobian_fresh = false;
  const auto refresh_jacobian = [&]() {
    for (int j = 0; j < N; ++j) {
      Vec q = p;
      q(j) += fd_step(j);
      auto fq = F(q);
      if (!fq) {  // undefined on this side: difference backwards
        q(j) = p(j) - fd_step(j);
        fq = F(q);
        if (!fq) return false;
        J.col(j) = (f - *fq) / fd_step(j);
      } else {
        J.col(j) = (*fq - f) / fd_step(j);
      }
    }
    jacobian_fresh = true;
    return true;
  };

  for (int iteration = 1; iteration <= max_iterations; ++iteration) {
    if (converged(f)) return {p, f, iteration - 1, true};
    if (!jacobian_fresh && !refresh_jacobian()) return {p, f, iteration, false};
    const Vec dp = -J.fullPivLu().solve(f);
    if (!dp.allFinite()) return {p, f, iteration, false};
    // Backtrack until the residual falls (or the step is negligible).
    double lambda = 1.0;
    bool accepted = false;
    for (int k = 0; k < 12; ++k, lambda *= 0.5) {
      const Vec q = p + lambda * dp;
      const auto fq = F(q);
      if (fq && fq->norm() < f.norm()) {
        // Broyden's rank-one update keeps the Jacobian current without new differences.
        const Vec s = q - p;
        const Vec y = *fq - f;
        J += ((y - J * s) * s.transpose()) / s.squaredNorm();
        jacobian_fresh = lambda == 1.0;  // a damped step means the model is poor: refresh next time
        p = q;
        f = *fq;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      if (!jacobian_fresh) {
        jacobian_fresh = false;
        if (!refresh_jacobian()) return {p, f, iteration, false};
        continue;
      }
      return {p, f, iteration, converged(f)};
    }
  }
  return {p, f, max_iterations, converged(f)};
}

template NewtonResult<1> solve_newton<1>(
    const std::function<std::optional<Eigen::Matrix<double, 1, 1>>(const Eigen::Matrix<double, 1, 1>&)>&,
    const std::function<bool(const Eigen::Matrix<double, 1, 1>&)>&, Eigen::Matrix<double, 1, 1>,
    const Eigen::Matrix<double, 1, 1>&, int);
template NewtonResult<2> solve_newton<2>(
    const std::function<std::optional<Eigen::Vector2d>(const Eigen::Vector2d&)>&,
    const std::function<bool(const Eigen::Vector2d&)>&, Eigen::Vector2d, const Eigen::Vector2d&, int);
template NewtonResult<3> solve_newton<3>(
    const std::function<std::optional<Eigen::Vector3d>(const Eigen::Vector3d&)>&,
    const std::function<bool(const Eigen::Vector3d&)>&, Eigen::Vector3d, const Eigen::Vector3d&, int);

}  // namespace rampart::flight::detail

namespace rampart::flight::detail {

std::optional<double> find_root(const std::function<double(double)>& f, double a, double b, double x_tolerance) {
  double fa = f(a);
  double fb = f(b);
  if (!(std::isfinite(fa) && std::isfinite(fb)) || fa * fb > 0.0) return std::nullopt;
  if (fa == 0.0) return a;
  if (fb == 0.0) return b;
  int side = 0;  // which end was kept last: -1 a, +1 b
  for (int i = 0; i < 200 && std::abs(b - a) > x_tolerance; ++i) {
    double c = (fa * b - fb * a) / (fa - fb);
    if (!(c > std::min(a, b) && c < std::max(a, b))) c = 0.5 * (a + b);
    const double fc = f(c);
    if (!std::isfinite(fc)) return std::nullopt;
    if (fc == 0.0) return c;
    if (fc * fb > 0.0) {
      b = c;
      fb = fc;
      if (side == -1) fa *= 0.5;  // Illinois: a kept twice, halve its weight
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side == +1) fb *= 0.5;
      side = +1;
    }
  }
  return 0.5 * (a + b);
}

double minimize_golden(const std::function<double(double)>& f, double a, double b, double x_tolerance) {
  const double inv_phi = (std::sqrt(5.0) - 1.0) / 2.0;
  double c = b - inv_phi * (b - a);
  double d = a + inv_phi * (b - a);
  double fc = f(c);
  double fd = f(d);
  while (std::abs(b - a) > x_tolerance) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - inv_phi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + inv_phi * (b - a);
      fd = f(d);
    }
  }
  return 0.5 * (a + b);
}

}  // namespace rampart::flight::detail
