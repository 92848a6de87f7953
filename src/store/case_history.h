// Lotsen store: every person's registrations and case records as the event journal recorded them, typed, each
// version stamped with the instant it was recorded — the in-memory form the reports read instead of parsing
// the journal's JSON for every report (DESIGN principle 5; typed rows, each kind's in one array in person order, not
// yet columns). Built from the whole journal once and then brought up to date with the events appended since, so that a
// report in a running server pays only for what changed. It keeps what the reports read — personnummer, codes
// (interned), dates, ids — and no names, contact details or free text. Backend-neutral: it reads Events through the
// Store, not SQL.
#pragma once

#include <algorithm>
#include <cstdint>
#include <expected>
#include <limits>
#include <mutex>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/casework.h"
#include "domain/error.h"
#include "domain/interned_code.h"
#include "domain/parallel.h"
#include "domain/person.h"
#include "domain/personal_id.h"
#include "store/store.h"

namespace lotsen {

// A stored UTC timestamp ("2026-11-30T23:00:00.000Z", as the journal and swedishDayStartUtc write it) as
// milliseconds since 1970; none when it is not one.
std::optional<std::int64_t> storedInstant(std::string_view text);

// An instant later than every event's: with Versions::before, the values as they stand now.
inline constexpr std::int64_t kAfterEveryEvent = std::numeric_limits<std::int64_t>::max();

// The versions of one person's values of a kind (registrations, case records) in one array, by id and each
// id's oldest first: the reports walk it from end to end. The array is the table's own, or — once the history has
// packed it (CaseHistory::pack) — a part of one array for all persons' tables of the kind, in person order, so
// that a report walking every person reads memory in order. Move-only: a packed table is the only one to refer
// to its part.
template <class T>
class VersionTable {
 public:
  struct Row {
    std::int64_t id = 0;
    std::int64_t recorded = 0;
    std::optional<T> value;
  };

  VersionTable() = default;
  VersionTable(VersionTable&& other) noexcept
      : own_(std::move(other.own_)),
        packed_(std::exchange(other.packed_, nullptr)),
        packedSize_(std::exchange(other.packedSize_, 0)),
        lastRecorded_(other.lastRecorded_) {}
  VersionTable& operator=(VersionTable&& other) noexcept {
    own_ = std::move(other.own_);
    packed_ = std::exchange(other.packed_, nullptr);
    packedSize_ = std::exchange(other.packedSize_, 0);
    lastRecorded_ = other.lastRecorded_;
    return *this;
  }

  // Adds a version of `id` after its others: at the end when `id` is the newest (the usual case). A packed table
  // takes its rows back into an array of its own first.
  void add(std::int64_t id, std::int64_t recorded, std::optional<T> value) {
    std::vector<Row>& rows = own();
    rows.insert(std::ranges::upper_bound(rows, id, {}, &Row::id), Row{id, recorded, std::move(value)});
    lastRecorded_ = std::max(lastRecorded_, recorded);
  }
  // Removes every value at every instant: each version reads as removed (retention).
  void removeEverywhere() {
    for (Row& row : own()) row.value.reset();
  }
  // The instant of the latest version added; 0 before any.
  std::int64_t lastRecorded() const { return lastRecorded_; }
  bool contains(std::int64_t id) const { return std::ranges::binary_search(rows(), id, {}, &Row::id); }
  // Calls `f(value)` with each value as it stood before `instant` (kAfterEveryEvent: now), by id; not the
  // values removed by then.
  template <class F>
  void eachBefore(std::int64_t instant, F&& f) const {
    std::span<const Row> rows = this->rows();
    const Row* standing = nullptr;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].recorded < instant) standing = &rows[i];
      if (i + 1 == rows.size() || rows[i + 1].id != rows[i].id) {
        if (standing && standing->value) f(*standing->value);
        standing = nullptr;
      }
    }
  }
  // Every version, by id and each id's oldest first.
  std::span<const Row> rows() const {
    return packed_ ? std::span<const Row>(packed_, packedSize_) : std::span<const Row>(own_);
  }

  // Moves the rows to the end of `packed`, which must have room for them (its storage must not move while a table
  // refers to it), and refers to them there.
  void packInto(std::vector<Row>& packed) {
    std::span<Row> rows = packed_ ? std::span<Row>(packed_, packedSize_) : std::span<Row>(own_);
    if (rows.empty()) return;
    if (packed.capacity() - packed.size() < rows.size()) std::abort();  // would move the other tables' rows
    Row* begin = packed.data() + packed.size();
    std::ranges::move(rows, std::back_inserter(packed));
    own_ = {};
    packed_ = begin;
    packedSize_ = rows.size();
  }

 private:
  // The rows in the table's own array, taken back from the packed one first.
  std::vector<Row>& own() {
    if (packed_) {
      own_.assign(std::make_move_iterator(packed_), std::make_move_iterator(packed_ + packedSize_));
      packed_ = nullptr;
      packedSize_ = 0;
    }
    return own_;
  }

  std::vector<Row> own_;   // the rows, while not packed
  Row* packed_ = nullptr;  // the rows, when packed: in CaseHistory's array of the kind
  std::size_t packedSize_ = 0;
  std::int64_t lastRecorded_ = 0;
};

// A value's versions, oldest first: a table of one value, packed with the others of its kind.
template <class T>
class Versions {
 public:
  // Adds the version recorded at `recorded`; none: the value was removed.
  void add(std::int64_t recorded, std::optional<T> value) { table_.add(0, recorded, std::move(value)); }
  // Removes the value at every instant (retention).
  void removeEverywhere() { table_.removeEverywhere(); }
  // The value as it stood before `instant`; null when it did not exist then or was removed.
  const T* before(std::int64_t instant) const {
    std::span<const typename VersionTable<T>::Row> rows = table_.rows();
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
      if (it->recorded < instant) return it->value ? &*it->value : nullptr;
    return nullptr;
  }
  // The value as it stands now; null when removed.
  const T* latest() const { return before(kAfterEveryEvent); }
  // Whether there is a version and the latest is `value` (none: removed).
  bool endsWith(const std::optional<T>& value) const {
    return !table_.rows().empty() && table_.rows().back().value == value;
  }

  VersionTable<T>& table() { return table_; }
  const VersionTable<T>& table() const { return table_; }

 private:
  VersionTable<T> table_;
};

// The identity the reports read.
struct PersonIdentity {
  PersonalId personalId;  // which gives the birth date and the legal gender too

  friend bool operator==(const PersonIdentity&, const PersonIdentity&) = default;
};

// What the reports read of a registration, a contact attempt, an occupation and a measure: their ids, codes and
// dates, not their times, details or free text. A few bytes each instead of a few hundred: the reports walk two
// million of them (bench/report.sh). Made from the record (implicitly, so a test may build a case from records).
struct RegistrationFacts {
  std::int64_t id = 0;
  std::int64_t personId = 0;
  InternedCode programme;
  CivilDate startDate;
  InternedCode reason;
  std::optional<CivilDate> endDate;
  std::optional<InternedCode> endReason;
  std::optional<std::int64_t> caseworkerId;
  InternedCode unit;
  InternedCode registersReason;  // the reason the registers gave (Registration::registersReason)
  bool awaitingRegisters = false;

  RegistrationFacts() = default;
  RegistrationFacts(const Registration& r)
      : id(r.id),
        personId(r.personId),
        programme(r.programme),
        startDate(r.startDate),
        reason(r.reason),
        endDate(r.endDate),
        endReason(r.endReason ? std::optional(InternedCode(*r.endReason)) : std::nullopt),
        caseworkerId(r.caseworkerId),
        unit(r.unit),
        registersReason(r.registersReason),
        awaitingRegisters(r.awaitingRegisters) {}
  friend bool operator==(const RegistrationFacts&, const RegistrationFacts&) = default;
};

struct ContactFacts {
  CivilDate date;
  std::optional<bool> reached;
  bool declined = false;
  InternedCode channel;
  InternedCode occupation;  // learnt at the contact; empty when none

  ContactFacts() = default;
  ContactFacts(const ContactAttempt& a)
      : date(a.date), reached(a.reached), declined(a.declined), channel(a.channel), occupation(a.occupation) {}
  friend bool operator==(const ContactFacts&, const ContactFacts&) = default;
};

struct OccupationFacts {
  CivilDate effectiveDate;
  InternedCode kind;
  bool planned = false;

  OccupationFacts() = default;
  OccupationFacts(const OccupationEntry& o) : effectiveDate(o.effectiveDate), kind(o.kind), planned(o.planned) {}
  friend bool operator==(const OccupationFacts&, const OccupationFacts&) = default;
};

struct MeasureFacts {
  InternedCode type;
  std::optional<CivilDate> plannedStart;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  InternedCode endReason;  // empty without an end
  std::optional<CivilDate> declined;

  MeasureFacts() = default;
  MeasureFacts(const Measure& m)
      : type(m.type),
        plannedStart(m.plannedStart),
        start(m.start),
        end(m.end),
        endReason(m.endReason),
        declined(m.declined) {}
  friend bool operator==(const MeasureFacts&, const MeasureFacts&) = default;
};

// A case record of a kind the reports read, without its free text, and the registration it bears on (0 for none:
// registrations' ids begin at 1; an id, not an optional, makes every row of the history 8 bytes smaller, and the
// reports walk them at the memory's speed, bench/report.sh).
template <class T>
struct HistoryRecord {
  std::int64_t registrationId = 0;
  T data;
};

struct PersonHistory {
  std::int64_t id = 0;
  Versions<PersonIdentity> identity;  // a version when it changes; removed by retention: out of every report
  VersionTable<RegistrationFacts> registrations;
  // The case records, a table per kind (so that a report walks only the kinds it reads), each by id: in the
  // order they were first recorded.
  VersionTable<HistoryRecord<ContactFacts>> contacts;
  VersionTable<HistoryRecord<OccupationFacts>> occupations;
  VersionTable<HistoryRecord<MeasureFacts>> measures;
  VersionTable<HistoryRecord<Plan>> plans;
  VersionTable<HistoryRecord<GoalAssessment>> assessments;
  std::int64_t lastRecorded = 0;  // the instant of the latest event folded about the person
};

// The journal folded so far. Not thread-safe: SharedCaseHistory shares one between threads.
class CaseHistory {
 public:
  // The whole journal folded (catchUp on an empty history): for a command that reports once.
  static std::expected<CaseHistory, Error> read(Store& store);

  // Folds the events about persons appended since the last call (the whole journal at the first), in batches
  // of `batch` events; when `stop` is requested, it returns before the next batch (the next call goes on).
  // Errors: the store's; internal when a journalled registration, record or personnummer does not read. On an
  // error the events before the failing one stay folded; the next call goes on from it.
  static constexpr std::size_t kBatch = 20000;
  std::expected<void, Error> catchUp(Store& store, std::size_t batch = kBatch, std::stop_token stop = {});

  // Every person the journal holds an event about, by id.
  const std::vector<PersonHistory>& persons() const { return persons_; }
  // The person `id`; null when the journal holds no event about them.
  const PersonHistory* person(std::int64_t id) const;
  // Fewer persons than this are collected on one thread: a thread costs more than they take.
  static constexpr std::size_t kPersonsPerThread = 20000;
  // The persons of part `part` (from 0) when every person is split into `parts` contiguous parts of about the same
  // size, in person order.
  std::span<const PersonHistory> personsOfPart(std::size_t part, std::size_t parts) const {
    std::size_t begin = persons_.size() * part / parts, end = persons_.size() * (part + 1) / parts;
    return std::span(persons_).subspan(begin, end - begin);
  }

  // The id of the last event folded; 0 before any.
  std::int64_t lastEvent() const { return lastEvent_; }

  // What `each(person, out)` appends to `out` for every person, in person order. A history of at least
  // `personsPerThread` persons is split into contiguous ranges of persons (partsFor), worked on by every core
  // (inParts): `each` may only read the history and write `out`.
  template <class T, class Each>
  std::vector<T> collect(Each&& each, std::size_t personsPerThread = kPersonsPerThread) const {
    const std::size_t parts = partsFor(persons_.size(), personsPerThread);
    std::vector<std::vector<T>> found(parts);
    inParts(parts, [&](std::size_t part) {
      for (const PersonHistory& person : personsOfPart(part, parts)) each(person, found[part]);
    });
    std::size_t total = 0;
    for (const std::vector<T>& part : found) total += part.size();
    found[0].reserve(total);
    for (std::size_t part = 1; part < parts; ++part) std::ranges::move(found[part], std::back_inserter(found[0]));
    return std::move(found[0]);
  }

 private:
  std::expected<void, Error> fold(const Event& e);
  PersonHistory& findOrAdd(std::int64_t id);  // the person `id`, added when new
  // Moves every table's rows into one array per kind, in person order (VersionTable::packInto).
  void pack();

  template <class T>
  using Rows = std::vector<typename VersionTable<T>::Row>;
  // The packed tables' rows, one array per kind; a table changed since refers to an array of its own.
  struct Packed {
    Rows<PersonIdentity> identities;
    Rows<RegistrationFacts> registrations;
    Rows<HistoryRecord<ContactFacts>> contacts;
    Rows<HistoryRecord<OccupationFacts>> occupations;
    Rows<HistoryRecord<MeasureFacts>> measures;
    Rows<HistoryRecord<Plan>> plans;
    Rows<HistoryRecord<GoalAssessment>> assessments;
  };

  std::vector<PersonHistory> persons_;
  std::int64_t lastEvent_ = 0;
  Packed packed_;
  std::int64_t packedEvents_ = 0, foldedSincePack_ = 0;  // events folded when last packed, and since
};

// One CaseHistory for the threads of a server: each use brings it up to date with the journal first. Thread-safe.
class SharedCaseHistory {
 public:
  // Runs `work` on the history brought up to date with `store`'s journal, one caller at a time; the history
  // stays in memory for the next. Errors: those of CaseHistory::catchUp, or `work`'s.
  template <class T, class Work>
  std::expected<T, Error> use(Store& store, Work&& work) {
    std::lock_guard lock(mutex_);
    if (auto caught = history_.catchUp(store); !caught) return std::unexpected(caught.error());
    return work(static_cast<const CaseHistory&>(history_));
  }
  // Brings the history up to date with `store`'s journal without a report, stopping between batches when `stop`
  // is requested (a server warming it up as it starts, then told to stop). Returns the last event folded.
  // Errors: those of CaseHistory::catchUp.
  std::expected<std::int64_t, Error> catchUp(Store& store, std::stop_token stop) {
    std::lock_guard lock(mutex_);
    if (auto caught = history_.catchUp(store, CaseHistory::kBatch, stop); !caught)
      return std::unexpected(caught.error());
    return history_.lastEvent();
  }

 private:
  std::mutex mutex_;
  CaseHistory history_;
};

}  // namespace lotsen
