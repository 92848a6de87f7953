// Lotsen identify: who is in the KAA target group on a date, compared with the register, and the
// registrations and deregistrations that follow (each one event), all in one transaction.
#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "identify/registers.h"
#include "store/store.h"

namespace lotsen {

// A run's options: identify/options.h reads them alike from the CLI and the API.
struct IdentifyOptions {
  CivilDate date;
  std::string municipality;  // 4-digit kommunkod, or "all" for every municipality in the extract
  bool dryRun = false;
  TargetGroupRules rules;
  TextEncoding encoding = TextEncoding::utf8;  // of the register files
  // Write even when the run ends more than large_change_percent (a setting) of a municipality's open
  // registrations; without it such a run is refused (a dry run reports it).
  bool confirmLargeChange = false;
};

struct IdentificationChange {
  std::int64_t personalId = 0;  // PersonalId::number()
  std::string firstName;
  std::string lastName;
  enum class Kind { registered, deregistered, closure_respected, confirmed, awaiting, reason_contradicted };
  // closure_respected: in the target group, but closed by hand and kept so; confirmed: registered by hand
  // and now found in the target group; awaiting: registered by hand, and the registers know nothing yet;
  // reason_contradicted: registered, and the registers now give another reason (`reason`) for its start
  Kind change = Kind::registered;
  std::string reason;
  bool protectedIdentity = false;
  std::string otherMunicipality;         // a registration ended in another municipality's register (moved here)
  std::optional<std::int64_t> personId;  // the person's id when the names come from the register (a read)
  CivilDate date;                        // a registration's start; the day a deregistration is dated
  bool byHand = false;                   // the registration was made by hand, before the registers showed it
};

struct MunicipalityResult {
  std::string municipality;
  std::size_t targetGroup = 0;
  std::map<std::string, std::size_t> registeredByReason;
  std::map<std::string, std::size_t> deregisteredByReason;
  std::size_t unchanged = 0;
  std::size_t detailsUpdated = 0;       // names, addresses or protection markers changed
  std::size_t occupationsRecorded = 0;  // studies seen in the enrolment register
  std::size_t openBefore = 0;           // open registrations before the run
  std::size_t closuresRespected = 0;    // in the group, but closed by hand with nothing new since
  // Registrations made by hand that the registers now confirm, end (counted in deregisteredByReason too),
  // or do not know yet (the person is in no population register of the run).
  std::size_t byHandConfirmed = 0;
  std::size_t byHandEnded = 0;
  std::size_t byHandAwaiting = 0;
  // Open registrations whose reason the registers contradict (each also listed as a change), on every run
  // while it remains.
  std::size_t reasonsContradicted = 0;
  // Registrations in other municipalities' registers that the run ends, by kommunkod: their persons are
  // registered here now (a regional host holds several registers).
  std::map<std::string, std::size_t> endedElsewhere;
  bool largeChange = false;  // the run ends more than large_change_percent of them
  std::vector<IdentificationChange> changes;
};

// A run that ends fewer registrations than this is never a large change, whatever the share.
inline constexpr std::size_t kLargeChangeFloor = 5;

struct IdentificationResult {
  CivilDate date;
  std::string municipality;
  bool dryRun = false;
  std::vector<MunicipalityResult> municipalities;  // ordered by kommunkod
  std::optional<std::int64_t> runId;               // the recorded run (none for a dry run)

  MunicipalityResult total() const;  // the sum over municipalities (no changes list)
};

// One member of the target group: the population row and the decision's reason.
struct TargetGroupMember {
  std::uint32_t row;
  std::string_view reason;
  std::optional<SchoolType> studies;
};

// Everyone registered (folkbokförd) in `municipality` (all when none) on `date` who is in the target
// group, in personal-id order. Uses every core.
std::vector<TargetGroupMember> findTargetGroup(const Registers& registers, CivilDate date,
                                               std::optional<std::uint16_t> municipality,
                                               const TargetGroupRules& rules = {});

// Compares the target group with the open KAA registrations of the municipality (or of all), then, unless
// dry-run, registers the new, deregisters the leavers, updates identity and address data, records
// studies seen in the enrolment register and records the run — all in one transaction. Running it again
// on the same inputs changes no registration. A registration closed by hand stands: its person is not
// registered again until the registers show something new after the closure (registersShowNewSince);
// the run counts and lists the closures it respected. A registration made by hand stands while the
// person is in no population register of the run; once they are, the registers decide: it is confirmed
// (in the target group) or ended with their reason, and the run lists which. A run that would end more than
// large_change_percent (a setting) of a municipality's open registrations — its own leavers, or persons now registered
// in another municipality of the run — and at least kLargeChangeFloor, is a large change: written only with
// confirmLargeChange (a dry run marks it). Errors: invalid_input for a bad municipality code, a date before an open
// registration's start, or an unconfirmed large change; otherwise the store's errors, with nothing written.
std::expected<IdentificationResult, Error> identify(Store& store, const Registers& registers,
                                                    const IdentifyOptions& options, const Actor& actor);

// The summary as one JSON object: {"date", "municipality", "target_group", "registered": {"total",
// "by_reason"}, "deregistered": {…}, "unchanged", "dry_run"}; for "all" also "municipalities": [...].
// With `withChanges` each municipality object lists its changes (personal data: for the API only). With
// `labels` (answers, not the stored run) each reason code comes with its Swedish label: "labels" beside
// registered's and deregistered's by_reason, "reason_label" in each change.
std::string summaryJson(const IdentificationResult& result, bool withChanges = false,
                        const CodeLabels* labels = nullptr);

}  // namespace lotsen
