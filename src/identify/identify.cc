#include "identify/identify.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <thread>
#include <unordered_map>

#include "domain/text.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

namespace json = boost::json;

template <class Facts>
std::span<const Facts> factsOf(const std::vector<std::int64_t>& ids, const std::vector<Facts>& facts, std::int64_t id) {
  auto [first, last] = std::equal_range(ids.begin(), ids.end(), id);
  return std::span<const Facts>(facts.data() + (first - ids.begin()), static_cast<std::size_t>(last - first));
}

PersonFacts personFacts(const Registers& r, const PopulationRow& row) {
  return PersonFacts{true, true, row.birthDate, factsOf(r.enrolments.ids, r.enrolments.facts, row.id),
                     factsOf(r.completions.ids, r.completions.facts, row.id)};
}

TargetGroupDecision decideRow(const Registers& r, const PopulationRow& row, CivilDate date,
                              const TargetGroupRules& rules) {
  return decideTargetGroup(personFacts(r, row), date, rules);
}

std::string studiesDetail(SchoolType type) { return type == SchoolType::FHS ? "folkhogskola" : "komvux"; }

bool sameDetails(const PersonDetails& a, const PersonDetails& b) {
  return a.personalId == b.personalId && a.firstName == b.firstName && a.lastName == b.lastName &&
         a.streetAddress == b.streetAddress && a.postalCode == b.postalCode && a.city == b.city &&
         a.municipalityCode == b.municipalityCode && a.protection == b.protection;
}

std::expected<std::uint16_t, Error> municipalityCode(std::string_view text) {
  if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::unexpected(invalidInput(
        fmt::format("a municipality is a 4-digit kommunkod or 'all', not '{}'", echoed(text, 20)), "municipality"));
  return static_cast<std::uint16_t>(std::stoi(std::string(text)));
}

// Open registrations by personal id (PersonalId::number()).
using RegisteredById = std::unordered_map<std::int64_t, const RegisteredPerson*>;

// Plans (and, unless dry-run, applies) one municipality. `elsewhere`: the open registrations in the
// registers of municipalities this run does not cover (a regional host), which a new member's
// registration here ends. `handClosed`: the latest registrations closed by hand, which stand.
std::expected<MunicipalityResult, Error> identifyMunicipality(
    Store& store, const Registers& registers, std::uint16_t code, std::span<const TargetGroupMember> members,
    std::span<const RegisteredPerson> current, const RegisteredById& elsewhere, const RegisteredById& handClosed,
    const IdentifyOptions& options, const Actor& actor) {
  const Population& population = registers.population;
  MunicipalityResult result;
  result.municipality = fmt::format("{:04}", code);
  result.targetGroup = members.size();

  std::unordered_map<std::int64_t, std::size_t> memberById;
  memberById.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) memberById.emplace(population.rows[members[i].row].id, i);
  std::vector<const RegisteredPerson*> registeredMember(members.size(), nullptr);

  for (const RegisteredPerson& entry : current) {
    if (entry.registration.startDate > options.date)
      return std::unexpected(invalidInput(
          fmt::format(
              "the register of {} has a registration that starts {}, after {}: identification runs forward only",
              result.municipality, entry.registration.startDate.iso(), options.date.iso()),
          "date"));
    std::int64_t id = entry.person.details.personalId.number();
    const bool awaiting = entry.registration.awaitingRegisters;
    auto change = [&](IdentificationChange::Kind kind, std::string reason, CivilDate date) {
      const PersonDetails& d = entry.person.details;
      result.changes.push_back({id, d.firstName, d.lastName, kind, std::move(reason), d.protection != Protection::none,
                                "", entry.person.id, date, awaiting});
    };
    if (auto it = memberById.find(id); it != memberById.end()) {
      registeredMember[it->second] = &entry;
      ++result.unchanged;
      const Registration& r = entry.registration;
      if (awaiting) {
        ++result.byHandConfirmed;
        change(IdentificationChange::Kind::confirmed, r.reason, r.startDate);
        if (!options.dryRun)
          if (auto ok = store.confirmByRegisters(actor, r.id); !ok) return std::unexpected(ok.error());
      }
      const TargetGroupMember& member = members[it->second];
      std::string_view registersReason = registersReasonFor(personFacts(registers, population.rows[member.row]),
                                                            r.startDate, member.reason, options.rules);
      // Listed on every run while it remains: the half-year file waits for each.
      if (registersReason != r.reason) {
        ++result.reasonsContradicted;
        change(IdentificationChange::Kind::reason_contradicted, std::string(registersReason), r.startDate);
      }
      if (registersReason != r.registersReason && !options.dryRun)
        if (auto ok = store.noteRegistersReason(actor, r.id, std::string(registersReason)); !ok)
          return std::unexpected(ok.error());
      continue;
    }
    const PopulationRow* row = population.find(id);
    // Registered by hand before the registers show it: not yet folkbokförd, or (like a closure by hand) a
    // young person under 20 in the municipality about whom the registers show nothing new since the
    // registration started, such as a dropout the enrolment register does not show yet. It stands.
    if (awaiting &&
        (!row ||
         (row->municipality == code && decideRow(registers, *row, options.date, options.rules).reason != "turned_20" &&
          !registersShowNewSince(personFacts(registers, *row), row->registeredSince, entry.registration.startDate)))) {
      ++result.byHandAwaiting;
      ++result.unchanged;
      change(IdentificationChange::Kind::awaiting, entry.registration.reason, entry.registration.startDate);
      continue;
    }
    // Why the person leaves, and since when: the registers date the fact, not the run that noticed it.
    std::string reason;
    std::optional<CivilDate> since;
    if (!row) {
      reason = "left_population_register";
    } else if (row->municipality != code) {
      reason = "moved_out";
      since = row->registeredSince;
    } else {
      TargetGroupDecision decision = decideRow(registers, *row, options.date, options.rules);
      reason = decision.reason;
      since = decision.since;
    }
    if (reason == "too_young") reason = "other";  // registered by hand before the age scope
    CivilDate endDate = deregistrationDate(since, entry.registration.startDate, options.date);
    ++result.deregisteredByReason[reason];
    result.byHandEnded += awaiting;
    change(IdentificationChange::Kind::deregistered, reason, endDate);
    if (!options.dryRun) {
      auto ended = store.endRegistration(actor, entry.registration.id, entry.registration.version, endDate, reason,
                                         EndedBy::registers);
      if (!ended) return std::unexpected(ended.error());
    }
  }

  for (std::size_t i = 0; i < members.size(); ++i) {
    const TargetGroupMember& member = members[i];
    const PopulationRow& row = population.rows[member.row];
    const bool isNew = registeredMember[i] == nullptr;
    // A closure by hand stands until the registers show something new about the person after it.
    if (auto closed = handClosed.find(row.id); isNew && closed != handClosed.end()) {
      const Registration& c = closed->second->registration;
      if (!registersShowNewSince(personFacts(registers, row), row.registeredSince, *c.endDate)) {
        ++result.closuresRespected;
        const PersonDetails& d = closed->second->person.details;
        result.changes.push_back({row.id, d.firstName, d.lastName, IdentificationChange::Kind::closure_respected,
                                  c.endReason.value_or(""), d.protection != Protection::none, "",
                                  closed->second->person.id, *c.endDate});
        continue;
      }
    }
    if (isNew) ++result.registeredByReason[std::string(member.reason)];
    // Registered in another municipality's register until now: that registration ends (moved out).
    const RegisteredPerson* before = nullptr;
    if (auto it = elsewhere.find(row.id); isNew && it != elsewhere.end()) {
      before = it->second;
      const PersonDetails& d = before->person.details;
      ++result.endedElsewhere[d.municipalityCode];
      result.changes.push_back({row.id, d.firstName, d.lastName, IdentificationChange::Kind::deregistered, "moved_out",
                                d.protection != Protection::none, d.municipalityCode, before->person.id,
                                deregistrationDate(row.registeredSince, before->registration.startDate, options.date)});
    }
    if (options.dryRun) {
      if (isNew) {
        PersonDetails d = population.details(row);
        result.changes.push_back({row.id, d.firstName, d.lastName, IdentificationChange::Kind::registered,
                                  std::string(member.reason), row.protection != Protection::none, "", std::nullopt,
                                  options.date});
      }
      continue;
    }
    PersonDetails details = population.details(row);
    std::optional<Person> person;
    if (registeredMember[i]) {
      person = registeredMember[i]->person;
    } else {
      auto existing = store.personByPersonalId(details.personalId);
      if (!existing) return std::unexpected(existing.error());
      person = *existing;
    }
    if (!person) {
      auto created = store.createPerson(actor, details);
      if (!created) return std::unexpected(created.error());
      person = *created;
    } else if (!sameDetails(person->details, details)) {
      auto updated = store.updatePerson(actor, person->id, person->version, details);
      if (!updated) return std::unexpected(updated.error());
      ++result.detailsUpdated;
    }
    if (isNew) {
      if (before) {
        const Registration& r = before->registration;
        auto ended = store.endRegistration(actor, r.id, r.version,
                                           deregistrationDate(row.registeredSince, r.startDate, options.date),
                                           "moved_out", EndedBy::registers);
        if (!ended) return std::unexpected(ended.error());
      }
      result.changes.push_back({row.id, details.firstName, details.lastName, IdentificationChange::Kind::registered,
                                std::string(member.reason), row.protection != Protection::none, "", std::nullopt,
                                options.date});
      auto registration = store.createRegistration(actor, {person->id, std::string(kProgrammeKaa), options.date,
                                                           std::string(member.reason), "", std::string(member.reason)});
      if (!registration) return std::unexpected(registration.error());
    }
    if (member.studies) {
      std::string detail = studiesDetail(*member.studies);
      auto occupation = occupationOf(store, person->id);
      if (!occupation) return std::unexpected(occupation.error());
      const auto& latest = occupation->current;
      if (!latest || latest->kind != "studies" || latest->detail != detail) {
        auto recorded = store.createCaseRecord(
            actor, kOccupationKind, person->id, std::nullopt,
            toJson(OccupationEntry{options.date, "studies", detail, "enrolment_register", false}));
        if (!recorded) return std::unexpected(recorded.error());
        ++result.occupationsRecorded;
      }
    }
  }
  return result;
}

std::string_view changeName(IdentificationChange::Kind kind) {
  switch (kind) {
    case IdentificationChange::Kind::registered:
      return "registered";
    case IdentificationChange::Kind::deregistered:
      return "deregistered";
    case IdentificationChange::Kind::closure_respected:
      return "closure_respected";
    case IdentificationChange::Kind::confirmed:
      return "confirmed";
    case IdentificationChange::Kind::awaiting:
      return "awaiting";
    case IdentificationChange::Kind::reason_contradicted:
      return "reason_contradicted";
  }
  return "";
}

json::object countsJson(const MunicipalityResult& m, CivilDate date, bool dryRun, bool withChanges,
                        const CodeLabels* labels) {
  auto group = [labels](const std::map<std::string, std::size_t>& byReason, std::string_view list) {
    json::object reasons, named;
    std::size_t total = 0;
    for (const auto& [reason, n] : byReason) {
      reasons[reason] = n;
      if (labels) named[reason] = labels->label(list, reason);
      total += n;
    }
    json::object counts{{"total", total}, {"by_reason", std::move(reasons)}};
    if (labels) counts["labels"] = std::move(named);
    return counts;
  };
  json::object o{
      {"date", date.iso()},
      {"municipality", m.municipality},
      {"target_group", m.targetGroup},
      {"registered", group(m.registeredByReason, "registration_reason")},
      {"deregistered", group(m.deregisteredByReason, "deregistration_reason")},
      {"unchanged", m.unchanged},
      {"open_before", m.openBefore},
      {"closures_respected", m.closuresRespected},
      {"by_hand",
       json::object{{"confirmed", m.byHandConfirmed}, {"ended", m.byHandEnded}, {"awaiting", m.byHandAwaiting}}},
      {"reasons_contradicted", m.reasonsContradicted},
      {"ended_elsewhere", json::value_from(m.endedElsewhere)},
      {"large_change", m.largeChange},
      {"dry_run", dryRun}};
  if (withChanges) {
    json::array changes;
    for (const IdentificationChange& c : m.changes) {
      changes.push_back(json::object{{"personal_id", PersonalId::fromNumber(c.personalId).canonical()},
                                     {"first_name", c.firstName},
                                     {"last_name", c.lastName},
                                     {"protected", c.protectedIdentity},
                                     {"change", changeName(c.change)},
                                     {"reason", c.reason},
                                     {"date", c.date.iso()},
                                     {"by_hand", c.byHand}});
      if (!c.otherMunicipality.empty()) changes.back().as_object()["municipality"] = c.otherMunicipality;
      if (labels) {
        const bool registration = c.change == IdentificationChange::Kind::registered ||
                                  c.change == IdentificationChange::Kind::confirmed ||
                                  c.change == IdentificationChange::Kind::awaiting ||
                                  c.change == IdentificationChange::Kind::reason_contradicted;
        changes.back().as_object()["reason_label"] =
            labels->label(registration ? "registration_reason" : "deregistration_reason", c.reason);
      }
    }
    o["changes"] = std::move(changes);
  }
  return o;
}

}  // namespace

MunicipalityResult IdentificationResult::total() const {
  MunicipalityResult sum;
  sum.municipality = municipality;
  for (const MunicipalityResult& m : municipalities) {
    sum.targetGroup += m.targetGroup;
    sum.unchanged += m.unchanged;
    sum.detailsUpdated += m.detailsUpdated;
    sum.occupationsRecorded += m.occupationsRecorded;
    sum.openBefore += m.openBefore;
    sum.closuresRespected += m.closuresRespected;
    sum.byHandConfirmed += m.byHandConfirmed;
    sum.byHandEnded += m.byHandEnded;
    sum.byHandAwaiting += m.byHandAwaiting;
    sum.reasonsContradicted += m.reasonsContradicted;
    for (const auto& [other, n] : m.endedElsewhere) sum.endedElsewhere[other] += n;
    sum.largeChange = sum.largeChange || m.largeChange;
    for (const auto& [reason, n] : m.registeredByReason) sum.registeredByReason[reason] += n;
    for (const auto& [reason, n] : m.deregisteredByReason) sum.deregisteredByReason[reason] += n;
  }
  return sum;
}

std::vector<TargetGroupMember> findTargetGroup(const Registers& registers, CivilDate date,
                                               std::optional<std::uint16_t> municipality,
                                               const TargetGroupRules& rules) {
  const auto& rows = registers.population.rows;
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  const std::size_t parts = rows.size() < 100'000 ? 1 : threads;
  std::vector<std::vector<TargetGroupMember>> found(parts);
  // Most of the population is outside the age scope: a window of birth dates that holds it (1 July of
  // the year turning 16 makes the latest birth exact; the 20th birthday is checked inside the window).
  const CivilDate latestBirth = *CivilDate::fromParts(date.year() - (date.month() >= 7 ? 16 : 17), 12, 31);
  const CivilDate earliestBirth = *CivilDate::fromParts(date.year() - 21, 1, 1);
  auto work = [&](std::size_t part) {
    std::size_t begin = rows.size() * part / parts, end = rows.size() * (part + 1) / parts;
    for (std::size_t i = begin; i < end; ++i) {
      const PopulationRow& row = rows[i];
      if (row.birthDate > latestBirth || row.birthDate < earliestBirth) continue;
      if (municipality && row.municipality != *municipality) continue;
      if (date < ageScopeStart(row.birthDate) || date >= ageScopeEnd(row.birthDate)) continue;
      TargetGroupDecision d = decideRow(registers, row, date, rules);
      if (d.inGroup) found[part].push_back({static_cast<std::uint32_t>(i), d.reason, d.studies});
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t p = 1; p < parts; ++p) workers.emplace_back(work, p);
  work(0);
  for (auto& w : workers) w.join();
  std::vector<TargetGroupMember> members;
  for (auto& part : found) members.insert(members.end(), part.begin(), part.end());
  return members;
}

std::expected<IdentificationResult, Error> identify(Store& store, const Registers& registers,
                                                    const IdentifyOptions& options, const Actor& actor) {
  std::optional<std::uint16_t> only;
  if (options.municipality != "all") {
    auto code = municipalityCode(options.municipality);
    if (!code) return std::unexpected(code.error());
    only = *code;
  }
  std::vector<TargetGroupMember> members = findTargetGroup(registers, options.date, only, options.rules);

  // Group the members and the current register by municipality.
  std::map<std::uint16_t, std::vector<TargetGroupMember>> membersByMunicipality;
  for (const TargetGroupMember& m : members)
    membersByMunicipality[registers.population.rows[m.row].municipality].push_back(m);

  IdentificationResult result{options.date, options.municipality, options.dryRun, {}, std::nullopt};
  auto run = [&]() -> std::expected<void, Error> {
    auto settings = store.settings();
    if (!settings) return std::unexpected(settings.error());
    std::size_t largePercent = 10;
    if (auto it = settings->find("large_change_percent"); it != settings->end())
      largePercent = static_cast<std::size_t>(std::stoi(it->second));
    // Every open registration: those of the municipalities the run covers are compared with the target
    // group; the others may end because their person is now registered here.
    auto current = store.openRegistrations(kProgrammeKaa, "");
    if (!current) return std::unexpected(current.error());
    std::map<std::uint16_t, std::vector<RegisteredPerson>> registeredByMunicipality;
    std::vector<RegisteredPerson> outside;
    std::map<std::string, std::size_t> openByMunicipality;
    for (RegisteredPerson& entry : *current) {
      ++openByMunicipality[entry.person.details.municipalityCode];
      auto code = municipalityCode(entry.person.details.municipalityCode);
      if (code && (!only || *code == *only))
        registeredByMunicipality[*code].push_back(std::move(entry));
      else
        outside.push_back(std::move(entry));
    }
    RegisteredById elsewhere;
    for (const RegisteredPerson& entry : outside) elsewhere.emplace(entry.person.details.personalId.number(), &entry);
    auto closedByHand = store.handClosures(kProgrammeKaa);
    if (!closedByHand) return std::unexpected(closedByHand.error());
    RegisteredById handClosed;
    for (const RegisteredPerson& entry : *closedByHand)
      handClosed.emplace(entry.person.details.personalId.number(), &entry);
    std::vector<std::uint16_t> codes;
    if (only) codes.push_back(*only);
    for (const auto& [code, list] : membersByMunicipality)
      if (!only) codes.push_back(code);
    for (const auto& [code, list] : registeredByMunicipality)
      if (!only) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (std::uint16_t code : codes) {
      auto done = identifyMunicipality(store, registers, code, membersByMunicipality[code],
                                       registeredByMunicipality[code], elsewhere, handClosed, options, actor);
      if (!done) return std::unexpected(done.error());
      done->openBefore = registeredByMunicipality[code].size();
      result.municipalities.push_back(std::move(*done));
    }
    // What the run ends in each municipality's register: its own leavers, and those now registered in
    // another municipality of the run.
    std::map<std::string, std::size_t> ending;
    for (const MunicipalityResult& m : result.municipalities) {
      for (const auto& [reason, n] : m.deregisteredByReason) ending[m.municipality] += n;
      for (const auto& [other, n] : m.endedElsewhere) ending[other] += n;
    }
    for (const auto& [municipality, ended] : ending) {
      std::size_t open = openByMunicipality[municipality];
      if (ended < kLargeChangeFloor || ended * 100 <= open * largePercent) continue;
      for (MunicipalityResult& m : result.municipalities)
        if (m.municipality == municipality || m.endedElsewhere.contains(municipality)) m.largeChange = true;
      if (!options.dryRun && !options.confirmLargeChange)
        return std::unexpected(invalidInput(
            fmt::format("the run would end {} of the {} open registrations of {} ({} %), more than "
                        "large_change_percent ({} %): check that the extracts are whole, or confirm the change "
                        "(--confirm-large-change, in the API the field confirm_large_change); nothing was saved",
                        ended, open, municipality, ended * 100 / open, largePercent),
            "confirm_large_change"));
    }
    if (options.dryRun) return {};
    json::array files;
    static constexpr std::string_view kRoles[] = {"population", "enrolments", "completions"};
    for (std::size_t i = 0; i < registers.files.size(); ++i)
      files.push_back(json::object{{"role", kRoles[i]},
                                   {"name", registers.files[i]->name()},
                                   {"sha256", registers.files[i]->sha256()},
                                   {"bytes", registers.files[i]->text().size()}});
    auto recorded = store.recordIdentificationRun(
        actor,
        IdentificationRun{0, "", "", options.date, options.municipality, json::serialize(files), summaryJson(result)});
    if (!recorded) return std::unexpected(recorded.error());
    result.runId = recorded->id;
    return {};
  };
  auto done = options.dryRun ? store.readSnapshot(run) : store.transaction(run);
  if (!done) return std::unexpected(done.error());
  return result;
}

std::string summaryJson(const IdentificationResult& result, bool withChanges, const CodeLabels* labels) {
  json::object o;
  if (result.municipality != "all" && result.municipalities.size() == 1) {
    o = countsJson(result.municipalities[0], result.date, result.dryRun, withChanges, labels);
    if (result.runId) o["id"] = *result.runId;
    return json::serialize(o);
  }
  o = countsJson(result.total(), result.date, result.dryRun, false, labels);
  if (result.runId) o["id"] = *result.runId;
  json::array each;
  for (const MunicipalityResult& m : result.municipalities) {
    json::object one = countsJson(m, result.date, result.dryRun, withChanges, labels);
    one.erase("date");
    one.erase("dry_run");
    each.push_back(std::move(one));
  }
  o["municipalities"] = std::move(each);
  return json::serialize(o);
}

}  // namespace lotsen
