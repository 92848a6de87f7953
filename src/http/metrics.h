// Lotsen http: request counts and latency histograms per route, in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lotsen {

class Metrics {
 public:
  // `routes` are the route labels (patterns such as "GET /api/v1/persons/{id}"); index routes.size()
  // is used for requests that matched no route.
  explicit Metrics(std::vector<std::string> routes);

  // Records one request. Thread-safe and lock-free.
  void observe(std::size_t route, int status, double seconds);
  // The Prometheus exposition text (version 0.0.4).
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct Series {
    std::array<std::atomic<std::uint64_t>, 5> byStatusClass{};  // 1xx..5xx
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<std::uint64_t> microsecondsSum{0};
  };
  std::vector<std::string> labels_;
  std::unique_ptr<Series[]> series_;
};

}  // namespace lotsen
