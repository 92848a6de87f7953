// Lotsen clock: Swedish time. "Today" for every rule (future dates, deadlines, worklists, retention) is
// the day in Europe/Stockholm, read from the system's time-zone database through Debian's date/tz
// library (libstdc++ 12 has no zone database); instants are stored in UTC.
//
// src/clock depends on src/domain only; the domain core takes the day as a value and reads no clock.
#pragma once

#include <chrono>
#include <string>

#include "domain/date.h"

namespace lotsen {

// The day in Swedish time at `t`. Thread-safe.
CivilDate swedishDay(std::chrono::system_clock::time_point t);

// Swedish local time at `t` (CET, or CEST in summer, as the zone database says). Thread-safe.
std::chrono::local_seconds swedishLocalTime(std::chrono::sys_seconds t);

// The instant (UTC) at which `day` begins in Swedish time: its midnight in Stockholm. Thread-safe.
std::chrono::sys_seconds swedishDayStart(CivilDate day);
// The same instant as the journal and the access log store it ("2026-11-30T23:00:00.000Z"), for
// comparing with stored instants: a Swedish day is [swedishDayStartUtc(d), swedishDayStartUtc(d + 1)).
// Thread-safe.
std::string swedishDayStartUtc(CivilDate day);

// `t` as Swedish local time with its offset: "2026-11-22T10:15:00+01:00". Thread-safe.
std::string swedishTimestamp(std::chrono::sys_seconds t);

}  // namespace lotsen
