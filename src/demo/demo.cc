#include "demo/demo.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

namespace lotsen {
namespace {

constexpr std::array<std::string_view, 40> kFemaleNames{
    "Alice", "Maja",  "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma",  "Alma",  "Ebba",
    "Agnes", "Vera",  "Ella", "Saga",   "Alva",  "Ellen", "Stella", "Nora",   "Lilly", "Ines",
    "Molly", "Signe", "Tyra", "Lova",   "Emma",  "Ida",   "Klara",  "Linnea", "Hanna", "Julia",
    "Amira", "Sara",  "Leah", "Märta",  "Ester", "Siri",  "Elin",   "Tilde",  "Hedda", "Åsa"};
constexpr std::array<std::string_view, 40> kMaleNames{
    "William", "Noah", "Hugo",      "Lucas", "Liam",   "Oscar", "Matteo", "Elias",     "Adam",   "Oliver",
    "Vincent", "Nils", "Alexander", "Leo",   "Theo",   "Arvid", "Ludvig", "Viktor",    "Axel",   "Filip",
    "Melvin",  "Isak", "Edvin",     "Olle",  "Gustav", "Emil",  "Anton",  "Jonathan",  "Sixten", "Malte",
    "Ali",     "Omar", "Mohammed",  "Yusuf", "Erik",   "Johan", "Kevin",  "Sebastian", "Måns",   "Örjan"};
constexpr std::array<std::string_view, 40> kLastNames{
    "Andersson",   "Johansson",  "Karlsson",   "Nilsson",   "Eriksson", "Larsson",   "Olsson",    "Persson",
    "Svensson",    "Gustafsson", "Pettersson", "Jonsson",   "Jansson",  "Hansson",   "Bengtsson", "Jönsson",
    "Lindberg",    "Jakobsson",  "Magnusson",  "Lindström", "Olofsson", "Lindqvist", "Lindgren",  "Berg",
    "Axelsson",    "Bergström",  "Lundberg",   "Lind",      "Lundgren", "Lundqvist", "Mattsson",  "Berglund",
    "Fredriksson", "Sandberg",   "Henriksson", "Ali",       "Mohammed", "Hussein",   "Öberg",     "Åberg"};
constexpr std::array<std::string_view, 20> kStreets{
    "Allégatan",       "Åsbogatan",       "Bryggaregatan",  "Fabriksgatan",    "Göteborgsvägen",
    "Hultagatan",      "Kungsgatan",      "Lilla Brogatan", "Norrby Långgata", "Sandwalls plats",
    "Sjöbogatan",      "Skaraborgsvägen", "Stora Brogatan", "Trandårdsgatan",  "Viskaholmsgatan",
    "Västerlånggatan", "Hässlehusgatan",  "Druveforsvägen", "Göta Älvs gata",  "Kypegatan"};
constexpr std::array<std::string_view, 6> kNationalProgrammes{"NA", "SA", "TE", "EK", "EE", "BF"};
constexpr std::array<std::string_view, 6> kMoreProgrammes{"VO", "FT", "HA", "BA", "IB", "ES"};
constexpr std::array<std::string_view, 4> kIntroductionProgrammes{"IMA", "IMV", "IMY", "IMS"};
constexpr std::array<std::string_view, 6> kSchoolUnits{"14900011", "14900012", "14900013",
                                                       "14900014", "64312345", "87654321"};

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  bool chance(double p) { return static_cast<double>(engine_() % 1'000'000) < p * 1'000'000; }
  template <class Array>
  std::string pick(const Array& a) {
    return std::string(a[below(a.size())]);
  }

 private:
  std::mt19937_64 engine_;
};

CivilDate ymd(int y, int m, int d) { return *CivilDate::fromParts(y, m, d); }

PersonalId makePersonalId(Random& random, CivilDate birth, bool female, bool coordination,
                          std::set<std::string>& used) {
  for (;;) {
    int serial = static_cast<int>(random.below(1000));
    serial = serial - serial % 2 + (female ? 0 : 1);  // the third digit of NNN is the gender digit
    std::string nine = fmt::format("{:02}{:02}{:02}{:03}", birth.year() % 100, birth.month(),
                                   birth.day() + (coordination ? 60 : 0), serial % 1000);
    std::string twelve =
        fmt::format("{:04}{}-{}{}", birth.year(), nine.substr(2, 4), nine.substr(6), luhnCheckDigit(nine));
    if (!used.insert(twelve).second) continue;
    return *PersonalId::parse(twelve, birth);
  }
}

// Upper secondary school starts in the August of the year the person turns 16.
void addSchoolHistory(Random& random, DemoResident& r, CivilDate date) {
  int startYear = r.details.personalId.birthDate().year() + 16;
  CivilDate start = ymd(startYear, 8, 20);
  if (start > date) return;  // still in compulsory school
  auto enrol = [&](SchoolType type, std::string programme, CivilDate from, std::optional<CivilDate> to,
                   bool cancelled) {
    if (from > date) return;
    if (to && *to >= date) to.reset(), cancelled = false;  // not yet ended on the date
    r.enrolments.push_back({type, isIntroductionProgramme(programme), from, to, cancelled});
    r.programmes.push_back(std::move(programme));
    r.schoolUnits.push_back(random.pick(kSchoolUnits));
    r.organisers.push_back(r.schoolUnits.back().starts_with("1490") ? "kommunal" : "enskild");
  };
  auto complete = [&](Certificate certificate, CivilDate when) {
    if (when <= date) r.completions.push_back({certificate, when});
  };
  CivilDate graduation = ymd(startYear + 3, 6, 12);
  std::uint64_t story = random.below(100);
  std::string national = random.chance(0.7) ? random.pick(kNationalProgrammes) : random.pick(kMoreProgrammes);
  if (story < 80) {  // national programme to the end
    enrol(SchoolType::GY, national, start, graduation, false);
    complete(random.chance(0.93) ? Certificate::gymnasieexamen : Certificate::studiebevis, graduation);
  } else if (story < 86) {  // drops out of a national programme
    CivilDate quit = start.plusDays(static_cast<int>(30 + random.below(600)));
    enrol(SchoolType::GY, national, start, quit, true);
    if (random.chance(0.35))
      enrol(SchoolType::VUX, "", quit.plusDays(static_cast<int>(60 + random.below(200))), std::nullopt, false);
  } else if (story < 93) {  // introduction programme, then a national programme or a dropout
    CivilDate moveOn = start.plusDays(static_cast<int>(300 + random.below(300)));
    bool continues = random.chance(0.65);
    enrol(SchoolType::GY, random.pick(kIntroductionProgrammes), start, moveOn, !continues);
    if (continues) {
      enrol(SchoolType::GY, national, moveOn.plusDays(1), moveOn.plusDays(1 + 3 * 365), false);
      complete(Certificate::gymnasieexamen, moveOn.plusDays(1 + 3 * 365));
    }
  } else if (story < 96) {  // anpassad gymnasieskola
    CivilDate end = ymd(startYear + 4, 6, 12);
    enrol(SchoolType::GYS, "", start, end, false);
    complete(Certificate::gymnasiesarskolebevis, end);
  } else if (story < 98) {  // folkhögskola instead
    enrol(SchoolType::FHS, "", start.plusDays(static_cast<int>(random.below(400))), std::nullopt, false);
  }
  // otherwise: never started upper secondary school
}

}  // namespace

DemoMunicipality generateDemoMunicipality(std::uint64_t seed, CivilDate date) {
  Random random(seed);
  DemoMunicipality demo{"1490", "Borås", date, {}};
  std::set<std::string> usedIds;
  constexpr int kResidents = 6000;
  CivilDate oldest = birthdayOfAge(date, -22).plusDays(1);  // turns 22 tomorrow at the latest
  CivilDate youngest = birthdayOfAge(date, -15);
  int span = static_cast<int>((youngest.days() - oldest.days()).count());
  for (int i = 0; i < kResidents; ++i) {
    CivilDate birth = oldest.plusDays(static_cast<int>(random.below(static_cast<std::uint64_t>(span) + 1)));
    bool female = random.chance(0.49);
    bool coordination = random.chance(0.01);
    DemoResident r{PersonDetails{makePersonalId(random, birth, female, coordination, usedIds),
                                 female ? random.pick(kFemaleNames) : random.pick(kMaleNames), random.pick(kLastNames),
                                 fmt::format("{} {}", random.pick(kStreets), 1 + random.below(80)),
                                 fmt::format("50{}{:02}", 3 + random.below(8), random.below(100)), "Borås", demo.code,
                                 Protection::none},
                   birth,
                   {},
                   {},
                   {},
                   {},
                   {}};
    if (random.chance(0.15))
      r.registeredSince = birth.plusDays(
          static_cast<int>(random.below(static_cast<std::uint64_t>((date.days() - birth.days()).count()))));
    std::uint64_t protection = random.below(1000);
    if (protection < 2)
      r.details.protection = Protection::protected_registration;
    else if (protection < 6)
      r.details.protection = Protection::confidentiality_marking;
    addSchoolHistory(random, r, date);
    demo.residents.push_back(std::move(r));
  }
  return demo;
}

std::expected<DemoSummary, Error> seedDemo(Store& store, const DemoMunicipality& demo) {
  DemoSummary summary;
  summary.residents = static_cast<int>(demo.residents.size());
  const Actor actor{std::nullopt, "system:demo"};
  // The register is checked in the middle of each term of the last two years (15 March, 15 September),
  // when the new school year's enrolments are known, and on the date itself.
  std::vector<CivilDate> checks;
  HalfYear h = HalfYear::containing(demo.date).previous().previous().previous();
  for (int i = 0; i < 4; ++i, h = h.next())
    if (CivilDate check = h.first().plusDays(h.half() == 1 ? 73 : 76); check < demo.date) checks.push_back(check);
  checks.push_back(demo.date);

  auto done = store.transaction([&]() -> std::expected<void, Error> {
    auto existing = store.searchPersons({{}, "", 0, 1, {}});
    if (!existing) return std::unexpected(existing.error());
    if (existing->total > 0)
      return std::unexpected(conflict("the database already holds persons; demo data goes into an empty database"));
    for (const DemoResident& r : demo.residents) {
      std::optional<Person> person;
      std::optional<Registration> open;
      for (CivilDate check : checks) {
        // What the registers knew on the check day: later enrolments and completions unknown, and
        // enrolments that end later still ongoing.
        std::vector<EnrolmentFact> enrolments;
        std::vector<CompletionFact> completions;
        for (const EnrolmentFact& e : r.enrolments)
          if (e.start <= check)
            enrolments.push_back(e.end && *e.end >= check ? EnrolmentFact{e.schoolType, e.introductionProgramme,
                                                                          e.start, std::nullopt, false}
                                                          : e);
        for (const CompletionFact& c : r.completions)
          if (c.date <= check) completions.push_back(c);
        PersonFacts facts{true, r.registeredSince <= check, r.details.personalId.birthDate(), enrolments, completions};
        TargetGroupDecision decision = decideTargetGroup(facts, check);
        if (decision.inGroup && !open) {
          if (!person) {
            auto created = store.createPerson(actor, r.details);
            if (!created) return std::unexpected(created.error());
            person = *created;
            ++summary.persons;
          }
          auto registration = store.createRegistration(
              actor, {person->id, std::string(kProgrammeKaa), check, std::string(decision.reason)});
          if (!registration) return std::unexpected(registration.error());
          open = *registration;
        } else if (!decision.inGroup && open) {
          auto ended = store.endRegistration(actor, open->id, open->version, check, std::string(decision.reason),
                                             EndedBy::registers);
          if (!ended) return std::unexpected(ended.error());
          open.reset();
          ++summary.closedRegistrations;
        }
      }
      if (open) ++summary.openRegistrations;
    }
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return summary;
}

std::vector<DemoUser> demoStaff() {
  return {{"demo", "admin,unit_manager", {"KAA Norr", "KAA Söder"}},
          {"anna", "caseworker", {"KAA Norr"}},
          {"bengt", "caseworker", {"KAA Söder"}},
          {"revisor", "auditor", {}},
          {"statistik", "statistician", {}}};
}

std::expected<void, Error> seedDemoStaff(Store& store, const DemoMunicipality& demo, const std::string& passwordHash) {
  const Actor actor{std::nullopt, "system:demo"};
  return store.transaction([&]() -> std::expected<void, Error> {
    for (const char* unit : {"KAA Norr", "KAA Söder"})
      if (auto ok = store.createUnit(actor, unit); !ok) return ok;
    std::map<std::string, std::int64_t> caseworkerOfUnit;
    for (const DemoUser& u : demoStaff()) {
      auto created = store.createUser(actor, NewUser{u.username, u.roles, passwordHash, u.units});
      if (!created) return std::unexpected(created.error());
      if (u.roles == "caseworker") caseworkerOfUnit[u.units.front()] = created->id;
    }
    auto open = store.openRegistrations(kProgrammeKaa, "");
    if (!open) return std::unexpected(open.error());
    for (const RegisteredPerson& rp : *open) {
      const Registration& r = rp.registration;
      if (r.startDate == demo.date) continue;
      std::string unit = r.personId % 2 ? "KAA Norr" : "KAA Söder";
      std::optional<std::int64_t> caseworker;
      if (r.personId % 3 != 0) caseworker = caseworkerOfUnit[unit];
      if (auto ok = store.assignRegistration(actor, r.id, r.version, caseworker, unit); !ok)
        return std::unexpected(ok.error());
    }
    return {};
  });
}

std::expected<void, Error> writeDemoRegisters(const DemoMunicipality& demo, const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec)
    return std::unexpected(invalidInput(fmt::format("cannot create {}: {}", directory, ec.message()), "registers"));
  auto open = [&](std::string_view name) {
    return std::ofstream(std::filesystem::path(directory) / name, std::ios::binary);
  };
  std::ofstream population = open("population.csv");
  std::ofstream enrolments = open("enrolments.csv");
  std::ofstream completions = open("completions.csv");
  population << "personnummer;fornamn;efternamn;utdelningsadress;postnummer;postort;kommunkod;folkbokford_datum;"
                "skyddsmarkering\n";
  enrolments << "personnummer;skolform;programkod;skolenhetskod;huvudman;startdatum;slutdatum;avbrott\n";
  completions << "personnummer;bevis;datum\n";
  for (const DemoResident& r : demo.residents) {
    const PersonDetails& d = r.details;
    const std::string& pid = d.personalId.canonical();
    population << fmt::format("{};{};{};{};{};{};{};{};{}\n", pid, d.firstName, d.lastName, d.streetAddress,
                              d.postalCode, d.city, d.municipalityCode, r.registeredSince.iso(),
                              toString(d.protection));
    for (std::size_t i = 0; i < r.enrolments.size(); ++i) {
      const EnrolmentFact& e = r.enrolments[i];
      enrolments << fmt::format("{};{};{};{};{};{};{};{}\n", pid, toString(e.schoolType), r.programmes[i],
                                r.schoolUnits[i], r.organisers[i], e.start.iso(), e.end ? e.end->iso() : "",
                                e.cancelled ? "ja" : "");
    }
    for (const CompletionFact& c : r.completions)
      completions << fmt::format("{};{};{}\n", pid, toString(c.certificate), c.date.iso());
  }
  if (!population || !enrolments || !completions)
    return std::unexpected(internalError(fmt::format("could not write the register files in {}", directory)));
  return {};
}

}  // namespace lotsen
