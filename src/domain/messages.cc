#include "domain/messages.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <vector>

namespace lotsen {
namespace {

// The Swedish label of a field named in a message; other values are left as they are.
const std::map<std::string, std::string, std::less<>>& fieldLabels() {
  static const std::map<std::string, std::string, std::less<>> labels{
      {"date", "datum"},
      {"time", "tid"},
      {"channel", "kanal"},
      {"reached", "nådd"},
      {"occupation", "sysselsättning"},
      {"occupation_detail", "sysselsättningens detalj"},
      {"declined", "avböjt"},
      {"note", "anteckning"},
      {"effective_date", "från och med"},
      {"kind", "slag"},
      {"detail", "detalj"},
      {"source", "källa"},
      {"planned", "planerad"},
      {"type", "insatstyp"},
      {"content", "innehåll"},
      {"responsible", "ansvarig"},
      {"partner", "annan aktör"},
      {"planned_start", "planerad start"},
      {"start", "start"},
      {"end", "slut"},
      {"end_reason", "avslutsorsak"},
      {"follow_up", "uppföljning"},
      {"evaluation", "utvärdering"},
      {"drawn_up_on", "upprättad"},
      {"agreed_on", "godkänd av den unga"},
      {"goals", "mål"},
      {"reviews", "uppföljningar"},
      {"goal_id", "mål"},
      {"assessed_on", "bedömd"},
      {"result", "resultat"},
      {"comment", "kommentar"},
      {"reason", "anledning"},
      {"end_date", "slutdatum"},
      {"start_date", "startdatum"},
      {"personal_id", "personnummer"},
      {"first_name", "förnamn"},
      {"last_name", "efternamn"},
      {"street_address", "gatuadress"},
      {"postal_code", "postnummer"},
      {"city", "ort"},
      {"municipality_code", "kommunkod"},
      {"phone", "telefon"},
      {"email", "e-post"},
      {"by_hand", "hur inskrivningen kom till"},
      {"person", "personuppgifter"},
      {"caseworker_id", "handläggare"},
      {"unit", "enhet"},
      {"username", "användarnamn"},
      {"password", "lösenord"},
      {"name", "namn"},
      {"measure_ids", "insatser"},
      {"sub_goals", "delmål"},
      {"title", "rubrik"},
      {"target_date", "måldatum"},
      {"conclusion", "slutsats"},
      {"held_on", "hölls"},
      {"measure_id", "insats"},
      {"id", "id"},
  };
  return labels;
}

// A field path such as "goals[0].sub_goals[1].title": each part by its label.
std::string label(const std::string& value) {
  const auto& labels = fieldLabels();
  if (auto it = labels.find(value); it != labels.end()) return it->second;
  if (value.find_first_of("[.") == std::string::npos) return value;
  std::string out, part;
  auto flush = [&] {
    if (auto it = labels.find(part); it != labels.end())
      out += it->second;
    else
      out += part;
    part.clear();
  };
  for (char c : value) {
    if (c == '.' || c == '[' || c == ']') {
      flush();
      out += c == '.' ? ' ' : c;
    } else {
      part += c;
    }
  }
  flush();
  return out;
}

struct Translation {
  std::regex english;
  std::string swedish;  // {1}, {2}, … are the english pattern's groups
};

// English message → Swedish. The first whole match wins: put the specific before the general. A group
// is put in as its field label, unless it stands in quotes ('{1}').
const std::vector<Translation>& catalog() {
  static const std::vector<Translation> translations = [] {
    const std::pair<const char*, const char*> pairs[] = {
        // HTTP status titles.
        {"Bad Request", "Felaktig begäran"},
        {"Unauthorized", "Inte inloggad"},
        {"Forbidden", "Ingen behörighet"},
        {"Not Found", "Finns inte"},
        {"Method Not Allowed", "Metoden är inte tillåten"},
        {"Conflict", "Konflikt"},
        {"Precondition Failed", "Versionen stämmer inte"},
        {"Precondition Required", "Version saknas"},
        {"Content Too Large", "För stort innehåll"},
        {"Unsupported Media Type", "Fel innehållstyp"},
        {"Unprocessable Content", "Uppgifterna kan inte sparas"},
        {"Too Many Requests", "För många försök"},
        {"Request Header Fields Too Large", "För stora huvuden"},
        {"Internal Server Error", "Internt fel"},
        {"Service Unavailable", "Tjänsten är inte tillgänglig"},
        // Login and access.
        {"log in first", "Logga in först."},
        {"wrong username or password", "Fel användarnamn eller lösenord."},
        {"the account is not active", "Kontot är inte aktivt."},
        {"the session has ended; log in again", "Sessionen har avslutats. Logga in igen."},
        {"the session has expired; log in again", "Sessionen har gått ut. Logga in igen."},
        {"too many failed attempts; try again in (\\d+) seconds",
         "För många misslyckade försök. Försök igen om {1} sekunder."},
        {"missing or wrong X-CSRF-Token header", "Säkerhetstoken (X-CSRF-Token) saknas eller är fel."},
        {"the account has no valid role; ask an administrator",
         "Kontot har ingen giltig roll. Kontakta en administratör."},
        {"the current password is wrong", "Det nuvarande lösenordet är fel."},
        {"the password must have at least (\\d+) characters", "Lösenordet måste ha minst {1} tecken."},
        {"the case is not in your units", "Ärendet hör inte till dina enheter."},
        {"the registration is not in your units", "Inskrivningen hör inte till dina enheter."},
        {"the registration is outside your caseload", "Inskrivningen ligger utanför dina ärenden."},
        {"the registration is outside your caseload: a grant lets you document, not close",
         "Inskrivningen ligger utanför dina ärenden: en tillfällig åtkomst ger rätt att dokumentera, inte att "
         "avsluta."},
        {"you can assign cases only to your own units", "Du kan bara fördela ärenden till dina egna enheter."},
        {"you hold no valid grant for this person", "Du har ingen giltig åtkomst till den här personen."},
        {"cases are assigned to caseworkers and unit managers only",
         "Ärenden fördelas bara till handläggare och enhetschefer."},
        {"a caseworker is assigned within a unit: give the unit",
         "En handläggare tilldelas inom en enhet: ange enheten."},
        {"user (\\d+) does not work in (.+)", "Användare {1} arbetar inte i {2}."},
        // Requests.
        {"there is nothing at this address", "Här finns ingenting."},
        {"(\\S+) is not allowed here", "{1} är inte tillåtet här."},
        {"the body is not valid JSON", "Innehållet är inte giltig JSON."},
        {"the body is not UTF-8: send JSON in UTF-8", "Innehållet är inte UTF-8. Skicka JSON i UTF-8."},
        {"the body must be a JSON object", "Innehållet måste vara ett JSON-objekt."},
        {"send the body as application/json", "Skicka innehållet som application/json."},
        {"send the files as multipart/form-data", "Skicka filerna som multipart/form-data."},
        {"send the version you edited in If-Match", "Skicka versionen du ändrade i If-Match."},
        {"the (\\w+) (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat uppgiften ({1} {2}) sedan du hämtade den (nu version {3}). Hämta den igen."},
        {"no such person", "Personen finns inte."},
        {"no such record", "Uppgiften finns inte."},
        {"no such registration", "Inskrivningen finns inte."},
        {"no person with id (\\d+)", "Det finns ingen person med id {1}."},
        {"no registration with id (\\d+)", "Det finns ingen inskrivning med id {1}."},
        {"no case record with id (\\d+)", "Det finns ingen uppgift med id {1}."},
        {"no user with id (\\d+)", "Det finns ingen användare med id {1}."},
        {"no active user with id (\\d+)", "Det finns ingen aktiv användare med id {1}."},
        {"no unit named '(.*)'", "Det finns ingen enhet som heter '{1}'."},
        {"no worklist named '(.*)'", "Det finns ingen arbetslista som heter '{1}'."},
        {"caseworker is me, all or a user id", "Handläggare anges som me, all eller ett användar-id."},
        {"page must be a whole number from 1 to 100000", "Sidan anges med ett heltal från 1 till 100000."},
        {"the database does not answer", "Databasen svarar inte."},
        {"the database is not available", "Databasen är inte tillgänglig."},
        {"an internal error occurred; it has been logged", "Ett internt fel uppstod. Det har loggats."},
        {"the case is outside your caseload; to open it, state your reason with POST "
         "/api/v1/persons/\\{id\\}/access-grants \\(break the glass\\)",
         "Ärendet ligger utanför dina ärenden. För att öppna det, ange ditt skäl (tillfällig åtkomst)."},
        {"your role may not do this \\(it needs (.+)\\)", "Din roll får inte göra detta (det kräver {1})."},
        {"state the reason in words: at least 10 letters or digits, at most (\\d+) characters \\(it is shown in "
         "the log review\\)",
         "Skriv skälet med ord: minst 10 bokstäver eller siffror, högst {1} tecken (det visas i "
         "loggranskningen)."},
        {"the access log could not be written, so no data was returned",
         "Åtkomstloggen kunde inte skrivas, därför visas inga uppgifter."},
        {"a username has 1–64 characters: a–z, 0–9, '.', '_' or '-', starting with a letter or digit",
         "Ett användarnamn har 1–64 tecken: a–z, 0–9, '.', '_' eller '-', och börjar med en bokstav eller siffra."},
        {"the user was changed meanwhile \\(now version (\\d+)\\); read it again and repeat",
         "Användaren har ändrats under tiden (nu version {1}). Hämta den igen och gör om ändringen."},
        {"inactive_days must be a whole number from 1 to (\\d+)",
         "inactive_days anges som ett heltal från 1 till {1}."},
        {"the person was not in the register on (.+)", "Personen fanns inte i registret den {1}."},
        {"no registration (\\d+) for this person", "Personen har ingen inskrivning {1}."},
        {"no statistics by '(.*)' \\(use occupation or unit\\)",
         "Ingen statistik efter '{1}' (använd occupation eller unit)."},
        {"unknown encoding '(.*)': utf-8 or windows-1252", "Okänd teckenkodning '{1}': utf-8 eller windows-1252."},
        {"expected a half-year as YYYYH1 or YYYYH2, got '(.*)'", "Halvår anges som ÅÅÅÅH1 eller ÅÅÅÅH2, inte '{1}'."},
        // Input in general.
        {"unknown field '(.*)': only the fields the statute allows are kept",
         "Okänt fält '{1}': bara de uppgifter som förordningen tillåter sparas."},
        {"(.+) is required", "{1} måste anges."},
        {"If-Match holds the ETag of (.+), not of (\\S+) (\\S+): send the ETag of the (.+) you edited",
         "If-Match innehåller ETag för {1}, inte för {2} {3}: skicka ETag för det du ändrade."},
        {"If-Match must hold a version such as \"3\"", "If-Match ska innehålla en version, till exempel \"3\"."},
        {"the key '(.*)' appears twice in one object: send each field once",
         "Fältet '{1}' förekommer två gånger i samma objekt: skicka varje fält en gång."},
        {"the body is larger than (\\d+) bytes", "Innehållet är större än {1} byte."},
        {"the query parameter (.+) is not UTF-8 text without control characters",
         "Frågeparametern {1} är inte UTF-8-text utan styrtecken."},
        {"the request headers are too large", "Begärans huvuden är för stora."},
        {"the request is not valid HTTP/1.1", "Begäran är inte giltig HTTP/1.1."},
        {"the server has too many connections; try again shortly",
         "Servern har för många anslutningar. Försök igen om en stund."},
        {"the server is reading too many bodies; try again shortly",
         "Servern tar emot för mycket just nu. Försök igen om en stund."},
        {"(\\S+) (\\S+) takes no body", "{1} {2} tar inget innehåll."},
        {"(.+) is true or false", "{1} anges som true eller false."},
        {"(.+) is given twice", "{1} anges två gånger."},
        {"(.+) is not UTF-8 text", "{1} är inte UTF-8-text."},
        {"not a time", "Inte en tid."},
        {"(.+) must be a string", "{1} anges som text."},
        {"(.+) must be a whole number", "{1} anges som ett heltal."},
        {"(.+) must be true or false", "{1} anges som true eller false."},
        {"(.+) must be an array", "{1} anges som en lista."},
        {"(.+) is a list of strings", "{1} anges som en lista med texter."},
        {"(.+) holds at most (\\d+) items", "{1} får ha högst {2} poster."},
        {"expected a date as YYYY-MM-DD, got '(.*)'", "Datum anges som ÅÅÅÅ-MM-DD, inte '{1}'."},
        {"no such date: (.+)", "Datumet {1} finns inte."},
        {"(.+) is not valid UTF-8", "{1} är inte giltig UTF-8."},
        {"(.+) holds a control character(.*)", "{1} innehåller ett styrtecken{2}."},
        {"(.+) shows nothing: only white space or invisible characters",
         "{1} visar ingenting: bara blanksteg eller osynliga tecken."},
        {"(.+) has more than (\\d+) characters: keep free text short and never write sensitive data",
         "{1} har fler än {2} tecken: håll fritext kort och skriv aldrig känsliga uppgifter."},
        {"(.+) has more than (\\d+) characters", "{1} har fler än {2} tecken."},
        {"'(.*)' is not a valid (\\w+) on (.+)", "'{1}' är inte en giltig kod i listan {2} den {3}."},
        {"(.+) is in the future", "{1} ligger i framtiden."},
        {"(.+) is before the registration started \\((.+)\\)", "{1} ligger före inskrivningens start ({2})."},
        {"(.+) is before the registration started", "{1} ligger före inskrivningens start."},
        // Casework.
        {"time is HH:MM", "Tid anges som TT:MM."},
        {"time is required \\(HH:MM\\); only a letter needs none",
         "Tid måste anges (TT:MM); bara ett brev behöver ingen tid."},
        {"time is later than now \\((.+), Swedish time\\)", "Tiden är senare än nu ({1}, svensk tid)."},
        {"a letter is an attempt: record the young person's answer as a contact of its own",
         "Ett brev är ett kontaktförsök: registrera den ungas svar som en egen kontakt."},
        {"say whether the young person was reached \\(reached\\)", "Ange om den unga nåddes (nådd)."},
        {"an occupation is learnt only when the person was reached",
         "Sysselsättning kan bara bli känd när den unga nåddes."},
        {"occupation_detail needs an occupation", "En detalj om sysselsättningen kräver en sysselsättning."},
        {"only a young person who was reached can decline", "Bara en ung som nåddes kan avböja."},
        {"effective_date is in the future: record what is to come as planned",
         "Datumet ligger i framtiden: registrera det som kommer som planerad sysselsättning."},
        {"responsible is individual, municipality or other_actor",
         "Ansvarig är den unga (individual), kommunen (municipality) eller annan aktör (other_actor)."},
        {"name the other actor responsible \\(partner\\)", "Ange vilken annan aktör som är ansvarig."},
        {"a measure ends only after it started \\(start\\)", "En insats kan bara avslutas efter att den startat."},
        {"end is before start", "Slutdatum ligger före start."},
        {"end is in the future", "Slutdatum ligger i framtiden."},
        {"an end reason needs an end date", "En avslutsorsak kräver ett slutdatum."},
        {"follow_up is before start", "Uppföljningen ligger före start."},
        {"evaluation is before start", "Utvärderingen ligger före start."},
        {"the person has no open registration to document this in",
         "Personen har ingen öppen inskrivning att dokumentera detta i."},
        {"the registration already has one \\(record (\\d+)\\): revise it with PUT",
         "Inskrivningen har redan en (uppgift {1}): ändra den i stället."},
        {"a plan has at most (\\d+) goals", "En plan har högst {1} mål."},
        {"a goal has at most (\\d+) sub-goals", "Ett mål har högst {1} delmål."},
        {"a plan holds at most (\\d+) reviews", "En plan har högst {1} uppföljningar."},
        {"sub-goals have no sub-goals of their own", "Delmål har inga egna delmål."},
        {"goal id '(.*)' is used twice", "Målets id '{1}' används två gånger."},
        {"(.+)\\.id is required, at most 20 characters", "{1}: id måste anges, högst 20 tecken."},
        {"(.+)\\.title has more than 200 characters", "{1}: rubriken har fler än 200 tecken."},
        {"(.+)\\.target_date is before the registration started", "{1}: måldatum ligger före inskrivningens start."},
        {"(.+) serves at most (\\d+) measures", "{1} kan kopplas till högst {2} insatser."},
        {"(.+): no measure (\\d+) for this person", "{1}: personen har ingen insats {2}."},
        {"measure_ids holds measure ids \\(numbers\\)", "Insatser anges med sina id (tal)."},
        {"a plan is agreed to once it is drawn up \\(drawn_up_on\\)",
         "En plan kan godkännas först när den är upprättad (ange upprättad)."},
        {"agreed_on is before the plan was drawn up", "Godkännandet ligger före det datum planen upprättades."},
        {"(.+)\\.held_on is before the plan was drawn up", "{1}: mötet ligger före det datum planen upprättades."},
        {"(.+)\\.kind is follow_up or evaluation",
         "{1}: slag är uppföljning (follow_up) eller utvärdering (evaluation)."},
        {"the current plan has no goal '(.*)'", "Den gällande planen har inget mål '{1}'."},
        {"result is achieved, partly or not_achieved",
         "Resultat är uppnått (achieved), delvis (partly) eller inte uppnått (not_achieved)."},
        {"(\\w+) (\\d+) was voided already", "Uppgiften ({1} {2}) är redan makulerad."},
        {"(\\w+) (\\d+) was voided", "Uppgiften ({1} {2}) är makulerad och kan inte ändras."},
        // Registrations.
        {"end_date is in the future", "Slutdatum ligger i framtiden."},
        {"start_date is in the future", "Startdatum ligger i framtiden."},
        {"the end date is before the start date", "Slutdatum ligger före startdatum."},
        {"registration (\\d+) has already ended", "Inskrivningen ({1}) är redan avslutad."},
        {"registration (\\d+) is open", "Inskrivningen ({1}) är öppen."},
        {"the person has a later or open registration: only the latest reopens",
         "Personen har en senare eller öppen inskrivning: bara den senaste kan öppnas igen."},
        {"(\\w+) comes from the population register at the next identification; a move abroad the young person "
         "reports is moved_abroad",
         "{1} kommer från folkbokföringen vid nästa identifiering; en flytt utomlands som den unga berättar om är "
         "moved_abroad."},
        {"turned_20 holds from the 20th birthday, (.+)", "Fyllt 20 gäller från 20-årsdagen, {1}."},
        {"on (.+) the person is outside the age scope of the activity responsibility \\((.+) to (.+)\\)",
         "Den {1} ligger personen utanför aktivitetsansvarets åldrar ({2} till {3})."},
        {"the person is in Lotsen already: their name and address come from the population register",
         "Personen finns redan i Lotsen: namn och adress kommer från folkbokföringen."},
        {"the person is not in Lotsen: give their name, address and kommunkod \\(person\\)",
         "Personen finns inte i Lotsen: ange namn, adress och kommunkod."},
        {"the person is registered already \\(registration (\\d+)\\)",
         "Personen är redan inskriven (inskrivning {1})."},
        {"a postal code has five digits, e.g. 503 30", "Ett postnummer har fem siffror, till exempel 503 30."},
        {"a kommunkod has four digits, e.g. 1490", "En kommunkod har fyra siffror, till exempel 1490."},
        {"a phone number has 6 to 15 digits, e.g. 070-123 45 67 or \\+46 70 123 45 67",
         "Ett telefonnummer har 6 till 15 siffror, till exempel 070-123 45 67 eller +46 70 123 45 67."},
        {"an e-mail address is name@domain.se, at most 254 characters",
         "En e-postadress skrivs namn@doman.se och har högst 254 tecken."},
        {"unknown setting '(.*)' \\(known: (.*)\\)", "Okänd inställning '{1}' (kända: {2})."},
        {"(.+) is a whole number from 1 to 3650, not '(.*)'", "{1} är ett heltal från 1 till 3650, inte '{2}'."},
        {"give at least two digits of a personnummer", "Ange minst två siffror av ett personnummer."},
        // Identification.
        {"a run that writes is dated today \\((.+)\\) or earlier; a dry run may look ahead",
         "En körning som sparar dateras i dag ({1}) eller tidigare; en provkörning får se framåt."},
        {"the run would end (\\d+) of the (\\d+) open registrations of (\\d+) \\((.+) %\\), more than "
         "large_change_percent \\((.+) %\\): check that the extracts are whole, or confirm the change "
         "\\(--confirm-large-change, in the API the field confirm_large_change\\); nothing was saved",
         "Körningen skulle avsluta {1} av kommun {3}s {2} öppna inskrivningar ({4} %), fler än large_change_percent "
         "({5} %): "
         "kontrollera att registerutdragen är hela, eller bekräfta ändringen (--confirm-large-change, i API:t "
         "fältet confirm_large_change). Inget sparades."},
        {"(\\d+) problem\\(s\\) in the files; nothing was saved", "{1} fel i filerna. Inget sparades."},
        {"a municipality is a 4-digit kommunkod or 'all', not '(.*)'",
         "En kommun anges med fyrsiffrig kommunkod eller 'all', inte '{1}'."},
        {"give the municipality \\(kommunkod, or all\\)", "Ange kommunen (kommunkod eller all)."},
        {"the file (.+) is missing", "Filen {1} saknas."},
        // Users and units.
        {"no such user", "Användaren finns inte."},
        {"no user named '(.*)'", "Det finns ingen användare som heter '{1}'."},
        {"the username '(.*)' is taken", "Användarnamnet '{1}' är upptaget."},
        {"there is already a unit named '(.*)'", "Det finns redan en enhet som heter '{1}'."},
        {"a unit's name is 1 to 60 characters on one line", "En enhets namn har 1 till 60 tecken på en rad."},
        {"give at least one role", "Ange minst en roll."},
        {"unknown role '(.*)'; use admin, unit_manager, caseworker, statistician, auditor or school_reporter, or "
         "several separated by commas",
         "Okänd roll '{1}'; använd admin, unit_manager, caseworker, statistician, auditor eller school_reporter, "
         "eller flera åtskilda med kommatecken."},
        {"this is the last active administrator; make someone else admin first",
         "Det här är den sista aktiva administratören. Gör någon annan till administratör först."},
        {"give at least one of roles, units, active and reads_protected_address",
         "Ange minst en av roles, units, active och reads_protected_address."},
        {"to is before from", "Till-datum ligger före från-datum."},
        {"(.+) is a positive whole number", "{1} anges som ett positivt heltal."},
        {"the query is longer than (\\d+) characters", "Frågan är längre än {1} tecken."},
        {"search with at most five names", "Sök med högst fem namn."},
        {"search with one personnummer at a time", "Sök med ett personnummer i taget."},
    };
    std::vector<Translation> list;
    for (const auto& [english, swedish] : pairs) list.push_back({std::regex(english), swedish});
    return list;
  }();
  return translations;
}

}  // namespace

Language languageFrom(std::string_view header) {
  // The first language named decides (clients list their preference first).
  std::string first;
  for (char c : header) {
    if (c == ',' || c == ';' || c == '-' || c == '_') break;
    if (c != ' ') first += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return first == "en" ? Language::en : Language::sv;
}

std::string localize(std::string_view message, Language language) {
  std::string text(message);
  if (language == Language::en) return text;
  // "population.csv:12: …" or "--date: …": the place stays, what is wrong there is said in Swedish.
  if (std::size_t colon = text.find(": "); colon != std::string::npos && colon > 0 && text.find(' ') > colon) {
    std::string rest = text.substr(colon + 2);
    if (std::string said = localize(rest, language); said != rest) return text.substr(0, colon + 2) + said;
  }
  std::smatch m;
  for (const Translation& t : catalog()) {
    if (!std::regex_match(text, m, t.english)) continue;
    std::string out;
    for (std::size_t i = 0; i < t.swedish.size(); ++i) {
      std::size_t close = t.swedish.find('}', i);
      if (t.swedish[i] == '{' && close != std::string::npos && close > i + 1 &&
          std::all_of(t.swedish.begin() + i + 1, t.swedish.begin() + close, ::isdigit)) {
        std::size_t group = std::stoul(t.swedish.substr(i + 1, close - i - 1));
        // A value in quotes ('{1}') is the client's own text or code: as it was sent.
        out += i > 0 && t.swedish[i - 1] == '\'' ? m[group].str() : label(m[group].str());
        i = close;
      } else {
        out += t.swedish[i];
      }
    }
    // A sentence starts with a capital letter also when it starts with a field's label.
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  return text;
}

}  // namespace lotsen
