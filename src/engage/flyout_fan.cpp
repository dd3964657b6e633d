#include "rampart/engage/flyout_fan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "rampart/flight/boost.hpp"

namespace rampart::engage {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// One recorded point of a trajectory in fan coordinates.
struct FanPoint {
  double t_s;
  double range_m;
  double alt_m;
};

std::vector<FanPoint> fly_one(const Interceptor& interceptor, const earth::EarthModel& earth,
                              const earth::Us76Atmosphere& atmosphere, const earth::Geodetic& site,
                              const FlyoutFanOptions& options, double kick_rad) {
  flight::FlightOptions flight_options = options.flight;
  flight_options.sample_step_s = options.sample_step_s;
  flight_options.max_flight_time_s = options.max_time_of_flight_s;
  const flight::LaunchCommand command{options.azimuth_rad, kick_rad, interceptor.booster().total_burn_time_s()};
  const flight::FlightPath path = flight::fly_missile(interceptor.booster(), earth, atmosphere, site, command,
                                                      flight_options);
  if (path.status == flight::FlightStatus::kIntegrationFailed) {
    throw std::runtime_error("flyout fan of " + interceptor.type().name + ": flight at kick " +
                             std::to_string(kick_rad) + " rad failed to integrate");
  }
  std::vector<FanPoint> points;
  points.reserve(path.samples.size() + 1);
  const auto add = [&](double t_s, const Vec3& r_I) {
    const Vec3 r_E = earth.ecef_from_eci(r_I, t_s);
    // The straight-up shot drifts with the Earth's rotation (Coriolis: ~2 km
    // by a 140 km apogee); a slight counter-kick would cancel that at the
    // same times, so it stands for the points overhead (range 0).
    const double range = kick_rad == 0.0 ? 0.0 : fan_ground_range_m(earth, site, r_E);
    points.push_back({t_s, range, earth.altitude_m(r_E)});
  };
  for (const auto& sample : path.samples) add(sample.t_s, sample.y_I.head<3>());
  // The impact (or crash) lies between samples: keep it, it closes the trajectory at the ground.
  if (path.impact && (points.empty() || path.impact->t_s > points.back().t_s)) {
    add(path.impact->t_s, path.impact->y_I.head<3>());
  }
  return points;
}

}  // namespace

FanGroundPoint fan_ground_point(const earth::EarthModel& earth, const Vec3& r_E) {
  // The geodetic latitude by Bowring's formula with one iteration (as
  // EarthModel::altitude_m), not the exact inversion: planning calls this for
  // every point of every predicted path, and from the ground to 1000 km the
  // latitude differs from the exact one by under 1 cm (against GeographicLib,
  // 2e6 random points), far below the fan's cells. Exact on a sphere.
  const double a_m = earth.parameters().equatorial_radius_m;
  const double f = earth.parameters().flattening;
  const double b_m = a_m * (1.0 - f);
  const double e2 = f * (2.0 - f);
  const double ep2 = e2 / ((1.0 - f) * (1.0 - f));
  const double x = r_E.x(), y = r_E.y(), z = r_E.z();
  const double p_m = std::sqrt(x * x + y * y);
  const double tz = z / (1.0 - f);  // a z / b, proportional to sin(beta)
  const double q = std::sqrt(p_m * p_m + tz * tz);
  const double sin_beta = q > 0.0 ? tz / q : 0.0;
  const double cos_beta = q > 0.0 ? p_m / q : 1.0;
  FanGroundPoint point;
  point.lat_rad = std::atan2(z + ep2 * b_m * sin_beta * sin_beta * sin_beta,
                             p_m - e2 * a_m * cos_beta * cos_beta * cos_beta);
  point.lon_rad = std::atan2(y, x);
  point.cos_lat = std::cos(point.lat_rad);
  return point;
}

double fan_ground_range_m(const earth::EarthModel& earth, const earth::Geodetic& site, const FanGroundPoint& point) {
  const double s_lat = std::sin(0.5 * (point.lat_rad - site.lat_rad));
  const double s_lon = std::sin(0.5 * (point.lon_rad - site.lon_rad));
  const double a = s_lat * s_lat + std::cos(site.lat_rad) * point.cos_lat * s_lon * s_lon;
  return 2.0 * earth.mean_radius_m() * std::asin(std::min(1.0, std::sqrt(a)));
}

double fan_ground_range_m(const earth::EarthModel& earth, const earth::Geodetic& site, const Vec3& r_E) {
  return fan_ground_range_m(earth, site, fan_ground_point(earth, r_E));
}

FlyoutFan::FlyoutFan(const Interceptor& interceptor, const earth::EarthModel& earth,
                     const earth::Us76Atmosphere& atmosphere, const earth::Geodetic& site,
                     const FlyoutFanOptions& options)
    : site_(site), range_cells_(options.range_cells), altitude_cells_(options.altitude_cells) {
  if (options.kick_count < 2 || options.range_cells < 2 || options.altitude_cells < 2) {
    throw std::invalid_argument("flyout fan: kick_count, range_cells and altitude_cells must be at least 2");
  }
  if (!(options.min_kick_rad >= 0.0 && options.max_kick_rad > options.min_kick_rad &&
        options.max_kick_rad < 0.5 * constants::kPi)) {
    throw std::invalid_argument("flyout fan: kicks must satisfy 0 <= min < max < pi/2");
  }
  if (!(options.sample_step_s > 0.0 && options.max_time_of_flight_s > interceptor.booster().total_burn_time_s())) {
    throw std::invalid_argument("flyout fan: sample step must be positive and the time limit longer than the burn");
  }

  // 1. The sweep, ordered by kick angle (neighbours bracket the points between them).
  std::vector<std::vector<FanPoint>> flights;
  double max_range = 0.0;
  double max_alt = 0.0;
  for (int k = 0; k < options.kick_count; ++k) {
    // Quadratic spacing: near the vertical a small kick moves the trajectory
    // far (the gravity turn amplifies it), so the sweep is densest there.
    const double u = static_cast<double>(k) / (options.kick_count - 1);
    const double kick = options.min_kick_rad + (options.max_kick_rad - options.min_kick_rad) * u * u;
    flights.push_back(fly_one(interceptor, earth, atmosphere, site, options, kick));
    for (const auto& p : flights.back()) {
      max_range = std::max(max_range, p.range_m);
      max_alt = std::max(max_alt, p.alt_m);
    }
  }
  if (!(max_range > 0.0 && max_alt > 0.0)) {
    throw std::runtime_error("flyout fan of " + interceptor.type().name + ": the sweep neither climbs nor travels");
  }
  dr_m_ = max_range / range_cells_;
  dh_m_ = max_alt / altitude_cells_;
  const int nr = range_cells_ + 1;
  const int nh = altitude_cells_ + 1;
  time_s_.assign(static_cast<std::size_t>(nr) * nh, kNaN);
  row_max_range_m_.assign(nh, kNaN);
  const auto at = [this, nh](int i, int j) -> double& { return time_s_[static_cast<std::size_t>(i) * nh + j]; };

  // 2. Where and when each trajectory first crosses each range column (range
  //    grows along a trajectory except by Coriolis drift near the vertical:
  //    only the first crossing counts), and the farthest crossing of each
  //    altitude row.
  const std::size_t K = flights.size();
  std::vector<double> cross_h(K * nr, kNaN);
  std::vector<double> cross_t(K * nr, kNaN);
  std::vector<double> row_range(K * nh, kNaN);  // farthest crossing of each altitude row, per trajectory
  std::vector<double> first_r(K * nh, kNaN);    // first (climbing) crossing of each altitude row: range
  std::vector<double> first_t(K * nh, kNaN);    //   and time
  for (std::size_t k = 0; k < K; ++k) {
    const auto& f = flights[k];
    int next_column = 1;
    for (std::size_t s = 1; s < f.size(); ++s) {
      const FanPoint& a = f[s - 1];
      const FanPoint& b = f[s];
      while (next_column < nr && b.range_m >= next_column * dr_m_ && a.range_m < b.range_m) {
        const double u = std::clamp((next_column * dr_m_ - a.range_m) / (b.range_m - a.range_m), 0.0, 1.0);
        cross_h[k * nr + next_column] = a.alt_m + u * (b.alt_m - a.alt_m);
        cross_t[k * nr + next_column] = a.t_s + u * (b.t_s - a.t_s);
        ++next_column;
      }
      const double lo = std::min(a.alt_m, b.alt_m);
      const double hi = std::max(a.alt_m, b.alt_m);
      for (int j = std::max(0, static_cast<int>(std::ceil(lo / dh_m_))); j < nh && j * dh_m_ <= hi; ++j) {
        const double u = hi > lo ? (j * dh_m_ - a.alt_m) / (b.alt_m - a.alt_m) : 0.0;
        const double range = a.range_m + u * (b.range_m - a.range_m);
        if (std::isnan(first_t[k * nh + j])) {
          first_r[k * nh + j] = range;
          first_t[k * nh + j] = a.t_s + u * (b.t_s - a.t_s);
        }
        double& farthest = row_range[k * nh + j];
        if (!(farthest >= range)) farthest = range;
      }
    }
  }

  // The edge of each row: the farthest trajectory, refined by the vertex of
  // the parabola through it and its two neighbours in the sweep (the range
  // is smooth in the kick; the sweep's own step would cost up to ~0.5 %).
  for (int j = 0; j < nh; ++j) {
    std::size_t best = K;
    for (std::size_t k = 0; k < K; ++k) {
      const double r = row_range[k * nh + j];
      if (!std::isnan(r) && (best == K || r > row_range[best * nh + j])) best = k;
    }
    if (best == K) continue;
    double edge = row_range[best * nh + j];
    if (best > 0 && best + 1 < K) {
      const double u0 = std::pow(static_cast<double>(best - 1) / (K - 1), 2);
      const double u1 = std::pow(static_cast<double>(best) / (K - 1), 2);
      const double u2 = std::pow(static_cast<double>(best + 1) / (K - 1), 2);
      const double y0 = row_range[(best - 1) * nh + j];
      const double y1 = edge;
      const double y2 = row_range[(best + 1) * nh + j];
      if (!std::isnan(y0) && !std::isnan(y2)) {
        // Parabola through (u0,y0), (u1,y1), (u2,y2) (unequal spacing): its vertex, when it is a maximum inside.
        const double d1 = (y1 - y0) / (u1 - u0);
        const double d2 = (y2 - y1) / (u2 - u1);
        const double c2 = (d2 - d1) / (u2 - u0);
        if (c2 < 0.0) {
          const double c1 = d1 - c2 * (u0 + u1);
          const double u_star = std::clamp(-c1 / (2.0 * c2), u0, u2);
          const double y_star = y0 + (u_star - u0) * (d1 + c2 * (u_star - u1));
          edge = std::max(edge, y_star);
        }
      }
    }
    row_max_range_m_[j] = edge;
  }

  // 3. Nodes between neighbouring trajectories of the sweep: time linear in
  //    altitude along the column between the two crossings; earliest wins.
  for (int i = 1; i < nr; ++i) {
    for (std::size_t k = 0; k + 1 < K; ++k) {
      const double h0 = cross_h[k * nr + i];
      const double h1 = cross_h[(k + 1) * nr + i];
      if (std::isnan(h0) || std::isnan(h1)) continue;
      const double t0 = cross_t[k * nr + i];
      const double t1 = cross_t[(k + 1) * nr + i];
      const double lo = std::min(h0, h1);
      const double hi = std::max(h0, h1);
      for (int j = std::max(0, static_cast<int>(std::ceil(lo / dh_m_))); j < nh && j * dh_m_ <= hi; ++j) {
        const double t = hi > lo ? t0 + (j * dh_m_ - h0) / (h1 - h0) * (t1 - t0) : std::min(t0, t1);
        double& cell = at(i, j);
        if (!(cell <= t)) cell = t;
      }
    }
  }

  // 4. The same along each altitude row between neighbours' climbing
  //    crossings: this covers what the columns miss, notably the wedge between
  //    the straight-up shot (which never leaves range ~0) and the first kick.
  for (int j = 0; j < nh; ++j) {
    for (std::size_t k = 0; k + 1 < K; ++k) {
      const double r0 = first_r[k * nh + j];
      const double r1 = first_r[(k + 1) * nh + j];
      if (std::isnan(r0) || std::isnan(r1)) continue;
      const double t0 = first_t[k * nh + j];
      const double t1 = first_t[(k + 1) * nh + j];
      const double lo = std::min(r0, r1);
      const double hi = std::max(r0, r1);
      for (int i = std::max(0, static_cast<int>(std::ceil(lo / dr_m_))); i < nr && i * dr_m_ <= hi; ++i) {
        const double t = hi > lo ? t0 + (i * dr_m_ - r0) / (r1 - r0) * (t1 - t0) : std::min(t0, t1);
        double& cell = at(i, j);
        if (!(cell <= t)) cell = t;
      }
    }
  }
}

std::optional<double> FlyoutFan::time_to_reach_s(double ground_range_m, double altitude_m) const {
  if (!(ground_range_m >= 0.0 && altitude_m >= 0.0)) return std::nullopt;
  const double x = ground_range_m / dr_m_;
  const double y = altitude_m / dh_m_;
  if (x > range_cells_ || y > altitude_cells_) return std::nullopt;
  const int i = std::min(static_cast<int>(x), range_cells_ - 1);
  const int j = std::min(static_cast<int>(y), altitude_cells_ - 1);
  const double t00 = node(i, j);
  const double t10 = node(i + 1, j);
  const double t01 = node(i, j + 1);
  const double t11 = node(i + 1, j + 1);
  if (std::isnan(t00) || std::isnan(t10) || std::isnan(t01) || std::isnan(t11)) return std::nullopt;
  const double u = x - i;
  const double v = y - j;
  return (1.0 - u) * (1.0 - v) * t00 + u * (1.0 - v) * t10 + (1.0 - u) * v * t01 + u * v * t11;
}

std::optional<double> FlyoutFan::max_ground_range_m(double altitude_m) const {
  if (!(altitude_m >= 0.0)) return std::nullopt;
  const double y = altitude_m / dh_m_;
  if (y > altitude_cells_) return std::nullopt;
  const int j = std::min(static_cast<int>(y), altitude_cells_ - 1);
  const double v = y - j;
  const double r0 = row_max_range_m_[j];
  const double r1 = row_max_range_m_[j + 1];
  if (std::isnan(r0) && std::isnan(r1)) return std::nullopt;
  if (std::isnan(r1)) return v == 0.0 ? std::optional<double>(r0) : std::nullopt;
  if (std::isnan(r0)) return v == 1.0 ? std::optional<double>(r1) : std::nullopt;
  return (1.0 - v) * r0 + v * r1;
}

}  // namespace rampart::engage
