// The SQLite implementation of Store: WAL mode, synchronous=FULL (a commit is on disk when it returns),
// prepared statements cached per connection. SQLite failures are thrown inside this file as
// SqliteFailure and turned into Error values at each public method.
#include <fmt/format.h>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include "domain/casework.h"
#include "domain/target_group.h"
#include "domain/text.h"
#include "store/access_chain.h"
#include "store/json_form.h"
#include "store/migrations.h"
#include "store/store.h"

namespace lotsen {
namespace {

namespace json = boost::json;

struct SqliteFailure : std::runtime_error {
  SqliteFailure(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

std::string digitsOf(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits += c;
  return digits;
}

// Lower-cases ASCII and the Latin-1 capitals (Å, Ä, Ö, É, …) so that name search ignores case.
std::string foldForSearch(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string likePrefix(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped + '%';
}

// A cached prepared statement, reset when the wrapper goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  ~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  template <class... Args>
  Statement& bind(const Args&... args) {
    int index = 0;
    (bindOne(++index, args), ...);
    return *this;
  }
  template <class T>
  Statement& bindAt(int index, const T& value) {
    bindOne(index, value);
    return *this;
  }

  // Text bound after this is not copied: it must stay alive and unchanged until the statement is done
  // (the wrapper's end). For the hottest statements only, where every argument is a named variable.
  Statement& withoutCopies() {
    textLifetime_ = SQLITE_STATIC;
    return *this;
  }

  // The index of a named parameter (":name"), 0 when the statement has none of that name.
  int parameterIndex(const char* name) const { return sqlite3_bind_parameter_index(stmt_, name); }

  // True while a row is available; false when done.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SqliteFailure(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_));
  }
  void run() {
    while (step()) {
    }
  }

  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }
  std::optional<std::string> optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
  }
  std::optional<std::int64_t> optionalInteger(int column) const {
    if (isNull(column)) return std::nullopt;
    return integer(column);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw SqliteFailure(rc, sqlite3_errmsg(db_));
  }
  void bindOne(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bindOne(int i, int v) { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bindOne(int i, double v) { check(sqlite3_bind_double(stmt_, i, v)); }
  void bindOne(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), textLifetime_));
  }
  void bindOne(int i, const std::string& v) { bindOne(i, std::string_view(v)); }
  void bindOne(int i, const char* v) { bindOne(i, std::string_view(v)); }
  void bindOne(int i, std::nullptr_t) { check(sqlite3_bind_null(stmt_, i)); }
  template <class T>
  void bindOne(int i, const std::optional<T>& v) {
    if (v)
      bindOne(i, *v);
    else
      bindOne(i, nullptr);
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  sqlite3_destructor_type textLifetime_ = SQLITE_TRANSIENT;
};

constexpr std::string_view kPersonColumns =
    "id, personal_id, first_name, last_name, street_address, postal_code, city, municipality_code, protection, "
    "version, phone, email";
constexpr int kPersonColumnCount = 12;
constexpr std::string_view kUserColumns =
    "id, username, role, password_hash, active, version, last_login_at, (SELECT group_concat(unit, char(10)) FROM "
    "user_units WHERE user_id = users.id), reads_protected_address, full_name, phone";
constexpr std::string_view kRegistrationColumns =
    "id, person_id, programme, start_date, reason, end_date, end_reason, version, caseworker_id, unit, closed_by_hand, "
    "by_hand, awaiting_registers, registers_reason";

// `text` (JSON) without identity, contact details or free text, at any depth: what retention keeps.
json::value deidentifiedJson(const std::string& text) {
  static const std::set<std::string, std::less<>> kRemoved{
      "personal_id", "first_name", "last_name", "street_address", "postal_code", "city", "note",
      "content",     "partner",    "title",     "comment",        "phone",       "email"};
  std::function<void(json::value&)> scrub = [&](json::value& v) {
    if (json::object* o = v.if_object()) {
      for (auto it = o->begin(); it != o->end();) {
        if (kRemoved.contains(it->key())) {
          it = o->erase(it);
        } else {
          scrub(it->value());
          ++it;
        }
      }
    } else if (json::array* a = v.if_array()) {
      for (json::value& item : *a) scrub(item);
    }
  };
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) throw SqliteFailure(SQLITE_CORRUPT, "a stored JSON document does not parse");  // guard() reports it
  scrub(v);
  return v;
}

// Joins each registration r to its person's latest occupation record as o (effective_date, kind), if any.
// Looked up per registration through case_records_by_person: a window over every person's occupations
// cost four times as much for one caseworker's lists (measured on bench/ui's data: 19 ms against 8 ms).
constexpr std::string_view kJoinLatestOccupation =
    "LEFT JOIN (SELECT id, json_extract(data, '$.effective_date') AS effective_date, json_extract(data, '$.kind') "
    "AS kind FROM case_records) o ON o.id = (SELECT c.id FROM live_case_records c WHERE c.person_id = r.person_id "
    "AND c.kind = 'occupation' AND coalesce(json_extract(c.data, '$.planned'), 0) = 0 ORDER BY "
    "json_extract(c.data, '$.effective_date') DESC, c.id DESC LIMIT 1)";

// A measure c's planned follow-up or evaluation date (`kind`), or '9999-12-31' when there is none or the
// plan of its registration records one held for the measure on or after a week before it.
std::string plannedReviewNotHeld(std::string_view kind) {
  return fmt::format(
      "CASE WHEN EXISTS (SELECT 1 FROM live_case_records p, json_each(p.data, '$.reviews') v WHERE p.kind = 'plan' "
      "AND p.person_id = c.person_id AND p.registration_id = c.registration_id AND json_extract(v.value, '$.measure_id') "
      "= c.id AND json_extract(v.value, "
      "'$.kind') = '{0}' AND json_extract(v.value, '$.held_on') >= date(json_extract(c.data, '$.{0}'), '-7 days')) "
      "THEN '9999-12-31' ELSE coalesce(json_extract(c.data, '$.{0}'), '9999-12-31') END",
      kind);
}

// The condition "registration r lies in the caseload" (domain covers()), with parameters :caseload_user and
// :caseload_units; bind them with bindCaseload.
std::string caseloadCondition(const Caseload& c) {
  std::string any;
  auto add = [&](std::string_view part) {
    if (!any.empty()) any += " OR ";
    any += part;
  };
  if (c.caseworkerId) {
    add("r.caseworker_id = :caseload_user");
    add("(r.caseworker_id IS NULL AND r.unit IN (SELECT value FROM json_each(:caseload_units)))");
  }
  if (c.managesUnits) add("r.unit = '' OR r.unit IN (SELECT value FROM json_each(:caseload_units))");
  return any.empty() ? "0" : "(" + any + ")";
}

void bindCaseload(Statement& s, const Caseload& c) {
  if (int i = s.parameterIndex(":caseload_user")) s.bindAt(i, *c.caseworkerId);
  if (int i = s.parameterIndex(":caseload_units")) s.bindAt(i, json::serialize(json::value_from(c.units)));
}

// "a, b" → "t.a, t.b": a column list for a query that joins tables.
std::string qualified(std::string_view columns, std::string_view table) {
  std::string out;
  for (std::string_view column : splitList(columns, ',')) {
    while (column.starts_with(' ')) column.remove_prefix(1);
    out += fmt::format("{}{}.{}", out.empty() ? "" : ", ", table, column);
  }
  return out;
}

json::object personJson(const PersonDetails& d) {
  return {{"personal_id", d.personalId.canonical()}, {"first_name", d.firstName},           {"last_name", d.lastName},
          {"street_address", d.streetAddress},       {"postal_code", d.postalCode},         {"city", d.city},
          {"municipality_code", d.municipalityCode}, {"protection", toString(d.protection)}};
}

CivilDate dateColumn(const Statement& s, int column) {
  auto d = CivilDate::parse(s.text(column));
  if (!d) throw SqliteFailure(SQLITE_CORRUPT, "bad date in the database: " + d.error().message);
  return *d;
}

// The birth date of a stored canonical personnummer or samordningsnummer.
CivilDate birthDateOf(std::string_view personalId) {
  auto pid = PersonalId::parse(personalId, *CivilDate::fromParts(2000, 1, 1));
  if (!pid) throw SqliteFailure(SQLITE_CORRUPT, "bad personnummer in the database");
  return pid->birthDate();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, StoreOptions options) : db_(db), options_(std::move(options)) {
    if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  }
  ~SqliteStore() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  std::expected<int, Error> migrate() override {
    return guard([&]() -> std::expected<int, Error> {
      exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TEXT NOT NULL)");
      int current = currentVersion();
      int applied = 0;
      for (const Migration& m : embeddedMigrations()) {
        if (m.version <= current) continue;
        auto done = transaction([&]() -> std::expected<void, Error> {
          exec(std::string(m.sql));
          prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
              .bind(m.version, m.name, nowIso())
              .run();
          return {};
        });
        if (!done) return std::unexpected(done.error());
        ++applied;
      }
      return applied;
    });
  }

  std::expected<int, Error> schemaVersion() override {
    return guard([&]() -> std::expected<int, Error> {
      auto s = prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'");
      s.step();
      if (s.integer(0) == 0) return 0;
      return currentVersion();
    });
  }

  std::expected<void, Error> ping() override {
    return guard([&]() -> std::expected<void, Error> {
      prepare("SELECT 1").run();
      return {};
    });
  }

  std::expected<void, Error> transaction(const std::function<std::expected<void, Error>()>& work) override {
    return guard([&]() -> std::expected<void, Error> {
      const int depth = ++depth_;
      const std::string savepoint = fmt::format("sp{}", depth);
      struct DepthGuard {
        int& d;
        ~DepthGuard() { --d; }
      } depthGuard{depth_};
      // Prepared once per connection: every write opens and closes one of these.
      prepare(depth == 1 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint).run();
      std::expected<void, Error> result;
      try {
        result = work();
      } catch (...) {
        rollback(depth, savepoint);
        throw;
      }
      if (!result) {
        rollback(depth, savepoint);
        return result;
      }
      try {
        prepare(depth == 1 ? std::string("COMMIT") : "RELEASE " + savepoint).run();
      } catch (...) {
        rollback(depth, savepoint);
        throw;
      }
      return {};
    });
  }

  std::expected<void, Error> readSnapshot(const std::function<std::expected<void, Error>()>& work) override {
    if (depth_ > 0) return work();
    return guard([&]() -> std::expected<void, Error> {
      ++depth_;
      struct End {
        SqliteStore& s;
        ~End() {
          --s.depth_;
          try {
            s.prepare("COMMIT").run();
          } catch (const SqliteFailure&) {
            sqlite3_exec(s.db_, "ROLLBACK", nullptr, nullptr, nullptr);
          }
        }
      } end{*this};
      prepare("BEGIN DEFERRED").run();
      return work();
    });
  }

  std::expected<Person, Error> createPerson(const Actor& actor, const PersonDetails& d) override {
    std::optional<Person> created;
    auto done = transaction([&]() -> std::expected<void, Error> {
      prepare(
          "INSERT INTO persons (personal_id, first_name, last_name, street_address, postal_code, city, "
          "municipality_code, protection, search_name, id_digits, age_scope_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?)")
          .bind(d.personalId.canonical(), d.firstName, d.lastName, d.streetAddress, d.postalCode, d.city,
                d.municipalityCode, toString(d.protection), searchName(d), digitsOf(d.personalId.canonical()),
                ageScopeEnd(d.personalId.birthDate()).iso())
          .run();
      created = Person{sqlite3_last_insert_rowid(db_), d, 1, {}};
      return appendEvent(actor, created->id, "person.created", nullptr, personJson(d));
    });
    if (!done) return std::unexpected(done.error());
    return *created;
  }

  std::expected<Person, Error> updatePerson(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                            const PersonDetails& d) override {
    std::optional<Person> updated;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = person(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expectedVersion) return std::unexpected(staleVersion("person", id, before->version));
      prepare(
          "UPDATE persons SET personal_id = ?, first_name = ?, last_name = ?, street_address = ?, postal_code = ?, "
          "city = ?, municipality_code = ?, protection = ?, search_name = ?, id_digits = ?, age_scope_end = ?, "
          "version = version + 1 WHERE id = ?")
          .bind(d.personalId.canonical(), d.firstName, d.lastName, d.streetAddress, d.postalCode, d.city,
                d.municipalityCode, toString(d.protection), searchName(d), digitsOf(d.personalId.canonical()),
                ageScopeEnd(d.personalId.birthDate()).iso(), id)
          .run();
      updated = Person{id, d, expectedVersion + 1, before->contact};
      return appendEvent(actor, id, "person.updated", personJson(before->details), personJson(d));
    });
    if (!done) return std::unexpected(done.error());
    return *updated;
  }

  std::expected<Person, Error> setContactDetails(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                                 const ContactDetails& contact) override {
    std::optional<Person> changed;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = person(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expectedVersion) return std::unexpected(staleVersion("person", id, before->version));
      prepare("UPDATE persons SET phone = ?, email = ?, version = version + 1 WHERE id = ?")
          .bind(contact.phone, contact.email, id)
          .run();
      changed = *before;
      changed->contact = contact;
      changed->version = expectedVersion + 1;
      auto json = [](const ContactDetails& c) { return json::object{{"phone", c.phone}, {"email", c.email}}; };
      return appendEvent(actor, id, "person.contact_changed", json(before->contact), json(contact));
    });
    if (!done) return std::unexpected(done.error());
    return *changed;
  }

  std::expected<Person, Error> person(std::int64_t id) override {
    return guard([&]() -> std::expected<Person, Error> {
      static const std::string sql =
          fmt::format("SELECT {} FROM persons WHERE id = ? AND deidentified_at IS NULL", kPersonColumns);
      auto s = prepare(sql);
      s.bind(id);
      if (!s.step()) return std::unexpected(notFound(fmt::format("no person with id {}", id)));
      return readPerson(s);
    });
  }

  std::expected<std::optional<Person>, Error> personByPersonalId(const PersonalId& pid) override {
    return guard([&]() -> std::expected<std::optional<Person>, Error> {
      static const std::string sql = fmt::format("SELECT {} FROM persons WHERE personal_id = ?", kPersonColumns);
      auto s = prepare(sql);
      s.bind(pid.canonical());
      if (!s.step()) return std::optional<Person>();
      return readPerson(s);
    });
  }

  std::expected<PersonPage, Error> searchPersons(const PersonQuery& q) override {
    return guard([&]() -> std::expected<PersonPage, Error> {
      // Only fixed fragments go into the SQL text; every value is a bound parameter (?1, ?2, … and named).
      std::string where = "deidentified_at IS NULL";
      std::vector<std::string> values;
      auto like = [&](std::string_view column, std::string pattern) {
        values.push_back(std::move(pattern));
        where += fmt::format(" AND {} LIKE ?{} ESCAPE '\\'", column, values.size());
      };
      for (const std::string& word : q.nameWords) like("search_name", "% " + likePrefix(foldForSearch(word)));
      if (!q.idDigitsPrefix.empty()) like("id_digits", likePrefix(q.idDigitsPrefix));
      if (q.caseload)
        where += fmt::format(" AND (EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = persons.id AND {}){})",
                             caseloadCondition(*q.caseload),
                             q.idDigitsPrefix.size() == 12 ? " OR id_digits = :whole_id" : "");
      auto bindAll = [&](Statement& s) {
        for (std::size_t i = 0; i < values.size(); ++i) s.bindAt(static_cast<int>(i + 1), values[i]);
        if (q.caseload) bindCaseload(s, *q.caseload);
        if (int i = s.parameterIndex(":whole_id")) s.bindAt(i, q.idDigitsPrefix);
      };
      PersonPage page;
      {
        auto count = prepare("SELECT count(*) FROM persons WHERE " + where);
        bindAll(count);
        count.step();
        page.total = count.integer(0);
      }
      auto s = prepare(
          fmt::format("SELECT {} FROM persons WHERE {} ORDER BY last_name, first_name, id LIMIT :limit OFFSET :offset",
                      kPersonColumns, where));
      bindAll(s);
      s.bindAt(s.parameterIndex(":limit"), q.limit).bindAt(s.parameterIndex(":offset"), q.offset);
      while (s.step()) page.persons.push_back(readPerson(s));
      return page;
    });
  }

  std::expected<Registration, Error> createRegistration(const Actor& actor, const NewRegistration& r) override {
    std::optional<Registration> created;
    auto done = transaction([&]() -> std::expected<void, Error> {
      if (auto ok = requireCode("registration_reason", r.reason, r.startDate, "reason"); !ok) return ok;
      if (!r.byHand.empty())
        if (auto ok = requireCode("registration_by_hand", r.byHand, r.startDate, "by_hand"); !ok) return ok;
      if (auto p = person(r.personId); !p) return std::unexpected(p.error());
      prepare(
          "INSERT INTO registrations (person_id, programme, start_date, reason, by_hand, awaiting_registers, "
          "registers_reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .bind(r.personId, r.programme, r.startDate.iso(), r.reason, r.byHand, r.byHand.empty() ? 0 : 1,
                r.registersReason)
          .run();
      created = Registration{sqlite3_last_insert_rowid(db_),
                             r.personId,
                             r.programme,
                             r.startDate,
                             r.reason,
                             std::nullopt,
                             std::nullopt,
                             1,
                             std::nullopt,
                             "",
                             false,
                             r.byHand,
                             !r.byHand.empty(),
                             r.registersReason};
      return appendEvent(actor, r.personId, "registration.created", nullptr, registrationJson(*created));
    });
    if (!done) return std::unexpected(done.error());
    return *created;
  }

  std::expected<Registration, Error> endRegistration(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                                     CivilDate endDate, const std::string& endReason,
                                                     EndedBy by) override {
    return updateRegistration(
        actor, id, expectedVersion, "registration.ended", [&](Registration& r) -> std::expected<void, Error> {
          if (r.endDate) return std::unexpected(conflict(fmt::format("registration {} has already ended", id)));
          if (endDate < r.startDate)
            return std::unexpected(invalidInput("the end date is before the start date", "end_date"));
          if (auto ok = requireCode("deregistration_reason", endReason, endDate, "end_reason"); !ok) return ok;
          const bool byHand = by == EndedBy::hand;
          prepare(
              "UPDATE registrations SET end_date = ?, end_reason = ?, closed_by_hand = ?, awaiting_registers = 0 "
              "WHERE id = ?")
              .bind(endDate.iso(), endReason, byHand ? 1 : 0, id)
              .run();
          r.endDate = endDate;
          r.endReason = endReason;
          r.closedByHand = byHand;
          r.awaitingRegisters = false;
          return {};
        });
  }

  std::expected<std::vector<Registration>, Error> registrationsOf(std::int64_t personId) override {
    return guard([&]() -> std::expected<std::vector<Registration>, Error> {
      static const std::string sql =
          fmt::format("SELECT {} FROM registrations WHERE person_id = ? ORDER BY start_date, id", kRegistrationColumns);
      auto s = prepare(sql);
      s.bind(personId);
      std::vector<Registration> result;
      while (s.step()) result.push_back(readRegistration(s));
      return result;
    });
  }

  std::expected<std::vector<RegisteredPerson>, Error> openRegistrations(std::string_view programme,
                                                                        std::string_view municipalityCode) override {
    return guard([&]() -> std::expected<std::vector<RegisteredPerson>, Error> {
      static const std::string sql = fmt::format(
          "SELECT {}, {} FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.programme = ? AND "
          "r.end_date IS NULL AND (? = '' OR p.municipality_code = ?) ORDER BY p.id, r.id",
          qualified(kPersonColumns, "p"), qualified(kRegistrationColumns, "r"));
      auto s = prepare(sql);
      s.bind(programme, municipalityCode, municipalityCode);
      std::vector<RegisteredPerson> result;
      while (s.step()) result.push_back({readPerson(s), readRegistration(s, kPersonColumnCount)});
      return result;
    });
  }

  std::expected<Registration, Error> confirmByRegisters(const Actor& actor, std::int64_t id) override {
    return updateRegistration(actor, id, std::nullopt, "registration.confirmed",
                              [&](Registration& r) -> std::expected<void, Error> {
                                if (!r.awaitingRegisters)
                                  return std::unexpected(conflict(fmt::format("registration {} awaits nothing", id)));
                                prepare("UPDATE registrations SET awaiting_registers = 0 WHERE id = ?").bind(id).run();
                                r.awaitingRegisters = false;
                                return {};
                              });
  }

  std::expected<Registration, Error> noteRegistersReason(const Actor& actor, std::int64_t id,
                                                         const std::string& registersReason) override {
    return setReason(actor, id, std::nullopt, "registration.registers_reason_noted", &Registration::registersReason,
                     "registers_reason", registersReason);
  }

  std::expected<Registration, Error> correctRegistrationReason(const Actor& actor, std::int64_t id,
                                                               std::int64_t expectedVersion,
                                                               const std::string& reason) override {
    return setReason(actor, id, expectedVersion, "registration.reason_corrected", &Registration::reason, "reason",
                     reason);
  }

  std::expected<Registration, Error> reopenRegistration(const Actor& actor, std::int64_t id,
                                                        std::int64_t expectedVersion,
                                                        const std::string& reason) override {
    std::optional<Registration> reopened;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = registration(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expectedVersion) return std::unexpected(staleVersion("registration", id, before->version));
      if (!before->endDate) return std::unexpected(conflict(fmt::format("registration {} is open", id)));
      auto s = prepare(
          "SELECT count(*) FROM registrations WHERE person_id = ? AND programme = ? AND id <> ? AND (end_date IS NULL "
          "OR start_date > ?)");
      s.bind(before->personId, before->programme, id, before->startDate.iso());
      s.step();
      if (s.integer(0) != 0)
        return std::unexpected(conflict("the person has a later or open registration: only the latest reopens"));
      prepare(
          "UPDATE registrations SET end_date = NULL, end_reason = NULL, closed_by_hand = 0, version = version + 1 "
          "WHERE id = ?")
          .bind(id)
          .run();
      reopened = *before;
      reopened->endDate.reset();
      reopened->endReason.reset();
      reopened->closedByHand = false;
      reopened->version = expectedVersion + 1;
      json::object after = registrationJson(*reopened);
      after["reopened_because"] = reason;
      return appendEvent(actor, reopened->personId, "registration.reopened", registrationJson(*before), after);
    });
    if (!done) return std::unexpected(done.error());
    return *reopened;
  }

  std::expected<std::vector<RegisteredPerson>, Error> handClosures(std::string_view programme) override {
    return guard([&]() -> std::expected<std::vector<RegisteredPerson>, Error> {
      static const std::string sql = fmt::format(
          "SELECT {}, {} FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.programme = ?1 AND "
          "r.closed_by_hand = 1 AND NOT EXISTS (SELECT 1 FROM registrations l WHERE l.person_id = r.person_id AND "
          "l.programme = ?1 AND l.id <> r.id AND (l.end_date IS NULL OR l.start_date > r.start_date OR "
          "(l.start_date = r.start_date AND l.id > r.id))) ORDER BY p.id",
          qualified(kPersonColumns, "p"), qualified(kRegistrationColumns, "r"));
      auto s = prepare(sql);
      s.bind(programme);
      std::vector<RegisteredPerson> result;
      while (s.step()) result.push_back({readPerson(s), readRegistration(s, kPersonColumnCount)});
      return result;
    });
  }

  std::expected<Registration, Error> assignRegistration(const Actor& actor, std::int64_t id,
                                                        std::int64_t expectedVersion,
                                                        std::optional<std::int64_t> caseworkerId,
                                                        const std::string& unit) override {
    return updateRegistration(
        actor, id, expectedVersion, "registration.assigned", [&](Registration& r) -> std::expected<void, Error> {
          if (!unit.empty())
            if (auto ok = requireUnits({unit}); !ok) return ok;
          if (caseworkerId) {
            auto s = prepare("SELECT count(*) FROM users WHERE id = ? AND active = 1");
            s.bind(*caseworkerId);
            s.step();
            if (s.integer(0) == 0)
              return std::unexpected(notFound(fmt::format("no active user with id {}", *caseworkerId)));
          }
          prepare("UPDATE registrations SET caseworker_id = ?, unit = ? WHERE id = ?")
              .bind(caseworkerId, unit, id)
              .run();
          r.caseworkerId = caseworkerId;
          r.unit = unit;
          return {};
        });
  }

  std::expected<CaseRecord, Error> createCaseRecord(const Actor& actor, std::string_view kind, std::int64_t personId,
                                                    std::optional<std::int64_t> registrationId,
                                                    const std::string& data) override {
    std::optional<CaseRecord> created;
    auto done = transaction([&]() -> std::expected<void, Error> {
      if (auto p = person(personId); !p) return std::unexpected(p.error());
      if (registrationId) {
        auto r = registration(*registrationId);
        if (!r) return std::unexpected(r.error());
        if (r->personId != personId)
          return std::unexpected(notFound(fmt::format("no registration {} for this person", *registrationId)));
      }
      prepare("INSERT INTO case_records (kind, person_id, registration_id, data) VALUES (?, ?, ?, ?)")
          .bind(kind, personId, registrationId, data)
          .run();
      created = CaseRecord{sqlite3_last_insert_rowid(db_), std::string(kind), personId, registrationId, data, 1, false};
      return appendEvent(actor, personId, fmt::format("{}.created", kind), nullptr, caseRecordJson(*created));
    });
    if (!done) return std::unexpected(done.error());
    return *created;
  }

  std::expected<CaseRecord, Error> updateCaseRecord(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                                    const std::string& data) override {
    std::optional<CaseRecord> updated;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = caseRecord(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expectedVersion) return std::unexpected(staleVersion(before->kind, id, before->version));
      if (before->voided) return std::unexpected(conflict(fmt::format("{} {} was voided", before->kind, id)));
      prepare("UPDATE case_records SET data = ?, version = version + 1 WHERE id = ?").bind(data, id).run();
      updated = *before;
      updated->data = data;
      updated->version = expectedVersion + 1;
      return appendEvent(actor, before->personId, fmt::format("{}.updated", before->kind), caseRecordJson(*before),
                         caseRecordJson(*updated));
    });
    if (!done) return std::unexpected(done.error());
    return *updated;
  }

  std::expected<CaseRecord, Error> voidCaseRecord(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                                  const std::string& reason) override {
    std::optional<CaseRecord> voided;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = caseRecord(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expectedVersion) return std::unexpected(staleVersion(before->kind, id, before->version));
      if (before->voided) return std::unexpected(conflict(fmt::format("{} {} was voided already", before->kind, id)));
      prepare("UPDATE case_records SET voided = 1, version = version + 1 WHERE id = ?").bind(id).run();
      voided = *before;
      voided->voided = true;
      voided->version = expectedVersion + 1;
      json::object after = caseRecordJson(*voided);
      after["void_reason"] = reason;
      return appendEvent(actor, before->personId, fmt::format("{}.voided", before->kind), caseRecordJson(*before),
                         after);
    });
    if (!done) return std::unexpected(done.error());
    return *voided;
  }

  std::expected<CaseRecord, Error> caseRecord(std::int64_t id) override {
    return guard([&]() -> std::expected<CaseRecord, Error> {
      auto s =
          prepare("SELECT id, kind, person_id, registration_id, data, version, voided FROM case_records WHERE id = ?");
      s.bind(id);
      if (!s.step()) return std::unexpected(notFound(fmt::format("no case record with id {}", id)));
      return CaseRecord{s.integer(0), s.text(1),    s.integer(2),     s.optionalInteger(3),
                        s.text(4),    s.integer(5), s.integer(6) != 0};
    });
  }

  std::expected<std::vector<CaseRecord>, Error> caseRecordsOf(std::int64_t personId, std::string_view kind) override {
    return guard([&]() -> std::expected<std::vector<CaseRecord>, Error> {
      auto s = prepare(
          "SELECT id, kind, person_id, registration_id, data, version FROM live_case_records WHERE person_id = ? "
          "AND (? = '' OR kind = ?) ORDER BY id");
      s.bind(personId, kind, kind);
      std::vector<CaseRecord> records;
      while (s.step())
        records.push_back(
            CaseRecord{s.integer(0), s.text(1), s.integer(2), s.optionalInteger(3), s.text(4), s.integer(5), false});
      return records;
    });
  }

  std::expected<std::map<std::string, std::string>, Error> settings() override {
    return guard([&]() -> std::expected<std::map<std::string, std::string>, Error> {
      auto s = prepare("SELECT key, value FROM settings");
      std::map<std::string, std::string> values;
      while (s.step()) values[s.text(0)] = s.text(1);
      return values;
    });
  }

  std::expected<std::int64_t, Error> settingsVersion() override {
    return guard([&]() -> std::expected<std::int64_t, Error> {
      auto s = prepare("SELECT version FROM settings_version");
      if (!s.step()) return std::unexpected(internalError("the settings have no version"));
      return s.integer(0);
    });
  }

  std::expected<std::int64_t, Error> changeSettings(const Actor& actor, const SettingValues& changes,
                                                    std::optional<std::int64_t> expectedVersion) override {
    std::int64_t after = 0;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto current = settings();
      if (!current) return std::unexpected(current.error());
      auto version = settingsVersion();
      if (!version) return std::unexpected(version.error());
      after = *version;
      if (expectedVersion && *expectedVersion != *version)
        return std::unexpected(conflict(
            fmt::format("the settings were changed meanwhile (now version {}); read them again and repeat", *version)));
      auto checked = checkSettingChanges(*current, changes);
      if (!checked) return std::unexpected(checked.error().front());
      json::object before, now;
      for (const auto& [key, value] : *checked) {
        if ((*current)[key] == value) continue;
        before[key] = (*current)[key];
        now[key] = value;
        prepare("UPDATE settings SET value = ? WHERE key = ?").bind(value, key).run();
      }
      if (now.empty()) return {};
      prepare("UPDATE settings_version SET version = version + 1").run();
      ++after;
      return appendEvent(actor, std::nullopt, "setting.changed", std::move(before), std::move(now));
    });
    if (!done) return std::unexpected(done.error());
    return after;
  }

  // The rule of the worklist `name`: one query over `listed` (the registrations the list is drawn from)
  // answering (registration_id, due, detail, record_id), `due` computed in SQL from the settings. The list and its
  // counts both read it, so a rule is written once. Null for no such list.
  static const std::string* worklistRule(std::string_view name) {
    static const std::map<std::string, std::string, std::less<>> kQueries{
        {"first_contact",
         "SELECT r.id, date(r.start_date, '+' || (SELECT value FROM settings WHERE key = 'first_contact_days') || "
         "' days'), '', NULL FROM listed r WHERE NOT EXISTS (SELECT 1 FROM live_case_records c WHERE "
         "c.registration_id = r.id AND c.kind = 'contact_attempt')"},
        {"contact_retry",
         "SELECT r.id, date(max(json_extract(c.data, '$.date')), '+' || (SELECT value FROM settings WHERE key = "
         "'contact_retry_days') || ' days'), '', NULL FROM listed r JOIN live_case_records c ON "
         "c.registration_id = "
         "r.id "
         "AND c.kind = 'contact_attempt' GROUP BY r.id HAVING max(json_extract(c.data, '$.reached')) = 0"},
        {"follow_up",
         fmt::format("SELECT r.id, d.due, d.content, d.id FROM listed r JOIN (SELECT c.registration_id, c.id, "
                     "json_extract(c.data, '$.content') AS content, min({}, {}) AS due FROM live_case_records c WHERE "
                     "c.kind = 'measure' AND json_extract(c.data, '$.end') IS NULL) d ON d.registration_id = r.id "
                     "WHERE d.due <= date(:today, '+7 days')",
                     plannedReviewNotHeld("follow_up"), plannedReviewNotHeld("evaluation"))},
        {"occupation",
         fmt::format("SELECT r.id, max(coalesce(date(o.effective_date, '+' || (SELECT value FROM settings WHERE key = "
                     "'occupation_stale_months') || ' months'), r.start_date), r.start_date), coalesce(o.kind, "
                     "'unknown'), NULL FROM "
                     "listed r {} WHERE o.kind IS NULL OR o.kind = 'unknown' OR date(o.effective_date, '+' || "
                     "(SELECT value FROM settings WHERE key = 'occupation_stale_months') || ' months') <= :today",
                     kJoinLatestOccupation)},
        {"plan_without_goals",
         "SELECT r.id, date(r.start_date, '+' || (SELECT value FROM settings WHERE key = 'plan_missing_days') || ' "
         "days'), '', c.id FROM listed r JOIN live_case_records c ON c.registration_id = r.id AND c.kind = "
         "'plan' "
         "WHERE "
         "json_array_length(c.data, '$.goals') = 0"},
        {"registration_without_plan",
         "SELECT r.id, date(r.start_date, '+' || (SELECT value FROM settings WHERE key = 'plan_missing_days') || ' "
         "days'), '', NULL FROM listed r WHERE NOT EXISTS (SELECT 1 FROM live_case_records c WHERE "
         "c.registration_id = r.id AND c.kind = 'plan') AND date(r.start_date, '+' || (SELECT value FROM settings "
         "WHERE key = "
         "'plan_missing_days') || ' days') <= :today"},
        {"measure_end_reason",
         "SELECT r.id, json_extract(c.data, '$.end'), json_extract(c.data, '$.content'), c.id FROM listed r "
         "JOIN live_case_records c ON c.registration_id = r.id AND c.kind = 'measure' WHERE json_extract(c.data, "
         "'$.end') IS NOT NULL AND coalesce(json_extract(c.data, '$.end_reason'), '') = ''"},
        {"turning_20",
         "SELECT r.id, p.age_scope_end, '', NULL FROM listed r JOIN persons p ON p.id = r.person_id WHERE "
         "p.age_scope_end <> '' AND p.age_scope_end <= date(:today, '+' || (SELECT value FROM settings WHERE key = "
         "'turning_20_days') || ' days') AND NOT EXISTS (SELECT 1 FROM live_case_records c WHERE c.registration_id = "
         "r.id AND c.kind = 'contact_attempt' AND json_extract(c.data, '$.date') >= date(p.age_scope_end, '-' || "
         "(SELECT value FROM settings WHERE key = 'turning_20_days') || ' days'))"},
    };
    auto query = kQueries.find(name);
    return query == kQueries.end() ? nullptr : &query->second;
  }

  // The rows of `rule` (see worklistRule) on the open KAA registrations within `filter` (`listed`, so that
  // a rule reads only those cases, not the whole municipality's), as `columns` of w (the rule's rows), r
  // (the registration) and p (the person), then `tail` (ORDER BY, GROUP BY); bind the filter with
  // bindWorklist.
  static std::string worklistSql(const std::string& rule, const WorklistFilter& filter, std::string_view columns,
                                 std::string_view tail) {
    return fmt::format(
        "WITH listed AS (SELECT * FROM registrations r WHERE r.end_date IS NULL AND r.programme = 'kaa' AND "
        "(:caseworker IS NULL OR r.caseworker_id = :caseworker) AND (:unit = '' OR r.unit = :unit OR r.unit = '') "
        "AND {}), w(registration_id, due, detail, record_id) AS ({}) SELECT {} FROM w JOIN registrations r ON r.id "
        "= w.registration_id JOIN persons p ON p.id = r.person_id {}",
        filter.caseload ? caseloadCondition(*filter.caseload) : "1", rule, columns, tail);
  }
  static void bindWorklist(Statement& s, const WorklistFilter& filter) {
    if (filter.caseload) bindCaseload(s, *filter.caseload);
    if (int today = s.parameterIndex(":today")) s.bindAt(today, filter.today.iso());
    s.bindAt(s.parameterIndex(":caseworker"), filter.caseworkerId);
    s.bindAt(s.parameterIndex(":unit"), filter.unit);
  }

  std::expected<std::vector<WorklistEntry>, Error> worklist(std::string_view name,
                                                            const WorklistFilter& filter) override {
    const std::string* rule = worklistRule(name);
    if (!rule) return std::unexpected(invalidInput(fmt::format("no worklist named '{}'", name), "name"));
    return guard([&]() -> std::expected<std::vector<WorklistEntry>, Error> {
      auto s = prepare(worklistSql(*rule, filter,
                                   "p.id, r.id, p.first_name, p.last_name, r.caseworker_id, r.unit, w.due, w.detail, "
                                   "p.protection <> '', p.phone, p.personal_id, w.record_id",
                                   "ORDER BY w.due, p.last_name, p.first_name, r.id"));
      bindWorklist(s, filter);
      std::vector<WorklistEntry> entries;
      while (s.step())
        entries.push_back(WorklistEntry{s.integer(0), s.integer(1), s.text(2), s.text(3), s.optionalInteger(4),
                                        s.text(5), dateColumn(s, 6), s.text(7), s.integer(8) != 0, s.text(9),
                                        birthDateOf(s.text(10)), s.optionalInteger(11)});
      return entries;
    });
  }

  std::expected<std::vector<WorklistCount>, Error> worklistCounts(std::string_view name,
                                                                  const WorklistFilter& filter) override {
    const std::string* rule = worklistRule(name);
    if (!rule) return std::unexpected(invalidInput(fmt::format("no worklist named '{}'", name), "name"));
    return guard([&]() -> std::expected<std::vector<WorklistCount>, Error> {
      // Overdue: due before today (dates are ISO text, so text order is date order), as the list says.
      auto s = prepare(worklistSql(*rule, filter,
                                   "r.caseworker_id, CASE WHEN r.caseworker_id IS NULL THEN r.unit ELSE '' END, "
                                   "count(*), coalesce(sum(w.due < :today), 0)",
                                   "GROUP BY 1, 2 ORDER BY 1, 2"));
      bindWorklist(s, filter);
      std::vector<WorklistCount> counts;
      while (s.step()) counts.push_back(WorklistCount{s.optionalInteger(0), s.text(1), s.integer(2), s.integer(3)});
      return counts;
    });
  }

  std::expected<std::vector<std::pair<std::string, std::int64_t>>, Error> openRegistrationCounts(
      std::string_view dimension, const std::optional<Caseload>& caseload) override {
    static const std::map<std::string, std::string, std::less<>> kKeys{{"occupation", "coalesce(o.kind, 'unknown')"},
                                                                       {"unit", "r.unit"}};
    auto key = kKeys.find(dimension);
    if (key == kKeys.end())
      return std::unexpected(
          invalidInput(fmt::format("no statistics by '{}' (use occupation or unit)", dimension), "by"));
    return guard([&]() -> std::expected<std::vector<std::pair<std::string, std::int64_t>>, Error> {
      auto s = prepare(fmt::format(
          "SELECT {0}, count(*) FROM registrations r {1} WHERE r.end_date IS NULL AND r.programme = 'kaa' AND {2} "
          "GROUP BY {0} ORDER BY {0}",
          key->second, kJoinLatestOccupation, caseload ? caseloadCondition(*caseload) : "1"));
      if (caseload) bindCaseload(s, *caseload);
      std::vector<std::pair<std::string, std::int64_t>> counts;
      while (s.step()) counts.emplace_back(s.text(0), s.integer(1));
      return counts;
    });
  }

  std::expected<IdentificationRun, Error> recordIdentificationRun(const Actor& actor,
                                                                  const IdentificationRun& run) override {
    return guard([&]() -> std::expected<IdentificationRun, Error> {
      IdentificationRun recorded = run;
      recorded.ranAt = nowIso();
      recorded.actor = actor.name;
      prepare(
          "INSERT INTO identification_runs (ran_at, actor, user_id, date, municipality, files, summary) VALUES (?, ?, "
          "?, ?, ?, ?, ?)")
          .bind(recorded.ranAt, actor.name, actor.userId, run.date.iso(), run.municipality, run.files, run.summary)
          .run();
      recorded.id = sqlite3_last_insert_rowid(db_);
      return recorded;
    });
  }

  std::expected<std::vector<IdentificationRun>, Error> identificationRuns(int limit) override {
    return guard([&]() -> std::expected<std::vector<IdentificationRun>, Error> {
      auto s = prepare(
          "SELECT id, ran_at, actor, date, municipality, files, summary FROM identification_runs ORDER BY id DESC "
          "LIMIT ?");
      s.bind(limit);
      std::vector<IdentificationRun> runs;
      while (s.step())
        runs.push_back(
            IdentificationRun{s.integer(0), s.text(1), s.text(2), dateColumn(s, 3), s.text(4), s.text(5), s.text(6)});
      return runs;
    });
  }

  // The events a statement selecting (id, time, actor, user_id, person_id, type, payload) answers.
  static std::vector<Event> readEvents(Statement& s) {
    std::vector<Event> result;
    while (s.step())
      result.push_back(
          Event{s.integer(0), s.text(1), s.text(2), s.optionalInteger(3), s.optionalInteger(4), s.text(5), s.text(6)});
    return result;
  }

  std::expected<std::vector<Event>, Error> eventsOf(std::int64_t personId) override {
    return guard([&]() -> std::expected<std::vector<Event>, Error> {
      auto s = prepare(
          "SELECT id, time, actor, user_id, person_id, type, payload FROM events WHERE person_id = ? ORDER BY id");
      s.bind(personId);
      return readEvents(s);
    });
  }

  std::expected<std::vector<Event>, Error> personEventsAfter(std::int64_t afterId, std::size_t limit) override {
    return guard([&]() -> std::expected<std::vector<Event>, Error> {
      auto s = prepare(
          "SELECT id, time, actor, user_id, person_id, type, payload FROM events WHERE id > ? AND person_id IS NOT "
          "NULL ORDER BY id LIMIT ?");
      s.bind(afterId, static_cast<std::int64_t>(limit));
      return readEvents(s);
    });
  }

  std::expected<std::optional<std::string>, Error> reportLayout(std::string_view name) override {
    return guard([&]() -> std::expected<std::optional<std::string>, Error> {
      auto s = prepare("SELECT content FROM report_layouts WHERE name = ?");
      s.bind(name);
      if (!s.step()) return std::nullopt;
      return s.text(0);
    });
  }

  std::expected<void, Error> saveReportLayout(const Actor& actor, std::string_view name,
                                              std::string_view content) override {
    return transaction([&]() -> std::expected<void, Error> {
      auto before = reportLayout(name);
      if (!before) return std::unexpected(before.error());
      prepare(
          "INSERT INTO report_layouts (name, content, imported_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE "
          "SET content = ?2, imported_at = ?3")
          .bind(name, content, nowIso())
          .run();
      auto text = [](const std::optional<std::string>& t) { return t ? json::value(*t) : json::value(nullptr); };
      return appendEvent(actor, std::nullopt, "report_layout.imported",
                         json::object{{"name", name}, {"content", text(*before)}},
                         json::object{{"name", name}, {"content", std::string(content)}});
    });
  }

  std::expected<CodeList, Error> codeList(std::string_view name) override {
    return guard([&]() -> std::expected<CodeList, Error> {
      auto s =
          prepare("SELECT code, label, valid_from, valid_to FROM codes WHERE list = ? ORDER BY position, valid_from");
      s.bind(name);
      std::vector<Code> codes;
      while (s.step()) {
        std::optional<CivilDate> validTo;
        if (!s.isNull(3)) validTo = dateColumn(s, 3);
        codes.push_back(Code{s.text(0), s.text(1), dateColumn(s, 2), validTo});
      }
      if (codes.empty()) return std::unexpected(notFound(fmt::format("no code list named '{}'", name)));
      return CodeList(std::string(name), std::move(codes));
    });
  }

  std::expected<User, Error> createUser(const Actor& actor, const NewUser& u) override {
    User created;
    auto done = transaction([&]() -> std::expected<void, Error> {
      if (auto existing = userByName(u.username); !existing || *existing)
        return std::unexpected(existing ? conflict(fmt::format("the username '{}' is taken", u.username))
                                        : existing.error());
      prepare("INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)")
          .bind(u.username, u.role, u.passwordHash, nowIso())
          .run();
      created.id = sqlite3_last_insert_rowid(db_);
      if (auto ok = appendEvent(actor, std::nullopt, "user.created", nullptr,
                                json::object{{"id", created.id}, {"username", u.username}, {"role", u.role}});
          !ok)
        return ok;
      if (!u.units.empty())
        if (auto ok = setUserUnits(actor, created.id, u.units); !ok) return ok;
      auto read = findUser("id = ?", created.id);
      if (!read) return std::unexpected(read.error());
      created = **read;
      return {};
    });
    if (!done) return std::unexpected(done.error());
    return created;
  }

  std::expected<std::optional<User>, Error> userByName(std::string_view username) override {
    return findUser("username = ?", username);
  }

  std::expected<std::optional<User>, Error> userById(std::int64_t id) override { return findUser("id = ?", id); }

  std::expected<void, Error> setUserRoles(const Actor& actor, std::int64_t userId, const std::string& roles) override {
    return transaction([&]() -> std::expected<void, Error> {
      auto before = findUser("id = ?", userId);
      if (!before) return std::unexpected(before.error());
      if (!*before) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      prepare("UPDATE users SET role = ?, version = version + 1 WHERE id = ?").bind(roles, userId).run();
      return appendEvent(actor, std::nullopt, "user.roles_changed",
                         json::object{{"id", userId}, {"role", (*before)->role}},
                         json::object{{"id", userId}, {"role", roles}});
    });
  }

  std::expected<std::vector<User>, Error> users() override {
    return guard([&]() -> std::expected<std::vector<User>, Error> {
      auto s = prepare(fmt::format("SELECT {} FROM users ORDER BY username", kUserColumns));
      std::vector<User> result;
      while (s.step()) result.push_back(readUser(s));
      return result;
    });
  }

  std::expected<void, Error> changePassword(const Actor& actor, std::int64_t userId, const std::string& hash) override {
    return transaction([&]() -> std::expected<void, Error> {
      prepare("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?").bind(hash, userId).run();
      if (sqlite3_changes(db_) == 0) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId).run();
      return appendEvent(actor, std::nullopt, "user.password_changed", nullptr, json::object{{"id", userId}});
    });
  }

  std::expected<void, Error> setUserActive(const Actor& actor, std::int64_t userId, bool active) override {
    return transaction([&]() -> std::expected<void, Error> {
      prepare("UPDATE users SET active = ?, version = version + 1 WHERE id = ?").bind(active ? 1 : 0, userId).run();
      if (sqlite3_changes(db_) == 0) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      if (!active) prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId).run();
      return appendEvent(actor, std::nullopt, active ? "user.activated" : "user.deactivated", nullptr,
                         json::object{{"id", userId}});
    });
  }

  std::expected<void, Error> recordLogin(std::int64_t userId) override {
    return guard([&]() -> std::expected<void, Error> {
      prepare("UPDATE users SET last_login_at = ? WHERE id = ?").bind(nowIso(), userId).run();
      return {};
    });
  }

  std::expected<std::vector<MeasureTarget>, Error> measureTargets(int year) override {
    return guard([&]() -> std::expected<std::vector<MeasureTarget>, Error> {
      auto s = prepare("SELECT year, measure, value, version FROM activity_targets WHERE year = ? ORDER BY measure");
      s.bind(year);
      std::vector<MeasureTarget> targets;
      while (s.step())
        targets.push_back(MeasureTarget{static_cast<int>(s.integer(0)), s.text(1), s.real(2), s.integer(3)});
      return targets;
    });
  }

  std::expected<std::int64_t, Error> setMeasureTarget(const Actor& actor, const MeasureTarget& target,
                                                      std::optional<std::int64_t> expectedVersion) override {
    if (auto checked = checkMeasureTarget(target); !checked) return std::unexpected(checked.error().front());
    std::int64_t version = 0;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto s = prepare("SELECT value, version FROM activity_targets WHERE year = ? AND measure = ?");
      s.bind(target.year, target.measure);
      std::optional<double> before;
      if (s.step()) {
        before = s.real(0);
        version = s.integer(1);
      }
      if (expectedVersion && *expectedVersion != version)
        return std::unexpected(conflict(
            fmt::format("the target was changed meanwhile (now version {}); read it again and repeat", version)));
      if (before == target.value) return {};
      prepare(
          "INSERT INTO activity_targets (year, measure, value, version) VALUES (?, ?, ?, 1) ON CONFLICT (year, "
          "measure) DO UPDATE SET value = excluded.value, version = activity_targets.version + 1")
          .bind(target.year, target.measure, target.value)
          .run();
      ++version;
      json::object key{{"year", target.year}, {"measure", target.measure}};
      json::object after = key;
      after["value"] = target.value;
      json::value was = nullptr;
      if (before) {
        key["value"] = *before;
        was = std::move(key);
      }
      return appendEvent(actor, std::nullopt, "activity_target.set", std::move(was), std::move(after));
    });
    if (!done) return std::unexpected(done.error());
    return version;
  }

  std::expected<std::vector<MeasureAnalysis>, Error> measureAnalyses(std::string_view month) override {
    return guard([&]() -> std::expected<std::vector<MeasureAnalysis>, Error> {
      auto s = prepare("SELECT month, measure, text, version FROM activity_analyses WHERE month = ? ORDER BY measure");
      s.bind(month);
      std::vector<MeasureAnalysis> analyses;
      while (s.step()) analyses.push_back(MeasureAnalysis{s.text(0), s.text(1), s.text(2), s.integer(3)});
      return analyses;
    });
  }

  std::expected<std::int64_t, Error> setMeasureAnalysis(const Actor& actor, const MeasureAnalysis& analysis,
                                                        std::optional<std::int64_t> expectedVersion) override {
    if (auto checked = checkMeasureAnalysis(analysis); !checked) return std::unexpected(checked.error().front());
    std::int64_t version = 0;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto s = prepare("SELECT text, version FROM activity_analyses WHERE month = ? AND measure = ?");
      s.bind(analysis.month, analysis.measure);
      std::string before;
      if (s.step()) {
        before = s.text(0);
        version = s.integer(1);
      }
      if (expectedVersion && *expectedVersion != version)
        return std::unexpected(conflict(
            fmt::format("the analysis was changed meanwhile (now version {}); read it again and repeat", version)));
      if (before == analysis.text) return {};
      // A removed analysis keeps its row with an empty text, so that its version goes on rising.
      prepare(
          "INSERT INTO activity_analyses (month, measure, text, version) VALUES (?, ?, ?, 1) ON CONFLICT (month, "
          "measure) DO UPDATE SET text = excluded.text, version = activity_analyses.version + 1")
          .bind(analysis.month, analysis.measure, analysis.text)
          .run();
      ++version;
      json::object key{{"month", analysis.month}, {"measure", analysis.measure}};
      json::object after = key;
      key["text"] = before;
      after["text"] = analysis.text;
      return appendEvent(actor, std::nullopt, "activity_analysis.set", std::move(key), std::move(after));
    });
    if (!done) return std::unexpected(done.error());
    return version;
  }

  std::expected<void, Error> createUnit(const Actor& actor, const std::string& name) override {
    if (auto ok = checkFreeText(name, "name"); !ok) return ok;
    if (name.empty() || characterCount(name) > 60)
      return std::unexpected(invalidInput("a unit's name is 1 to 60 characters on one line", "name"));
    return transaction([&]() -> std::expected<void, Error> {
      auto s = prepare("SELECT count(*) FROM units WHERE name = ?");
      s.bind(name);
      s.step();
      if (s.integer(0) != 0) return std::unexpected(conflict(fmt::format("there is already a unit named '{}'", name)));
      prepare("INSERT INTO units (name, created_at) VALUES (?, ?)").bind(name, nowIso()).run();
      return appendEvent(actor, std::nullopt, "unit.created", nullptr, json::object{{"name", name}});
    });
  }

  std::expected<std::vector<std::string>, Error> units() override {
    return guard([&]() -> std::expected<std::vector<std::string>, Error> {
      auto s = prepare("SELECT name FROM units ORDER BY name");
      std::vector<std::string> names;
      while (s.step()) names.push_back(s.text(0));
      return names;
    });
  }

  std::expected<std::vector<std::string>, Error> municipalities() override {
    return guard([&]() -> std::expected<std::vector<std::string>, Error> {
      auto s = prepare(
          "SELECT DISTINCT municipality_code FROM persons WHERE deidentified_at IS NULL AND municipality_code <> '' "
          "ORDER BY municipality_code");
      std::vector<std::string> codes;
      while (s.step()) codes.push_back(s.text(0));
      return codes;
    });
  }

  std::expected<void, Error> setUserUnits(const Actor& actor, std::int64_t userId,
                                          const std::vector<std::string>& units) override {
    return transaction([&]() -> std::expected<void, Error> {
      auto before = findUser("id = ?", userId);
      if (!before) return std::unexpected(before.error());
      if (!*before) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      if (auto ok = requireUnits(units); !ok) return ok;
      prepare("DELETE FROM user_units WHERE user_id = ?").bind(userId).run();
      prepare("UPDATE users SET version = version + 1 WHERE id = ?").bind(userId).run();
      for (const std::string& unit : units)
        prepare("INSERT OR IGNORE INTO user_units (user_id, unit) VALUES (?, ?)").bind(userId, unit).run();
      return appendEvent(actor, std::nullopt, "user.units_changed", json::value_from((*before)->units),
                         json::value_from(units));
    });
  }

  std::expected<void, Error> setProtectedAddressAccess(const Actor& actor, std::int64_t userId, bool allowed) override {
    return transaction([&]() -> std::expected<void, Error> {
      prepare("UPDATE users SET reads_protected_address = ?, version = version + 1 WHERE id = ?")
          .bind(allowed ? 1 : 0, userId)
          .run();
      if (sqlite3_changes(db_) == 0) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      return appendEvent(actor, std::nullopt,
                         allowed ? "user.protected_address_allowed" : "user.protected_address_withdrawn", nullptr,
                         json::object{{"id", userId}});
    });
  }

  std::expected<void, Error> setUserContact(const Actor& actor, std::int64_t userId, const std::string& fullName,
                                            const std::string& phone) override {
    return transaction([&]() -> std::expected<void, Error> {
      prepare("UPDATE users SET full_name = ?, phone = ?, version = version + 1 WHERE id = ?")
          .bind(fullName, phone, userId)
          .run();
      if (sqlite3_changes(db_) == 0) return std::unexpected(notFound(fmt::format("no user with id {}", userId)));
      return appendEvent(actor, std::nullopt, "user.contact_changed", nullptr,
                         json::object{{"id", userId}, {"full_name", fullName}, {"phone", phone}});
    });
  }

  std::expected<AccessGrant, Error> grantAccess(const AccessGrant& g) override {
    AccessGrant granted = g;
    auto done = transaction([&]() -> std::expected<void, Error> {
      if (auto p = person(g.personId); !p) return std::unexpected(p.error());
      prepare("INSERT INTO access_grants (user_id, person_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?)")
          .bind(g.userId, g.personId, g.reason, g.grantedAt, g.expiresAt)
          .run();
      granted.id = sqlite3_last_insert_rowid(db_);
      return {};
    });
    if (!done) return std::unexpected(done.error());
    return granted;
  }

  std::expected<std::optional<AccessGrant>, Error> activeGrant(std::int64_t userId, std::int64_t personId,
                                                               std::int64_t now) override {
    return guard([&]() -> std::expected<std::optional<AccessGrant>, Error> {
      auto s = prepare(
          "SELECT id, reason, granted_at, expires_at FROM access_grants WHERE user_id = ? AND person_id = ? AND "
          "expires_at > ? AND granted_at <= ? ORDER BY id DESC LIMIT 1");
      s.bind(userId, personId, now, now);
      if (!s.step()) return std::optional<AccessGrant>();
      return AccessGrant{s.integer(0), userId, personId, s.text(1), s.integer(2), s.integer(3)};
    });
  }
  std::expected<int, Error> endGrants(std::int64_t userId, std::int64_t personId, std::int64_t now) override {
    return guard([&]() -> std::expected<int, Error> {
      prepare("UPDATE access_grants SET expires_at = ? WHERE user_id = ? AND person_id = ? AND expires_at > ?")
          .bind(now, userId, personId, now)
          .run();
      return sqlite3_changes(db_);
    });
  }

  std::expected<void, Error> appendAccess(const AccessEntry& e) override {
    auto append = [&]() -> std::expected<void, Error> {
      // The chain's head, remembered between appends and forgotten on any rollback. Should another
      // process have appended meanwhile, the INSERT fails on the id (nothing forks the chain), the
      // transaction rolls back and the next append reads the head again.
      if (!accessHead_) {
        auto s = prepare("SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1");
        accessHead_ = s.step() ? std::pair{s.integer(0), s.text(1)} : std::pair{std::int64_t{0}, kAccessChainStart};
      }
      std::int64_t id = accessHead_->first + 1;
      std::string ids;
      for (std::int64_t p : e.personIds) {
        if (!ids.empty()) ids += ',';
        ids += std::to_string(p);
      }
      std::string time = nowIso();
      std::string hash = accessHash(id, time, e, ids, accessHead_->second);
      prepare(
          "INSERT INTO access_log (id, time, user_id, username, role, route, person_ids, count, purpose, refused, "
          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .withoutCopies()
          .bind(id, time, e.userId, e.username, e.role, e.route, ids, e.count, e.purpose, e.refused ? 1 : 0,
                accessHead_->second, hash)
          .run();
      accessHead_ = std::pair{id, hash};
      return {};
    };
    // Inside a transaction (the Writer's) the entry commits with it; alone it gets its own. The INSERT is
    // atomic by itself, so it needs no savepoint; after a failure the head is read again.
    auto appended = depth_ > 0 ? guard(append) : transaction(append);
    if (!appended) accessHead_.reset();
    return appended;
  }

  std::expected<std::vector<RetentionCandidate>, Error> retentionCandidates(CivilDate today) override {
    return guard([&]() -> std::expected<std::vector<RetentionCandidate>, Error> {
      auto s = prepare(
          "SELECT p.id, max(r.end_date) FROM persons p JOIN registrations r ON r.person_id = p.id WHERE "
          "p.deidentified_at IS NULL GROUP BY p.id HAVING count(*) = count(r.end_date) AND date(max(r.end_date), '+' "
          "|| (SELECT value FROM settings WHERE key = 'retention_months') || ' months') <= ? ORDER BY p.id");
      s.bind(today.iso());
      std::vector<RetentionCandidate> due;
      while (s.step()) due.push_back(RetentionCandidate{s.integer(0), dateColumn(s, 1)});
      return due;
    });
  }

  std::expected<std::vector<RetentionCandidate>, Error> applyRetention(const Actor& actor, CivilDate today) override {
    std::vector<RetentionCandidate> due;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto candidates = retentionCandidates(today);
      if (!candidates) return std::unexpected(candidates.error());
      due = std::move(*candidates);
      for (const RetentionCandidate& c : due)
        if (auto ok = deidentifyPerson(actor, c.personId); !ok) return ok;
      auto months = prepare("SELECT value FROM settings WHERE key = 'retention_months'");
      months.step();
      return appendEvent(
          actor, std::nullopt, "retention.run", nullptr,
          json::object{{"date", today.iso()}, {"retention_months", months.text(0)}, {"persons", due.size()}});
    });
    if (!done) return std::unexpected(done.error());
    return due;
  }

  // One person's part of applyRetention (inside its transaction).
  std::expected<void, Error> deidentifyPerson(const Actor& actor, std::int64_t personId) {
    return guard([&]() -> std::expected<void, Error> {
      auto p = person(personId);
      if (!p) return std::unexpected(p.error());
      std::string birthMonth = p->details.personalId.birthDate().iso().substr(0, 7);
      prepare(
          "UPDATE persons SET personal_id = 'gallrad-' || id, first_name = '', last_name = '', street_address = '', "
          "phone = '', email = '', "
          "postal_code = '', city = '', protection = '', search_name = '', id_digits = '', age_scope_end = '', "
          "birth_month = ?, "
          "deidentified_at = ?, version = version + 1 WHERE id = ?")
          .bind(birthMonth, nowIso(), personId)
          .run();
      std::vector<std::pair<std::int64_t, std::string>> rewritten;
      {
        auto records = prepare("SELECT id, data FROM case_records WHERE person_id = ?");
        records.bind(personId);
        while (records.step())
          rewritten.emplace_back(records.integer(0), json::serialize(deidentifiedJson(records.text(1))));
      }
      for (const auto& [id, data] : rewritten)
        prepare("UPDATE case_records SET data = ? WHERE id = ?").bind(data, id).run();
      rewritten.clear();
      {
        auto events = prepare("SELECT id, payload FROM events WHERE person_id = ?");
        events.bind(personId);
        while (events.step()) {
          json::value payload = deidentifiedJson(events.text(1));
          payload.as_object()["deidentified"] = true;
          rewritten.emplace_back(events.integer(0), json::serialize(payload));
        }
      }
      for (const auto& [id, payload] : rewritten)
        prepare("UPDATE events SET payload = ? WHERE id = ?").bind(payload, id).run();
      return appendEvent(actor, personId, "person.deidentified", nullptr,
                         json::object{{"id", personId}, {"birth_month", birthMonth}, {"deidentified", true}});
    });
  }

  std::expected<std::vector<LoggedAccess>, Error> accessEntries(const AccessLogQuery& q) override {
    return guard([&]() -> std::expected<std::vector<LoggedAccess>, Error> {
      auto s = prepare(
          "SELECT id, time, user_id, username, role, route, person_ids, count, purpose, refused FROM access_log WHERE "
          "time >= "
          "?1 AND time < ?2 AND (?3 = '' OR username = ?3) AND (?4 IS NULL OR ',' || person_ids || ',' LIKE '%,' || "
          "?4 || ',%') ORDER BY id LIMIT ?5");
      s.bind(q.from, q.to, q.username, q.personId, q.limit);
      std::vector<LoggedAccess> entries;
      while (s.step()) {
        std::vector<std::int64_t> ids;
        std::string list = s.text(6);
        for (std::string_view id : splitList(list, ',')) ids.push_back(std::stoll(std::string(id)));
        entries.push_back(LoggedAccess{s.integer(0), s.text(1),
                                       AccessEntry{s.optionalInteger(2), s.text(3), s.text(4), s.text(5),
                                                   std::move(ids), s.integer(7), s.text(8), s.integer(9) != 0}});
      }
      return entries;
    });
  }

  std::expected<std::vector<std::pair<AccessGrant, std::string>>, Error> accessGrants(std::int64_t from,
                                                                                      std::int64_t to) override {
    return guard([&]() -> std::expected<std::vector<std::pair<AccessGrant, std::string>>, Error> {
      auto s = prepare(
          "SELECT g.id, g.user_id, g.person_id, g.reason, g.granted_at, g.expires_at, u.username FROM access_grants g "
          "JOIN users u ON u.id = g.user_id WHERE g.granted_at >= ? AND g.granted_at < ? ORDER BY g.id");
      s.bind(from, to);
      std::vector<std::pair<AccessGrant, std::string>> grants;
      while (s.step())
        grants.emplace_back(
            AccessGrant{s.integer(0), s.integer(1), s.integer(2), s.text(3), s.integer(4), s.integer(5)}, s.text(6));
      return grants;
    });
  }

  std::expected<AccessLogCheck, Error> verifyAccessLog(const std::optional<AccessAnchor>& expected) override {
    return guard([&]() -> std::expected<AccessLogCheck, Error> {
      AccessLogCheck check;
      auto s = prepare(
          "SELECT id, time, user_id, username, role, route, person_ids, count, purpose, refused, prev_hash, hash "
          "FROM access_log ORDER BY id");
      std::int64_t expectedId = 1;
      std::string previous = kAccessChainStart;
      while (s.step()) {
        ++check.entries;
        std::int64_t id = s.integer(0);
        auto bad = [&](std::string problem) {
          check.firstBadId = id;
          check.problem = std::move(problem);
          return check;
        };
        if (id != expectedId)
          return bad(fmt::format("entry {} follows entry {}: entries are missing", id, expectedId - 1));
        if (s.text(10) != previous)
          return bad("its previous-hash does not match the entry before it (moved or inserted)");
        AccessEntry entry{s.optionalInteger(2), s.text(3), s.text(4),        s.text(5), {},
                          s.integer(7),         s.text(8), s.integer(9) != 0};
        std::string hash = accessHash(id, s.text(1), entry, s.text(6), previous);
        if (hash != s.text(11)) return bad("its content does not match its hash (edited)");
        if (expected && id == expected->count && hash != expected->hash)
          return bad(fmt::format("its hash is not the one the anchor {} recorded", anchorText(*expected)));
        previous = hash;
        ++expectedId;
      }
      if (expected && check.entries < expected->count) {
        check.firstBadId = check.entries + 1;
        check.problem =
            fmt::format("the log ends after {} entries, but the anchor {} recorded {}: entries were cut off",
                        check.entries, anchorText(*expected), expected->count);
      }
      return check;
    });
  }

  std::expected<AccessAnchor, Error> accessLogHead() override {
    return guard([&]() -> std::expected<AccessAnchor, Error> {
      auto s = prepare("SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1");
      if (!s.step()) return AccessAnchor{0, kAccessChainStart};
      return AccessAnchor{s.integer(0), s.text(1)};
    });
  }

  std::expected<void, Error> createSession(const SessionRecord& r) override {
    return guard([&]() -> std::expected<void, Error> {
      prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
          .bind(r.tokenHash, r.userId, r.csrfToken, r.createdAt, r.lastSeenAt)
          .run();
      return {};
    });
  }

  std::expected<std::optional<std::pair<SessionRecord, User>>, Error> session(std::string_view tokenHash) override {
    using Result = std::optional<std::pair<SessionRecord, User>>;
    return guard([&]() -> std::expected<Result, Error> {
      // The sessions read before stand while the counter of migration 0008 does: no user, unit membership or
      // session has changed since, in any program. The counter is read first, so a session read after it
      // is never older than it.
      auto counter = prepare("SELECT n FROM auth_generation");
      std::int64_t generation = counter.step() ? counter.integer(0) : -1;
      if (generation != sessionsGeneration_) {
        sessions_.clear();
        sessionsGeneration_ = generation;
      }
      if (auto known = sessions_.find(tokenHash); known != sessions_.end()) return Result(known->second);
      static const std::string sql = fmt::format(
          "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, {} FROM sessions s JOIN users "
          "ON users.id = s.user_id WHERE s.token_hash = ?",
          kUserColumns);
      auto s = prepare(sql);
      s.bind(tokenHash);
      if (!s.step()) return Result();
      std::pair found{SessionRecord{s.text(0), s.integer(1), s.text(2), s.integer(3), s.integer(4)}, readUser(s, 5)};
      if (sessions_.size() >= kMaxKnownSessions) sessions_.clear();
      sessions_.emplace(found.first.tokenHash, found);
      return Result(std::move(found));
    });
  }

  std::expected<void, Error> touchSession(std::string_view tokenHash, std::int64_t lastSeenAt) override {
    return guard([&]() -> std::expected<void, Error> {
      prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").bind(lastSeenAt, tokenHash).run();
      return {};
    });
  }

  std::expected<void, Error> deleteSession(std::string_view tokenHash) override {
    return guard([&]() -> std::expected<void, Error> {
      prepare("DELETE FROM sessions WHERE token_hash = ?").bind(tokenHash).run();
      return {};
    });
  }

 private:
  // Runs `body`, turning a SqliteFailure into an Error value.
  template <class F>
  auto guard(F&& body) -> decltype(body()) {
    try {
      return body();
    } catch (const SqliteFailure& e) {
      if ((e.code & 0xff) == SQLITE_CONSTRAINT)
        return std::unexpected(conflict(fmt::format("constraint failed: {}", e.what())));
      return std::unexpected(internalError(fmt::format("database error: {}", e.what())));
    }
  }

  Statement prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      sqlite3_stmt* stmt = nullptr;
      int rc =
          sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) throw SqliteFailure(rc, sqlite3_errmsg(db_));
      it = statements_.emplace(sql, stmt).first;
    }
    return Statement(db_, it->second);
  }

  void exec(const std::string& sql) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw SqliteFailure(sqlite3_extended_errcode(db_), text);
    }
  }

  void rollback(int depth, const std::string& savepoint) {
    accessHead_.reset();       // an access-log entry may have been rolled back
    sessionsGeneration_ = -1;  // and with it a change to users or sessions, whose counter value may come again
    char* message = nullptr;
    std::string sql = depth == 1 ? std::string("ROLLBACK") : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
    sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
  }

  int currentVersion() {
    auto s = prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    s.step();
    return static_cast<int>(s.integer(0));
  }

  std::string nowIso() const { return formatUtcTimestamp(options_.clock()); }

  static std::string searchName(const PersonDetails& d) { return foldForSearch(" " + d.firstName + " " + d.lastName); }

  static Error staleVersion(std::string_view what, std::int64_t id, std::int64_t current) {
    return conflict(fmt::format("the {} {} was changed by someone else (current version {})", what, id, current));
  }

  std::expected<void, Error> requireCode(std::string_view list, const std::string& code, CivilDate date,
                                         std::string field) {
    auto codes = codeList(list);
    if (!codes) return std::unexpected(codes.error());
    if (!codes->isValid(code, date))
      return std::unexpected(
          invalidInput(fmt::format("'{}' is not a valid {} on {}", echoed(code), list, date.iso()), std::move(field)));
    return {};
  }

  std::expected<void, Error> appendEvent(const Actor& actor, std::optional<std::int64_t> personId,
                                         std::string_view type, json::value before, json::value after) {
    if (options_.beforeEventForTesting)
      if (auto ok = options_.beforeEventForTesting(type); !ok) return ok;
    std::string payload = json::serialize(json::object{{"before", std::move(before)}, {"after", std::move(after)}});
    prepare("INSERT INTO events (time, actor, user_id, person_id, type, payload) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(nowIso(), actor.name, actor.userId, personId, type, payload)
        .run();
    return {};
  }

  std::expected<Registration, Error> registration(std::int64_t id) override {
    static const std::string sql = fmt::format("SELECT {} FROM registrations WHERE id = ?", kRegistrationColumns);
    auto s = prepare(sql);
    s.bind(id);
    if (!s.step()) return std::unexpected(notFound(fmt::format("no registration with id {}", id)));
    return readRegistration(s);
  }

  // not_found naming the first of `units` that is not a unit.
  std::expected<void, Error> requireUnits(const std::vector<std::string>& units) {
    for (const std::string& unit : units) {
      auto s = prepare("SELECT count(*) FROM units WHERE name = ?");
      s.bind(unit);
      s.step();
      if (s.integer(0) == 0) return std::unexpected(notFound(fmt::format("no unit named '{}'", unit)));
    }
    return {};
  }

  template <class Key>
  std::expected<std::optional<User>, Error> findUser(std::string_view condition, const Key& key) {
    return guard([&]() -> std::expected<std::optional<User>, Error> {
      auto s = prepare(fmt::format("SELECT {} FROM users WHERE {}", kUserColumns, condition));
      s.bind(key);
      if (!s.step()) return std::optional<User>();
      return readUser(s);
    });
  }

  // A user from kUserColumns starting at column `at`.
  static User readUser(const Statement& s, int at = 0) {
    std::string list = s.text(at + 7);
    std::vector<std::string> units;
    for (std::string_view unit : splitList(list, '\n')) units.emplace_back(unit);
    std::sort(units.begin(), units.end());
    return User{s.integer(at),          s.text(at + 1),    s.text(at + 2), s.text(at + 3),
                s.integer(at + 4) != 0, s.integer(at + 5), s.text(at + 6), std::move(units),
                s.integer(at + 8) != 0, s.text(at + 9),    s.text(at + 10)};
  }

  static Person readPerson(const Statement& s) {
    auto pid = PersonalId::parse(s.text(1), *CivilDate::fromParts(2000, 1, 1));
    if (!pid) throw SqliteFailure(SQLITE_CORRUPT, "bad personnummer in the database");
    auto protection = protectionFromString(s.text(8));
    return Person{s.integer(0),
                  PersonDetails{*pid, s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                                protection.value_or(Protection::protected_registration)},
                  s.integer(9), ContactDetails{s.text(10), s.text(11)}};
  }

  // Changes registration `id` by `change` (which updates its row and the value) in one transaction, bumps its
  // version and journals `eventType` with the registration before and after. conflict when `expectedVersion`
  // is given and stale; not_found; change's errors.
  template <class Change>
  std::expected<Registration, Error> updateRegistration(const Actor& actor, std::int64_t id,
                                                        std::optional<std::int64_t> expectedVersion,
                                                        std::string_view eventType, Change change) {
    std::optional<Registration> after;
    auto done = transaction([&]() -> std::expected<void, Error> {
      auto before = registration(id);
      if (!before) return std::unexpected(before.error());
      if (expectedVersion && before->version != *expectedVersion)
        return std::unexpected(staleVersion("registration", id, before->version));
      after = *before;
      if (auto ok = change(*after); !ok) return ok;
      prepare("UPDATE registrations SET version = version + 1 WHERE id = ?").bind(id).run();
      ++after->version;
      return appendEvent(actor, before->personId, eventType, registrationJson(*before), registrationJson(*after));
    });
    if (!done) return std::unexpected(done.error());
    return *after;
  }

  // Sets the registration's `column` (reason or registers_reason, the member `member`) to `code`, one valid on
  // its start date in "registration_reason" (invalid_input naming `column` otherwise), by updateRegistration.
  std::expected<Registration, Error> setReason(const Actor& actor, std::int64_t id,
                                               std::optional<std::int64_t> expectedVersion, std::string_view eventType,
                                               std::string Registration::*member, std::string_view column,
                                               const std::string& code) {
    return updateRegistration(
        actor, id, expectedVersion, eventType, [&](Registration& r) -> std::expected<void, Error> {
          if (auto ok = requireCode("registration_reason", code, r.startDate, std::string(column)); !ok) return ok;
          prepare(fmt::format("UPDATE registrations SET {} = ? WHERE id = ?", column)).bind(code, id).run();
          r.*member = code;
          return {};
        });
  }

  // A registration from kRegistrationColumns starting at column `at`.
  static Registration readRegistration(const Statement& s, int at = 0) {
    std::optional<CivilDate> end;
    if (!s.isNull(at + 5)) end = dateColumn(s, at + 5);
    return Registration{s.integer(at),           s.integer(at + 1),       s.text(at + 2),
                        dateColumn(s, at + 3),   s.text(at + 4),          end,
                        s.optionalText(at + 6),  s.integer(at + 7),       s.optionalInteger(at + 8),
                        s.text(at + 9),          s.integer(at + 10) != 0, s.text(at + 11),
                        s.integer(at + 12) != 0, s.text(at + 13)};
  }

  sqlite3* db_;
  StoreOptions options_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
  int depth_ = 0;
  std::optional<std::pair<std::int64_t, std::string>> accessHead_;
  // Sessions with their users as read at auth_generation `sessionsGeneration_` (see session()).
  static constexpr std::size_t kMaxKnownSessions = 10000;
  std::int64_t sessionsGeneration_ = -1;
  std::map<std::string, std::pair<SessionRecord, User>, std::less<>> sessions_;
};

}  // namespace

std::expected<std::unique_ptr<Store>, Error> openStore(const std::string& location, StoreOptions options) {
  // Memory statistics take a process-wide mutex on every allocation; Lotsen does not read them.
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK || true;
  (void)configured;
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(location.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return std::unexpected(internalError(fmt::format("cannot open the database {}: {}", location, message)));
  }
  sqlite3_busy_timeout(db, 5000);
  // The log is copied back into the database file (a checkpoint, ending in that file's fsync) inside the
  // commit that passes wal_autocheckpoint pages, and every write waits meanwhile. At SQLite's default of 1000
  // pages such a commit took up to 260 ms on a busy shared disk; at 100 the person-read benchmark's p99
  // fell from 4-6.6 ms to 3.4-4.1 ms, and its slowest answer from up to 46 ms to about 8 ms.
  const char* pragmas =
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
      "PRAGMA wal_autocheckpoint = 100;";
  char* message = nullptr;
  if (sqlite3_exec(db, pragmas, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    sqlite3_close_v2(db);
    return std::unexpected(internalError(fmt::format("cannot open the database {}: {}", location, text)));
  }
  return std::make_unique<SqliteStore>(db, std::move(options));
}

std::expected<void, Error> backupDatabase(const std::string& location, const std::string& destination) {
  if (!std::filesystem::exists(location))
    return std::unexpected(invalidInput(fmt::format("no database at {}", location), "db"));
  if (std::filesystem::exists(destination))
    return std::unexpected(invalidInput(fmt::format("{} already exists; choose a new file", destination), "out"));
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  auto closeBoth = [&] {
    sqlite3_close_v2(source);
    sqlite3_close_v2(target);
  };
  if (sqlite3_open_v2(location.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(destination.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = fmt::format("cannot open {} or {}", location, destination);
    closeBoth();
    return std::unexpected(internalError(message));
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  if (!backup) {
    std::string message = sqlite3_errmsg(target);
    closeBoth();
    return std::unexpected(internalError("backup failed: " + message));
  }
  int rc;
  do {
    rc = sqlite3_backup_step(backup, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  std::string message = sqlite3_errmsg(target);
  closeBoth();
  if (rc != SQLITE_DONE) {
    std::remove(destination.c_str());
    return std::unexpected(internalError("backup failed: " + message));
  }
  return {};
}

}  // namespace lotsen
