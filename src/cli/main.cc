// Lotsen cli: the `lotsen` command. It parses arguments, opens the store and calls into http, demo and
// store; it holds no rules of its own. Exit codes: 0 ok, 2 bad usage or bad input (nothing written),
// 1 internal error.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "casework/casework.h"
#include "clock/swedish_time.h"
#include "demo/demo.h"
#include "demo/demo_layout.h"
#include "demo/figures.h"
#include "demo/simulation.h"
#include "domain/access.h"
#include "domain/messages.h"
#include "domain/text.h"
#include "http/auth.h"
#include "http/message.h"
#include "http/server.h"
#include "identify/identify.h"
#include "identify/options.h"
#include "report/access_review.h"
#include "report/committee_output.h"
#include "report/half_year_output.h"
#include "report/kpi_cases.h"
#include "report/kpi_output.h"
#include "report/letters_output.h"
#include "store/access_chain.h"
#include "store/case_records.h"
#include "store/store.h"

namespace lotsen {
namespace {

constexpr int kOk = 0;
constexpr int kInternal = 1;
constexpr int kBadInput = 2;
constexpr int kTampered = 3;  // lotsen audit verify: the access log was changed

constexpr std::string_view kDemoUser = "demo";
constexpr std::string_view kDemoPassword = "lotsen-demo-2026";
constexpr std::uint64_t kDefaultSeed = 1490;

// The language of the command's messages: Swedish, or English with LOTSEN_LANGUAGE=en.
Language cliLanguage() {
  const char* chosen = std::getenv("LOTSEN_LANGUAGE");
  return languageFrom(chosen ? chosen : "");
}

// `english` (a message of the code, or a line of the command's own output) in the command's language:
// the Swedish text from the catalog in src/domain/messages.cc.
std::string said(std::string_view english) { return localize(english, cliLanguage()); }

// Prints `english` as a line in the command's language. Blank lines and indentation before the text stay
// as they are.
void say(std::string_view english, std::FILE* to = stdout) {
  std::size_t text = std::min(english.find_first_not_of(" \n"), english.size());
  fmt::print(to, "{}{}\n", english.substr(0, text), said(english.substr(text)));
}

// A whole number from 1 up that fits in 64 bits, read as the API reads one (CLI::PositiveNumber took 0.5,
// capped 2^63 without a word, and named its range in 300 digits).
const CLI::Validator kPositiveWhole(
    [](std::string& text) {
      return positiveNumber(text) ? std::string() : fmt::format("'{}' is not a whole number from 1 up", text);
    },
    "NUMBER >= 1");

int fail(const Error& error) {
  fmt::print(stderr, "lotsen: {}\n", printable(said(error.message)));
  return error.kind == ErrorKind::internal ? kInternal : kBadInput;
}

// Today in Swedish time.
CivilDate today() { return swedishDay(std::chrono::system_clock::now()); }

// The date given in option `name` (YYYY-MM-DD), or `fallback` when the option was not given.
std::expected<CivilDate, Error> dateOption(std::string_view name, const std::string& text, CivilDate fallback) {
  if (text.empty()) return fallback;
  auto parsed = CivilDate::parse(text);
  if (!parsed) return std::unexpected(invalidInput(fmt::format("{}: {}", name, parsed.error().message)));
  return parsed;
}

// Writes `text` to `path` whole or not at all: to a file beside it first, then renamed over it, so that a
// reader never sees half a report. Errors: invalid_input saying why.
std::expected<void, Error> writeWhole(const std::string& path, const std::string& text) {
  std::string temporary = fmt::format("{}.{}.tmp", path, getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return std::unexpected(invalidInput(fmt::format("cannot write {}", path)));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary);
    return std::unexpected(invalidInput(fmt::format("cannot write {}: {}", path, ec.message())));
  }
  return {};
}

// Logs a command's read of `persons` in the access log as the API logs a route's: the user system:cli, the
// command as the route. Errors: the store's.
std::expected<void, Error> logCommandRead(Store& store, std::string_view command,
                                          const std::set<std::int64_t>& persons) {
  return store.appendAccess(AccessEntry{std::nullopt,
                                        "system:cli",
                                        "cli",
                                        std::string(command),
                                        {persons.begin(), persons.end()},
                                        static_cast<std::int64_t>(persons.size()),
                                        "",
                                        false});
}

// Prints the half-year file's problems and changes since the period's end to standard error, and writes
// the file (csv, xlsx: only without errors, unless `allowErrors`; xlsx only to a file). Writing it is
// logged in the access log as the command's read of every person it names. Returns the exit code.
int writeHalfYear(Store& store, const HalfYearReport& report, const std::string& format, const std::string& path,
                  bool allowErrors) {
  for (const HalfYearProblem& p : report.file.problems)
    fmt::print(stderr, "{} person {} (/personer/{}): {}\n", said(p.blocking ? "error:" : "warning:"), p.personId,
               p.personId, printable(said(p.message)));
  if (report.periodEnded && report.withCorrections)
    say(fmt::format("{} records removed and {} added by corrections since the period ended",
                    report.removedSinceEnd.size(), report.addedSinceEnd.size()),
        stderr);
  else if (report.periodEnded)
    say(fmt::format("{} records removed and {} added by corrections since the period ended (not in this file: "
                    "--with-corrections puts them in)",
                    report.removedSinceEnd.size(), report.addedSinceEnd.size()),
        stderr);
  if (format != "json" && report.file.hasErrors() && !allowErrors) {
    say("no file written: correct the errors above, or write it anyway with --allow-errors", stderr);
    return kBadInput;
  }
  std::expected<std::string, Error> text =
      format == "csv"    ? halfYearText(report.file)
      : format == "xlsx" ? halfYearXlsx(report, cliLanguage())
                         : boost::json::serialize(halfYearJson(report, cliLanguage(), true)) + "\n";
  if (!text) return fail(text.error());
  std::set<std::int64_t> named;
  for (const HalfYearProblem& p : report.file.problems) named.insert(p.personId);
  for (const auto* records : {&report.file.records, &report.removedSinceEnd, &report.addedSinceEnd})
    for (const HalfYearRecord& r : *records) named.insert(r.personId);
  if (auto logged = logCommandRead(store, "lotsen report half-year", named); !logged) return fail(logged.error());
  if (path.empty()) {
    fmt::print("{}", *text);
    return kOk;
  }
  if (auto written = writeWhole(path, *text); !written) return fail(written.error());
  say(fmt::format("the half-year file for {} written to {}", report.file.period.toString(), path));
  return kOk;
}

// The database at `db`, its schema brought up to date. A command that reads or changes what is there
// refuses a path with no database (a mistyped path would otherwise get a new, empty one and, for
// `audit verify`, a clean result); those that set one up (`create`: serve, identify, user add, unit add)
// start one, as `migrate` and `demo` do.
std::expected<std::unique_ptr<Store>, Error> openMigrated(const std::string& db, bool create = false) {
  if (!create && !std::filesystem::exists(db))
    return std::unexpected(invalidInput(fmt::format("no database at {}", db), "db"));
  auto store = openStore(db);
  if (!store) return store;
  if (auto applied = (*store)->migrate(); !applied) return std::unexpected(applied.error());
  return store;
}

std::expected<void, Error> addUser(Store& store, std::string_view username, std::string_view roles,
                                   std::string_view password, const std::vector<std::string>& units) {
  if (auto ok = validateUsername(username); !ok) return std::unexpected(ok.error());
  auto parsed = parseRoles(roles);
  if (!parsed) return std::unexpected(parsed.error());
  auto hash = hashPassword(password);
  if (!hash) return std::unexpected(hash.error());
  auto user =
      store.createUser(Actor{std::nullopt, "system:cli"}, NewUser{std::string(username), parsed->text(), *hash, units});
  if (!user) return std::unexpected(user.error());
  return {};
}

// Fills the empty database at `db` with two years of the demo municipality's work up to `date` and prints
// its figures. The simulation's store journals each event at its simulated time.
std::expected<void, Error> loadDemo(const std::string& db, std::uint64_t seed, CivilDate date,
                                    const std::string& registers) {
  auto started = std::chrono::steady_clock::now();
  DemoMunicipality demo = generateDemoMunicipality(seed, date);
  auto hash = hashPassword(kDemoPassword);
  if (!hash) return std::unexpected(hash.error());
  SimulatedClock clock;
  StoreOptions options;
  options.clock = clock.reader();
  auto store = openStore(db, options);
  if (!store) return std::unexpected(store.error());
  if (auto applied = (*store)->migrate(); !applied) return std::unexpected(applied.error());
  auto summary = simulateDemo(**store, clock, demo, seed, *hash);
  if (!summary) return std::unexpected(summary.error());
  if (auto saved =
          (*store)->saveReportLayout(Actor{std::nullopt, "system:demo"}, kHalfYearLayoutName, demoHalfYearLayout());
      !saved)
    return saved;
  auto figures = demoFigures(**store, date);
  if (!figures) return std::unexpected(figures.error());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(stderr, "Demokommun {} {} den {}: {} invånare 15–21 år, två års arbete simulerat på {:.1f} s\n{}",
             demo.code, demo.name, date.iso(), summary->residents, seconds, demoFiguresText(**store, *figures));
  if (!registers.empty()) {
    if (auto written = writeDemoRegisters(demo, registers); !written) return written;
    fmt::print(stderr, "Registerfiler skrivna i {}\n", registers);
  }
  return {};
}

// `lotsen audit review`: the findings with their counts, and the entries behind each (all with --json).
int printAccessReview(Store& store, CivilDate from, CivilDate to, const AccessReviewOptions& options, bool asJson) {
  auto reviewed = reviewAccessLog(store, from, to, options);
  if (!reviewed) return fail(reviewed.error());
  const AccessReview& review = *reviewed;
  if (asJson) {
    fmt::print("{}\n", boost::json::serialize(accessReviewJson(review, options, SIZE_MAX)));
    return kOk;
  }
  constexpr std::size_t kShown = 20;
  auto more = [&](std::size_t n) {
    if (n > kShown) say(fmt::format("  … and {} more (--json lists all)", n - kShown));
  };
  auto printEntries = [&](const std::vector<LoggedAccess>& items) {
    for (std::size_t i = 0; i < items.size() && i < kShown; ++i) {
      const LoggedAccess& a = items[i];
      std::string username = printable(a.entry.username), role = printable(a.entry.role),
                  route = printable(a.entry.route), persons = fmt::format("{}", fmt::join(a.entry.personIds, ","));
      if (a.entry.purpose.empty())
        say(fmt::format("  #{} {} {} ({}) {} {} persons [{}]", a.id, a.time, username, role, route, a.entry.count,
                        persons));
      else
        say(fmt::format("  #{} {} {} ({}) {} {} persons [{}] reason: {}", a.id, a.time, username, role, route,
                        a.entry.count, persons, printable(a.entry.purpose)));
    }
    more(items.size());
  };
  say(fmt::format("Access log review {} – {}: {} entries", review.from, review.to, review.entries));
  say(fmt::format("\nBreak the glass: {}", review.breakGlass.size()));
  for (std::size_t i = 0; i < review.breakGlass.size() && i < kShown; ++i) {
    const auto& [g, username] = review.breakGlass[i];
    say(fmt::format("  {} {} opened person {} until {}: {}",
                    formatUtcTimestamp(std::chrono::sys_seconds(std::chrono::seconds(g.grantedAt))),
                    printable(username), g.personId,
                    formatUtcTimestamp(std::chrono::sys_seconds(std::chrono::seconds(g.expiresAt))),
                    printable(g.reason)));
  }
  more(review.breakGlass.size());
  say(fmt::format("\nReads outside the caseload (under break the glass): {}", review.outsideCaseload.size()));
  printEntries(review.outsideCaseload);
  say(fmt::format("\nBulk reads (more than {} persons; not the lists of one's own caseload): {}", options.bulkThreshold,
                  review.bulk.size()));
  printEntries(review.bulk);
  say(fmt::format("\nReads outside office hours ({:02}–{:02} Monday–Friday, Swedish time): {}", options.officeStartHour,
                  options.officeEndHour, review.offHours.size()));
  printEntries(review.offHours);
  say(fmt::format("\nRefused attempts on a person's case (403): {}", review.refused.size()));
  printEntries(review.refused);
  say(fmt::format("\nReads of the access log (auditors' reviews): {}", review.auditorReads.size()));
  printEntries(review.auditorReads);
  say(fmt::format("\nUsers who read more than {} distinct persons: {}", options.manyPersonsThreshold,
                  review.manyPersons.size()));
  for (const UserReadCount& u : review.manyPersons)
    say(fmt::format("  {}: {} persons in {} entries", printable(u.username), u.persons, u.entries));
  say(fmt::format("\nUsers who searched more than {} times in a day: {}", options.manySearchesThreshold,
                  review.manySearches.size()));
  for (const UserSearchCount& u : review.manySearches)
    say(fmt::format("  {}: {} searches on {} found {} persons", printable(u.username), u.searches, u.day, u.persons));
  return kOk;
}

struct Listen {
  std::string host;
  std::uint16_t port;
};

std::expected<Listen, Error> parseListen(const std::string& text) {
  static const std::regex kPattern(R"((\[[0-9a-fA-F:.]+\]|[0-9.]+|localhost):([0-9]{1,5}))");
  std::smatch m;
  if (!std::regex_match(text, m, kPattern) || std::stoi(m[2]) > 65535)
    return std::unexpected(invalidInput(fmt::format("--listen takes HOST:PORT, e.g. 127.0.0.1:8080, not '{}'", text)));
  std::string host = m[1];
  if (host == "localhost") host = "127.0.0.1";
  if (host.front() == '[') host = host.substr(1, host.size() - 2);
  return Listen{host, static_cast<std::uint16_t>(std::stoi(m[2]))};
}

// `options` holds the session policy, limits and TLS files; serve fills in the rest.
int serve(const std::string& db, const std::string& listen, const std::string& metricsListen, bool demo,
          std::uint64_t seed, ServerOptions options) {
  auto address = parseListen(listen);
  if (!address) return fail(address.error());
  if (metricsListen == "off") {
    options.metricsHost.clear();
  } else {
    auto metrics = parseListen(metricsListen);
    if (!metrics) return fail(invalidInput("--metrics-listen takes HOST:PORT or off, not '" + metricsListen + "'"));
    options.metricsHost = metrics->host;
    options.metricsPort = metrics->port;
  }
  if (options.tlsCertificate.empty() != options.tlsKey.empty())
    return fail(invalidInput("give both --tls-cert and --tls-key, or neither"));
  if (!options.tlsCertificate.empty()) options.sessions.secureCookie = true;
  bool loadsDemo = false;
  {
    auto store = openMigrated(db, true);
    if (!store) return fail(store.error());
    if (demo) {
      auto existing = (*store)->searchPersons({{}, "", 0, 1, {}});
      if (!existing) return fail(existing.error());
      loadsDemo = existing->total == 0;
    }
  }
  if (loadsDemo)
    if (auto loaded = loadDemo(db, seed, today(), ""); !loaded) return fail(loaded.error());
  options.host = address->host;
  options.port = address->port;
  options.openStore = [db] { return openStore(db); };
  options.onListening = [demo](const std::string& url, const std::string& metricsUrl) {
    fmt::print("Lotsen lyssnar på {}\n", url);
    if (!metricsUrl.empty()) fmt::print("Mätvärden och hälsa på {}/metrics (endast för drift)\n", metricsUrl);
    if (demo)
      fmt::print(
          "Logga in som \"{}\" (administratör och enhetschef), \"anna\" eller \"bengt\" (handläggare), \"revisor\" "
          "eller \"statistik\", alla med lösenordet \"{}\".\n",
          kDemoUser, kDemoPassword);
    std::fflush(stdout);
  };
  auto ran = runServer(options);
  if (!ran) return fail(ran.error());
  return kOk;
}

// A one-line progress bar on standard error, redrawn when the shown percentage changes.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  ~ProgressBar() {
    if (enabled_ && drawn_) fmt::print(stderr, "\r\033[K");
  }
  void operator()(std::string_view phase, double done) {
    if (!enabled_) return;
    int percent = static_cast<int>(done * 100);
    if (phase == phase_ && percent == percent_) return;
    phase_ = std::string(phase);
    percent_ = percent;
    int filled = percent / 5;
    fmt::print(stderr, "\r{:<28} [{}{}] {:3}%", phase, std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(20 - filled), '.'), percent);
    drawn_ = true;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string phase_;
  int percent_ = -1;
};

// `lotsen identify`: the run's options (identify/options.h, the same as the API's), and how to print.
struct IdentifyCommand {
  std::string db = "lotsen.db";
  std::map<std::string, std::string, std::less<>> values;  // value options and file paths, by option name
  std::map<std::string, bool, std::less<>> flags;
  bool json = false, quiet = false;
};

void addIdentifyOptions(CLI::App& command, IdentifyCommand& args) {
  for (const IdentifyOption& o : identifyOptions()) {
    std::string flag = cliFlag(o.name), name(o.name);
    if (o.kind == OptionKind::flag) {
      command.add_flag(flag, args.flags[name], std::string(o.help));
    } else {
      auto* option = command.add_option(flag, args.values[name], std::string(o.help));
      if (o.required) option->required();
    }
  }
}

void printSummary(const IdentificationResult& result, Store& store) {
  auto labels = [&](std::string_view list) {
    std::map<std::string, std::string> byCode;
    if (auto codes = store.codeList(list))
      for (const Code& c : codes->codes()) byCode[c.code] = c.label;
    return byCode;
  };
  auto registrationLabels = labels("registration_reason");
  auto deregistrationLabels = labels("deregistration_reason");
  auto reasons = [](const std::map<std::string, std::size_t>& byReason, std::map<std::string, std::string>& names) {
    std::string text;
    for (const auto& [reason, n] : byReason)
      text += fmt::format("\n    {:<44} {:>8}", names.contains(reason) ? names[reason] : reason, n);
    return text;
  };
  MunicipalityResult total = result.total();
  std::size_t registered = 0, deregistered = 0;
  for (const auto& [r, n] : total.registeredByReason) registered += n;
  for (const auto& [r, n] : total.deregisteredByReason) deregistered += n;
  fmt::print("Identifiering {} för {}{}\n", result.date.iso(),
             result.municipality == "all" ? "alla kommuner" : "kommun " + result.municipality,
             result.dryRun ? " (provkörning: inget sparades)" : "");
  fmt::print("  {:<46} {:>8}\n", "I målgruppen", total.targetGroup);
  fmt::print("  {:<46} {:>8}{}\n", "Nya inskrivningar", registered,
             reasons(total.registeredByReason, registrationLabels));
  fmt::print("  {:<46} {:>8}{}\n", "Avregistreringar", deregistered,
             reasons(total.deregisteredByReason, deregistrationLabels));
  fmt::print("  {:<46} {:>8}\n", "Oförändrade", total.unchanged);
  if (total.closuresRespected > 0)
    fmt::print("  {:<46} {:>8}\n", "Avslutade för hand, står kvar", total.closuresRespected);
  if (total.byHandConfirmed + total.byHandEnded + total.byHandAwaiting > 0)
    fmt::print("  {:<46} {:>8}\n  {:<46} {:>8}\n  {:<46} {:>8}\n", "Inskrivna för hand, bekräftade av registren",
               total.byHandConfirmed, "Inskrivna för hand, avslutade enligt registren", total.byHandEnded,
               "Inskrivna för hand, ännu inte i registren", total.byHandAwaiting);
  if (total.reasonsContradicted > 0)
    fmt::print("  {:<46} {:>8}\n  (rätta skälet på personens sida, annars stoppas halvårsfilen till SCB)\n",
               "Skäl som registren nu motsäger", total.reasonsContradicted);
  for (const auto& [other, n] : total.endedElsewhere)
    fmt::print("  {:<46} {:>8}\n", fmt::format("Avslutade i kommun {}s register (flyttat hit)", other), n);
  if (!result.dryRun) {
    fmt::print("  {:<46} {:>8}\n", "Uppdaterade namn, adresser eller skydd", total.detailsUpdated);
    fmt::print("  {:<46} {:>8}\n", "Studier kända från elevregistret", total.occupationsRecorded);
  }
  if (result.municipality == "all")
    for (const MunicipalityResult& m : result.municipalities)
      fmt::print("  kommun {}: {} i målgruppen\n", m.municipality, m.targetGroup);
  for (const MunicipalityResult& m : result.municipalities)
    if (m.largeChange) {
      std::size_t ended = 0;
      for (const auto& [reason, n] : m.deregisteredByReason) ended += n;
      fmt::print(
          "Obs: körningen avslutar {} av {} aktuella inskrivningar i kommun {}. Kontrollera att filerna är "
          "hela; en sådan körning sparas bara med --confirm-large-change.\n",
          ended, m.openBefore, m.municipality);
    }
}

int identifyCommand(const IdentifyCommand& args) {
  IdentifyArguments given;
  std::map<std::string, std::string, std::less<>> paths;
  for (const IdentifyOption& o : identifyOptions()) {
    std::string name(o.name);
    if (o.kind == OptionKind::flag) {
      if (args.flags.at(name)) given[name] = "true";
    } else if (const std::string& value = args.values.at(name); !value.empty()) {
      (o.kind == OptionKind::file ? paths : given)[name] = value;
    }
  }
  auto options = identifyOptionsFrom(given, today());
  if (!options)
    return fail(invalidInput(fmt::format("{}: {}", cliFlag(options.error().field), options.error().message)));
  std::vector<std::shared_ptr<const RegisterFile>> files;
  for (std::string_view role : {"population", "enrolments", "completions"}) {
    auto path = paths.find(role);
    if (path == paths.end()) {
      files.push_back(nullptr);
      continue;
    }
    auto file = RegisterFile::open(path->second, options->encoding);
    if (!file) return fail(file.error());
    files.push_back(*file);
  }
  ProgressBar progress(!args.quiet && isatty(STDERR_FILENO));
  Diagnostics diagnostics;
  Registers registers = readRegisters(files[0], files[1], files[2], options->date, diagnostics,
                                      [&](std::string_view phase, double done) { progress(phase, done); });
  if (!diagnostics.empty()) {
    for (const std::string& message : diagnostics.messages()) fmt::print(stderr, "{}\n", printable(said(message)));
    if (diagnostics.total() > diagnostics.messages().size())
      say(fmt::format("… and {} more problem(s)", diagnostics.total() - diagnostics.messages().size()), stderr);
    fmt::print(stderr, "lotsen: {}\n",
               said(fmt::format("{} problem(s) in the files; nothing was saved", diagnostics.total())));
    return kBadInput;
  }
  auto store = openMigrated(args.db, true);
  if (!store) return fail(store.error());
  progress("Jämför med registret", 0.99);
  auto result = identify(**store, registers, *options, Actor{std::nullopt, "system:identify"});
  if (!result) return fail(result.error());
  progress("Klar", 1);
  if (args.json) {
    auto labels = loadCodeLabels(**store);
    if (!labels) return fail(labels.error());
    fmt::print("{}\n", summaryJson(*result, result->dryRun, &*labels));  // a dry run lists who would change
  } else
    printSummary(*result, **store);
  return kOk;
}

// What `lotsen letters` was given (see main).
struct LetterOptions {
  std::string out, format, persons, as, file, phone;
  bool phoneGiven = false;
};

// `lotsen letters`: makes the PDF (or the JSON overview), records the letters sent (`confirm`), or shows
// or replaces the template. Exit codes as every command's.
int lettersCommand(const std::string& db, const std::string& unit, std::string_view action, const LetterOptions& o) {
  auto store = openMigrated(db);
  if (!store) return fail(store.error());
  Store& s = **store;
  if (action == "show") {
    auto letter = letterTemplate(s);
    if (!letter) return fail(letter.error());
    fmt::print("{}\n", letter->text);
    fmt::print("\n{{telefon}} = {}\n", letter->phone);
    return kOk;
  }
  if (action == "set") {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) return fail(invalidInput(fmt::format("cannot read {}", o.file)));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.size() > 4 * kMaxLetterText + 4)  // more than 5,000 characters of four bytes each
      return fail(invalidInput(fmt::format("the letter's text is at most {} characters", kMaxLetterText)));
    // Line ends as Windows writes them, and the line end after the last line, are not part of the text.
    text = std::regex_replace(text, std::regex("\r\n"), "\n");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    auto current = letterTemplate(s);
    if (!current) return fail(current.error());
    LetterTemplate letter{text, o.phoneGiven ? o.phone : current->phone};
    if (auto errors = checkLetterTemplate(letter); !errors.empty()) {
      for (const Error& e : errors) fmt::print(stderr, "{}: {}\n", printable(o.file), printable(said(e.message)));
      return kBadInput;
    }
    if (auto saved = saveLetterTemplate(s, Actor{std::nullopt, "system:cli"}, letter); !saved)
      return fail(saved.error());
    say("the letter template is saved");
    return kOk;
  }
  WorklistFilter filter{today(), std::nullopt, unit, std::nullopt};
  if (!unit.empty()) {
    auto units = s.units();
    if (!units) return fail(units.error());
    if (std::ranges::find(*units, unit) == units->end())
      return fail(invalidInput(fmt::format("there is no unit named '{}'", printable(unit)), "unit"));
  }
  if (action == "confirm") {
    std::vector<std::int64_t> ids;
    for (std::string_view part : splitList(o.persons, ',')) {
      std::int64_t id = 0;
      auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
      if (ec != std::errc{} || end != part.data() + part.size() || id < 1)
        return fail(invalidInput("--persons is a comma-separated list of person ids"));
      ids.push_back(id);
    }
    Actor actor{std::nullopt, "system:cli"};
    if (!o.as.empty()) {
      auto user = s.userByName(o.as);
      if (!user) return fail(user.error());
      if (!*user) return fail(invalidInput(fmt::format("no user named '{}'", printable(o.as))));
      actor = Actor{(*user)->id, (*user)->username};
    }
    std::vector<CaseRecord> written;
    std::vector<Error> refused;
    auto done = s.transaction([&]() -> std::expected<void, Error> {
      auto letters = firstContactLetters(s, filter);
      if (!letters) return std::unexpected(letters.error());
      auto sent = lettersToConfirm(*letters, ids);
      if (!sent) {
        refused = sent.error();
        return std::unexpected(invalidInput("no letter recorded"));
      }
      std::vector<LetterPosted> posted;
      for (const LetterSent& l : *sent) posted.push_back({l.personId, l.registrationId});
      auto records = recordLettersSent(s, actor, posted, filter.today, "Brev för första kontakt");
      if (!records) return std::unexpected(records.error());
      written = std::move(*records);
      return {};
    });
    for (const Error& e : refused) fmt::print(stderr, "lotsen: {}\n", printable(said(e.message)));
    if (!done) return refused.empty() ? fail(done.error()) : (say("no letter recorded", stderr), kBadInput);
    say(fmt::format("{} letters recorded as contact attempts by letter on {}", written.size(), filter.today.iso()));
    return kOk;
  }
  if (o.format != "pdf" && o.format != "json") return fail(invalidInput("--format is pdf or json"));
  if (o.format == "pdf" && o.out.empty()) return fail(invalidInput("give --out FILE for the letters' PDF"));
  if (!o.as.empty()) {
    auto user = s.userByName(o.as);
    if (!user) return fail(user.error());
    if (!*user) return fail(invalidInput(fmt::format("no user named '{}'", printable(o.as))));
  }
  auto letters = firstContactLetters(s, filter, o.as);
  if (!letters) return fail(letters.error());
  std::expected<std::string, Error> text = o.format == "pdf"
                                               ? firstContactLettersPdf(*letters)
                                               : boost::json::serialize(firstContactLettersJson(*letters)) + "\n";
  if (!text) return fail(text.error());
  std::set<std::int64_t> named;
  for (const FirstContactLetter& l : letters->letters) named.insert(l.personId);
  for (const auto* apart : {&letters->forwarded, &letters->withoutAddress})
    for (const LetterApart& a : *apart) named.insert(a.personId);
  if (auto logged = logCommandRead(s, "lotsen letters", named); !logged) return fail(logged.error());
  if (o.out.empty()) {
    fmt::print("{}", *text);
    return kOk;
  }
  if (auto written = writeWhole(o.out, *text); !written) return fail(written.error());
  say(fmt::format("{} letters written to {}", letters->letters.size(), o.out));
  if (!letters->forwarded.empty())
    say(fmt::format("{} persons with protected identity are listed apart, to be sent through Skatteverket's forwarding",
                    letters->forwarded.size()));
  if (!letters->withoutAddress.empty())
    say(fmt::format("{} persons have no known address and get no letter", letters->withoutAddress.size()));
  std::vector<std::int64_t> sendable;
  for (const FirstContactLetter& l : letters->letters) sendable.push_back(l.personId);
  for (const LetterApart& a : letters->forwarded) sendable.push_back(a.personId);
  if (!sendable.empty())
    say(fmt::format("once they are sent: lotsen letters confirm --db {} --persons {}", db, fmt::join(sendable, ",")));
  return kOk;
}

}  // namespace
}  // namespace lotsen

int main(int argc, char** argv) {
  using namespace lotsen;
  CLI::App app{"Lotsen: case system for the municipal activity responsibility for young people (KAA)", "lotsen"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lotsen 0.1.0");

  std::string db = "lotsen.db";
  std::string listen = "127.0.0.1:8080";
  bool demo = false;
  std::uint64_t seed = kDefaultSeed;

  auto* serveCmd =
      app.add_subcommand("serve", "Serve Lotsen over HTTP (or HTTPS with --tls-cert) until SIGINT or SIGTERM");
  serveCmd->add_option("--db", db, "SQLite database file")->capture_default_str();
  serveCmd->add_option("--listen", listen, "Address to listen on, HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  serveCmd->add_flag("--demo", demo, "Load the demo municipality if the database holds no persons");
  serveCmd->add_option("--seed", seed, "Seed for the demo municipality")->capture_default_str();
  bool secureCookie = false;
  int sessionIdleMinutes = 30, sessionMaxHours = 10;
  serveCmd->add_option("--session-idle-minutes", sessionIdleMinutes, "A session ends after this long unused")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 60));
  serveCmd->add_option("--session-max-hours", sessionMaxHours, "A session ends this long after login")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 7));
  serveCmd->add_flag("--secure-cookie", secureCookie,
                     "Mark the session cookie Secure (when users reach Lotsen through an HTTPS reverse proxy)");
  ServerOptions serverOptions;
  serveCmd->add_option("--tls-cert", serverOptions.tlsCertificate,
                       "Serve HTTPS with this certificate chain (PEM); needs --tls-key, implies --secure-cookie");
  serveCmd->add_option("--tls-key", serverOptions.tlsKey, "The private key of --tls-cert (PEM)");
  serveCmd->add_option("--trusted-proxy", serverOptions.trustedProxies,
                       "The address of a reverse proxy whose X-Forwarded-For names the client (repeat for several)");
  std::string metricsListen = "127.0.0.1:9464";
  serveCmd
      ->add_option("--metrics-listen", metricsListen,
                   "Serve /metrics, /healthz and /readyz for monitoring on this HOST:PORT (not on --listen), or off")
      ->capture_default_str();
  std::size_t uploadMegabytes = serverOptions.bodyLimits.upload >> 20,
              bodyMemoryMegabytes = serverOptions.maxBodyMemory >> 20;
  serveCmd->add_option("--max-upload-mb", uploadMegabytes, "The largest register upload, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  serveCmd
      ->add_option("--max-body-memory-mb", bodyMemoryMegabytes,
                   "The memory all request bodies being read at once may hold, in MiB (beyond it: 503)")
      ->capture_default_str()
      ->check(CLI::Range(1, 65536));
  serveCmd
      ->add_option("--max-connections", serverOptions.maxConnections,
                   "Connections served at once (beyond it: 503); kept below the descriptor limit")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  serverOptions.webRoot = LOTSEN_WEB_DIST;
  serveCmd->add_option("--web", serverOptions.webRoot, "The built browser UI to serve (make build writes web/dist)")
      ->capture_default_str();

  auto* migrateCmd = app.add_subcommand("migrate", "Create or upgrade the database schema");
  migrateCmd->add_option("--db", db, "SQLite database file")->capture_default_str();

  auto* userCmd = app.add_subcommand("user", "Manage users");
  userCmd->require_subcommand(1);
  std::string username, role;
  bool passwordStdin = false;
  auto* userAdd = userCmd->add_subcommand("add", "Add a user; the password is read from standard input");
  userAdd->add_option("--db", db, "SQLite database file")->required();
  userAdd->add_option("--name", username, "Username (a–z, 0–9, . _ -)")->required();
  std::vector<std::string> units;
  userAdd
      ->add_option("--role", role,
                   "admin, unit_manager, caseworker, statistician, auditor or school_reporter; several with commas")
      ->required();
  userAdd->add_option("--unit", units, "A unit the user works in (repeat for several)");
  userAdd->add_flag("--password-stdin", passwordStdin, "Read the password (at least 12 characters) from standard input")
      ->required();

  auto* userPasswd =
      userCmd->add_subcommand("passwd", "Set a user's password (read from standard input); ends their sessions");
  userPasswd->add_option("--db", db, "SQLite database file")->required();
  userPasswd->add_option("--name", username, "Username")->required();
  userPasswd->add_flag("--password-stdin", passwordStdin, "Read the new password from standard input")->required();
  auto* userDeactivate = userCmd->add_subcommand("deactivate", "Deactivate a user; ends every session at once");
  userDeactivate->add_option("--db", db, "SQLite database file")->required();
  userDeactivate->add_option("--name", username, "Username")->required();
  auto* userActivate = userCmd->add_subcommand("activate", "Activate a deactivated user");
  userActivate->add_option("--db", db, "SQLite database file")->required();
  userActivate->add_option("--name", username, "Username")->required();
  auto* userUnits = userCmd->add_subcommand("units", "Set the units a user works in (none: no --unit)");
  userUnits->add_option("--db", db, "SQLite database file")->required();
  userUnits->add_option("--name", username, "Username")->required();
  userUnits->add_option("--unit", units, "A unit (repeat for several)");
  auto* userRoles = userCmd->add_subcommand("roles", "Replace a user's roles (effective from their next request)");
  userRoles->add_option("--db", db, "SQLite database file")->required();
  userRoles->add_option("--name", username, "Username")->required();
  userRoles->add_option("--role", role, "The new roles, several with commas")->required();
  bool allow = false, withdraw = false;
  auto* userProtected = userCmd->add_subcommand(
      "protected-address",
      "Grant or withdraw read_protected_address: the addresses of persons with protected identity");
  userProtected->add_option("--db", db, "SQLite database file")->required();
  userProtected->add_option("--name", username, "Username")->required();
  auto* allowFlag = userProtected->add_flag("--allow", allow, "Grant the permission");
  userProtected->add_flag("--withdraw", withdraw, "Withdraw the permission")->excludes(allowFlag);
  int inactiveDays = 0;
  auto* userList = userCmd->add_subcommand("list", "List users: name, role, active, last login");
  userList->add_option("--db", db, "SQLite database file")->required();
  userList
      ->add_option("--inactive-days", inactiveDays,
                   "Only active accounts not used for this many days (accounts to remove)")
      ->check(kPositiveWhole);

  std::string demoDateText, registers;
  auto* demoCmd = app.add_subcommand("demo", "Fill an empty database with the demo municipality");
  demoCmd->add_option("--db", db, "SQLite database file")->required();
  demoCmd->add_option("--seed", seed, "Seed: the same seed and date give the same data")->capture_default_str();
  demoCmd->add_option("--date", demoDateText, "The day the demo registers describe (YYYY-MM-DD, default today)");
  demoCmd->add_option("--registers", registers, "Also write the registers as import files into this directory");

  IdentifyCommand identifyArgs;
  auto* identifyCmd = app.add_subcommand(
      "identify", "Find the KAA target group from the registers and update the register (see docs/formats.md)");
  identifyCmd->add_option("--db", identifyArgs.db, "SQLite database file")->capture_default_str();
  addIdentifyOptions(*identifyCmd, identifyArgs);
  identifyCmd->add_flag("--json", identifyArgs.json, "Print the summary as one JSON object");
  identifyCmd->add_flag("--quiet", identifyArgs.quiet, "No progress bar");

  bool retentionDryRun = false;
  std::string retentionDate;
  auto* retentionCmd = app.add_subcommand(
      "retention",
      "Gallring: remove the identity, contact details and free text of persons whose last registration "
      "ended retention_months ago (a setting, default 24); keeps de-identified events for statistics");
  retentionCmd->add_option("--db", db, "SQLite database file")->required();
  retentionCmd->add_flag("--dry-run", retentionDryRun, "List who would be de-identified; change nothing");
  retentionCmd->add_option("--date", retentionDate, "Run as on this day, YYYY-MM-DD (default today)");

  std::string unitName;
  auto* unitCmd = app.add_subcommand("unit", "Manage units (the teams that cases are assigned to)");
  unitCmd->require_subcommand(1);
  auto* unitAdd = unitCmd->add_subcommand("add", "Add a unit");
  unitAdd->add_option("--db", db, "SQLite database file")->required();
  unitAdd->add_option("--name", unitName, "The unit's name, e.g. \"KAA Norr\"")->required();
  auto* unitList = unitCmd->add_subcommand("list", "List the units");
  unitList->add_option("--db", db, "SQLite database file")->required();

  std::vector<std::string> settingChanges;
  auto* settingsCmd = app.add_subcommand(
      "settings", "Show the municipality's settings (worklist deadlines), or change them with KEY=VALUE");
  settingsCmd->add_option("--db", db, "SQLite database file")->required();
  settingsCmd->add_option("changes", settingChanges, "e.g. first_contact_days=10");

  auto* auditCmd = app.add_subcommand("audit", "The access log");
  auditCmd->require_subcommand(1);
  auto* auditVerify = auditCmd->add_subcommand(
      "verify",
      "Check the access log's hash chain: exit 0 when intact, 3 when an entry was edited, deleted, inserted or moved");
  auditVerify->add_option("--db", db, "SQLite database file")->required();
  std::string expectAnchor;
  auditVerify->add_option("--expect", expectAnchor,
                          "An earlier head, COUNT:HASH (lotsen audit head, or the server's hourly log line): fail "
                          "when the log holds fewer entries or another hash at that position");
  auto* auditHead = auditCmd->add_subcommand(
      "head", "Print the access log's head, COUNT:HASH, to keep outside the database (see audit verify --expect)");
  auditHead->add_option("--db", db, "SQLite database file")->required();
  std::string reviewFrom, reviewTo;
  bool reviewJson = false;
  AccessReviewOptions reviewOptions;
  auto* auditReview = auditCmd->add_subcommand(
      "review",
      "Review the access log: break-the-glass uses, reads outside the caseload, bulk reads, reads outside "
      "office hours, users reading many persons or searching many times a day");
  auditReview->add_option("--db", db, "SQLite database file")->required();
  auditReview->add_option("--from", reviewFrom, "First day, YYYY-MM-DD")->required();
  auditReview->add_option("--to", reviewTo, "Last day, YYYY-MM-DD (included)")->required();
  auditReview->add_option("--bulk-threshold", reviewOptions.bulkThreshold, "A read of more persons is bulk")
      ->capture_default_str()
      ->check(kPositiveWhole);
  auditReview
      ->add_option("--many-persons", reviewOptions.manyPersonsThreshold,
                   "List users who read more distinct persons than this")
      ->capture_default_str()
      ->check(kPositiveWhole);
  auditReview
      ->add_option("--many-searches", reviewOptions.manySearchesThreshold,
                   "List each day a user searched more often than this")
      ->capture_default_str()
      ->check(kPositiveWhole);
  auditReview->add_flag("--json", reviewJson, "Print the review as one JSON object, with every entry");

  auto* codesCmd = app.add_subcommand("codes", "SCB's layout and code mapping for the half-year file");
  codesCmd->require_subcommand(1);
  std::string codesFile;
  auto* codesImport = codesCmd->add_subcommand(
      "import", "Import SCB's layout and code mapping (JSON, docs/formats.md); replaces the one imported before");
  codesImport->add_option("--db", db, "SQLite database file")->required();
  codesImport->add_option("file", codesFile, "The layout file")->required();
  auto* codesShow =
      codesCmd->add_subcommand("show", "Print the imported layout and code mapping exactly as it was imported");
  codesShow->add_option("--db", db, "SQLite database file")->required();

  auto* reportCmd = app.add_subcommand(
      "report", "Reports for follow-up: the KPIs, SCB's half-year file, the committee report (docs/reports.md)");
  reportCmd->require_subcommand(1);
  std::string period, by = "all", format = "csv", reportOut, asOf;
  auto* reportKpi = reportCmd->add_subcommand(
      "kpi", "The KPIs of a half-year: target group, known occupation, plans, measures, days to first contact");
  reportKpi->add_option("--db", db, "SQLite database file")->required();
  reportKpi->add_option("--period", period, "The half-year, YYYYH1 or YYYYH2")->required();
  reportKpi->add_option("--by", by, "Break down by all, unit, caseworker, reason, gender or age")
      ->capture_default_str();
  reportKpi->add_option("--format", format, "csv (for Excel) or json")->capture_default_str();
  reportKpi->add_option("--out", reportOut, "The file to write (standard output when not given)");
  reportKpi->add_option("--today", asOf, "Report as of this day while the period runs, YYYY-MM-DD (default: today)");

  bool allowErrors = false, withCorrections = false;
  auto* reportHalfYear = reportCmd->add_subcommand(
      "half-year", "SCB's half-year file about every young person in the KAA register, with its checks");
  reportHalfYear->add_option("--db", db, "SQLite database file")->required();
  reportHalfYear->add_option("--period", period, "The half-year, YYYYH1 or YYYYH2")->required();
  reportHalfYear
      ->add_option("--format", format,
                   "csv (the file for SCB), xlsx (the same for people to read) or json (the file and its checks)")
      ->capture_default_str();
  reportHalfYear->add_option("--out", reportOut, "The file to write (standard output when not given)");
  reportHalfYear->add_flag("--allow-errors", allowErrors, "Write the file although checks found errors");
  reportHalfYear->add_flag("--with-corrections", withCorrections,
                           "Of a past half-year: the cases as they stand now, not as at the period's end");

  // The committee report and its targets (docs/reports.md).
  std::string reportMonth, committeeFormat = "pdf";
  auto* reportCommittee = reportCmd->add_subcommand(
      "committee", "The committee report (nämndrapport) of a month: the activity measures, targets, trends, analyses");
  reportCommittee->add_option("--db", db, "SQLite database file")->required();
  reportCommittee->add_option("--month", reportMonth, "The month, YYYY-MM")->required();
  reportCommittee->add_option("--format", committeeFormat, "pdf, xlsx or json")->capture_default_str();
  reportCommittee->add_option("--out", reportOut, "The file to write (required for pdf and xlsx)");
  reportCommittee->add_option("--today", asOf,
                              "Report as of this day while the month runs, YYYY-MM-DD (default: today)");

  std::string targetMeasure, targetMonth, analysisText;
  int targetYear = 0;
  double targetValue = 0;
  auto* targetsCmd = app.add_subcommand(
      "targets", "The committee report's targets per activity measure and year, and the analysis per month");
  targetsCmd->require_subcommand(1);
  targetsCmd->add_option("--db", db, "SQLite database file")->required();
  auto* targetsSet = targetsCmd->add_subcommand("set", "Set the target of an activity measure for a year");
  targetsSet->fallthrough();
  targetsSet->add_option("--year", targetYear, "The year, YYYY")->required();
  targetsSet->add_option("--measure", targetMeasure, "The activity measure's code (see targets list)")->required();
  targetsSet->add_option("--value", targetValue, "The target: a share as 0 to 1 (0.9), days, or a count")->required();
  auto* targetsList = targetsCmd->add_subcommand("list", "List the activity measures and their targets for a year");
  targetsList->fallthrough();
  targetsList->add_option("--year", targetYear, "The year, YYYY")->required();
  auto* targetsAnalysis = targetsCmd->add_subcommand(
      "analysis", "Write the analysis of an activity measure for a month (an empty text removes it)");
  targetsAnalysis->fallthrough();
  targetsAnalysis->add_option("--month", targetMonth, "The month, YYYY-MM")->required();
  targetsAnalysis->add_option("--measure", targetMeasure, "The activity measure's code")->required();
  targetsAnalysis->add_option("--text", analysisText, "The analysis")->required();

  // First-contact letters (docs/reports.md).
  std::string letterUnit, letterOut, letterFormat = "pdf", letterPersons, letterAs, letterFile, letterPhone;
  auto* lettersCmd = app.add_subcommand(
      "letters", "First-contact letters: one PDF with a letter per young person on the first-contact list");
  lettersCmd->require_subcommand(0, 1);
  lettersCmd->add_option("--db", db, "SQLite database file")->required();
  lettersCmd->add_option("--unit", letterUnit, "Only this unit's cases and the intake (default: every case)");
  lettersCmd->add_option("--out", letterOut, "The PDF file to write (required for pdf)");
  lettersCmd->add_option("--format", letterFormat, "pdf (the letters) or json (who gets one)")->capture_default_str();
  lettersCmd->add_option("--as", letterAs,
                         "The user who sends them: signs the letters of cases nobody is responsible for yet, and is "
                         "the journal's actor when they are confirmed (default system:cli)");
  auto* lettersConfirm = lettersCmd->add_subcommand(
      "confirm", "Record the letters as sent: a contact attempt by letter dated today for each person named");
  lettersConfirm->fallthrough();
  lettersConfirm->add_option("--persons", letterPersons, "The persons the letters were sent to: ids, comma-separated")
      ->required();
  auto* lettersTemplate = lettersCmd->add_subcommand("template",
                                                     "The letter's template (fields {namn}, "
                                                     "{handläggare}, {telefon}, {enhet}, {datum})");
  lettersTemplate->fallthrough();
  lettersTemplate->require_subcommand(1);
  auto* templateShow = lettersTemplate->add_subcommand("show", "Print the template in use");
  templateShow->fallthrough();
  auto* templateSet = lettersTemplate->add_subcommand("set", "Replace the template with the text of FILE (UTF-8)");
  templateSet->fallthrough();
  templateSet->add_option("file", letterFile, "The template's text")->required();
  templateSet->add_option("--phone", letterPhone, "The phone number {telefon} stands for (default: as before)");

  std::string out;
  auto* backupCmd = app.add_subcommand("backup", "Copy the database consistently while the server runs");
  backupCmd->add_option("--db", db, "SQLite database file")->required();
  backupCmd->add_option("--out", out, "The backup file to create (must not exist)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kOk : kBadInput;  // --help, --version
    fmt::print(stderr, "lotsen: {}\n", printable(said(e.what())));
    say("Run with --help for more information.", stderr);
    return kBadInput;
  }

  try {
    if (*serveCmd) {
      serverOptions.sessions =
          SessionPolicy{std::chrono::minutes(sessionIdleMinutes), std::chrono::hours(sessionMaxHours), secureCookie};
      if (bodyMemoryMegabytes < uploadMegabytes)
        return fail(invalidInput("--max-body-memory-mb must be at least --max-upload-mb, or no upload fits"));
      serverOptions.bodyLimits.upload = uploadMegabytes << 20;
      serverOptions.maxBodyMemory = bodyMemoryMegabytes << 20;
      return serve(db, listen, metricsListen, demo, seed, std::move(serverOptions));
    }
    if (*userPasswd || *userDeactivate || *userActivate || *userUnits || *userRoles || *userProtected) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto user = (*store)->userByName(username);
      if (!user) return fail(user.error());
      if (!*user) return fail(invalidInput(fmt::format("no user named '{}'", username)));
      Actor actor{std::nullopt, "system:cli"};
      if (*userPasswd) {
        std::string password;
        std::getline(std::cin, password);
        while (!password.empty() && (password.back() == '\r' || password.back() == '\n')) password.pop_back();
        auto hash = hashPassword(password);
        if (!hash) return fail(hash.error());
        if (auto ok = (*store)->changePassword(actor, (*user)->id, *hash); !ok) return fail(ok.error());
        say(fmt::format("password of {} changed; their sessions have ended", username));
      } else if (*userUnits) {
        if (auto ok = (*store)->setUserUnits(actor, (*user)->id, units); !ok) return fail(ok.error());
        if (units.empty())
          say(fmt::format("{} works in no unit", username));
        else
          say(fmt::format("{} works in: {}", username, fmt::join(units, ", ")));
      } else if (*userRoles) {
        auto roles = parseRoles(role);
        if (!roles) return fail(roles.error());
        if (auto ok = (*store)->setUserRoles(actor, (*user)->id, roles->text()); !ok) return fail(ok.error());
        say(fmt::format("{} now has the roles {}", username, roles->text()));
      } else if (*userProtected) {
        if (!allow && !withdraw) return fail(invalidInput("give --allow or --withdraw"));
        if (auto ok = (*store)->setProtectedAddressAccess(actor, (*user)->id, allow); !ok) return fail(ok.error());
        if (allow)
          say(fmt::format("{} now holds read_protected_address", username));
        else
          say(fmt::format("{} no longer holds read_protected_address", username));
      } else {
        bool active = static_cast<bool>(*userActivate);
        if (auto ok = (*store)->setUserActive(actor, (*user)->id, active); !ok) return fail(ok.error());
        if (active)
          say(fmt::format("{} activated", username));
        else
          say(fmt::format("{} deactivated; their sessions have ended", username));
      }
      return kOk;
    }
    if (*userList) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto users = (*store)->users();
      if (!users) return fail(users.error());
      std::string usedFrom = swedishDayStartUtc(today().plusDays(1 - inactiveDays));
      fmt::print("{:<24} {:<24} {:<8} {:<26} {}\n", said("username"), said("roles"), said("active"),
                 said("last login (UTC)"), said("units"));
      for (const User& u : *users) {
        if (inactiveDays > 0 && !unusedFrom(u, usedFrom)) continue;
        fmt::print("{:<24} {:<24} {:<8} {:<26} {}\n", u.username, u.role, said(u.active ? "yes" : "no"),
                   u.lastLoginAt.empty() ? said("never") : u.lastLoginAt, fmt::join(u.units, ", "));
      }
      return kOk;
    }
    if (*retentionCmd) {
      auto date = dateOption("--date", retentionDate, today());
      if (!date) return fail(date.error());
      CivilDate on = *date;
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto due = retentionDryRun ? (*store)->retentionCandidates(on)
                                 : (*store)->applyRetention(Actor{std::nullopt, "system:cli"}, on);
      if (!due) return fail(due.error());
      if (retentionDryRun)
        say(fmt::format("Would de-identify {} person(s) as of {}", due->size(), on.iso()));
      else
        say(fmt::format("De-identified {} person(s) as of {}", due->size(), on.iso()));
      for (const RetentionCandidate& c : *due)
        say(fmt::format("  person {} (last registration ended {})", c.personId, c.lastEnded.iso()));
      return kOk;
    }
    if (*unitAdd || *unitList) {
      auto store = openMigrated(db, true);
      if (!store) return fail(store.error());
      if (*unitAdd) {
        if (auto ok = (*store)->createUnit(Actor{std::nullopt, "system:cli"}, unitName); !ok) return fail(ok.error());
        say(fmt::format("unit {} added", unitName));
        return kOk;
      }
      auto names = (*store)->units();
      if (!names) return fail(names.error());
      for (const std::string& name : *names) fmt::print("{}\n", printable(name));
      return kOk;
    }
    if (*migrateCmd) {
      auto store = openStore(db);
      if (!store) return fail(store.error());
      auto applied = (*store)->migrate();
      if (!applied) return fail(applied.error());
      say(fmt::format("{} migration(s) applied; schema version {}", *applied, (*store)->schemaVersion().value_or(0)));
      return kOk;
    }
    if (*userAdd) {
      std::string password;
      std::getline(std::cin, password);
      while (!password.empty() && (password.back() == '\r' || password.back() == '\n')) password.pop_back();
      auto store = openMigrated(db, true);
      if (!store) return fail(store.error());
      if (auto added = addUser(**store, username, role, password, units); !added) return fail(added.error());
      say(fmt::format("user {} added with role {}", username, role));
      return kOk;
    }
    if (*demoCmd) {
      auto date = dateOption("--date", demoDateText, today());
      if (!date) return fail(date.error());
      if (auto loaded = loadDemo(db, seed, *date, registers); !loaded) return fail(loaded.error());
      return kOk;
    }
    if (*identifyCmd) return identifyCommand(identifyArgs);
    if (*auditHead) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto head = (*store)->accessLogHead();
      if (!head) return fail(head.error());
      fmt::print("{}\n", anchorText(*head));
      return kOk;
    }
    if (*auditVerify) {
      std::optional<AccessAnchor> anchor;
      if (!expectAnchor.empty()) {
        auto parsed = parseAnchor(expectAnchor);
        if (!parsed) return fail(invalidInput("--expect: " + parsed.error().message));
        anchor = *parsed;
      }
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto check = (*store)->verifyAccessLog(anchor);
      if (!check) return fail(check.error());
      if (check->firstBadId) {
        say(fmt::format("access log TAMPERED: entry {}: {} ({} entries read)", *check->firstBadId, check->problem,
                        check->entries));
        return kTampered;
      }
      say(fmt::format("access log intact: {} entries", check->entries));
      return kOk;
    }
    if (*auditReview) {
      auto from = dateOption("--from", reviewFrom, today());
      if (!from) return fail(from.error());
      auto to = dateOption("--to", reviewTo, today());
      if (!to) return fail(to.error());
      if (*to < *from) return fail(invalidInput("--to is before --from"));
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      return printAccessReview(**store, *from, *to, reviewOptions, reviewJson);
    }
    if (*settingsCmd) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      SettingValues changes;
      for (const std::string& change : settingChanges) {
        std::size_t eq = change.find('=');
        if (eq == std::string::npos) return fail(invalidInput("write a change as KEY=VALUE, not '" + change + "'"));
        changes[change.substr(0, eq)] = change.substr(eq + 1);
      }
      auto changed = (*store)->changeSettings(Actor{std::nullopt, "system:cli"}, changes, std::nullopt);
      if (!changed) return fail(changed.error());
      auto values = (*store)->settings();
      if (!values) return fail(values.error());
      for (const auto& [key, value] : *values) fmt::print("{}={}\n", key, value);
      return kOk;
    }
    if (*reportKpi) {
      auto half = HalfYear::parse(period);
      if (!half) return fail(invalidInput(fmt::format("--period: {}", half.error().message)));
      auto dimension = parseKpiDimension(by);
      if (!dimension) return fail(invalidInput(fmt::format("--by: {}", dimension.error().message)));
      if (format != "csv" && format != "json") return fail(invalidInput("--format is csv or json"));
      auto day = dateOption("--today", asOf, today());
      if (!day) return fail(day.error());
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto history = CaseHistory::read(**store);
      if (!history) return fail(history.error());
      auto report = kpiReport(**store, *history, *half, *day, *dimension);
      if (!report) return fail(report.error());
      auto labels = loadCodeLabels(**store);
      if (!labels) return fail(labels.error());
      auto names = kpiNames(**store, *labels);
      if (!names) return fail(names.error());
      std::string text = format == "csv" ? kpiCsv(*report, *names, kWholeMunicipality)
                                         : boost::json::serialize(kpiJson(*report, *names, kWholeMunicipality)) + "\n";
      if (reportOut.empty()) {
        fmt::print("{}", text);
        return kOk;
      }
      if (auto written = writeWhole(reportOut, text); !written) return fail(written.error());
      say(fmt::format("KPIs for {} written to {}", half->toString(), reportOut));
      return kOk;
    }
    if (*reportCommittee) {
      auto month = YearMonth::parse(reportMonth);
      if (!month) return fail(invalidInput(fmt::format("--month: {}", month.error().message)));
      if (committeeFormat != "pdf" && committeeFormat != "xlsx" && committeeFormat != "json")
        return fail(invalidInput("--format is pdf, xlsx or json"));
      if (committeeFormat != "json" && reportOut.empty())
        return fail(invalidInput("give --out FILE for a PDF or an XLSX file"));
      auto day = dateOption("--today", asOf, today());
      if (!day) return fail(day.error());
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto history = CaseHistory::read(**store);
      if (!history) return fail(history.error());
      auto report = committeeReport(**store, *history, *month, *day);
      if (!report) return fail(report.error());
      std::expected<std::string, Error> text = committeeFormat == "pdf" ? committeePdf(*report)
                                               : committeeFormat == "xlsx"
                                                   ? committeeXlsx(*report)
                                                   : boost::json::serialize(committeeJson(*report)) + "\n";
      if (!text) return fail(text.error());
      if (reportOut.empty()) {
        fmt::print("{}", *text);
        return kOk;
      }
      if (auto written = writeWhole(reportOut, *text); !written) return fail(written.error());
      say(fmt::format("committee report for {} written to {}", month->toString(), reportOut));
      return kOk;
    }
    if (*targetsSet || *targetsList || *targetsAnalysis) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      Actor actor{std::nullopt, "system:cli"};
      if (*targetsSet) {
        MeasureTarget target{targetYear, targetMeasure, targetValue};
        if (auto checked = checkMeasureTarget(target); !checked) return fail(checked.error().front());
        if (auto set = (*store)->setMeasureTarget(actor, target, std::nullopt); !set) return fail(set.error());
        say(fmt::format("target for {} in {} set to {}", targetMeasure, targetYear,
                        committeeValueText(*findActivityMeasure(targetMeasure), targetValue)));
        return kOk;
      }
      if (*targetsAnalysis) {
        MeasureAnalysis analysis{targetMonth, targetMeasure, analysisText};
        if (auto checked = checkMeasureAnalysis(analysis, today()); !checked) return fail(checked.error().front());
        if (auto set = (*store)->setMeasureAnalysis(actor, analysis, std::nullopt); !set) return fail(set.error());
        if (analysisText.empty())
          say(fmt::format("analysis of {} for {} removed", targetMeasure, targetMonth));
        else
          say(fmt::format("analysis of {} for {} saved", targetMeasure, targetMonth));
        return kOk;
      }
      if (targetYear < 2000 || targetYear > 2100) return fail(invalidInput("a target's year is 2000 to 2100", "year"));
      auto targets = (*store)->measureTargets(targetYear);
      if (!targets) return fail(targets.error());
      fmt::print("{:<32} {:<48} {:<9} {}\n", said("measure code"), said("activity measure"), said("direction"),
                 said("target"));
      for (const ActivityMeasure& m : activityMeasures()) {
        std::optional<double> value;
        for (const MeasureTarget& t : *targets)
          if (t.measure == m.code) value = t.value;
        fmt::print("{:<32} {:<48} {:<9} {}\n", m.code, m.label, directionArrow(m.direction),
                   value ? committeeValueText(m, value) : said("no target"));
      }
      return kOk;
    }
    if (*codesImport) {
      std::error_code ec;
      auto size = std::filesystem::file_size(codesFile, ec);
      if (!ec && size > kMaxLayoutBytes) return fail(invalidInput(fmt::format("{} is larger than 1 MB", codesFile)));
      std::ifstream in(codesFile, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (ec || (!in && !in.eof())) return fail(invalidInput(fmt::format("cannot read {}", codesFile)));
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto layout = importHalfYearLayout(**store, Actor{std::nullopt, "system:cli"}, text);
      if (!layout) {
        for (const Error& e : layout.error())
          fmt::print(stderr, "{}: {}: {}\n", printable(codesFile), e.field, printable(said(e.message)));
        return layout.error().front().kind == ErrorKind::invalid_input ? kBadInput : kInternal;
      }
      say(fmt::format("the layout '{}' is imported", printable(layout->collection)));
      return kOk;
    }
    if (*codesShow) {
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto text = importedHalfYearLayout(**store);
      if (!text) return fail(text.error());
      fmt::print("{}", *text);
      return kOk;
    }
    if (*reportHalfYear) {
      auto half = HalfYear::parse(period);
      if (!half) return fail(invalidInput(fmt::format("--period: {}", half.error().message)));
      if (format != "csv" && format != "xlsx" && format != "json")
        return fail(invalidInput("--format is csv, xlsx or json"));
      if (format == "xlsx" && reportOut.empty()) return fail(invalidInput("give --out FILE for an XLSX file"));
      auto store = openMigrated(db);
      if (!store) return fail(store.error());
      auto history = CaseHistory::read(**store);
      if (!history) return fail(history.error());
      auto report = halfYearReport(**store, *history, *half, std::chrono::system_clock::now(), withCorrections);
      if (!report) return fail(report.error());
      return writeHalfYear(**store, *report, format, reportOut, allowErrors);
    }
    if (*lettersCmd)
      return lettersCommand(db, letterUnit,
                            *lettersConfirm ? "confirm"
                            : *templateShow ? "show"
                            : *templateSet  ? "set"
                                            : "make",
                            LetterOptions{letterOut, letterFormat, letterPersons, letterAs, letterFile, letterPhone,
                                          templateSet->count("--phone") > 0});
    if (*backupCmd) {
      if (auto done = backupDatabase(db, out); !done) return fail(done.error());
      say(fmt::format("backup written to {}", out));
      return kOk;
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "lotsen: {}\n", printable(said(fmt::format("internal error: {}", e.what()))));
    return kInternal;
  }
  return kBadInput;
}
