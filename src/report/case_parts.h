// Lotsen report: a report's cases given part by part, person by person — from the history, each person's cases made
// when given and dropped after, so that a report never holds them all and reads each person's records while they are
// in the cache (bench/report.sh); or from cases already made (the tests; the committee's thirteen months). Each part
// is worked on by one thread at a time (domain/parallel.h: the parts are taken in turn by a thread per core). No I/O.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "domain/parallel.h"
#include "store/case_history.h"

namespace lotsen {

// A report's cases in `parts` parts: `each(part, person)` calls `person` with the cases of each person of part
// `part` (from 0) who has any, in person order. The cases may be read during the call only. Each part may be walked
// on a thread of its own.
template <class Case>
struct CaseParts {
  using Person = std::function<void(std::span<const Case* const>)>;
  std::size_t parts = 1;
  std::function<void(std::size_t part, const Person& person)> each;
};

// `cases` by person (a stable sort by the registration's person id), a contiguous range of persons per part: one
// part below `casesPerPart` cases, else partsFor's. `cases` must outlive the result.
template <class Case>
CaseParts<Case> partsOf(const std::vector<Case>& cases, std::size_t casesPerPart) {
  std::vector<const Case*> byPerson;
  byPerson.reserve(cases.size());
  for (const Case& c : cases) byPerson.push_back(&c);
  auto personOf = [](const Case* c) { return c->registration.personId; };
  std::ranges::stable_sort(byPerson, {}, personOf);
  std::size_t parts = partsFor(byPerson.size(), casesPerPart);
  std::vector<std::size_t> bounds{0};
  for (std::size_t part = 1; part < parts; ++part) {
    std::size_t at = std::max(bounds.back(), byPerson.size() * part / parts);
    while (at > 0 && at < byPerson.size() && personOf(byPerson[at]) == personOf(byPerson[at - 1])) ++at;
    bounds.push_back(at);
  }
  bounds.push_back(byPerson.size());
  return {parts, [byPerson = std::move(byPerson), bounds = std::move(bounds), personOf](
                     std::size_t part, const typename CaseParts<Case>::Person& person) {
            for (std::size_t at = bounds[part], end; at < bounds[part + 1]; at = end) {
              for (end = at + 1; end < bounds[part + 1] && personOf(byPerson[end]) == personOf(byPerson[at]);) ++end;
              person(std::span(byPerson.data() + at, end - at));
            }
          }};
}

namespace detail {
// Calls `person` with the cases `addCasesOf(p, out)` appends for each person `p` of `people` who has any.
template <class Case, class AddCasesOf>
auto eachPersonsCases(AddCasesOf addCasesOf) {
  return [addCasesOf](const auto& people, const typename CaseParts<Case>::Person& person) {
    std::vector<Case> cases;
    std::vector<const Case*> pointers;
    for (const PersonHistory& p : people) {
      cases.clear();
      addCasesOf(p, cases);
      if (cases.empty()) continue;
      pointers.clear();
      for (const Case& c : cases) pointers.push_back(&c);
      person(pointers);
    }
  };
}
}  // namespace detail

// The cases `addCasesOf(person, out)` appends to `out` for each person of `history`, a contiguous range of persons
// per part (CaseHistory::personsOfPart; one part below `personsPerPart` persons, else partsFor's). `history` and
// what `addCasesOf` refers to must outlive the result.
template <class Case, class AddCasesOf>
CaseParts<Case> partsOf(const CaseHistory& history, AddCasesOf addCasesOf,
                        std::size_t personsPerPart = CaseHistory::kPersonsPerThread) {
  std::size_t parts = partsFor(history.persons().size(), personsPerPart);
  return {parts, [&history, parts, each = detail::eachPersonsCases<Case>(addCasesOf)](
                     std::size_t part, const typename CaseParts<Case>::Person& person) {
            each(history.personsOfPart(part, parts), person);
          }};
}

// A listed person is found through the history's index, in a place of their own in memory, and their cases take a
// few µs: from this many on they are worth splitting over the cores (bench/report.sh).
inline constexpr std::size_t kListedPersonsPerPart = 500;

// The same of the persons of `history` listed in `persons` (ids in ascending order; an id no person has is left
// out): a contiguous range of them per part. `persons` must outlive the result too.
template <class Case, class AddCasesOf>
CaseParts<Case> partsOf(const CaseHistory& history, AddCasesOf addCasesOf, const std::vector<std::int64_t>& persons,
                        std::size_t personsPerPart = kListedPersonsPerPart) {
  std::size_t parts = partsFor(persons.size(), personsPerPart);
  return {parts, [&history, &persons, parts, each = detail::eachPersonsCases<Case>(addCasesOf)](
                     std::size_t part, const typename CaseParts<Case>::Person& person) {
            std::vector<std::reference_wrapper<const PersonHistory>> listed;
            for (std::size_t i = persons.size() * part / parts; i < persons.size() * (part + 1) / parts; ++i)
              if (const PersonHistory* p = history.person(persons[i])) listed.emplace_back(*p);
            each(listed, person);
          }};
}

}  // namespace lotsen
