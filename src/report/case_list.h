// Lotsen report: a case's records as the reports read them — references to the values the history holds
// (store/case_history.h), which outlives the report computed from it, instead of copies: copying every
// record of every case was most of the time collecting the cases took (bench/report.sh). A case made by hand
// (the tests) owns its values instead; and how a case's lists are filled from the history. No I/O.
#pragma once

#include <boost/container/small_vector.hpp>
#include <boost/iterator/indirect_iterator.hpp>
#include <cstddef>
#include <deque>
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

#include "store/case_history.h"

namespace lotsen {

// Room for `InPlace` references in the list itself: most of a case's lists are no longer, and allocating each one's
// array (even once, with room for every row) took 7 % of both reports' time; 8 gained 4 %, 16 2 % more, 32 lost 3 %
// (bench/report.sh). A kind that is rarely more than one or two (a registration's plans) keeps less room, so that a
// case stays small: a KPI case 1,120 → 800 bytes, the committee report's peak memory on the bench's data 650 → 567 MB.
template <class T, std::size_t InPlace = 16>
class CaseList {
  using References = boost::container::small_vector<const T*, InPlace>;

 public:
  using const_iterator = boost::indirect_iterator<typename References::const_iterator>;

  CaseList() = default;
  // A list that owns copies of `values`.
  CaseList(std::initializer_list<T> values) {
    for (const T& v : values) push_back(v);
  }

  // Appends a reference to `value`, which must outlive the list and its copies.
  void refer(const T& value) { refs_.push_back(&value); }
  // Appends a copy of `value` that the list owns (shared with its copies).
  void push_back(T value) {
    if (!owned_) owned_ = std::make_shared<std::deque<T>>();
    refs_.push_back(&owned_->emplace_back(std::move(value)));
  }
  void clear() { refs_.clear(); }

  std::size_t size() const { return refs_.size(); }
  bool empty() const { return refs_.empty(); }
  const T& operator[](std::size_t i) const { return *refs_[i]; }
  const_iterator begin() const { return const_iterator(refs_.begin()); }
  const_iterator end() const { return const_iterator(refs_.end()); }

 private:
  References refs_;
  std::shared_ptr<std::deque<T>> owned_;  // a deque: what it holds never moves
};

// Refers each record of `table` as it stood before `instant` (kAfterEveryEvent: now) to the `list` of the case in
// `cases` whose registration it bears on; a record of no case's registration is left out.
template <class Case, class T, std::size_t InPlace>
void referToCases(std::span<Case> cases, const VersionTable<HistoryRecord<T>>& table, std::int64_t instant,
                  CaseList<T, InPlace> Case::*list) {
  table.eachBefore(instant, [&](const HistoryRecord<T>& record) {
    for (Case& c : cases)
      if (c.registration.id == record.registrationId) (c.*list).refer(record.data);
  });
}

// Refers each record of `table` as it stood before `instant` to the `list` of every case in `cases` (a person's
// records that bear on all their registrations, such as occupations).
template <class Case, class T, std::size_t InPlace>
void referToEveryCase(std::span<Case> cases, const VersionTable<HistoryRecord<T>>& table, std::int64_t instant,
                      CaseList<T, InPlace> Case::*list) {
  table.eachBefore(instant, [&](const HistoryRecord<T>& record) {
    for (Case& c : cases) (c.*list).refer(record.data);
  });
}

}  // namespace lotsen
