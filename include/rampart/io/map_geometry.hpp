#pragma once
// Geometry shared by the map exports (GeoJSON, KML, CZML): points in
// longitude/latitude degrees, geodesic circles and radar field-of-regard
// footprints (GeographicLib's direct geodesic problem on the model's
// ellipsoid), counter-clockwise rings, and the splitting of lines and rings
// that cross the antimeridian (RFC 7946, section 3.1.9). docs/formats.md,
// "Map exports".

#include <vector>

#include "rampart/earth/earth_model.hpp"
#include "rampart/sense/radar.hpp"

namespace rampart::io {

/// A map position: WGS-84 (or the model's sphere) longitude and latitude in
/// degrees, height above the surface in metres.
struct LonLatAlt {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
  double alt_m = 0.0;
};

LonLatAlt lon_lat_alt(const earth::Geodetic& g);

/// The rounding of every exported coordinate: degrees to 1e-6 (about 0.1 m),
/// heights to whole metres; -0 becomes 0 so that the bytes do not depend on it.
double round_degrees(double deg);
double round_metres(double m);

/// The point at geodesic distance distance_m and azimuth azimuth_rad
/// (clockwise from north) from `from`, on the Earth model's ellipsoid; height 0.
LonLatAlt geodesic_destination(const earth::EarthModel& earth, const earth::Geodetic& from, double azimuth_rad,
                               double distance_m);

/// An open ring (first point not repeated) of `points` points at radius_m
/// around `centre`, counter-clockwise seen from above (azimuth decreasing).
std::vector<LonLatAlt> geodesic_circle(const earth::EarthModel& earth, const earth::Geodetic& centre,
                                       double radius_m, int points = 72);

/// The rule for a radar's footprint on the map (docs/formats.md): the ground
/// range out to which a target at reference_altitude_m can be seen, that is
/// at slant range min(max_range, radar horizon range for that altitude with
/// the radar's effective-Earth factor), converted to ground range on the
/// sphere of the model's mean radius.
struct RadarFootprint {
  double reference_altitude_m = 0.0;
  double slant_range_m = 0.0;
  double ground_range_m = 0.0;
  bool limited_by_horizon = false;  ///< false: by the instrumented max range
  std::vector<LonLatAlt> ring;      ///< open, counter-clockwise; empty when ground_range_m is 0
};

inline constexpr double kFootprintReferenceAltitude_m = 100e3;

/// The footprint of `radar`: its azimuth sector (a full circle when the span
/// is 2 pi) out to the ground range of the rule above, arcs sampled every 2 deg.
RadarFootprint radar_footprint(const earth::EarthModel& earth, const sense::RadarConfig& radar,
                               double reference_altitude_m = kFootprintReferenceAltitude_m);

/// Twice the signed area of a ring in the lon/lat plane (shoelace formula,
/// longitudes unwrapped to be continuous): positive when counter-clockwise.
double signed_area2_deg2(const std::vector<LonLatAlt>& ring);

/// `ring` (open) turned counter-clockwise if it is not.
std::vector<LonLatAlt> counter_clockwise(std::vector<LonLatAlt> ring);

/// A line cut where it crosses the antimeridian: consecutive points more than
/// 180 deg of longitude apart are joined through lon +-180 at the crossing's
/// latitude and height (interpolated linearly), ending one piece and
/// starting the next. One piece when the line does not cross.
std::vector<std::vector<LonLatAlt>> split_line_at_antimeridian(const std::vector<LonLatAlt>& line);

/// An open ring cut at the antimeridian: longitudes unwrapped along the ring,
/// then the ring clipped (Sutherland-Hodgman) into its parts either side of
/// +-180, each shifted back into [-180, 180]. Winding is kept. One part when
/// the ring does not cross. Rings around a pole are not handled.
std::vector<std::vector<LonLatAlt>> split_ring_at_antimeridian(const std::vector<LonLatAlt>& ring);

}  // namespace rampart::io
