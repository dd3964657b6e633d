// scenario.czml parses as JSON; its document packet's clock covers every
// sampled instant; sampled positions come in (t, lon, lat, height) fours
// with increasing times; each threat's path starts at its launch point and a
// killed threat's ends at its intercept. The ISO 8601 instants are checked
// against dates computed independently (Python's datetime).

#include "rampart/io/czml_export.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <set>
#include <sstream>

#include "rampart/core/constants.hpp"
#include "rampart/io/iso_time.hpp"
#include "small_engagement.hpp"

namespace rampart::io {
namespace {

using json = nlohmann::json;

/// The scenario with an epoch (only the exports read it: the run is the same).
sim::Scenario with_epoch(sim::Scenario scenario) {
  scenario.epoch = "2026-11-29T03:00:00Z";
  return scenario;
}

/// The small certain run's CZML, with that epoch.
const std::string& small_czml() {
  static const std::string czml = [] {
    const auto& run = testing::small_certain_run();
    std::ostringstream out;
    write_scenario_czml(out, run.result, with_epoch(run.scenario), run.models->earth());
    return out.str();
  }();
  return czml;
}

/// Milliseconds since 1970 of "YYYY-MM-DDTHH:MM:SS[.mmm]Z", through the C library (timegm).
std::int64_t parse_ms(const std::string& text) {
  std::tm tm{};
  int ms = 0;
  char dot = 0;
  const int n = std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d%c%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                            &tm.tm_min, &tm.tm_sec, &dot, &ms);
  EXPECT_GE(n, 6) << text;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(::timegm(&tm)) * 1000 + (dot == '.' ? ms : 0);
}

std::pair<std::int64_t, std::int64_t> parse_interval(const std::string& text) {
  const auto slash = text.find('/');
  return {parse_ms(text.substr(0, slash)), parse_ms(text.substr(slash + 1))};
}

TEST(IsoTime, KnownInstants) {
  EXPECT_EQ(parse_iso8601_utc_ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso8601_utc_ms("2026-11-29T03:00:00Z"), 1795921200000);
  EXPECT_EQ(parse_iso8601_utc_ms("2000-01-01T12:00:00Z"), 946728000000);
  EXPECT_EQ(parse_iso8601_utc_ms("2024-02-29T23:59:59.5Z"), 1709251199500);
  EXPECT_EQ(format_iso8601_utc(1709251199500), "2024-02-29T23:59:59.500Z");
  EXPECT_EQ(format_iso8601_utc(-1750), "1969-12-31T23:59:58.250Z");
  EXPECT_EQ(format_iso8601_utc(1795921200000), "2026-11-29T03:00:00Z");
  EXPECT_EQ(iso_at(946728000000, 86400.0 * 366 + 0.0004), "2001-01-01T12:00:00Z");
  EXPECT_EQ(export_epoch_ms(""), 946728000000);
  EXPECT_THROW(parse_iso8601_utc_ms("2026-02-30T00:00:00Z"), std::invalid_argument);
  EXPECT_THROW(parse_iso8601_utc_ms("2026-11-29 03:00:00"), std::invalid_argument);
}

TEST(CzmlExport, DocumentClockCoversEverySample) {
  const json czml = json::parse(small_czml());
  ASSERT_TRUE(czml.is_array());
  ASSERT_GT(czml.size(), 1u);
  const json& document = czml[0];
  EXPECT_EQ(document["id"], "document");
  EXPECT_EQ(document["version"], "1.0");
  const auto [start, end] = parse_interval(document["clock"]["interval"].get<std::string>());
  EXPECT_EQ(parse_ms(document["clock"]["currentTime"].get<std::string>()), start);
  EXPECT_EQ(start, 1795921200000);  // the epoch: the run starts at t = 0
  // The last threat impacts or dies more than 500 s in.
  EXPECT_GT(end - start, 500'000);

  int sampled = 0;
  for (std::size_t i = 1; i < czml.size(); ++i) {
    const json& packet = czml[i];
    SCOPED_TRACE(packet["id"].get<std::string>());
    if (packet.contains("availability")) {
      const auto [from, to] = parse_interval(packet["availability"].get<std::string>());
      EXPECT_LE(start, from);
      EXPECT_LE(from, to);
      EXPECT_LE(to, end);
    }
    if (!packet.contains("position") || !packet["position"].contains("epoch")) continue;
    const auto& degrees = packet["position"]["cartographicDegrees"];
    ASSERT_EQ(degrees.size() % 4, 0u);
    ASSERT_GE(degrees.size(), 4u);
    const std::int64_t epoch = parse_ms(packet["position"]["epoch"].get<std::string>());
    double previous = -1e300;
    for (std::size_t k = 0; k < degrees.size(); k += 4) {
      const double t = degrees[k].get<double>();
      EXPECT_GT(t, previous);
      previous = t;
      const auto instant = epoch + static_cast<std::int64_t>(std::llround(t * 1000.0));
      EXPECT_GE(instant, start);
      EXPECT_LE(instant, end);
      EXPECT_LE(std::abs(degrees[k + 1].get<double>()), 180.0);
      EXPECT_LE(std::abs(degrees[k + 2].get<double>()), 90.0);
    }
    ++sampled;
  }
  EXPECT_GT(sampled, 0);
}

TEST(CzmlExport, OnePacketPerThreatInterceptorAndConfirmedTrack) {
  const auto& run = testing::small_certain_run();
  const json czml = json::parse(small_czml());
  std::set<track::TrackId> confirmed;
  for (const auto& row : run.result.track_rows) {
    if (row.status == track::TrackStatus::kConfirmed) confirmed.insert(row.id);
  }
  ASSERT_FALSE(confirmed.empty());
  std::size_t threats = 0;
  std::size_t interceptors = 0;
  std::size_t tracks = 0;
  std::size_t radars = 0;
  std::size_t coverages = 0;
  for (const auto& packet : czml) {
    const auto id = packet["id"].get<std::string>();
    threats += id.rfind("threat/", 0) == 0 ? 1 : 0;
    interceptors += id.rfind("interceptor/", 0) == 0 ? 1 : 0;
    tracks += id.rfind("track/", 0) == 0 ? 1 : 0;
    const bool radar = id.rfind("radar/", 0) == 0;
    coverages += radar && packet.contains("polygon") ? 1 : 0;
    radars += radar && !packet.contains("polygon") ? 1 : 0;
  }
  EXPECT_EQ(threats, run.scenario.threats.size());
  EXPECT_EQ(interceptors, run.result.interceptors.size());
  EXPECT_EQ(tracks, confirmed.size());
  EXPECT_EQ(radars, run.scenario.radars.size());
  EXPECT_EQ(coverages, run.scenario.radars.size());
}

TEST(CzmlExport, ThreatPathsRunFromLaunchPointToIntercept) {
  const auto& run = testing::small_certain_run();
  const json czml = json::parse(small_czml());
  for (const auto& threat : run.result.threats) {
    SCOPED_TRACE(threat.name);
    const json* packet = nullptr;
    for (const auto& p : czml) {
      if (p["id"] == "threat/" + threat.name) packet = &p;
    }
    ASSERT_NE(packet, nullptr);
    const auto& d = (*packet)["position"]["cartographicDegrees"];
    EXPECT_NEAR(d[0].get<double>(), threat.launch_time_s, 1e-3);
    EXPECT_NEAR(d[1].get<double>(), threat.launch_point.lon_rad * constants::kRadToDeg, 1e-6);
    EXPECT_NEAR(d[2].get<double>(), threat.launch_point.lat_rad * constants::kRadToDeg, 1e-6);
    if (threat.result != sim::ThreatResult::kKilled) continue;
    // The last sample is the kill: where the kill vehicle was at closest
    // approach (the run's intercept point), within a few hundred metres.
    const std::size_t last = d.size() - 4;
    EXPECT_NEAR(d[last].get<double>(), *threat.intercept_time_s, 1e-3);
    const double m_per_deg = 111e3;
    EXPECT_NEAR(d[last + 1].get<double>(), threat.intercept_point->lon_rad * constants::kRadToDeg, 500.0 / m_per_deg);
    EXPECT_NEAR(d[last + 2].get<double>(), threat.intercept_point->lat_rad * constants::kRadToDeg, 500.0 / m_per_deg);
    EXPECT_NEAR(d[last + 3].get<double>(), threat.intercept_point->alt_m, 500.0);
  }
}

TEST(CzmlExport, SameResultSameBytes) {
  const auto& run = testing::small_certain_run();
  std::ostringstream again;
  write_scenario_czml(again, sim::run_world(*run.models), with_epoch(run.scenario), run.models->earth());
  EXPECT_EQ(small_czml(), again.str());
}

}  // namespace
}  // namespace rampart::io
