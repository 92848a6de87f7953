// Lotsen store: the one interface through which everything reads and writes persistent state.
//
// src/store owns the database: the Store interface, its SQLite implementation (sqlite/), the schema
// migrations (migrations/*.sql, compiled into the binary) and the single Writer that group-commits
// writes. It depends on src/domain only. Nothing in this interface may assume SQLite: PostgreSQL will
// implement it too. Every change to a person's case is written as an immutable event in the same
// transaction as the current-state rows it changes.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access.h"
#include "domain/activity_measures.h"
#include "domain/code_list.h"
#include "domain/error.h"
#include "domain/person.h"
#include "domain/settings.h"

namespace lotsen {

// Who caused a change, as written in the event journal.
struct Actor {
  std::optional<std::int64_t> userId;  // none for the system itself (imports, jobs, demo)
  std::string name;                    // username or "system:<job>"
};

struct Event {
  std::int64_t id = 0;
  std::string time;  // UTC, ISO 8601 with milliseconds
  std::string actor;
  std::optional<std::int64_t> userId;
  std::optional<std::int64_t> personId;
  std::string type;     // e.g. "person.created", "registration.ended"
  std::string payload;  // JSON: {"before": …, "after": …}
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string role;          // one or more roles, canonical: "admin,caseworker" (see domain/access.h)
  std::string passwordHash;  // Argon2id string (libsodium crypto_pwhash_str)
  bool active = true;
  std::int64_t version = 0;
  std::string lastLoginAt;             // UTC timestamp; empty when never
  std::vector<std::string> units;      // the units the user works in, by name
  bool readsProtectedAddress = false;  // holds read_protected_address (granted per user, off by default)
  std::string fullName{};              // as letters and lists name the user; empty when not given
  std::string phone{};                 // a number at work; empty when not given
};

// True when the account is active but nobody has logged in to it from the instant `from` (a stored UTC
// timestamp, e.g. swedishDayStartUtc of the day after the cut-off) or ever: the accounts the
// municipality should review and remove ("registervård").
inline bool unusedFrom(const User& user, std::string_view from) {
  return user.active && (user.lastLoginAt.empty() || user.lastLoginAt < from);
}

struct NewUser {
  std::string username;
  std::string role;
  std::string passwordHash;
  std::vector<std::string> units;
};

// A break-the-glass grant: one user may open one person's case until `expiresAt`, for a stated reason.
struct AccessGrant {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t personId = 0;
  std::string reason;
  std::int64_t grantedAt = 0;  // unix seconds
  std::int64_t expiresAt = 0;
};

// A login session. Only a hash of the session token is stored.
struct SessionRecord {
  std::string tokenHash;
  std::int64_t userId = 0;
  std::string csrfToken;
  std::int64_t createdAt = 0;   // unix seconds
  std::int64_t lastSeenAt = 0;  // unix seconds
};

// A person search. Name words match the start of a first or last name (case-insensitive, å/ä/ö
// included); an id prefix matches the start of the canonical personnummer's digits.
struct PersonQuery {
  std::vector<std::string> nameWords;
  std::string idDigitsPrefix;  // digits only, e.g. "20080312" or "200803121234"
  int offset = 0;
  int limit = 50;
  // Only persons with a registration in this caseload; but a whole personnummer (12 digits) finds its
  // person anyway, so that a case outside the caseload can be opened by breaking the glass.
  std::optional<Caseload> caseload;
};

// A person with one of their open registrations.
struct RegisteredPerson {
  Person person;
  Registration registration;
};

// One documented item of a case (Förordning 2006:39): a contact attempt, an occupation entry, a
// measure, the individual plan or a goal assessment. `data` is the item's fields as JSON (see store/case_records.h),
// validated before it is written.
struct CaseRecord {
  std::int64_t id = 0;
  std::string kind;  // contact_attempt, occupation, measure, plan, goal_assessment
  std::int64_t personId = 0;
  std::optional<std::int64_t> registrationId;
  std::string data;
  std::int64_t version = 0;
  bool voided = false;  // made by mistake: out of every list and count, kept in the history
};

// One line of a worklist: a registration that needs something done, and by when.
struct WorklistEntry {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
  std::string firstName;
  std::string lastName;
  std::optional<std::int64_t> caseworkerId;
  std::string unit;
  CivilDate due;                   // the day it should be done by (overdue when before today)
  std::string detail;              // what is due, e.g. the measure's content or the occupation code
  bool protectedIdentity = false;  // the person has a protected identity (which kind is never told)
  std::string phone;               // the young person's own, for the call the list asks for
  CivilDate birthDate;
  std::optional<std::int64_t> recordId;  // the case record the item is about (a measure, a plan), if any
};

// The size of one part of a worklist: the lines of one caseworker or, when nobody is responsible, of one
// unit ("" the intake).
struct WorklistCount {
  std::optional<std::int64_t> caseworkerId;
  std::string unit;  // when caseworkerId is empty
  std::int64_t count = 0;
  std::int64_t overdue = 0;  // due before the filter's today
};

struct WorklistFilter {
  CivilDate today;
  std::optional<std::int64_t> caseworkerId;  // only this caseworker's registrations
  std::string unit;                          // only this unit's registrations and the intake (empty: all)
  std::optional<Caseload> caseload;          // only registrations in this caseload
};

// The record of one identification run (its inputs and counts), kept for the auditors.
struct IdentificationRun {
  std::int64_t id = 0;
  std::string ranAt;  // UTC timestamp
  std::string actor;
  CivilDate date;
  std::string municipality;  // kommunkod or "all"
  std::string files;         // JSON array: role, name, sha256, bytes
  std::string summary;       // JSON object: the counts
};

// One entry of the access log: who read which persons' data, through which route, and why.
struct AccessEntry {
  std::optional<std::int64_t> userId;
  std::string username;
  std::string role;
  std::string route;                    // e.g. "GET /api/v1/persons/{id}"
  std::vector<std::int64_t> personIds;  // the persons returned (empty for bulk reads)
  std::int64_t count = 0;               // how many persons were returned
  std::string purpose;                  // the stated reason, when one was given
  bool refused = false;                 // an attempt that was refused (403): personIds names whom it sought
};

// An access-log entry as stored.
struct LoggedAccess {
  std::int64_t id = 0;
  std::string time;  // UTC, ISO 8601 with milliseconds
  AccessEntry entry;
};

// Which access-log entries to read: times from `from` (inclusive) to `to` (exclusive), both UTC ISO
// prefixes such as "2026-11-01"; optionally one user or one person.
struct AccessLogQuery {
  std::string from;
  std::string to;
  std::string username;                  // empty: everyone
  std::optional<std::int64_t> personId;  // only entries that name this person
  int limit = 1000000;
};

// A person whose data retention removes: every registration ended, the last on `lastEnded`.
struct RetentionCandidate {
  std::int64_t personId = 0;
  CivilDate lastEnded;
};

// The outcome of checking the access log's hash chain.
struct AccessLogCheck {
  std::int64_t entries = 0;
  std::optional<std::int64_t> firstBadId;  // none when the chain is intact
  std::string problem;                     // what is wrong with that entry (or with the log as a whole)
};

// The access log's head: how many entries it holds and the last one's hash (all zeros when empty).
// Kept outside the database, it shows entries cut off at the end, which the chain alone cannot.
struct AccessAnchor {
  std::int64_t count = 0;
  std::string hash;
};

struct PersonPage {
  std::vector<Person> persons;
  std::int64_t total = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies every embedded migration not yet applied, in order, each in its own transaction.
  // Returns how many were applied.
  virtual std::expected<int, Error> migrate() = 0;
  // Returns the highest applied migration version (0 for an empty database).
  virtual std::expected<int, Error> schemaVersion() = 0;
  // Succeeds when the database answers a trivial query.
  virtual std::expected<void, Error> ping() = 0;

  // Runs `work` atomically: all its writes commit together, or none do when it returns an error.
  // Calls nest (the inner one becomes a savepoint). Not thread-safe: one Store per thread.
  virtual std::expected<void, Error> transaction(const std::function<std::expected<void, Error>()>& work) = 0;
  // Runs `work` on one consistent snapshot of the database: its reads see no write committed meanwhile.
  // Inside transaction() it simply runs `work`. `work` must not write.
  virtual std::expected<void, Error> readSnapshot(const std::function<std::expected<void, Error>()>& work) = 0;

  // Persons. Writes record an event ("person.created", "person.updated") in the same transaction.
  virtual std::expected<Person, Error> createPerson(const Actor& actor, const PersonDetails& details) = 0;
  // conflict when `expectedVersion` is not the stored version; not_found when there is no such person.
  virtual std::expected<Person, Error> updatePerson(const Actor& actor, std::int64_t id, std::int64_t expectedVersion,
                                                    const PersonDetails& details) = 0;
  // Replaces the person's contact details with a new version ("person.contact_changed"); conflict on a
  // stale version, not_found for an unknown person. The caller validates them (validateContactDetails).
  virtual std::expected<Person, Error> setContactDetails(const Actor& actor, std::int64_t id,
                                                         std::int64_t expectedVersion,
                                                         const ContactDetails& contact) = 0;
  virtual std::expected<Person, Error> person(std::int64_t id) = 0;
  virtual std::expected<std::optional<Person>, Error> personByPersonalId(const PersonalId& id) = 0;
  // Ordered by last name, first name, id.
  virtual std::expected<PersonPage, Error> searchPersons(const PersonQuery& query) = 0;

  // Registrations. The reason must be a code valid on the start date ("registration_reason"), the end
  // reason one valid on the end date ("deregistration_reason"); invalid_input otherwise.
  virtual std::expected<Registration, Error> createRegistration(const Actor& actor, const NewRegistration& r) = 0;
  // Ended `by` hand (a caseworker's closure: Registration::closedByHand, it stands until the registers
  // show something new) or by the registers (identification, whoever started the run).
  virtual std::expected<Registration, Error> endRegistration(const Actor& actor, std::int64_t id,
                                                             std::int64_t expectedVersion, CivilDate endDate,
                                                             const std::string& endReason, EndedBy by) = 0;
  // A registration made by hand that an identification run found the person in the target group for:
  // awaits the registers no more ("registration.confirmed"). conflict when it awaits nothing.
  virtual std::expected<Registration, Error> confirmByRegisters(const Actor& actor, std::int64_t id) = 0;
  // Records the registration reason the registers give (identification; "registration.registers_reason_noted").
  // invalid_input (field "registers_reason") unless a code valid on the start date; not_found.
  virtual std::expected<Registration, Error> noteRegistersReason(const Actor& actor, std::int64_t id,
                                                                 const std::string& registersReason) = 0;
  // Corrects the registration's reason ("registration.reason_corrected"), open or ended. invalid_input (field
  // "reason") unless a code valid on the start date; conflict on a stale version; not_found.
  virtual std::expected<Registration, Error> correctRegistrationReason(const Actor& actor, std::int64_t id,
                                                                       std::int64_t expectedVersion,
                                                                       const std::string& reason) = 0;
  // Reopens an ended registration that was ended by mistake: the person's latest in its programme, with
  // no open one beside it ("registration.reopened", with `reason` in the event). conflict on a stale
  // version, for an open registration or one that is not the latest.
  virtual std::expected<Registration, Error> reopenRegistration(const Actor& actor, std::int64_t id,
                                                                std::int64_t expectedVersion,
                                                                const std::string& reason) = 0;
  // Oldest first.
  virtual std::expected<std::vector<Registration>, Error> registrationsOf(std::int64_t personId) = 0;
  // The registrations in `programme` closed by hand that are their person's latest (none open beside
  // them), with their persons; ordered by person id.
  virtual std::expected<std::vector<RegisteredPerson>, Error> handClosures(std::string_view programme) = 0;

  // The open registrations in `programme` of persons whose home municipality is `municipalityCode`, or of
  // everyone when it is empty; ordered by person id.
  virtual std::expected<std::vector<RegisteredPerson>, Error> openRegistrations(std::string_view programme,
                                                                                std::string_view municipalityCode) = 0;

  // Sets who is responsible for a registration; writes "registration.assigned". conflict on a stale
  // version, not_found for an unknown registration or caseworker.
  virtual std::expected<Registration, Error> assignRegistration(const Actor& actor, std::int64_t id,
                                                                std::int64_t expectedVersion,
                                                                std::optional<std::int64_t> caseworkerId,
                                                                const std::string& unit) = 0;
  virtual std::expected<Registration, Error> registration(std::int64_t id) = 0;

  // Case records. Writes "<kind>.created" / "<kind>.updated" events with the data before and after.
  virtual std::expected<CaseRecord, Error> createCaseRecord(const Actor& actor, std::string_view kind,
                                                            std::int64_t personId,
                                                            std::optional<std::int64_t> registrationId,
                                                            const std::string& data) = 0;
  // conflict when `expectedVersion` is stale; not_found for an unknown id.
  virtual std::expected<CaseRecord, Error> updateCaseRecord(const Actor& actor, std::int64_t id,
                                                            std::int64_t expectedVersion, const std::string& data) = 0;
  // Voids a record made by mistake ("<kind>.voided", with `reason`): it leaves every list, worklist and
  // count, and stays in the history. conflict when stale or voided already; not_found for an unknown id.
  virtual std::expected<CaseRecord, Error> voidCaseRecord(const Actor& actor, std::int64_t id,
                                                          std::int64_t expectedVersion, const std::string& reason) = 0;
  // Any record, voided or not.
  virtual std::expected<CaseRecord, Error> caseRecord(std::int64_t id) = 0;
  // A person's records of one kind (all kinds when empty) that are not voided, oldest first.
  virtual std::expected<std::vector<CaseRecord>, Error> caseRecordsOf(std::int64_t personId, std::string_view kind) = 0;

  // The municipality's settings (first_contact_days, contact_retry_days, occupation_stale_months, …).
  virtual std::expected<std::map<std::string, std::string>, Error> settings() = 0;
  // The settings' version: one for all of them, raised by every change (the API's ETag "settings/1/N").
  virtual std::expected<std::int64_t, Error> settingsVersion() = 0;
  // Changes known settings (key → value), all or nothing, under the rule of checkSettingChanges
  // (domain/settings.h): one "setting.changed" event with the values before and after of those that
  // differ, and the version raised by one; changing nothing changes nothing. Answers the version after.
  // invalid_input for the first unknown key or bad value; conflict when `expectedVersion` is given and
  // the version is another.
  virtual std::expected<std::int64_t, Error> changeSettings(const Actor& actor, const SettingValues& changes,
                                                            std::optional<std::int64_t> expectedVersion) = 0;
  // One setting (see changeSettings).
  std::expected<void, Error> changeSetting(const Actor& actor, const std::string& key, const std::string& value) {
    auto changed = changeSettings(actor, {{key, value}}, std::nullopt);
    if (!changed) return std::unexpected(changed.error());
    return {};
  }

  // A worklist over open KAA registrations, ordered by due date (overdue first). Names:
  // first_contact — no contact attempt yet; due first_contact_days after the registration started;
  // contact_retry — attempted but never reached; due contact_retry_days after the last attempt;
  // follow_up — a measure's follow-up or evaluation date within 7 days or past (measure not ended, and the
  //   plan records none of that kind held for it from a week before the date on; the detail is the
  //   measure's content);
  // occupation — occupation unknown, or last confirmed over occupation_stale_months ago; due then, but never
  //   before the registration started (an occupation from an earlier registration is not overdue at once);
  // measure_end_reason — a measure ended without an end reason;
  // plan_without_goals — the registration's plan has no goals;
  // registration_without_plan — no plan plan_missing_days after the registration started;
  // turning_20 — the person turns 20 within turning_20_days (or has, and the registration is still open),
  //   and no contact attempt (such as a letter) since turning_20_days before the birthday; due on the 20th
  //   birthday.
  // invalid_input for another name.
  virtual std::expected<std::vector<WorklistEntry>, Error> worklist(std::string_view name,
                                                                    const WorklistFilter& filter) = 0;
  // The worklist `name`'s lines counted per caseworker (the unassigned per unit), by the same rule as
  // worklist(): their counts add up to its length. Ordered by caseworker id (the unassigned first), unit.
  // invalid_input for another name.
  virtual std::expected<std::vector<WorklistCount>, Error> worklistCounts(std::string_view name,
                                                                          const WorklistFilter& filter) = 0;

  // How many open KAA registrations there are, per current occupation kind ("occupation": the latest
  // occupation record, or "unknown") or per unit ("unit": the unit's name, "" for intake); only those in
  // `caseload` when given. Ordered by key. invalid_input for another dimension.
  virtual std::expected<std::vector<std::pair<std::string, std::int64_t>>, Error> openRegistrationCounts(
      std::string_view dimension, const std::optional<Caseload>& caseload) = 0;

  // Identification runs: the ranAt, actor and id of `run` are set by the store.
  virtual std::expected<IdentificationRun, Error> recordIdentificationRun(const Actor& actor,
                                                                          const IdentificationRun& run) = 0;
  // The latest `limit` runs, newest first.
  virtual std::expected<std::vector<IdentificationRun>, Error> identificationRuns(int limit) = 0;

  // Appends one access-log entry, chained to the previous one by a BLAKE2b hash. Call it inside the
  // transaction that must not commit without it (the Writer's).
  virtual std::expected<void, Error> appendAccess(const AccessEntry& entry) = 0;
  // Retention (gallring): the persons whose every registration ended at least retention_months (a
  // setting, default 24) before `today`, by id. Persons with an open registration are never due.
  virtual std::expected<std::vector<RetentionCandidate>, Error> retentionCandidates(CivilDate today) = 0;
  // Runs retention in one transaction: for each of retentionCandidates(today), removes the identity,
  // contact details and the free text of their case records and events, keeping registrations, codes,
  // dates and the birth month ("person.deidentified"); such a person is not found afterwards. Logs the
  // run ("retention.run", with the count) and returns the persons it de-identified.
  virtual std::expected<std::vector<RetentionCandidate>, Error> applyRetention(const Actor& actor, CivilDate today) = 0;

  // Entries matching `query`, oldest first.
  virtual std::expected<std::vector<LoggedAccess>, Error> accessEntries(const AccessLogQuery& query) = 0;
  // Break-the-glass grants made from `from` to `to` (unix seconds, end exclusive), oldest first, with the
  // username of each grantee.
  virtual std::expected<std::vector<std::pair<AccessGrant, std::string>>, Error> accessGrants(std::int64_t from,
                                                                                              std::int64_t to) = 0;
  // Walks the whole access log and recomputes the chain: names the first entry that was edited, or that
  // follows a deleted, inserted or moved entry. With `expected` (an earlier head) also fails when the log
  // holds fewer entries than it counted, or another hash at that position.
  virtual std::expected<AccessLogCheck, Error> verifyAccessLog(const std::optional<AccessAnchor>& expected = {}) = 0;
  // The access log's head now.
  virtual std::expected<AccessAnchor, Error> accessLogHead() = 0;

  // The events about one person, oldest first.
  virtual std::expected<std::vector<Event>, Error> eventsOf(std::int64_t personId) = 0;
  // At most `limit` events about a person with an id above `afterId`, by id: the journal appended since an
  // earlier read, for folding it in steps (store/case_history.h).
  virtual std::expected<std::vector<Event>, Error> personEventsAfter(std::int64_t afterId, std::size_t limit) = 0;

  // A report's layout and code mapping as imported (e.g. "scb_half_year", report/half_year_layout.h),
  // none before the first import. Writes record an event ("report_layout.imported") with the whole text.
  virtual std::expected<std::optional<std::string>, Error> reportLayout(std::string_view name) = 0;
  virtual std::expected<void, Error> saveReportLayout(const Actor& actor, std::string_view name,
                                                      std::string_view content) = 0;

  // not_found for an unknown list name.
  virtual std::expected<CodeList, Error> codeList(std::string_view name) = 0;

  // Units. conflict when the name is taken; invalid_input for an empty name or one over 60 characters.
  virtual std::expected<void, Error> createUnit(const Actor& actor, const std::string& name) = 0;
  virtual std::expected<std::vector<std::string>, Error> units() = 0;
  // The kommunkoder of the municipalities whose register Lotsen keeps: those of the persons in it (not
  // de-identified), ordered.
  virtual std::expected<std::vector<std::string>, Error> municipalities() = 0;
  // Replaces the units a user works in ("user.units_changed", a new version). not_found for an unknown
  // user or unit.
  virtual std::expected<void, Error> setUserUnits(const Actor& actor, std::int64_t userId,
                                                  const std::vector<std::string>& units) = 0;

  // Grants or withdraws read_protected_address ("user.protected_address_allowed"/"…_withdrawn").
  virtual std::expected<void, Error> setProtectedAddressAccess(const Actor& actor, std::int64_t userId,
                                                               bool allowed) = 0;

  // Replaces the name and work phone a user is known by ("user.contact_changed", a new version); the caller
  // validates them (validateUserContact). not_found for an unknown user.
  virtual std::expected<void, Error> setUserContact(const Actor& actor, std::int64_t userId,
                                                    const std::string& fullName, const std::string& phone) = 0;

  // Break the glass: records a grant (not_found for an unknown person) and returns it.
  virtual std::expected<AccessGrant, Error> grantAccess(const AccessGrant& grant) = 0;
  // The user's latest grant for the person that is still valid at `now` (unix seconds), if any.
  virtual std::expected<std::optional<AccessGrant>, Error> activeGrant(std::int64_t userId, std::int64_t personId,
                                                                       std::int64_t now) = 0;
  // Ends, at `now`, the user's grants for the person that are still valid; returns how many it ended.
  virtual std::expected<int, Error> endGrants(std::int64_t userId, std::int64_t personId, std::int64_t now) = 0;

  // Users. conflict when the username is taken; not_found for an unknown unit. Writes "user.created".
  virtual std::expected<User, Error> createUser(const Actor& actor, const NewUser& user) = 0;
  virtual std::expected<std::optional<User>, Error> userByName(std::string_view username) = 0;
  virtual std::expected<std::optional<User>, Error> userById(std::int64_t id) = 0;
  // Replaces a user's roles, given canonically ("admin,caseworker"), with a new version
  // ("user.roles_changed"). not_found for an unknown user. The change holds from the user's next request.
  virtual std::expected<void, Error> setUserRoles(const Actor& actor, std::int64_t userId,
                                                  const std::string& roles) = 0;
  // Every user, by username.
  virtual std::expected<std::vector<User>, Error> users() = 0;
  // Replaces the password hash and ends every session of the user at once ("user.password_changed").
  virtual std::expected<void, Error> changePassword(const Actor& actor, std::int64_t userId,
                                                    const std::string& passwordHash) = 0;
  // Activates or deactivates a user; deactivation ends every session at once ("user.deactivated").
  virtual std::expected<void, Error> setUserActive(const Actor& actor, std::int64_t userId, bool active) = 0;
  // Notes a successful login (not journalled).
  virtual std::expected<void, Error> recordLogin(std::int64_t userId) = 0;

  // Sessions (not journalled: they are not case data).
  virtual std::expected<void, Error> createSession(const SessionRecord& session) = 0;
  // The session and its user, read together (one lookup per authenticated request).
  virtual std::expected<std::optional<std::pair<SessionRecord, User>>, Error> session(std::string_view tokenHash) = 0;
  virtual std::expected<void, Error> touchSession(std::string_view tokenHash, std::int64_t lastSeenAt) = 0;
  virtual std::expected<void, Error> deleteSession(std::string_view tokenHash) = 0;

  // The committee report's targets and analyses (domain/activity_measures.h). Not personal data.
  // The targets set for `year`, ordered by measure, each with its version.
  virtual std::expected<std::vector<MeasureTarget>, Error> measureTargets(int year) = 0;
  // Sets (or replaces) a target, under checkMeasureTarget (invalid_input for the first mistake): one
  // "activity_target.set" event with the value before (null when there was none) and after, and the
  // version raised by one; setting the value it has changes nothing. Answers the version after. conflict
  // when `expectedVersion` is given and the target's version (0: never set) is another.
  virtual std::expected<std::int64_t, Error> setMeasureTarget(const Actor& actor, const MeasureTarget& target,
                                                              std::optional<std::int64_t> expectedVersion) = 0;
  // The analyses written for `month` ("YYYY-MM"), ordered by measure, each with its version (a removed one
  // is there with an empty text).
  virtual std::expected<std::vector<MeasureAnalysis>, Error> measureAnalyses(std::string_view month) = 0;
  // Sets (or, with an empty text, removes) an analysis, under checkMeasureAnalysis: one
  // "activity_analysis.set" event with the text before and after; the same text changes nothing. Answers
  // the version after; conflict as for setMeasureTarget.
  virtual std::expected<std::int64_t, Error> setMeasureAnalysis(const Actor& actor, const MeasureAnalysis& analysis,
                                                                std::optional<std::int64_t> expectedVersion) = 0;
};

struct StoreOptions {
  // The clock used for event times. Default: the system clock.
  std::function<std::chrono::system_clock::time_point()> clock;
  // Test hook: called inside a write's transaction after the current-state rows are written and before
  // the event is; an error returned here must roll the whole write back.
  std::function<std::expected<void, Error>(std::string_view eventType)> beforeEventForTesting;
};

// Opens the store at `location`: a file path for SQLite. The file is created if missing; the schema is
// not migrated (call migrate()). Errors: internal when the database cannot be opened.
std::expected<std::unique_ptr<Store>, Error> openStore(const std::string& location, StoreOptions options = {});

// Copies a live SQLite database to `destination` consistently while others keep using it.
std::expected<void, Error> backupDatabase(const std::string& location, const std::string& destination);

}  // namespace lotsen
