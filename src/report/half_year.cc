#include "report/half_year.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/sort/spreadsort/integer_sort.hpp>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "domain/parallel.h"
#include "domain/target_group.h"

namespace lotsen {

namespace {

// What one record is about: the case (and its personnummer's twelve digits as one number), and the contact (and
// whether the person was in a measure on its day) or the measure of the record if any.
struct Subject {
  const HalfYearCase& c;
  std::int64_t personalNumber = 0;
  const ContactFacts* contact = nullptr;
  bool inMeasure = false;
  const MeasureFacts* measure = nullptr;
};

bool inMeasureOn(const HalfYearCase& c, CivilDate day) {
  return std::ranges::any_of(c.measures, [&](const MeasureFacts& m) {
    return m.start && *m.start <= day && (!m.end || day <= *m.end) && !m.declined;
  });
}

// How many records of each block, and problems, a builder holds (a part's are far fewer than 2^32).
using BuilderMark = std::array<std::uint32_t, kHalfYearBlocks.size() + 1>;

// One case as filed: what the file's order and the check for duplicates read of it, and where what it gave lies in
// its builder (its records of each block, then its problems).
struct FiledCase {
  std::int64_t personalNumber = 0;  // the personnummer's twelve digits: what the file writes of it
  std::int64_t personId = 0, registrationId = 0;
  CivilDate startDate;
  std::optional<CivilDate> endDate;
  std::uint32_t builder = 0;
  BuilderMark begin{}, end{};
};

// Where a record holds the value of `field`: in dates or codes, at the index; none for the fields every block has
// (record type, municipality, year, half, personnummer), which the record's block and number and the file give.
// Each block's own fields (half_year_layout.cc) have places of their own.
struct HalfYearSlot {
  enum class Kind { none, date, code } kind = Kind::none;
  std::size_t index = 0;
};

HalfYearSlot halfYearSlot(HalfYearField field) {
  using enum HalfYearField;
  using enum HalfYearSlot::Kind;
  switch (field) {
    case registration_date:
    case registration_end:
    case contact_date:
    case measure_start:
      return {date, 0};
    case measure_end:
      return {date, 1};
    case registration_reason:
    case deregistration_reason:
    case occupation:
    case measure_type:
      return {code, 0};
    case in_measure:
    case measure_end_reason:
      return {code, 1};
    default:
      return {none, 0};
  }
}

// Each block's fields in the layout's order, resolved from their names (parseHalfYearLayout let only known names
// through) once per file rather than once per value.
std::array<std::vector<HalfYearField>, kHalfYearBlocks.size()> fieldsByBlock(const HalfYearLayout& layout) {
  std::array<std::vector<HalfYearField>, kHalfYearBlocks.size()> fields;
  for (const auto& [block, blockLayout] : layout.blocks)
    for (const std::string& name : blockLayout.fields)
      if (auto field = halfYearField(name)) fields[static_cast<std::size_t>(block)].push_back(*field);
  return fields;
}

// SCB's codes in `layout`, each text once and "" (no code) first, sorted: the same for every file in the layout.
std::vector<std::string> codeTexts(const HalfYearLayout& layout) {
  std::vector<std::string> texts{""};
  for (const auto& [list, codes] : layout.codes)
    for (const auto& [code, scb] : codes) texts.push_back(scb);
  std::ranges::sort(texts);
  texts.erase(std::ranges::unique(texts).begin(), texts.end());
  return texts;
}

// Makes a part's records and problems. Records hold values, not text: writing each value as text while filing was
// a third of the file's time (bench/report.sh).
class FileBuilder {
 public:
  // `codes` is codeTexts(layout).
  FileBuilder(const HalfYearLayout& layout, const std::vector<std::string>& codes) : layout_(layout), codes_(codes) {
    // The fields every block has are the record's block and number, not values to keep.
    auto fields = fieldsByBlock(layout);
    for (std::size_t b = 0; b < fields.size(); ++b)
      for (HalfYearField field : fields[b])
        if (HalfYearSlot slot = halfYearSlot(field); slot.kind != HalfYearSlot::Kind::none)
          fields_[b].emplace_back(field, slot);
  }

  void add(HalfYearBlock block, const Subject& s) {
    // Made in its place: one made on the stack and copied in was a third of this function's time (perf annotate).
    HalfYearRecord& record = records_[static_cast<std::size_t>(block)].emplace_back();
    record.block = block;
    record.personId = s.c.registration.personId;
    record.personalNumber = s.personalNumber;
    for (auto [field, slot] : fields_[static_cast<std::size_t>(block)]) {
      if (slot.kind == HalfYearSlot::Kind::date)
        record.dates[slot.index] = date(field, s);
      else
        record.codes[slot.index] = code(field, s);
    }
  }

  void problem(const HalfYearCase& c, std::string check, std::string message, bool blocking = true) {
    problems_.push_back(
        HalfYearProblem{c.registration.personId, c.registration.id, std::move(check), std::move(message), blocking});
  }

  // How much each block and the problems hold: a case's part begins at one such mark and ends at the next.
  BuilderMark mark() const {
    BuilderMark sizes{};
    for (std::size_t b = 0; b < records_.size(); ++b) sizes[b] = static_cast<std::uint32_t>(records_[b].size());
    sizes.back() = static_cast<std::uint32_t>(problems_.size());
    return sizes;
  }

  // The record at `index` of `block` (an index of kHalfYearBlocks). Threads may read at once.
  const HalfYearRecord& record(std::size_t block, std::size_t index) const { return records_[block][index]; }
  // Moves the problems in [begin, end) to `out`.
  void moveProblems(std::size_t begin, std::size_t end, std::vector<HalfYearProblem>& out) {
    std::move(problems_.begin() + static_cast<std::ptrdiff_t>(begin),
              problems_.begin() + static_cast<std::ptrdiff_t>(end), std::back_inserter(out));
  }

 private:
  // The date of `field` in a record about `s`.
  static std::optional<CivilDate> date(HalfYearField field, const Subject& s) {
    using enum HalfYearField;
    switch (field) {
      case registration_date:
        return s.c.registration.startDate;
      case registration_end:
        return s.c.registration.endDate;
      case contact_date:
        return s.contact ? std::optional(s.contact->date) : std::nullopt;
      case measure_start:
        return s.measure ? s.measure->start : std::nullopt;
      case measure_end:
        return s.measure ? s.measure->end : std::nullopt;
      default:
        return std::nullopt;
    }
  }

  // The place in codes_ of SCB's code of `field` in a record about `s`; 0 (empty) for none.
  std::uint32_t code(HalfYearField field, const Subject& s) {
    using enum HalfYearField;
    const RegistrationFacts& r = s.c.registration;
    switch (field) {
      case registration_reason:
        return code(s.c, "registration_reason", r.reason);
      case deregistration_reason:
        return code(s.c, "deregistration_reason", r.endReason.value_or(InternedCode()));
      case in_measure:
        return s.contact ? code(s.c, "in_measure", s.inMeasure ? "yes" : "no") : 0;
      case occupation: {
        if (!s.contact) return 0;
        const ContactFacts& a = *s.contact;
        std::string_view kind = a.occupation;
        if (kind.empty())
          if (const OccupationFacts* known = occupationOn(s.c.occupations, a.date)) kind = known->kind;
        if (kind.empty()) kind = "unknown";
        bool byMeasure = s.inMeasure && layout_.codes.contains("occupation_in_measure");
        return code(s.c, byMeasure ? "occupation_in_measure" : "occupation", kind);
      }
      case measure_type:
        return s.measure ? code(s.c, "measure_type", s.measure->type) : 0;
      case measure_end_reason:
        return s.measure ? code(s.c, "measure_end_reason", s.measure->endReason) : 0;
      default:
        return 0;
    }
  }

  // The place in codes_ of SCB's code for `code` (an interned code or a literal: its text never moves) in `list`; a
  // problem (once per list and code and person) and 0 (empty) without one. Each code is looked up in the layout once
  // per builder, as looking up every value was a tenth of filing (bench/report.sh).
  std::uint32_t code(const HalfYearCase& c, std::string_view list, std::string_view code) {
    auto inList = std::ranges::find(known_, list.data(), &KnownList::list);
    if (inList == known_.end()) inList = known_.insert(inList, KnownList{list.data(), {}});
    auto known = std::ranges::find_if(inList->codes, [&](const KnownCode& k) {
      return k.code.data() == code.data() && k.code.size() == code.size();
    });
    std::optional<std::uint32_t> scb;
    if (known != inList->codes.end()) {
      scb = known->scb;
    } else {
      if (auto text = layout_.scbCode(list, code))
        scb = static_cast<std::uint32_t>(std::ranges::lower_bound(codes_, *text) - codes_.begin());
      inList->codes.push_back({code, scb});
    }
    if (scb) return *scb;
    if (unmapped_.emplace(c.registration.personId, std::string(list), std::string(code)).second)
      problem(c, "unmapped_code",
              fmt::format("the code '{}' of the list {} has no SCB code in the imported layout", code, list));
    return 0;
  }

  const HalfYearLayout& layout_;
  const std::vector<std::string>& codes_;
  // Each block's fields that records hold, and where.
  std::array<std::vector<std::pair<HalfYearField, HalfYearSlot>>, kHalfYearBlocks.size()> fields_;
  std::array<std::vector<HalfYearRecord>, kHalfYearBlocks.size()> records_;  // by block, each in the order added
  std::vector<HalfYearProblem> problems_;
  std::set<std::tuple<std::int64_t, std::string, std::string>> unmapped_;
  struct KnownCode {
    std::string_view code;
    std::optional<std::uint32_t> scb;
  };
  struct KnownList {
    const char* list;  // a literal: the same list is always the same text
    std::vector<KnownCode> codes;
  };
  std::vector<KnownList> known_;  // the codes looked up so far, by list: a few dozen in seven lists
};

// Files `c`, whose personnummer's twelve digits are `number`.
void addCase(FileBuilder& out, const HalfYearCase& c, std::int64_t number, HalfYear period) {
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
  out.add(HalfYearBlock::registration, {c, number});

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
    if (period.contains(a.date)) out.add(HalfYearBlock::contact, {c, number, &a, inMeasureOn(c, a.date)});
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
    if (m.start && period.contains(*m.start)) out.add(HalfYearBlock::measure_started, {c, number, nullptr, false, &m});
    if (m.end && period.contains(*m.end)) out.add(HalfYearBlock::measure_ended, {c, number, nullptr, false, &m});
  }

  if (r.endDate && period.contains(*r.endDate)) out.add(HalfYearBlock::responsibility_ended, {c, number});
}

// The same personnummer on two persons, or two registrations of one person open on the same day: `byPersonalId` in
// the file's order.
void checkDuplicates(const std::vector<const FiledCase*>& byPersonalId, std::vector<HalfYearProblem>& out) {
  for (std::size_t i = 1; i < byPersonalId.size(); ++i) {
    const FiledCase& a = *byPersonalId[i - 1];
    const FiledCase& b = *byPersonalId[i];
    if (a.personalNumber != b.personalNumber) continue;
    auto twice = [&](std::string message) {
      out.push_back(HalfYearProblem{b.personId, b.registrationId, "same_person_twice", std::move(message), true});
    };
    if (a.personId != b.personId)
      twice(fmt::format("the same personnummer is on two persons in Lotsen (ids {} and {})", a.personId, b.personId));
    else if (!a.endDate || *a.endDate > b.startDate)
      twice(fmt::format("two registrations of the person are open at the same time (from {})", b.startDate.iso()));
  }
}

// The cases of every part in the file's order: by personnummer, start and id.
std::vector<const FiledCase*> inFileOrder(const std::vector<std::vector<FiledCase>>& parts) {
  // Sorted as the number beside the case (it almost always decides), not as pointers to the cases: reading the case
  // for every comparison was most of the sort (bench/report.sh).
  std::vector<std::pair<std::int64_t, const FiledCase*>> keys;
  std::size_t count = 0;
  for (const std::vector<FiledCase>& cases : parts) count += cases.size();
  keys.reserve(count);
  for (const std::vector<FiledCase>& cases : parts)
    for (const FiledCase& c : cases) keys.emplace_back(c.personalNumber, &c);
  // By the number with spreadsort, a radix sort (ordering the file's cases took 3.2 ms instead of std::sort's 4.8,
  // bench/report.sh); then the few cases of one person by start and id.
  boost::sort::spreadsort::integer_sort(
      keys.begin(), keys.end(), [](const auto& key, unsigned shift) { return key.first >> shift; },
      [](const auto& a, const auto& b) { return a.first < b.first; });
  auto byStart = [](const auto& a, const auto& b) {
    return std::tie(a.second->startDate, a.second->registrationId) <
           std::tie(b.second->startDate, b.second->registrationId);
  };
  for (auto run = keys.begin(); run != keys.end();) {
    auto next = std::find_if(run + 1, keys.end(), [&](const auto& key) { return key.first != run->first; });
    if (next - run > 1) std::sort(run, next, byStart);
    run = next;
  }
  std::vector<const FiledCase*> ordered;
  ordered.reserve(keys.size());
  for (const auto& key : keys) ordered.push_back(key.second);
  return ordered;
}

// The records `builders` made, block by block and within a block in the order of `ordered`: each copied once, to its
// place. `ordered` is split in ranges, worked on by every core: first each range's records of each block are counted
// (which says where they begin), then copied (no serial pass over the cases, bench/report.sh).
std::vector<HalfYearRecord> gathered(const std::vector<FileBuilder>& builders,
                                     const std::vector<const FiledCase*>& ordered) {
  constexpr std::size_t kBlocks = kHalfYearBlocks.size();
  using Places = std::array<std::size_t, kBlocks>;
  std::size_t ranges = builders.size();
  auto range = [&](std::size_t r) {
    return std::span(ordered).subspan(ordered.size() * r / ranges,
                                      ordered.size() * (r + 1) / ranges - ordered.size() * r / ranges);
  };
  std::vector<Places> counts(ranges);
  inParts(ranges, [&](std::size_t r) {
    for (const FiledCase* c : range(r))
      for (std::size_t b = 0; b < kBlocks; ++b) counts[r][b] += c->end[b] - c->begin[b];
  });
  // Where each range's records of each block begin: blocks in the layout's order, ranges in the file's.
  std::size_t total = 0;
  for (std::size_t b = 0; b < kBlocks; ++b)
    for (std::size_t r = 0; r < ranges; ++r) total += std::exchange(counts[r][b], total);
  std::vector<HalfYearRecord> records(total);
  inParts(ranges, [&](std::size_t r) {
    Places& next = counts[r];
    for (const FiledCase* c : range(r))
      for (std::size_t b = 0; b < kBlocks; ++b)
        for (std::uint32_t i = c->begin[b]; i < c->end[b]; ++i) records[next[b]++] = builders[c->builder].record(b, i);
  });
  return records;
}

// Appends `value`'s last `width` decimal digits, with leading zeros.
void appendDigits(std::string& out, std::int64_t value, int width) {
  std::size_t at = out.size();
  out.resize(at + static_cast<std::size_t>(width));
  for (int i = width - 1; i >= 0; --i, value /= 10)
    out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
}

}  // namespace

bool HalfYearFile::hasErrors() const { return std::ranges::any_of(problems, &HalfYearProblem::blocking); }

HalfYearFile computeHalfYearFile(const CaseParts<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout) {
  // Each part filed as its cases come (a person's records are read while they are still in the cache), and the
  // records then gathered in the file's order.
  HalfYearFile file{period, layout, codeTexts(layout), {}, {}};
  std::vector<FileBuilder> builders(cases.parts, FileBuilder(file.layout, file.codes));
  std::vector<std::vector<FiledCase>> filed(cases.parts);
  inParts(cases.parts, [&](std::size_t part) {
    FileBuilder& builder = builders[part];
    cases.each(part, [&](std::span<const HalfYearCase* const> person) {
      for (const HalfYearCase* c : person) {
        // Made in its place, as a record is.
        FiledCase& f = filed[part].emplace_back(c->personalId.number(), c->registration.personId, c->registration.id,
                                                c->registration.startDate, c->registration.endDate,
                                                static_cast<std::uint32_t>(part), builder.mark(), BuilderMark{});
        addCase(builder, *c, f.personalNumber, period);
        f.end = builder.mark();
      }
    });
  });
  std::vector<const FiledCase*> ordered = inFileOrder(filed);
  file.records = gathered(builders, ordered);
  for (const FiledCase* c : ordered) builders[c->builder].moveProblems(c->begin.back(), c->end.back(), file.problems);
  checkDuplicates(ordered, file.problems);
  return file;
}

HalfYearFile computeHalfYearFile(const std::vector<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout,
                                 std::size_t casesPerThread) {
  return computeHalfYearFile(partsOf(cases, casesPerThread), period, layout);
}

HalfYearWriter::HalfYearWriter(const HalfYearFile& file)
    : file_(file),
      year_(std::to_string(file.period.year())),
      half_(std::to_string(file.period.half())),
      fields_(fieldsByBlock(file.layout)) {
  for (const auto& [block, blockLayout] : file.layout.blocks)
    recordTypes_[static_cast<std::size_t>(block)] = blockLayout.recordType;
}

std::vector<std::string> HalfYearWriter::values(const HalfYearRecord& record) const {
  std::vector<std::string> out;
  for (HalfYearField field : fields_[static_cast<std::size_t>(record.block)])
    appendValue(record, field, out.emplace_back());
  return out;
}

void HalfYearWriter::appendLine(const HalfYearRecord& record, std::string& out) const {
  bool first = true;
  for (HalfYearField field : fields_[static_cast<std::size_t>(record.block)]) {
    if (!std::exchange(first, false)) out += file_.layout.separator;
    appendValue(record, field, out);
  }
}

void HalfYearWriter::appendValue(const HalfYearRecord& record, HalfYearField field, std::string& out) const {
  using enum HalfYearField;
  switch (field) {
    case record_type:
      out += recordTypes_[static_cast<std::size_t>(record.block)];
      return;
    case municipality:
      out += file_.layout.municipality;
      return;
    case year:
      out += year_;
      return;
    case half:
      out += half_;
      return;
    case personal_id:
      appendDigits(out, record.personalNumber, 12);
      return;
    default:
      break;
  }
  HalfYearSlot slot = halfYearSlot(field);
  if (slot.kind == HalfYearSlot::Kind::code) {
    out += file_.codes[record.codes[slot.index]];
  } else if (const std::optional<CivilDate>& d = record.dates[slot.index]) {
    appendDigits(out, d->year(), 4);
    if (!file_.layout.compactDates) out += '-';
    appendDigits(out, d->month(), 2);
    if (!file_.layout.compactDates) out += '-';
    appendDigits(out, d->day(), 2);
  }
}

std::string halfYearText(const HalfYearFile& file) {
  const HalfYearLayout& layout = file.layout;
  HalfYearWriter writer(file);
  std::string text;
  text.reserve(file.records.size() * 40);
  std::optional<HalfYearBlock> last;
  for (const HalfYearRecord& r : file.records) {
    if (layout.header && r.block != last)
      text +=
          fmt::format("{}\r\n", fmt::join(layout.blocks.at(r.block).fields, std::string_view(&layout.separator, 1)));
    last = r.block;
    writer.appendLine(r, text);
    text += "\r\n";
  }
  return text;
}

std::pair<std::vector<HalfYearRecord>, std::vector<HalfYearRecord>> halfYearDifference(
    const std::vector<HalfYearRecord>& a, const std::vector<HalfYearRecord>& b) {
  auto less = [](const HalfYearRecord* x, const HalfYearRecord* y) { return *x < *y; };
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
