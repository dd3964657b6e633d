#include "rampart/io/iso_time.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace rampart::io {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

/// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

/// The inverse: the date `days` after 1970-01-01 (Hinnant's civil_from_days).
CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29u : kDays[month - 1];
}

}  // namespace

std::int64_t parse_iso8601_utc_ms(const std::string& text) {
  // "YYYY-MM-DDTHH:MM:SS[.f...]Z", read by position (std::regex trips a false
  // -Wmaybe-uninitialized of GCC 12 in sanitizer builds, and this is simpler).
  const auto digits = [&text](std::size_t at, std::size_t count) {
    if (at + count > text.size()) return false;
    for (std::size_t k = at; k < at + count; ++k) {
      if (text[k] < '0' || text[k] > '9') return false;
    }
    return true;
  };
  std::size_t end = 19;
  if (end < text.size() && text[end] == '.') {
    ++end;
    const std::size_t first = end;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == first) end = std::string::npos;  // a point without digits
  }
  const bool shaped = digits(0, 4) && text.size() > 4 && text[4] == '-' && digits(5, 2) && text[7] == '-' &&
                      digits(8, 2) && text[10] == 'T' && digits(11, 2) && text[13] == ':' && digits(14, 2) &&
                      text[16] == ':' && digits(17, 2) && end != std::string::npos && end + 1 == text.size() &&
                      text[end] == 'Z';
  if (!shaped) {
    std::string message = "not an ISO 8601 UTC time such as 2026-11-29T03:00:00Z: ";
    message += text;
    throw std::invalid_argument(message);
  }
  const auto field = [&text](std::size_t at, std::size_t count) { return std::stoi(text.substr(at, count)); };
  const std::int64_t year = field(0, 4);
  const auto month = static_cast<unsigned>(field(5, 2));
  const auto day = static_cast<unsigned>(field(8, 2));
  const int hour = field(11, 2);
  const int minute = field(14, 2);
  const int second = field(17, 2);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 60) {
    std::string message = "not a valid date and time: ";
    message += text;
    throw std::invalid_argument(message);
  }
  std::string fraction = "0";
  if (end > 19) fraction += text.substr(19, end - 19);
  const std::int64_t fraction_ms = std::llround(std::stod(fraction) * 1000.0);
  return days_from_civil(year, month, day) * kMsPerDay +
         ((static_cast<std::int64_t>(hour) * 60 + minute) * 60 + second) * 1000 + fraction_ms;
}

std::string format_iso8601_utc(std::int64_t unix_ms) {
  // Floor division so that instants before 1970 format too.
  std::int64_t days = unix_ms / kMsPerDay;
  std::int64_t ms_of_day = unix_ms % kMsPerDay;
  if (ms_of_day < 0) {
    ms_of_day += kMsPerDay;
    days -= 1;
  }
  const CivilDate date = civil_from_days(days);
  const std::int64_t ms = ms_of_day % 1000;
  const std::int64_t seconds = ms_of_day / 1000;
  std::string text = fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", date.year, date.month, date.day,
                                 seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (ms != 0) text += fmt::format(".{:03d}", ms);
  text += 'Z';
  return text;
}

std::int64_t export_epoch_ms(const std::string& epoch) {
  return parse_iso8601_utc_ms(epoch.empty() ? std::string(kDefaultExportEpoch) : epoch);
}

std::string iso_at(std::int64_t epoch_ms, double t_s) {
  return format_iso8601_utc(epoch_ms + std::llround(t_s * 1000.0));
}

}  // namespace rampart::io
