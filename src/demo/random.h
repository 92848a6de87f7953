// Lotsen demo: the pseudo-random source of the generator and the simulation. The same seed gives the
// same sequence on every platform (std::mt19937_64 is fully specified; no std::distribution is used,
// since their results differ between standard libraries).
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace lotsen::demo_detail {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // A number in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  // A whole number in [low, high].
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }
  // True with probability p.
  bool chance(double p) { return static_cast<double>(engine_() % 1'000'000) < p * 1'000'000; }
  template <class Array>
  std::string pick(const Array& a) {
    return std::string(a[below(a.size())]);
  }

 private:
  std::mt19937_64 engine_;
};

// A seed for one part of the simulation, mixed from the demo's seed and a number (splitmix64), so that
// each part draws its own sequence whatever the others draw.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t part) {
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (part + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace lotsen::demo_detail
