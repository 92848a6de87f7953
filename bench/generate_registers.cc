// Writes national-scale register extracts for the identification benchmark: population.csv,
// enrolments.csv and completions.csv in the formats of docs/formats.md. Deterministic for a seed.
// Usage: generate_registers DIR [--residents N] [--date YYYY-MM-DD] [--seed N]
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "domain/personal_id.h"

namespace {

using lotsen::CivilDate;

constexpr std::array<const char*, 12> kFirst{"Alice", "Maja", "Elsa", "Noah", "Hugo", "Liam",
                                             "Åsa",   "Örjan", "Ella", "Omar", "Saga", "Nils"};
constexpr std::array<const char*, 12> kLast{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
                                            "Öberg",     "Åberg",     "Ali",      "Lind",    "Berg",     "Ek"};
constexpr std::array<const char*, 8> kNational{"NA", "SA", "TE", "EK", "EE", "BF", "VO", "ES"};
constexpr std::array<const char*, 4> kIntroduction{"IMA", "IMV", "IMY", "IMS"};

class Output {
 public:
  Output(const std::filesystem::path& path, const char* header) : file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw std::runtime_error("cannot write " + path.string());
    std::fputs(header, file_);
  }
  ~Output() { std::fclose(file_); }
  template <class... Args>
  void row(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() > (1 << 20)) flush();
  }
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), file_);
    buffer_.clear();
  }

 private:
  std::FILE* file_;
  fmt::memory_buffer buffer_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: generate_registers DIR [--residents N] [--date YYYY-MM-DD] [--seed N]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  long residents = 10'500'000;
  CivilDate date = *CivilDate::parse("2026-11-22");
  std::uint64_t seed = 2026;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--residents")) residents = std::stol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--date")) date = *CivilDate::parse(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = std::stoull(argv[i + 1]);
  }
  std::filesystem::create_directories(dir);
  std::mt19937_64 random(seed);
  auto below = [&](std::uint64_t n) { return random() % n; };

  std::vector<int> municipalities;  // 290 distinct four-digit codes
  for (int code = 114; municipalities.size() < 290; code += 8) municipalities.push_back(code);

  Output population(dir / "population.csv",
                    "personnummer;fornamn;efternamn;utdelningsadress;postnummer;postort;kommunkod;folkbokford_datum;"
                    "skyddsmarkering\n");
  Output enrolments(dir / "enrolments.csv",
                    "personnummer;skolform;programkod;skolenhetskod;huvudman;startdatum;slutdatum;avbrott\n");
  Output completions(dir / "completions.csv", "personnummer;bevis;datum\n");

  const int spanDays = 91 * 365;
  std::vector<std::uint16_t> serials(static_cast<std::size_t>(spanDays) + 1, 0);
  long enrolmentRows = 0, completionRows = 0;
  for (long i = 0; i < residents; ++i) {
    int offset = static_cast<int>(below(static_cast<std::uint64_t>(spanDays)));
    CivilDate birth = date.plusDays(-offset - 1);
    if (birth.month() == 2 && birth.day() == 29) birth = date.plusDays(-++offset - 1);  // SQL ages leap days otherwise
    int serial = serials[static_cast<std::size_t>(offset)]++ % 1000;
    bool coordination = below(100) == 0;
    std::string nine = fmt::format("{:02}{:02}{:02}{:03}", birth.year() % 100, birth.month(), birth.day() + (coordination ? 60 : 0), serial);
    std::string pnr = fmt::format("{:04}{}-{}{}", birth.year(), nine.substr(2, 4), nine.substr(6), lotsen::luhnCheckDigit(nine));
    int municipality = municipalities[below(municipalities.size())];
    const char* protection = below(1000) < 3 ? "skyddad_folkbokforing" : "";
    population.row("{};{};{};Storgatan {};{:05};Ort;{:04};{};{}\n", pnr, kFirst[below(kFirst.size())],
                   kLast[below(kLast.size())], 1 + below(99), 10000 + below(89999), municipality, birth.iso(), protection);

    int age = lotsen::ageOn(birth, date);
    if (age >= 15 && age <= 21) {  // upper-secondary history: about 2 M enrolments
      CivilDate start = *CivilDate::fromParts(birth.year() + 16, 8, 20);
      CivilDate compulsoryEnd = *CivilDate::fromParts(birth.year() + 16, 6, 10);
      enrolments.row("{};GR;;1490003{};kommunal;{};{};\n", pnr, below(10),
                     CivilDate::fromParts(birth.year() + 7, 8, 20)->iso(), compulsoryEnd < date ? compulsoryEnd.iso() : "");
      ++enrolmentRows;
      if (start > date) continue;
      CivilDate graduation = *CivilDate::fromParts(birth.year() + 19, 6, 12);
      auto end = [&](CivilDate e) { return e >= date ? std::string() : e.iso(); };
      std::uint64_t story = below(100);
      const char* programme = kNational[below(kNational.size())];
      if (story < 80) {
        enrolments.row("{};GY;{};1490001{};kommunal;{};{};\n", pnr, programme, below(10), start.iso(), end(graduation));
        enrolments.row("{};VUX;;1490009{};kommunal;{};{};\n", pnr, below(10), start.plusDays(30).iso(), end(start.plusDays(200)));
        enrolmentRows += 2;
        if (graduation <= date) {
          completions.row("{};{};{}\n", pnr, below(100) < 90 ? "gymnasieexamen" : "studiebevis", graduation.iso());
          ++completionRows;
        }
      } else if (story < 88) {
        CivilDate quit = start.plusDays(static_cast<int>(30 + below(600)));
        enrolments.row("{};GY;{};1490001{};kommunal;{};{};{}\n", pnr, programme, below(10), start.iso(), end(quit),
                       quit < date ? "ja" : "");
        enrolments.row("{};VUX;;1490009{};kommunal;{};;\n", pnr, below(10), quit.plusDays(60).iso());
        enrolmentRows += 2;
      } else if (story < 96) {
        CivilDate next = start.plusDays(static_cast<int>(300 + below(300)));
        enrolments.row("{};GY;{};1490002{};kommunal;{};{};{}\n", pnr, kIntroduction[below(4)], below(10), start.iso(),
                       end(next), next < date && below(2) ? "ja" : "");
        ++enrolmentRows;
      }
    } else if (age >= 22 && age <= 35 && completionRows < 1'000'000 && below(100) < 45) {
      completions.row("{};gymnasieexamen;{}\n", pnr, CivilDate::fromParts(birth.year() + 19, 6, 12)->iso());
      ++completionRows;
    }
  }
  population.flush();
  enrolments.flush();
  completions.flush();
  std::fprintf(stderr, "generate_registers: %ld residents, %ld enrolments, %ld completions in %s\n", residents,
               enrolmentRows, completionRows, dir.c_str());
  return 0;
}
