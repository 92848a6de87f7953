#include "http/metrics.h"

#include <fmt/format.h>

namespace lotsen {

Metrics::Metrics(std::vector<std::string> routes) : labels_(std::move(routes)) {
  labels_.push_back("unmatched");
  series_ = std::make_unique<Series[]>(labels_.size());
}

void Metrics::observe(std::size_t route, int status, double seconds) {
  if (route >= labels_.size()) route = labels_.size() - 1;
  Series& s = series_[route];
  int statusClass = status / 100 - 1;
  if (statusClass >= 0 && statusClass < 5)
    s.byStatusClass[static_cast<std::size_t>(statusClass)].fetch_add(1, std::memory_order_relaxed);
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  s.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  s.microsecondsSum.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::string out =
      "# HELP lotsen_http_requests_total HTTP requests by route and status class.\n"
      "# TYPE lotsen_http_requests_total counter\n";
  for (std::size_t r = 0; r < labels_.size(); ++r)
    for (std::size_t c = 0; c < 5; ++c)
      if (auto n = series_[r].byStatusClass[c].load(std::memory_order_relaxed))
        out += fmt::format("lotsen_http_requests_total{{route=\"{}\",status=\"{}xx\"}} {}\n", labels_[r], c + 1, n);
  out +=
      "# HELP lotsen_http_request_duration_seconds Time from a complete request to its response.\n"
      "# TYPE lotsen_http_request_duration_seconds histogram\n";
  for (std::size_t r = 0; r < labels_.size(); ++r) {
    const Series& s = series_[r];
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < s.buckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      out += fmt::format("lotsen_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", labels_[r], le,
                         cumulative);
    }
    out += fmt::format("lotsen_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", labels_[r],
                       static_cast<double>(s.microsecondsSum.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("lotsen_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", labels_[r], cumulative);
  }
  return out;
}

}  // namespace lotsen
