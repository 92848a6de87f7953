#include "clock/swedish_time.h"

#include <date/tz.h>
#include <fmt/format.h>

namespace lotsen {
namespace {

const date::time_zone* stockholm() {
  static const date::time_zone* zone = date::locate_zone("Europe/Stockholm");
  return zone;
}

}  // namespace

CivilDate swedishDay(std::chrono::system_clock::time_point t) {
  auto local = stockholm()->to_local(std::chrono::floor<std::chrono::seconds>(t));
  return CivilDate::fromDays(std::chrono::sys_days(std::chrono::floor<std::chrono::days>(local).time_since_epoch()));
}

std::chrono::local_seconds swedishLocalTime(std::chrono::sys_seconds t) {
  auto local = stockholm()->to_local(t);
  return std::chrono::local_seconds(local.time_since_epoch());
}

std::chrono::sys_seconds swedishDayStart(CivilDate day) {
  // Midnight is never skipped nor repeated in Stockholm (the clocks change at 02:00 and 03:00).
  return stockholm()->to_sys(date::local_seconds(day.days().time_since_epoch()));
}

std::string swedishDayStartUtc(CivilDate day) { return formatUtcTimestamp(swedishDayStart(day)); }

std::string swedishTimestamp(std::chrono::sys_seconds t) {
  auto info = stockholm()->get_info(t);
  auto local = t + info.offset;
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::hh_mm_ss time(local - day);
  auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", CivilDate::fromDays(day).iso(), time.hours().count(),
                     time.minutes().count(), time.seconds().count(), offset < 0 ? '-' : '+', std::abs(offset) / 60,
                     std::abs(offset) % 60);
}

}  // namespace lotsen
