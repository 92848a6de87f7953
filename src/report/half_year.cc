#include "report/half_year.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <ranges>
#include <set>
#include <span>
#include <tuple>

#include "domain/parallel.h"
#include "domain/target_group.h"

namespace lotsen {

namespace {

// What one record is about: the case (and its personnummer's twelve digits, as SCB reads them), and the contact
// (and whether the person was in a measure on its day) or the measure of the record if any.
struct Subject {
  const HalfYearCase& c;
  std::string_view digits;
  const ContactFacts* contact = nullptr;
  bool inMeasure = false;
  const MeasureFacts* measure = nullptr;
};

bool inMeasureOn(const HalfYearCase& c, CivilDate day) {
  return std::ranges::any_of(c.measures, [&](const MeasureFacts& m) {
    return m.start && *m.start <= day && (!m.end || day <= *m.end) && !m.declined;
  });
}

// One case as filed: what the file's order and the check for duplicates read of it, and where what it gave lies in
// its builder (its records of each block, then its problems).
struct FiledCase {
  std::int64_t digits = 0;  // the personnummer's twelve digits
  std::string personalId;
  std::int64_t personId = 0, registrationId = 0;
  CivilDate startDate;
  std::optional<CivilDate> endDate;
  std::size_t builder = 0;
  std::array<std::size_t, kHalfYearBlocks.size() + 1> begin{}, end{};
};

class FileBuilder {
 public:
  FileBuilder(HalfYear period, const HalfYearLayout& layout)
      : layout_(layout), year_(std::to_string(period.year())), half_(std::to_string(period.half())) {
    // Resolved from their names once per file rather than once per value; parseHalfYearLayout let only known
    // names through.
    for (const auto& [block, blockLayout] : layout.blocks) {
      recordTypes_[static_cast<std::size_t>(block)] = blockLayout.recordType;
      for (const std::string& name : blockLayout.fields)
        if (auto field = halfYearField(name)) fields_[static_cast<std::size_t>(block)].push_back(*field);
    }
  }

  void add(HalfYearBlock block, const Subject& s) {
    const std::vector<HalfYearField>& fields = fields_[static_cast<std::size_t>(block)];
    HalfYearRecord record{block, s.c.registration.personId, {}};
    record.joined.reserve(kRecordCapacity);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) record.joined += kHalfYearValueSeparator;
      DateBuffer buffer;
      record.joined += value(block, fields[i], s, buffer);
    }
    records_[static_cast<std::size_t>(block)].push_back(std::move(record));
  }

  void problem(const HalfYearCase& c, std::string check, std::string message, bool blocking = true) {
    problems_.push_back(
        HalfYearProblem{c.registration.personId, c.registration.id, std::move(check), std::move(message), blocking});
  }

  // How much each block and the problems hold: a case's part begins at one such mark and ends at the next.
  std::array<std::size_t, kHalfYearBlocks.size() + 1> mark() const {
    std::array<std::size_t, kHalfYearBlocks.size() + 1> sizes{};
    for (std::size_t b = 0; b < records_.size(); ++b) sizes[b] = records_[b].size();
    sizes.back() = problems_.size();
    return sizes;
  }

  // Moves the records of `block` (an index of kHalfYearBlocks) in [begin, end) to `out` on. Threads may move
  // different records at once.
  void moveRecords(std::size_t block, std::size_t begin, std::size_t end, std::vector<HalfYearRecord>::iterator out) {
    std::move(records_[block].begin() + static_cast<std::ptrdiff_t>(begin),
              records_[block].begin() + static_cast<std::ptrdiff_t>(end), out);
  }
  // Moves the problems in [begin, end) to `out`.
  void moveProblems(std::size_t begin, std::size_t end, std::vector<HalfYearProblem>& out) {
    std::move(problems_.begin() + static_cast<std::ptrdiff_t>(begin),
              problems_.begin() + static_cast<std::ptrdiff_t>(end), std::back_inserter(out));
  }

 private:
  // Room for a record's values (most are shorter): its string allocated once.
  static constexpr std::size_t kRecordCapacity = 80;
  using DateBuffer = std::array<char, 10>;

  // `d` as the layout writes dates, in `buffer`; empty for none.
  std::string_view date(const std::optional<CivilDate>& d, DateBuffer& buffer) const {
    if (!d) return {};
    char* at = buffer.data();
    auto digits = [&](int value, int width) {
      for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
      at += width;
    };
    digits(d->year(), 4);
    if (!layout_.compactDates) *at++ = '-';
    digits(d->month(), 2);
    if (!layout_.compactDates) *at++ = '-';
    digits(d->day(), 2);
    return {buffer.data(), at};
  }

  // SCB's code for `code` (an interned code or a literal: its text never moves) in `list`; a problem (once per list
  // and code and person) and an empty value without one. Each code is looked up in the layout once per builder, as
  // looking up every value was a tenth of filing (bench/report.sh).
  std::string_view code(const HalfYearCase& c, std::string_view list, std::string_view code) {
    std::optional<std::string_view> scb;
    auto known = std::ranges::find_if(codes_, [&](const KnownCode& k) {
      return k.code.data() == code.data() && k.code.size() == code.size() && k.list.data() == list.data();
    });
    if (known != codes_.end())
      scb = known->scb;
    else
      codes_.push_back({list, code, scb = layout_.scbCode(list, code)});
    if (scb) return *scb;
    if (unmapped_.emplace(c.registration.personId, std::string(list), std::string(code)).second)
      problem(c, "unmapped_code",
              fmt::format("the code '{}' of the list {} has no SCB code in the imported layout", code, list));
    return "";
  }

  // The value of `field` in a record of `block` about `s` (a date written in `buffer`).
  std::string_view value(HalfYearBlock block, HalfYearField field, const Subject& s, DateBuffer& buffer) {
    using enum HalfYearField;
    const RegistrationFacts& r = s.c.registration;
    switch (field) {
      case record_type:
        return recordTypes_[static_cast<std::size_t>(block)];
      case municipality:
        return layout_.municipality;
      case year:
        return year_;
      case half:
        return half_;
      case personal_id:
        return s.digits;
      case registration_date:
        return date(r.startDate, buffer);
      case registration_reason:
        return code(s.c, "registration_reason", r.reason);
      case registration_end:
        return date(r.endDate, buffer);
      case deregistration_reason:
        return code(s.c, "deregistration_reason", r.endReason.value_or(InternedCode()));
      case contact_date:
        return s.contact ? date(s.contact->date, buffer) : "";
      case in_measure:
        return s.contact ? code(s.c, "in_measure", s.inMeasure ? "yes" : "no") : "";
      case occupation: {
        if (!s.contact) return "";
        const ContactFacts& a = *s.contact;
        std::string_view kind = a.occupation;
        if (kind.empty())
          if (const OccupationFacts* known = occupationOn(s.c.occupations, a.date)) kind = known->kind;
        if (kind.empty()) kind = "unknown";
        bool byMeasure = s.inMeasure && layout_.codes.contains("occupation_in_measure");
        return code(s.c, byMeasure ? "occupation_in_measure" : "occupation", kind);
      }
      case measure_type:
        return s.measure ? code(s.c, "measure_type", s.measure->type) : "";
      case measure_start:
        return s.measure ? date(s.measure->start, buffer) : "";
      case measure_end:
        return s.measure ? date(s.measure->end, buffer) : "";
      case measure_end_reason:
        return s.measure ? code(s.c, "measure_end_reason", s.measure->endReason) : "";
    }
    return "";
  }

  const HalfYearLayout& layout_;
  std::string year_, half_;
  std::array<std::string, kHalfYearBlocks.size()> recordTypes_;
  std::array<std::vector<HalfYearField>, kHalfYearBlocks.size()> fields_;
  std::array<std::vector<HalfYearRecord>, kHalfYearBlocks.size()> records_;  // by block, each in the order added
  std::vector<HalfYearProblem> problems_;
  std::set<std::tuple<std::int64_t, std::string, std::string>> unmapped_;
  struct KnownCode {
    std::string_view list, code;
    std::optional<std::string_view> scb;
  };
  std::vector<KnownCode> codes_;  // the codes looked up so far, a few dozen
};

// Files `c`, whose personnummer's twelve digits are `digits`.
void addCase(FileBuilder& out, const HalfYearCase& c, std::string_view digits, HalfYear period) {
  const RegistrationFacts& r = c.registration;
  if (r.startDate < ageScopeStart(c.birthDate) || r.startDate >= ageScopeEnd(c.birthDate))
    out.problem(c, "age_outside_scope",
                fmt::format("the registration starts on {}, outside the age scope (from 1 July of the year the "
                            "person turns 16 to the day before the 20th birthday)",
                            r.startDate.iso()));
  if (r.endDate && r.endReason.value_or(InternedCode()).empty())
    out.problem(c, "registration_end_without_reason",
                fmt::format("the registration ended on {} without a reason", r.endDate->iso()));
  if (reasonContradictsRegisters(r.reason, r.registersReason))
    out.problem(
        c, "reason_contradicts_registers",
        fmt::format("the registration reason '{}' contradicts the registers, which give '{}' for its start on {}",
                    r.reason, r.registersReason, r.startDate.iso()));
  if (r.awaitingRegisters)
    out.problem(c, "awaiting_registers",
                "the registration was made by hand and no identification run has confirmed its reason from the "
                "registers yet",
                false);
  out.add(HalfYearBlock::registration, {c, digits});

  for (const ContactFacts& a : c.contacts) {
    if (!a.reached.value_or(false)) continue;
    if (a.date < r.startDate) {
      out.problem(c, "contact_before_registration",
                  fmt::format("a contact on {} is dated before the registration started on {}", a.date.iso(),
                              r.startDate.iso()));
      continue;
    }
    if (r.endDate && a.date >= *r.endDate) {
      // Common and no mistake: the registers showed the end (dated when it happened) after the contact.
      if (period.contains(a.date))
        out.problem(c, "contact_after_registration",
                    fmt::format("a contact on {} was made after the responsibility ended on {}: it is not reported",
                                a.date.iso(), r.endDate->iso()),
                    false);
      continue;
    }
    if (period.contains(a.date)) out.add(HalfYearBlock::contact, {c, digits, &a, inMeasureOn(c, a.date)});
  }

  for (const MeasureFacts& m : c.measures) {
    if (m.start && m.end && *m.end < *m.start) {
      out.problem(c, "measure_ends_before_start",
                  fmt::format("a measure ends on {}, before it started on {}", m.end->iso(), m.start->iso()));
      continue;
    }
    if (m.end && !m.start) {
      out.problem(c, "measure_ended_without_start",
                  fmt::format("a measure ended on {} has no start date", m.end->iso()));
      continue;
    }
    if (m.end && m.endReason.empty())
      out.problem(c, "measure_end_without_reason", fmt::format("a measure ended on {} without a reason", m.end->iso()));
    if (m.start && period.contains(*m.start)) out.add(HalfYearBlock::measure_started, {c, digits, nullptr, false, &m});
    if (m.end && period.contains(*m.end)) out.add(HalfYearBlock::measure_ended, {c, digits, nullptr, false, &m});
  }

  if (r.endDate && period.contains(*r.endDate)) out.add(HalfYearBlock::responsibility_ended, {c, digits});
}

// The same personnummer on two persons, or two registrations of one person open on the same day: `byPersonalId` in
// the file's order.
void checkDuplicates(const std::vector<const FiledCase*>& byPersonalId, std::vector<HalfYearProblem>& out) {
  for (std::size_t i = 1; i < byPersonalId.size(); ++i) {
    const FiledCase& a = *byPersonalId[i - 1];
    const FiledCase& b = *byPersonalId[i];
    if (a.personalId != b.personalId) continue;
    auto twice = [&](std::string message) {
      out.push_back(HalfYearProblem{b.personId, b.registrationId, "same_person_twice", std::move(message), true});
    };
    if (a.personId != b.personId)
      twice(fmt::format("the same personnummer is on two persons in Lotsen (ids {} and {})", a.personId, b.personId));
    else if (!a.endDate || *a.endDate > b.startDate)
      twice(fmt::format("two registrations of the person are open at the same time (from {})", b.startDate.iso()));
  }
}

// The cases in the file's order: by personnummer (its twelve digits; as text when they are the same), start and id.
std::vector<const FiledCase*> inFileOrder(const std::vector<FiledCase>& cases) {
  // Sorted as the digits beside the case (the digits almost always decide), not as pointers to the cases: reading the
  // case for every comparison was most of the sort (bench/report.sh).
  std::vector<std::pair<std::int64_t, const FiledCase*>> keys;
  keys.reserve(cases.size());
  for (const FiledCase& c : cases) keys.emplace_back(c.digits, &c);
  std::ranges::sort(keys, [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return std::tie(a.second->personalId, a.second->startDate, a.second->registrationId) <
           std::tie(b.second->personalId, b.second->startDate, b.second->registrationId);
  });
  std::vector<const FiledCase*> ordered;
  ordered.reserve(keys.size());
  for (const auto& key : keys) ordered.push_back(key.second);
  return ordered;
}

// The records `builders` made, block by block and within a block in the order of `ordered`: each moved once, to its
// place, a contiguous range of `ordered` on each core.
std::vector<HalfYearRecord> gathered(std::vector<FileBuilder>& builders, const std::vector<const FiledCase*>& ordered) {
  constexpr std::size_t kBlocks = kHalfYearBlocks.size();
  std::vector<std::array<std::size_t, kBlocks>> place(ordered.size());  // of each case's first record of each block
  std::array<std::size_t, kBlocks> next{};
  for (const FiledCase* c : ordered)
    for (std::size_t b = 0; b < kBlocks; ++b) next[b] += c->end[b] - c->begin[b];
  std::size_t total = 0;
  for (std::size_t& n : next) total += std::exchange(n, total);  // each block's first place
  for (std::size_t k = 0; k < ordered.size(); ++k)
    for (std::size_t b = 0; b < kBlocks; ++b) {
      place[k][b] = next[b];
      next[b] += ordered[k]->end[b] - ordered[k]->begin[b];
    }
  std::vector<HalfYearRecord> records(total);
  std::size_t parts = builders.size();
  inParts(parts, [&](std::size_t part) {
    for (std::size_t k = ordered.size() * part / parts; k < ordered.size() * (part + 1) / parts; ++k) {
      const FiledCase& c = *ordered[k];
      for (std::size_t b = 0; b < kBlocks; ++b)
        builders[c.builder].moveRecords(b, c.begin[b], c.end[b],
                                        records.begin() + static_cast<std::ptrdiff_t>(place[k][b]));
    }
  });
  return records;
}

}  // namespace

bool HalfYearFile::hasErrors() const { return std::ranges::any_of(problems, &HalfYearProblem::blocking); }

HalfYearFile computeHalfYearFile(const CaseParts<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout) {
  // Each part filed as its cases come (a person's records are read while they are still in the cache), and the
  // records then gathered in the file's order.
  std::vector<FileBuilder> builders(cases.parts, FileBuilder(period, layout));
  std::vector<std::vector<FiledCase>> filed(cases.parts);
  inParts(cases.parts, [&](std::size_t part) {
    FileBuilder& builder = builders[part];
    cases.each(part, [&](std::span<const HalfYearCase* const> person) {
      for (const HalfYearCase* c : person) {
        FiledCase f{0,
                    c->personalId,
                    c->registration.personId,
                    c->registration.id,
                    c->registration.startDate,
                    c->registration.endDate,
                    part,
                    builder.mark(),
                    {}};
        std::string digits;
        std::ranges::copy_if(c->personalId, std::back_inserter(digits), [](char ch) { return ch >= '0' && ch <= '9'; });
        std::from_chars(digits.data(), digits.data() + digits.size(), f.digits);
        addCase(builder, *c, digits, period);
        f.end = builder.mark();
        filed[part].push_back(std::move(f));
      }
    });
  });
  for (std::size_t part = 1; part < cases.parts; ++part) std::ranges::move(filed[part], std::back_inserter(filed[0]));

  std::vector<const FiledCase*> ordered = inFileOrder(filed[0]);
  HalfYearFile file{period, gathered(builders, ordered), {}};
  for (const FiledCase* c : ordered) builders[c->builder].moveProblems(c->begin.back(), c->end.back(), file.problems);
  checkDuplicates(ordered, file.problems);
  return file;
}

HalfYearFile computeHalfYearFile(const std::vector<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout,
                                 std::size_t casesPerThread) {
  return computeHalfYearFile(partsOf(cases, casesPerThread), period, layout);
}

std::vector<std::string_view> HalfYearRecord::values() const {
  std::vector<std::string_view> out;
  for (auto value : std::views::split(joined, kHalfYearValueSeparator)) out.emplace_back(value.begin(), value.end());
  return out;
}

std::string halfYearText(const HalfYearFile& file, const HalfYearLayout& layout) {
  std::string text;
  std::optional<HalfYearBlock> last;
  for (const HalfYearRecord& r : file.records) {
    if (layout.header && r.block != last)
      text +=
          fmt::format("{}\r\n", fmt::join(layout.blocks.at(r.block).fields, std::string_view(&layout.separator, 1)));
    last = r.block;
    std::ranges::replace_copy(r.joined, std::back_inserter(text), kHalfYearValueSeparator, layout.separator);
    text += "\r\n";
  }
  return text;
}

std::pair<std::vector<HalfYearRecord>, std::vector<HalfYearRecord>> halfYearDifference(
    const std::vector<HalfYearRecord>& a, const std::vector<HalfYearRecord>& b) {
  auto less = [](const HalfYearRecord* x, const HalfYearRecord* y) {
    return std::tie(x->block, x->personId, x->joined) < std::tie(y->block, y->personId, y->joined);
  };
  // Sorted as pointers, compared in place: copying each record's values for a key took most of a second over
  // 180,000 records (bench/report.sh).
  auto sorted = [&](const std::vector<HalfYearRecord>& records) {
    std::vector<const HalfYearRecord*> pointers;
    pointers.reserve(records.size());
    for (const HalfYearRecord& r : records) pointers.push_back(&r);
    std::ranges::sort(pointers, less);
    return pointers;
  };
  std::vector<const HalfYearRecord*> sa = sorted(a), sb = sorted(b), differs;
  std::vector<HalfYearRecord> onlyA, onlyB;
  std::ranges::set_difference(sa, sb, std::back_inserter(differs), less);
  for (const HalfYearRecord* r : differs) onlyA.push_back(*r);
  differs.clear();
  std::ranges::set_difference(sb, sa, std::back_inserter(differs), less);
  for (const HalfYearRecord* r : differs) onlyB.push_back(*r);
  return {std::move(onlyA), std::move(onlyB)};
}

}  // namespace lotsen
