#include "demo/demo.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <set>

#include "demo/random.h"

namespace lotsen {
CivilDate autumnTermStart(int year) { return *CivilDate::fromParts(year, 8, 20); }

namespace {

using demo_detail::Random;

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

// Neighbouring municipalities people move to: kommunkod, postort, the first three digits of its postal codes.
struct Neighbour {
  std::string_view code;
  std::string_view city;
  int postalPrefix;
};
constexpr std::array<Neighbour, 6> kNeighbours{{{"1443", "Bollebygd", 517},
                                                {"1463", "Kinna", 511},
                                                {"1491", "Ulricehamn", 523},
                                                {"1480", "Göteborg", 413},
                                                {"1442", "Vårgårda", 447},
                                                {"1452", "Tranemo", 514}}};

CivilDate ymd(int y, int m, int d) { return *CivilDate::fromParts(y, m, d); }

// A valid personnummer (or, with `coordination`, samordningsnummer: day + 60) not used before.
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

// A Swedish postal code: five digits, here "NNNNN" with the town's three-digit prefix.
std::string postalCode(Random& random, int prefix) { return fmt::format("{:03}{:02}", prefix, random.between(10, 99)); }

// The next start of a term (20 August or 10 January) on or after `day`.
CivilDate nextTermStart(CivilDate day) {
  CivilDate autumn = autumnTermStart(day.year()), spring = ymd(day.year(), 1, 10);
  if (day <= spring) return spring;
  if (day <= autumn) return autumn;
  return ymd(day.year() + 1, 1, 10);
}

// A resident's schooling up to `date`: what is later than `date` is not known yet.
class SchoolHistory {
 public:
  SchoolHistory(Random& random, DemoResident& r, CivilDate date) : random_(random), r_(r), date_(date) {}

  void enrol(SchoolType type, std::string programme, CivilDate from, std::optional<CivilDate> to, bool cancelled) {
    if (from > date_) return;
    if (to && *to >= date_) to.reset(), cancelled = false;  // not yet ended on the date
    r_.enrolments.push_back({type, isIntroductionProgramme(programme), from, to, cancelled});
    r_.programmes.push_back(std::move(programme));
    r_.schoolUnits.push_back(random_.pick(kSchoolUnits));
    r_.organisers.push_back(r_.schoolUnits.back().starts_with("1490") ? "kommunal" : "enskild");
  }
  void complete(Certificate certificate, CivilDate when) {
    if (when <= date_) r_.completions.push_back({certificate, when});
  }
  // Komvux after a studiebevis: a gymnasieexamen a year or so later for some.
  void adultEducationAfter(CivilDate from, double degreeChance) {
    CivilDate start = nextTermStart(from.plusDays(random_.between(30, 200)));
    bool degree = random_.chance(degreeChance);
    CivilDate end = start.plusDays(random_.between(150, 420));
    enrol(SchoolType::VUX, "", start, degree ? std::optional(end) : std::nullopt, false);
    if (degree) complete(Certificate::gymnasieexamen, end);
  }

 private:
  Random& random_;
  DemoResident& r_;
  CivilDate date_;
};

// Upper secondary school starts in the August of the year the person turns 16. Someone who arrives from
// abroad after that has no Swedish schooling before arriving; about half start språkintroduktion.
void addSchoolHistory(Random& random, DemoResident& r, CivilDate date, bool arrivedFromAbroad) {
  int startYear = r.details.personalId.birthDate().year() + 16;
  CivilDate start = autumnTermStart(startYear);
  if (start > date) return;  // still in compulsory school
  SchoolHistory school(random, r, date);
  std::string national = random.chance(0.7) ? random.pick(kNationalProgrammes) : random.pick(kMoreProgrammes);
  if (arrivedFromAbroad) {
    if (random.chance(0.5)) {
      CivilDate from = nextTermStart(r.registeredSince.plusDays(random.between(30, 150)));
      school.enrol(SchoolType::GY, random.chance(0.8) ? "IMS" : "IMA", from, from.plusDays(random.between(300, 700)),
                   random.chance(0.5));
    }
    return;
  }
  CivilDate graduation = ymd(startYear + 3, 6, 12);
  std::uint64_t story = random.below(100);
  if (story < 80) {  // national programme to the end; a studiebevis now and then, some finish at komvux
    school.enrol(SchoolType::GY, national, start, graduation, false);
    if (random.chance(0.93)) {
      school.complete(Certificate::gymnasieexamen, graduation);
    } else {
      school.complete(Certificate::studiebevis, graduation);
      if (random.chance(0.45)) school.adultEducationAfter(graduation, 0.6);
    }
  } else if (story < 87) {  // drops out of a national programme; some start again, some at komvux
    CivilDate quit = start.plusDays(random.between(30, 630));
    school.enrol(SchoolType::GY, national, start, quit, true);
    std::uint64_t after = random.below(100);
    if (after < 30) {
      CivilDate again = nextTermStart(quit.plusDays(random.between(60, 300)));
      school.enrol(SchoolType::GY, random.pick(kNationalProgrammes), again, again.plusDays(3 * 365 - 70),
                   random.chance(0.2));
    } else if (after < 60) {
      school.adultEducationAfter(quit, 0.25);
    } else if (after < 68) {
      school.enrol(SchoolType::FHS, "", nextTermStart(quit.plusDays(random.between(60, 300))), std::nullopt, false);
    }
  } else if (story < 93) {  // introduction programme, then a national programme or a dropout
    CivilDate moveOn = start.plusDays(random.between(300, 600));
    bool continues = random.chance(0.6);
    school.enrol(SchoolType::GY, random.pick(kIntroductionProgrammes), start, moveOn, !continues);
    if (continues) {
      school.enrol(SchoolType::GY, national, moveOn.plusDays(1), moveOn.plusDays(1 + 3 * 365), false);
      school.complete(Certificate::gymnasieexamen, moveOn.plusDays(1 + 3 * 365));
    } else if (random.chance(0.3)) {  // back on an introduction programme the next term
      CivilDate again = nextTermStart(moveOn.plusDays(random.between(60, 250)));
      school.enrol(SchoolType::GY, random.pick(kIntroductionProgrammes), again,
                   again.plusDays(random.between(150, 500)), random.chance(0.4));
    }
  } else if (story < 96) {  // anpassad gymnasieskola
    CivilDate end = ymd(startYear + 4, 6, 12);
    school.enrol(SchoolType::GYS, "", start, end, false);
    school.complete(Certificate::gymnasiesarskolebevis, end);
  } else if (story < 98) {  // folkhögskola instead
    school.enrol(SchoolType::FHS, "", start.plusDays(random.between(0, 400)), std::nullopt, false);
  } else if (random.chance(0.35)) {  // never started; some start an introduction programme later
    CivilDate late = nextTermStart(start.plusDays(random.between(100, 500)));
    school.enrol(SchoolType::GY, random.pick(kIntroductionProgrammes), late, late.plusDays(random.between(200, 600)),
                 random.chance(0.5));
  }
}

// The first day of the two years the history covers: the day of the first identification run.
CivilDate historyStart(CivilDate date) { return birthdayOfAge(date, -2).plusDays(1); }

}  // namespace

DemoMunicipality generateDemoMunicipality(std::uint64_t seed, CivilDate date) {
  Random random(seed);
  DemoMunicipality demo{"1490", "Borås", date, {}, {}};
  std::set<std::string> usedIds;
  constexpr int kResidents = 6000;
  CivilDate oldest = birthdayOfAge(date, -22).plusDays(1);  // turns 22 tomorrow at the latest
  CivilDate youngest = birthdayOfAge(date, -15);
  const CivilDate from = historyStart(date);
  const int window = static_cast<int>((date.days() - from.days()).count());
  int span = static_cast<int>((youngest.days() - oldest.days()).count());
  for (int i = 0; i < kResidents; ++i) {
    CivilDate birth = oldest.plusDays(random.between(0, span));
    bool female = random.chance(0.49);
    DemoResident r{PersonDetails{makePersonalId(random, birth, female, false, usedIds),
                                 female ? random.pick(kFemaleNames) : random.pick(kMaleNames), random.pick(kLastNames),
                                 fmt::format("{} {}", random.pick(kStreets), 1 + random.below(80)),
                                 postalCode(random, random.between(501, 507)), "Borås", demo.code, Protection::none},
                   birth,
                   std::nullopt,
                   "",
                   std::nullopt,
                   {},
                   {},
                   {},
                   {},
                   {}};
    bool arrivedFromAbroad = false;
    if (random.chance(0.15)) {
      r.registeredSince = birth.plusDays(random.between(0, static_cast<int>((date.days() - birth.days()).count())));
      arrivedFromAbroad = r.registeredSince > autumnTermStart(birth.year() + 16) && random.chance(0.5);
    }
    std::uint64_t protection = random.below(1000);
    if (protection < 2)
      r.details.protection = Protection::protected_registration;
    else if (protection < 6)
      r.details.protection = Protection::confidentiality_marking;
    std::uint64_t move = random.below(1000);
    CivilDate moveDay = from.plusDays(random.between(0, window));
    if (moveDay > r.registeredSince && move < 45) {
      r.movedOut = moveDay;
      r.movedTo = std::string(kNeighbours[random.below(kNeighbours.size())].code);
    } else if (moveDay > r.registeredSince && move < 75) {
      r.emigrated = moveDay;
    }
    addSchoolHistory(random, r, date, arrivedFromAbroad);
    demo.residents.push_back(std::move(r));
  }
  // Students who are not folkbokförda: samordningsnummer, in the enrolment register only.
  for (int i = 0; i < 40; ++i) {
    CivilDate birth = birthdayOfAge(date, -19).plusDays(random.between(0, 3 * 365));
    bool female = random.chance(0.45);
    DemoResident s{PersonDetails{makePersonalId(random, birth, female, true, usedIds),
                                 female ? random.pick(kFemaleNames) : random.pick(kMaleNames), random.pick(kLastNames),
                                 "", "", "", "", Protection::none},
                   birth,
                   std::nullopt,
                   "",
                   std::nullopt,
                   {},
                   {},
                   {},
                   {},
                   {}};
    SchoolHistory school(random, s, date);
    CivilDate start = nextTermStart(date.plusDays(-random.between(230, 600)));  // a term that has started
    school.enrol(SchoolType::GY, random.chance(0.7) ? "IMS" : "IMA", start, std::nullopt, false);
    demo.unregisteredStudents.push_back(std::move(s));
  }
  return demo;
}

DemoRegisterFiles demoRegisterFiles(const DemoMunicipality& demo, CivilDate day) {
  DemoRegisterFiles files;
  files.population =
      "personnummer;fornamn;efternamn;utdelningsadress;postnummer;postort;kommunkod;folkbokford_datum;"
      "skyddsmarkering\n";
  files.enrolments = "personnummer;skolform;programkod;skolenhetskod;huvudman;startdatum;slutdatum;avbrott\n";
  files.completions = "personnummer;bevis;datum\n";
  auto schooling = [&](const DemoResident& r) {
    const std::string& pid = r.details.personalId.canonical();
    for (std::size_t i = 0; i < r.enrolments.size(); ++i) {
      const EnrolmentFact& e = r.enrolments[i];
      if (e.start > day) continue;
      bool ended = e.end && *e.end < day;  // an enrolment that ends later is ongoing on `day`
      files.enrolments +=
          fmt::format("{};{};{};{};{};{};{};{}\n", pid, toString(e.schoolType), r.programmes[i], r.schoolUnits[i],
                      r.organisers[i], e.start.iso(), ended ? e.end->iso() : "", ended && e.cancelled ? "ja" : "");
    }
    for (const CompletionFact& c : r.completions)
      if (c.date <= day) files.completions += fmt::format("{};{};{}\n", pid, toString(c.certificate), c.date.iso());
  };
  for (const DemoResident& r : demo.residents) {
    if ((r.emigrated && *r.emigrated <= day) || r.registeredSince > day) continue;
    const PersonDetails& d = r.details;
    if (r.movedOut && *r.movedOut <= day) {
      // The new municipality's address: derived from the person, so that every extract agrees.
      std::uint64_t n = static_cast<std::uint64_t>(d.personalId.number());
      const Neighbour* to = &kNeighbours[0];
      for (const Neighbour& nb : kNeighbours)
        if (nb.code == r.movedTo) to = &nb;
      files.population += fmt::format("{};{};{};Storgatan {};{:03}{:02};{};{};{};{}\n", d.personalId.canonical(),
                                      d.firstName, d.lastName, 1 + n % 60, to->postalPrefix, 10 + n % 90, to->city,
                                      to->code, r.movedOut->iso(), toString(d.protection));
    } else {
      files.population += fmt::format("{};{};{};{};{};{};{};{};{}\n", d.personalId.canonical(), d.firstName, d.lastName,
                                      d.streetAddress, d.postalCode, d.city, d.municipalityCode,
                                      r.registeredSince.iso(), toString(d.protection));
    }
    schooling(r);
  }
  for (const DemoResident& s : demo.unregisteredStudents) schooling(s);
  return files;
}

std::vector<DemoUser> demoStaff() {
  return {{"demo", "admin,unit_manager", {"KAA Norr", "KAA Söder"}, "Maria Lindgren", "033-35 71 10"},
          {"anna", "caseworker", {"KAA Norr"}, "Anna Ödmark", "033-35 71 12"},
          {"bengt", "caseworker", {"KAA Söder"}, "Bengt Åkesson", "033-35 71 13"},
          {"revisor", "auditor", {}},
          {"statistik", "statistician", {}}};
}

std::expected<void, Error> writeDemoRegisters(const DemoMunicipality& demo, const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec)
    return std::unexpected(invalidInput(fmt::format("cannot create {}: {}", directory, ec.message()), "registers"));
  DemoRegisterFiles files = demoRegisterFiles(demo, demo.date);
  for (const auto& [name, text] : {std::pair<const char*, const std::string*>{"population.csv", &files.population},
                                   {"enrolments.csv", &files.enrolments},
                                   {"completions.csv", &files.completions}}) {
    std::ofstream out(std::filesystem::path(directory) / name, std::ios::binary);
    out << *text;
    if (!out) return std::unexpected(internalError(fmt::format("could not write the register files in {}", directory)));
  }
  return {};
}

}  // namespace lotsen
