#include "domain/messages.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <vector>

namespace lotsen {
namespace {

// The longest message localize() translates (see there).
constexpr std::size_t kMaxLocalizedBytes = 4000;

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
      {"type", "typ av åtgärd"},
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
      {"city", "postort"},
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
      {"measure_ids", "åtgärder"},
      {"sub_goals", "delmål"},
      {"title", "rubrik"},
      {"target_date", "måldatum"},
      {"conclusion", "slutsats"},
      {"held_on", "hölls"},
      {"measure_id", "åtgärd"},
      {"id", "id"},
      {"municipality", "kommun"},
      {"first_contact_days", "första kontakt (dagar)"},
      {"contact_retry_days", "nytt kontaktförsök (dagar)"},
      {"occupation_stale_months", "sysselsättningen gammal (månader)"},
      {"plan_missing_days", "plan saknas (dagar)"},
      {"turning_20_days", "fyller 20 (dagar)"},
      {"break_glass_hours", "tillfällig åtkomst (timmar)"},
      {"retention_months", "gallring (månader)"},
      {"large_change_percent", "stor förändring (procent)"},
      // The committee report's targets and analyses.
      {"year", "år"},
      {"month", "månad"},
      {"measure", "verksamhetsmått"},
      {"value", "mål"},
      {"text", "text"},
      // First-contact letters.
      {"person_ids", "personer"},
      // The access-log review's thresholds.
      {"bulk_threshold", "gränsen för massuttag"},
      {"many_persons_threshold", "gränsen för många personer"},
      {"many_searches_threshold", "gränsen för många sökningar"},
  };
  return labels;
}

// An item of a list by its own name, as the form names it: "uppföljning eller utvärdering 1", not "uppföljningar 1".
const std::map<std::string, std::string, std::less<>>& itemLabels() {
  static const std::map<std::string, std::string, std::less<>> labels{
      {"reviews", "uppföljning eller utvärdering"}, {"measure_ids", "åtgärd"}, {"person_ids", "person"}};
  return labels;
}

// The first letter of `text` as a capital, also a Swedish one: "å" (UTF-8 C3 A5) becomes "Å" (C3 85). Latin-1's
// small letters à–þ (C3 A0–BE, but ÷) lie 0x20 above their capitals.
void capitalize(std::string& text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  } else if (text.size() > 1 && static_cast<unsigned char>(text[0]) == 0xC3) {
    auto second = static_cast<unsigned char>(text[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7) text[1] = static_cast<char>(second - 0x20);
  }
}

struct FieldPath {
  std::string said;
  bool known;  // every name in it has a label
};

// A field path such as "goals[0].sub_goals[1].title" said in Swedish order, the field first and each item
// of a list counted from 1 as people count: "rubrik i delmål 2 i mål 1". std::nullopt when `value` is not
// such a path (names of a-z and _, each with an optional [index], joined by dots).
std::optional<FieldPath> fieldPath(std::string_view value) {
  static const std::regex part("([a-z_]+)(?:\\[(\\d{1,9})\\])?");
  std::vector<std::string> parts;
  bool known = true;
  std::size_t from = 0;
  while (from <= value.size()) {
    std::size_t dot = std::min(value.find('.', from), value.size());
    std::string text(value.substr(from, dot - from));
    std::smatch m;
    if (!std::regex_match(text, m, part)) return std::nullopt;
    const auto& labels = m[2].matched && itemLabels().contains(m[1].str()) ? itemLabels() : fieldLabels();
    auto it = labels.find(m[1].str());
    known = known && it != labels.end();
    std::string said = it != labels.end() ? it->second : m[1].str();
    if (m[2].matched) {
      said += ' ';
      said += std::to_string(std::stoul(m[2].str()) + 1);
    }
    parts.push_back(std::move(said));
    from = dot + 1;
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!out.empty()) out += " i ";
    out += *it;
  }
  return FieldPath{out, known};
}

// A value put into a message as a field's label: a field path in Swedish (fieldPath), else as it is.
std::string label(const std::string& value) {
  auto path = fieldPath(value);
  return path ? path->said : value;
}

// A placeholder of a Swedish text: {1}, {=1} or {1:sv} (see catalog()).
enum class Form : std::uint8_t { label, asIs, said };
struct Placeholder {
  std::size_t group;
  Form form;
};

std::optional<Placeholder> placeholder(std::string_view inside) {
  Form form = Form::label;
  if (inside.starts_with('=')) {
    form = Form::asIs;
    inside.remove_prefix(1);
  } else if (inside.ends_with(":sv")) {
    form = Form::said;
    inside.remove_suffix(3);
  }
  if (inside.empty() || !std::all_of(inside.begin(), inside.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return Placeholder{static_cast<std::size_t>(std::stoul(std::string(inside))), form};
}

struct Translation {
  std::regex english;
  std::string swedish;  // {1}, {2}, … are the english pattern's groups
};

// English message → Swedish. The first whole match wins: put the specific before the general. A group
// is put in as its field label ({1}); in quotes ('{1}') as it was sent, the client's own text or code;
// as it is ({=1}), a value such as a path, a time or a name that no label may change; or said in Swedish
// itself ({1:sv}), a message within the message (without its final period).
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
        {"a protected person's contact details are changed only by a user who may read them \\(read_protected_address\\)",
         "En person med skyddad identitet får sina kontaktuppgifter ändrade bara av den som får läsa dem "
         "(behörigheten read_protected_address)."},
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
        {"(\\S+) does not work in (.+)", "{=1} arbetar inte i {=2}."},
        // Requests.
        {"there is nothing at this address", "Här finns ingenting."},
        {"(\\S+) is not allowed here", "{1} är inte tillåtet här."},
        {"the body is not valid JSON", "Innehållet är inte giltig JSON."},
        {"the body is not UTF-8: send JSON in UTF-8", "Innehållet är inte UTF-8. Skicka JSON i UTF-8."},
        {"the body must be a JSON object", "Innehållet måste vara ett JSON-objekt."},
        {"send the body as application/json in UTF-8", "Skicka innehållet som application/json i UTF-8."},
        {"send the files as multipart/form-data", "Skicka filerna som multipart/form-data."},
        {"send the version you edited in If-Match", "Skicka versionen du ändrade i If-Match."},
        {"the registration (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat inskrivningen (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the person (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat personens uppgifter (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den "
         "igen."},
        {"the contact_attempt (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat kontakten (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the occupation (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat sysselsättningen (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the measure (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat åtgärden (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the plan (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat planen (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the goal_assessment (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat målbedömningen (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the user (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat användaren (nr {=1}) sedan du hämtade den (nu version {=2}). Hämta den igen."},
        {"the (\\w+) (\\d+) was changed by someone else \\(current version (\\d+)\\)",
         "Någon annan har ändrat uppgiften ({1} {2}) sedan du hämtade den (nu version {3}). Hämta den igen."},
        {"no such person", "Personen finns inte."},
        {"no such code list", "Kodlistan finns inte."},
        // The command line's own parser (CLI11).
        {"Run with --help for more information\\.", "Kör med --help för mer information."},
        {"A subcommand is required", "Ange ett kommando (se --help)."},
        {"The following arguments? (?:was|were) not expected: (.+)", "Okänt argument: {=1}."},
        {"(\\S+): (.+) not in (.+)", "{=1}: {=2} finns inte bland {=3}."},
        {"'(.*)' is not a whole number from 1 up", "'{1}' är inget heltal från 1 och uppåt."},
        {"Lotsen keeps the register of (.+), not of kommun (.+)",
         "Lotsen för register över kommun {=1}, inte över kommun {=2}."},
        {"no such record", "Uppgiften finns inte."},
        {"no such registration", "Inskrivningen finns inte."},
        {"no person with id (\\d+)", "Det finns ingen person med id {1}."},
        {"no registration with id (\\d+)", "Det finns ingen inskrivning med id {1}."},
        {"no case record with id (\\d+)", "Det finns ingen uppgift med id {1}."},
        {"no user with id (\\d+)", "Det finns ingen användare med id {1}."},
        {"no active user with id (\\d+)", "Det finns ingen aktiv användare med id {1}."},
        {"no unit named '(.*)'", "Det finns ingen enhet som heter '{1}'."},
        {"there is no unit named '(.*)'", "Det finns ingen enhet som heter '{1}'."},
        {"as_of is in the future: the case as it stands now is answered without as_of",
         "Datumet ligger i framtiden. Välj i dag eller en dag före."},
        {"contact_id is set by Lotsen for an occupation learnt at a contact: correct the contact instead",
         "Kopplingen till kontakten (contact_id) sätts av Lotsen när sysselsättningen kom fram vid en kontakt: "
         "rätta kontakten i stället."},
        {"a stored contact attempt does not parse", "En sparad kontakt går inte att läsa."},
        {"a stored plan does not parse", "En sparad plan går inte att läsa."},
        {"the occupation was learnt at a contact \\(contact_id\\) and follows it: correct or void the contact instead",
         "Sysselsättningen kom fram vid en kontakt (contact_id) och följer den: rätta eller makulera kontakten i "
         "stället."},
        {"no worklist named '(.*)'", "Det finns ingen arbetslista som heter '{1}'."},
        {"caseworker is me, all or a user id", "Handläggare anges som me, all eller ett användar-id."},
        {"page must be a whole number from 1 to 100000", "Sidan anges med ett heltal från 1 till 100000."},
        {"the database does not answer", "Databasen svarar inte."},
        {"the database is not available", "Databasen är inte tillgänglig."},
        {"an internal error occurred; it has been logged", "Ett internt fel uppstod. Det har loggats."},
        {"the case is outside your caseload; to open it, state your reason with POST "
         "/api/v1/persons/\\{id\\}/access-grants \\(break the glass\\)",
         "Ärendet ligger utanför dina ärenden. För att öppna det, ange ditt skäl (tillfällig åtkomst)."},
        {"your role may not do this \\(it needs read_cases\\)",
         "Din roll får inte göra detta (det kräver behörighet att läsa ärenden)."},
        {"your role may not do this \\(it needs write_cases\\)",
         "Din roll får inte göra detta (det kräver behörighet att dokumentera i ärenden)."},
        {"your role may not do this \\(it needs assign_cases\\)",
         "Din roll får inte göra detta (det kräver behörighet att fördela ärenden, enhetschef)."},
        {"your role may not do this \\(it needs manage_users\\)",
         "Din roll får inte göra detta (det kräver behörighet att administrera användare)."},
        {"your role may not do this \\(it needs run_identification\\)",
         "Din roll får inte göra detta (det kräver behörighet att köra identifiering)."},
        {"your role may not do this \\(it needs read_statistics\\)",
         "Din roll får inte göra detta (det kräver behörighet att läsa statistik)."},
        {"your role may not do this \\(it needs read_access_log\\)",
         "Din roll får inte göra detta (det kräver behörighet att granska åtkomstloggen)."},
        {"your role may not do this \\(it needs committee_report\\)",
         "Din roll får inte göra detta (det kräver behörighet till nämndrapporten och dess mål, enhetschef eller "
         "administratör)."},
        {"your role may not do this \\(it needs (.+)\\)", "Din roll får inte göra detta (det kräver {=1})."},
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
        // Casework messages that a general pattern below would also match.
        {"end is in the future", "Slutdatum ligger i framtiden."},
        {"(.+)\\.title has more than 200 characters", "{1}: rubriken har fler än 200 tecken."},
        {"(.+)\\.target_date is before the registration started", "{1}: måldatum ligger före inskrivningens start."},
        // Input in general.
        {"'(.*)' is an unknown field: only the fields the statute allows are kept",
         "Okänt fält '{1}': bara de uppgifter som förordningen tillåter sparas."},
        {"(.+) is required \\(null removes it\\)", "{1} måste anges (null tar bort uppgiften)."},
        {"(.+) is required", "{1} måste anges."},
        {"If-Match holds the ETag of (.+), not of (\\S+) (\\S+): send the ETag of the (.+) you edited",
         "If-Match innehåller ETag för {1}, inte för {2} {3}: skicka ETag för det du ändrade."},
        {"If-Match must hold a version such as \"3\"", "If-Match ska innehålla en version, till exempel \"3\"."},
        {"the key '(.*)' appears twice in one object: send each field once",
         "Fältet '{1}' förekommer två gånger i samma objekt: skicka varje fält en gång."},
        {"the body is larger than (\\d+) bytes", "Innehållet är större än {1} byte."},
        {"If-Match holds one ETag: the one of the record you edited",
         "If-Match ska innehålla en enda ETag: den för posten du ändrade."},
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
        {"(.+) holds a control character \\(only line breaks are allowed\\)",
         "{1} innehåller ett styrtecken (bara radbrytningar är tillåtna)."},
        {"(.+) holds a control character", "{1} innehåller ett styrtecken."},
        {"(.+) shows nothing: only white space or invisible characters",
         "{1} visar ingenting: bara blanksteg eller osynliga tecken."},
        {"(.+) has more than (\\d+) characters: keep free text short and never write sensitive data",
         "{1} har fler än {2} tecken: håll fritext kort och skriv aldrig känsliga uppgifter."},
        {"(.+) has more than (\\d+) characters", "{1} har fler än {2} tecken."},
        {"(\\S+) holds an invisible character at position (\\d+) \\(a zero-width space, a joiner or the like\\): write "
         "it as the population register does",
         "{1} innehåller ett osynligt tecken på plats {2} (ett nollbrett mellanslag, en sammanfogare eller liknande): "
         "skriv det som i folkbokföringen."},
        {"'(.*)' is not a valid (\\w+) on (.+)", "'{1}' är inte en giltig kod i listan {2} den {3}."},
        {"'(.*)' is not a code in the list (\\w+)", "'{1}' är ingen kod i listan {2}."},
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
        {"a measure ends only after it started \\(start\\)", "En åtgärd kan bara avslutas efter att den startat."},
        {"end is before start", "Slutdatum ligger före start."},
        {"an end reason needs an end date", "En avslutsorsak kräver ett slutdatum."},
        {"follow_up is before start", "Uppföljningen ligger före start."},
        {"evaluation is before start", "Utvärderingen ligger före start."},
        {"the person has no open registration to document this in",
         "Personen har ingen öppen inskrivning att dokumentera detta i."},
        {"the registration already has one \\(record (\\d+)\\): revise it with PUT",
         "Inskrivningen har redan en sådan (uppgift nr {=1}): ändra den i stället."},
        {"a plan has at most (\\d+) goals", "En plan har högst {1} mål."},
        {"a goal has at most (\\d+) sub-goals", "Ett mål har högst {1} delmål."},
        {"a plan holds at most (\\d+) reviews", "En plan har högst {1} uppföljningar."},
        {"sub-goals have no sub-goals of their own", "Delmål har inga egna delmål."},
        {"goal id '(.*)' is used twice", "Målets id '{1}' används två gånger."},
        {"(.+)\\.id is required, at most 20 characters", "{1}: id måste anges, högst 20 tecken."},
        {"(.+) serves at most (\\d+) measures", "{1} kan kopplas till högst {2} åtgärder."},
        {"(.+): no measure (-?\\d+) in this registration", "{1}: inskrivningen har ingen åtgärd {=2}."},
        {"(.+): measure (\\d+) is linked twice", "{1}: åtgärd {2} är kopplad två gånger."},
        {"(.+)\\.id has only the letters a-z, digits, '\\.', '-' and '_'",
         "{1}: id får bara innehålla bokstäverna a–z, siffror, '.', '-' och '_'."},
        {"(.+) holds measure ids \\(numbers\\)", "{1} anges med sina id (tal)."},
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
         "Avslutsorsaken '{1}' kommer från folkbokföringen vid nästa identifiering; en flytt utomlands som den unga "
         "berättar om är moved_abroad."},
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
        {"give at least one setting to change", "Ange minst en inställning att ändra."},
        {"the settings have no version", "Inställningarna saknar version."},
        {"the settings were changed meanwhile \\(now version (\\d+)\\); read them again and repeat",
         "Inställningarna har ändrats under tiden (nu version {1}). Hämta dem igen och gör om ändringen."},
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
        {"give at least one of roles, units, active, reads_protected_address, full_name and phone",
         "Ange minst en av roles, units, active, reads_protected_address, full_name och phone."},
        {"a name is at most (\\d+) characters", "Ett namn har högst {1} tecken."},
        {"to is before from", "Till-datum ligger före från-datum."},
        {"(.+) is a positive whole number", "{1} anges som ett positivt heltal."},
        {"the query is longer than (\\d+) characters", "Frågan är längre än {1} tecken."},
        {"search with at most five names", "Sök med högst fem namn."},
        {"search with one personnummer at a time", "Sök med ett personnummer i taget."},
        // Register files (identification): the field names are the files' own columns.
        {"the file is empty or has no header line", "Filen är tom eller saknar rubrikrad."},
        {"missing column\\(s\\) in the header: (.+)", "Kolumner saknas i rubrikraden: {=1}."},
        {"a quoted field is not closed", "Ett fält inom citattecken är inte avslutat."},
        {"text after a closing quote", "Det står text efter ett avslutande citattecken."},
        {"the extract has a header but no rows: a truncated or empty file is not read",
         "Utdraget har en rubrikrad men inga rader: en avkortad eller tom fil läses inte."},
        {"the extract holds no persons: a truncated or empty file is not read",
         "Utdraget innehåller inga personer: en avkortad eller tom fil läses inte."},
        {"a population extract of 4 GiB or more is not read \\(a nation is 0\\.7 GB\\)",
         "Ett folkbokföringsutdrag på 4 GiB eller mer läses inte (hela landets är 0,7 GB)."},
        {"a control character \\(byte 0x([0-9A-F]{2})\\) in the row: the file looks like UTF-16; save it as UTF-8",
         "Ett styrtecken (byte 0x{1}) på raden: filen ser ut att vara UTF-16. Spara den som UTF-8."},
        {"a control character \\(byte 0x([0-9A-F]{2})\\) in the row", "Ett styrtecken (byte 0x{1}) på raden."},
        {"expected (\\d+) fields as in the header, found (\\d+)", "Raden har {2} fält, men rubrikraden har {1}."},
        {"personnummer '(.*)': (.+)", "personnummer '{1}': {2:sv}."},
        {"unknown skolform '(.*)' \\(SS 12000 schoolType such as GY, GYS, VUX, FHS\\)",
         "Okänd skolform '{1}' (en skolformskod enligt SS 12000, till exempel GY, GYS, VUX, FHS)."},
        {"programkod is required for skolform GY", "programkod måste anges för skolform GY."},
        {"slutdatum is before startdatum", "slutdatum ligger före startdatum."},
        {"avbrott must be 'ja', 'nej' or empty, not '(.*)'", "avbrott ska vara 'ja', 'nej' eller tomt, inte '{1}'."},
        {"kommunkod must be four digits, not '(.*)'", "kommunkod ska ha fyra siffror, inte '{1}'."},
        {"skyddsmarkering must be empty, 'sekretessmarkering' or 'skyddad_folkbokforing', not '(.*)'",
         "skyddsmarkering ska vara tom, 'sekretessmarkering' eller 'skyddad_folkbokforing', inte '{1}'."},
        {"bevis must be gymnasieexamen, gymnasiesarskolebevis, motsvarande or studiebevis, not '(.*)'",
         "bevis ska vara gymnasieexamen, gymnasiesarskolebevis, motsvarande eller studiebevis, inte '{1}'."},
        {"(\\S+) holds a line break", "{1} innehåller en radbrytning."},
        {"(\\S+) is empty or shows nothing", "{1} är tomt eller visar ingenting."},
        {"(\\S+) is in the extract twice \\(also on line (\\d+)\\)",
         "Personnumret {=1} finns två gånger i utdraget (även på rad {2})."},
        {"not valid JSON: (.+)", "Filen är inte giltig JSON: {=1}."},
        {"expected an array of SS 12000 Person objects, or \\{\"data\": \\[\\.\\.\\.\\]\\}",
         "Filen ska innehålla en lista (array) med Person-objekt enligt SS 12000, eller {\"data\": [...]}."},
        {"not an object", "Här ska det stå ett JSON-objekt."},
        {"not an array", "Här ska det stå en JSON-lista (array)."},
        {"must be true or false", "Värdet ska vara true eller false."},
        {"cannot open: (.+)", "Filen kan inte öppnas: {=1}."},
        {"cannot read: (.+)", "Filen kan inte läsas: {=1}."},
        {"byte 0x([0-9A-F]{2}) is not a Windows-1252 character", "Byte 0x{1} är inget tecken i Windows-1252."},
        {"not UTF-8 \\(byte 0x([0-9A-F]{2})\\); (.+)", "Inte UTF-8 (byte 0x{1}). {2:sv}."},
        {"the file looks like UTF-16: save it as UTF-8", "Filen ser ut att vara UTF-16: spara den som UTF-8."},
        {"the file looks like Windows-1252 \\(Latin-1\\), as Excel often saves CSV: give --encoding windows-1252 "
         "\\(in the API the field encoding\\), or save it as UTF-8",
         "Filen ser ut att vara Windows-1252 (Latin-1), som Excel ofta sparar CSV: ange --encoding windows-1252 (i "
         "API:t fältet encoding) eller spara den som UTF-8."},
        {"iconv cannot convert from Windows-1252", "Biblioteket iconv kan inte konvertera från Windows-1252."},
        {"the register of (\\d+) has a registration that starts (\\S+), after (\\S+): identification runs forward "
         "only",
         "Registret för kommun {1} har en inskrivning som börjar {2}, efter {3}: identifieringen kan bara gå framåt "
         "i tiden."},
        {"unknown option '(.*)'", "Okänt alternativ '{1}'."},
        {"give the (\\w+)", "Ange {1}."},
        {"unknown SS 12000 school type '(.*)'", "Okänd skolformskod '{1}' (SS 12000)."},
        // Personnummer and dates.
        {"a personnummer has 10 or 12 digits, optionally with '-' or '\\+' before the last four",
         "Ett personnummer har 10 eller 12 siffror, eventuellt med '-' eller '+' före de fyra sista."},
        {"'\\+' is only used in the 10-digit form", "'+' används bara i den tiosiffriga formen."},
        {"the check digit is wrong", "Kontrollsiffran är fel."},
        {"the date in the number does not exist \\((.+)\\)", "Födelsedatumet i numret finns inte ({1})."},
        {"year must be 0001 or later", "Året måste vara 0001 eller senare."},
        // Uploads (multipart/form-data).
        {"the multipart boundary is missing", "Gränsen (boundary) för multipart/form-data saknas."},
        {"the body has no multipart boundary", "Innehållet har ingen multipart-gräns (boundary)."},
        {"a multipart boundary is not followed by a line break", "En multipart-gräns följs inte av en radbrytning."},
        {"a multipart part has no end of headers", "En del av multipart-innehållet saknar slut på sina huvuden."},
        {"a multipart part has no name", "En del av multipart-innehållet saknar namn."},
        {"a multipart part's name or file name is not UTF-8 text without control characters",
         "Namnet eller filnamnet på en del av multipart-innehållet är inte UTF-8-text utan styrtecken."},
        {"send at most (\\d+) parts", "Skicka högst {1} delar."},
        {"the multipart body is not closed", "Multipart-innehållet är inte avslutat."},
        // The server, its files and its database.
        {"give both --tls-cert and --tls-key, or neither", "Ange både --tls-cert och --tls-key, eller ingen av dem."},
        {"give both --tls-cert and --tls-key", "Ange både --tls-cert och --tls-key."},
        {"cannot load the TLS certificate (.+?): (.+)", "TLS-certifikatet '{1}' kan inte läsas in: {=2}."},
        {"cannot load the TLS key (.+) \\(or it does not match the certificate\\): (.+)",
         "TLS-nyckeln '{1}' kan inte läsas in (eller hör inte till certifikatet): {=2}."},
        {"'(.*)' is not an IP address", "'{1}' är inte en IP-adress."},
        {"cannot listen on (.+):(\\d+): (.+)", "Servern kan inte lyssna på {=1}:{2}: {=3}."},
        {"no database configured", "Ingen databas är angiven."},
        {"cannot read (.+?): (.+)", "'{1}' kan inte läsas: {=2}."},
        {"cannot read (.+)", "'{1}' kan inte läsas."},
        {"the change was saved; read it again to see it", "Ändringen är sparad. Hämta uppgiften igen för att se den."},
        {"give the user's roles as a list", "Ange användarens roller som en lista."},
        {"out of memory while hashing the password", "Minnet räckte inte för att hasha lösenordet."},
        {"libsodium could not be initialised", "Biblioteket libsodium kunde inte initieras."},
        {"a stored JSON document does not parse", "Ett sparat JSON-dokument kan inte tolkas."},
        {"bad date in the database: (.+)", "Felaktigt datum i databasen: {1:sv}."},
        {"bad personnummer in the database", "Felaktigt personnummer i databasen."},
        {"registration (\\d+) awaits nothing", "Inskrivningen ({1}) väntar inte på någon bekräftelse från registren."},
        {"no code list named '(.*)'", "Det finns ingen kodlista som heter '{1}'."},
        {"constraint failed: (.+)", "Ändringen strider mot ett villkor i databasen: {=1}."},
        {"database error: (.+)", "Databasfel: {1:sv}."},
        {"write failed: (.+)", "Skrivningen misslyckades: {1:sv}."},
        {"cannot open the database (.+?): (.+)", "Databasen '{1}' kan inte öppnas: {2:sv}."},
        {"unknown error", "Okänt fel."},
        {"no database at (.+)", "Databasen '{1}' finns inte."},
        {"(.+) already exists; choose a new file", "'{1}' finns redan. Välj en ny fil."},
        {"cannot open (.+) or (.+)", "'{1}' eller '{2}' kan inte öppnas."},
        {"backup failed: (.+)", "Säkerhetskopieringen misslyckades: {1:sv}."},
        // The access log's hash chain (lotsen audit verify).
        {"an anchor is COUNT:HASH as lotsen audit head prints it, e\\.g\\. 1234:9f86d0…",
         "Ett ankare skrivs ANTAL:HASH, så som lotsen audit head skriver det, till exempel 1234:9f86d0…"},
        {"entry (\\d+) follows entry (\\d+): entries are missing", "Post {1} följer på post {2}: poster saknas."},
        {"its previous-hash does not match the entry before it \\(moved or inserted\\)",
         "Postens föregående hash stämmer inte med posten före (flyttad eller infogad)."},
        {"its content does not match its hash \\(edited\\)", "Postens innehåll stämmer inte med dess hash (ändrad)."},
        {"its hash is not the one the anchor (\\S+) recorded",
         "Postens hash är inte den som ankaret {=1} registrerade."},
        {"the log ends after (\\d+) entries, but the anchor (\\S+) recorded (\\d+): entries were cut off",
         "Loggen slutar efter {1} poster, men ankaret {=2} registrerade {3}: poster har tagits bort i slutet."},
        {"access log TAMPERED: entry (\\d+): (.+) \\((\\d+) entries read\\)",
         "Åtkomstloggen är MANIPULERAD: post {1}: {2:sv} ({3} poster lästa)."},
        {"access log intact: (\\d+) entries", "Åtkomstloggen är intakt: {1} poster."},
        // The demo.
        {"cannot create (.+?): (.+)", "'{1}' kan inte skapas: {=2}."},
        {"could not write the register files in (.+)", "Registerfilerna kunde inte skrivas i '{1}'."},
        {"demo registers unreadable", "Demokommunens registerfiler kan inte läsas."},
        {"the demo registers are bad: (.+)", "Demokommunens registerfiler är felaktiga: {1:sv}."},
        {"the demo simulation broke a rule \\((.+?)\\): (.+)", "Demosimuleringen bröt mot en regel ({=1}): {=2}."},
        {"the database already holds persons; demo data goes into an empty database",
         "Databasen innehåller redan personer. Demodata läses bara in i en tom databas."},
        // The lotsen command: its options, its errors and what it did.
        {"--listen takes HOST:PORT, e\\.g\\. 127\\.0\\.0\\.1:8080, not '(.*)'",
         "--listen anges som VÄRD:PORT, till exempel 127.0.0.1:8080, inte '{1}'."},
        {"--metrics-listen takes HOST:PORT or off, not '(.*)'",
         "--metrics-listen anges som VÄRD:PORT eller off, inte '{1}'."},
        {"--max-body-memory-mb must be at least --max-upload-mb, or no upload fits",
         "--max-body-memory-mb måste vara minst --max-upload-mb, annars får ingen uppladdning plats."},
        {"--to is before --from", "--to ligger före --from."},
        {"give --allow or --withdraw", "Ange --allow eller --withdraw."},
        {"write a change as KEY=VALUE, not '(.*)'", "Skriv en ändring som NYCKEL=VÄRDE, inte '{1}'."},
        {"internal error: (.+)", "Internt fel: {1:sv}."},
        {"… and (\\d+) more problem\\(s\\)", "… och {1} fel till"},
        {"user (\\S+) added with role (.+)", "Användaren '{1}' är tillagd (roller: {=2})."},
        {"password of (\\S+) changed; their sessions have ended",
         "Lösenordet för '{1}' är ändrat. Användarens sessioner har avslutats."},
        {"(\\S+) works in no unit", "Användaren '{1}' arbetar inte i någon enhet."},
        {"(\\S+) works in: (.+)", "Användaren '{1}' arbetar i: {=2}."},
        {"(\\S+) now has the roles (.+)", "Användaren '{1}' har nu rollerna: {=2}."},
        {"(\\S+) now holds read_protected_address",
         "Användaren '{1}' har nu behörigheten read_protected_address (läsa skyddade adresser)."},
        {"(\\S+) no longer holds read_protected_address",
         "Användaren '{1}' har inte längre behörigheten read_protected_address."},
        {"(\\S+) activated", "Användaren '{1}' är aktiverad."},
        {"(\\S+) deactivated; their sessions have ended",
         "Användaren '{1}' är inaktiverad. Användarens sessioner har avslutats."},
        {"username", "Användarnamn"},
        {"roles", "Roller"},
        {"active", "Aktiv"},
        {"last login \\(UTC\\)", "Senaste inloggning (UTC)"},
        {"units", "Enheter"},
        {"yes", "Ja"},
        {"no", "Nej"},
        {"never", "Aldrig"},
        {"unit (.+) added", "Enheten '{1}' är tillagd."},
        {"(\\d+) migration\\(s\\) applied; schema version (\\d+)", "Genomförda migreringar: {1}. Schemaversion: {2}."},
        {"backup written to (.+)", "Säkerhetskopian är sparad i '{1}'."},
        {"KPIs for (\\S+) written to (.+)", "Nyckeltalen för {1} är sparade i '{2}'."},
        {"--format is csv or json", "--format är csv eller json."},
        {"--format is csv, xlsx or json", "--format är csv, xlsx eller json."},
        {"format is json, csv or xlsx", "Formatet är json, csv eller xlsx."},
        {"format is json or csv", "Formatet är json eller csv."},
        {"give --out FILE for an XLSX file", "Ange --out FIL för en XLSX-fil."},
        {"the half-year (\\S+) has not begun: today is (\\S+)", "Halvåret {1} har inte börjat: i dag är det {2}."},
        {"by is all, unit, caseworker, reason, gender or age",
         "Nedbrytningen är all (ingen), unit (enhet), caseworker (handläggare), reason (skäl), gender (kön) eller age "
         "(ålder)."},
        {"cannot write (.+?): (.+)", "Kan inte skriva '{1}': {=2}."},
        {"cannot write (.+)", "Kan inte skriva '{1}'."},
        {"the setting first_contact_days is '(.*)'",
         "Inställningen first_contact_days är '{1}', inte ett antal dagar."},
        {"stored record (\\d+) does not parse", "Den sparade uppgiften {1} går inte att läsa."},
        {"Would de-identify (\\d+) person\\(s\\) as of (\\S+)",
         "Provkörning: {1} person(er) skulle avidentifieras per {2}."},
        {"De-identified (\\d+) person\\(s\\) as of (\\S+)", "{1} person(er) avidentifierades per {2}."},
        {"person (\\d+) \\(last registration ended (\\S+)\\)", "Person {1} (senaste inskrivningen avslutades {2})"},
        // SCB's half-year file: its layout, its checks, the command.
        {"the layout '(.*)' is imported", "Layouten '{=1}' är importerad."},
        {"(.+) is larger than 1 MB", "'{=1}' är större än 1 MB."},
        {"the half-year file for (\\S+) written to (.+)", "Halvårsfilen för {=1} är sparad i '{=2}'."},
        {"no file written: correct the errors above, or write it anyway with --allow-errors",
         "Ingen fil skrevs: rätta felen ovan, eller skriv den ändå med --allow-errors."},
        {"(\\d+) records removed and (\\d+) added by corrections since the period ended",
         "Rättelser efter periodens slut tar bort {=1} och lägger till {=2} poster (de finns med i filen)."},
        {"(\\d+) records removed and (\\d+) added by corrections since the period ended \\(not in this file: "
         "--with-corrections puts them in\\)",
         "Rättelser efter periodens slut skulle ta bort {=1} och lägga till {=2} poster (inte i den här filen: "
         "--with-corrections tar med dem)."},
        {"error:", "Fel –"},
        {"warning:", "Varning –"},
        {"the code '(.*)' of the list (\\S+) has no SCB code in the imported layout",
         "Koden '{=1}' i listan {=2} har ingen SCB-kod i den importerade layouten."},
        {"the registration starts on (\\S+), outside the age scope \\(from 1 July of the year the person turns 16 to "
         "the day before the 20th birthday\\)",
         "Inskrivningen börjar {=1}, utanför åldersgränserna (från 1 juli det år personen fyller 16 till dagen före "
         "20-årsdagen)."},
        {"the registration ended on (\\S+) without a reason", "Inskrivningen avslutades {=1} utan skäl."},
        {"the registration reason '(.*)' contradicts the registers, which give '(.*)' for its start on (\\S+)",
         "Inskrivningens skäl '{1}' motsäger registren, som anger '{2}' när inskrivningen började {=3}. Rätta skälet "
         "på personens sida."},
        {"the registration was made by hand and no identification run has confirmed its reason from the registers yet",
         "Inskrivningen gjordes för hand och ingen identifieringskörning har ännu bekräftat skälet mot registren."},
        {"a contact on (\\S+) is dated before the registration started on (\\S+)",
         "En kontakt {=1} är daterad före inskrivningens början {=2}."},
        {"a contact on (\\S+) was made after the responsibility ended on (\\S+): it is not reported",
         "En kontakt {=1} togs efter att ansvaret upphörde {=2}: den rapporteras inte."},
        {"a measure ends on (\\S+), before it started on (\\S+)", "En åtgärd slutar {=1}, före sin start {=2}."},
        {"a measure ended on (\\S+) has no start date", "En åtgärd som avslutades {=1} saknar startdatum."},
        {"a measure ended on (\\S+) without a reason", "En åtgärd avslutades {=1} utan skäl."},
        {"the same personnummer is on two persons in Lotsen \\(ids (\\d+) and (\\d+)\\)",
         "Samma personnummer finns på två personer i Lotsen (id {=1} och {=2})."},
        {"two registrations of the person are open at the same time \\(from (\\S+)\\)",
         "Två av personens inskrivningar är öppna samtidigt (från {=1})."},
        {"the journalled record (.+) does not parse", "Uppgiften {=1} i händelseloggen går inte att läsa."},
        {"the journalled person (\\d+) has no valid personnummer",
         "Person {=1} i händelseloggen har inget giltigt personnummer."},
        {"event (\\d+) has the time '(.*)'", "Händelse {=1} i händelseloggen har tiden '{=2}'."},
        {"a journalled registration lacks its id, person or start date",
         "En inskrivning i händelseloggen saknar id, person eller startdatum."},
        {"no layout for SCB's half-year file has been imported: import SCB's layout and code mapping with lotsen codes "
         "import FILE \\(docs/formats.md\\)",
         "Ingen layout för SCB:s halvårsfil är importerad: importera SCB:s layout och kodmappning med lotsen codes "
         "import FIL (docs/formats.md)."},
        {"the imported layout no longer reads: import it again",
         "Den importerade layouten går inte längre att läsa: importera den igen."},
        {"blocks is required: a list of the five blocks", "Fältet blocks krävs: en lista över de fem blocken."},
        {"block is one of registration, contact, measure_started, measure_ended, responsibility_ended",
         "Fältet block är ett av registration, contact, measure_started, measure_ended och responsibility_ended."},
        {"record_type is the block's record type: 1 to 10 characters on one line, without control characters",
         "Fältet record_type är blockets posttyp: 1 till 10 tecken på en rad, utan styrtecken."},
        {"the record type '(.*)' is given to two blocks", "Posttypen '{=1}' har getts till två block."},
        {"fields is the list of the record's fields: 1 to 30", "Fältet fields är listan över postens fält: 1 till 30."},
        {"not a field of the block (\\S+): (.*)", "Inget fält i blocket {=1}: {=2}."},
        {"the block (\\S+) is missing", "Blocket {=1} saknas."},
        {"codes is required: SCB's code of each Lotsen code, by list",
         "Fältet codes krävs: SCB:s kod för varje kod i Lotsen, per lista."},
        {"not a code list the file reports: (.*)", "Ingen kodlista som filen rapporterar: {=1}."},
        {"(.+) is not a Lotsen code in the list (.+)", "{=1} är ingen kod i Lotsens kodlista {=2}."},
        {"the file is larger than 1 MB", "Filen är större än 1 MB."},
        {"a list maps each Lotsen code to SCB's code", "En lista anger SCB:s kod för varje kod i Lotsen."},
        {"the field (\\S+) needs the code list (\\S+)", "Fältet {=1} behöver kodlistan {=2}."},
        {"SCB's code is 1 to 20 characters on one line, without control characters",
         "SCB:s kod är 1 till 20 tecken på en rad, utan styrtecken."},
        {"SCB's code holds a line separator, a byte-order mark or a quote",
         "SCB:s kod innehåller en radavgränsare, ett byte order mark eller ett citattecken."},
        {"the record type holds a line separator, a byte-order mark or a quote",
         "Posttypen innehåller en radavgränsare, ett byte order mark eller ett citattecken."},
        {"SCB's code holds the file's separator (.*)", "SCB:s kod innehåller filens avgränsare {=1}."},
        {"the record type holds the file's separator (.*)", "Posttypen innehåller filens avgränsare {=1}."},
        {"the file is not UTF-8", "Filen är inte UTF-8."},
        {"the file is not JSON", "Filen är inte JSON."},
        {"the key '(.*)' appears twice in one object: give each once",
         "Nyckeln '{1}' förekommer två gånger i samma objekt: ange varje nyckel en gång."},
        {"the file is not a JSON object", "Filen är inte ett JSON-objekt."},
        {"collection is one line of at most 200 characters", "Fältet collection är en rad på högst 200 tecken."},
        {"municipality is the municipality's code: four digits", "Fältet municipality är kommunkoden: fyra siffror."},
        {"separator is ; , \\| or a tab", "Fältet separator är ; , | eller tabb."},
        {"date_format is YYYYMMDD or YYYY-MM-DD", "Fältet date_format är YYYYMMDD eller YYYY-MM-DD."},
        // lotsen audit review: headings and lines of a list, without periods.
        {"Access log review (\\S+) – (\\S+): (\\d+) entries", "Granskning av åtkomstloggen {1} – {2}: {3} poster"},
        {"Break the glass: (\\d+)", "Nödåtkomst (bryta glaset): {1}"},
        {"(\\S+) (\\S+) opened person (\\d+) until (\\S+): (.*)", "{=1} {=2} öppnade person {3} till {=4}: {=5}"},
        {"… and (\\d+) more \\(--json lists all\\)", "… och {1} till (--json visar alla)"},
        {"Reads outside the caseload \\(under break the glass\\): (\\d+)",
         "Läsningar utanför ärendelistan (med nödåtkomst): {1}"},
        {"Bulk reads \\(more than (\\d+) persons; not the lists of one's own caseload\\): (\\d+)",
         "Massuttag (fler än {1} personer; inte listor ur den egna ärendelistan): {2}"},
        {"Reads outside office hours \\((\\d+)–(\\d+) Monday–Friday, Swedish time\\): (\\d+)",
         "Läsningar utanför kontorstid ({1}–{2} måndag–fredag, svensk tid): {3}"},
        {"Refused attempts on a person's case \\(403\\): (\\d+)",
         "Nekade försök att öppna en persons ärende (403): {1}"},
        {"Reads of the access log \\(auditors' reviews\\): (\\d+)",
         "Granskningar av åtkomstloggen (revisorernas läsningar): {1}"},
        {"Users who read more than (\\d+) distinct persons: (\\d+)",
         "Användare som läst fler än {1} olika personer: {2}"},
        {"Users who searched more than (\\d+) times in a day: (\\d+)",
         "Användare som sökt fler än {1} gånger på en dag: {2}"},
        {"(\\d+) searches on (\\S+) found 1 persons", "{1} sökningar den {=2} hittade 1 person"},
        {"(\\d+) searches on (\\S+) found (\\d+) persons", "{1} sökningar den {=2} hittade {3} personer"},
        {"1 persons in (\\d+) entries", "1 person i {=1} poster"},
        {"(\\d+) persons in (\\d+) entries", "{1} personer i {2} poster"},
        {"#(\\d+) (\\S*) (\\S*) \\((.*?)\\) (.+) (\\d+) persons \\[([\\d,]*)\\] reason: (.*)",
         "#{1} {=2} {=3} ({=4}) {=5} {6} personer [{7}], skäl: {=8}"},
        {"#(\\d+) (\\S*) (\\S*) \\((.*?)\\) (.+) (\\d+) persons \\[([\\d,]*)\\]",
         "#{1} {=2} {=3} ({=4}) {=5} {6} personer [{7}]"},
        // The committee report, its targets and analyses (lotsen report committee, lotsen targets, the API).
        {"expected a month as YYYY-MM, got '(.*)'", "Månad anges som ÅÅÅÅ-MM, inte '{1}'."},
        {"the month (\\S+) has not begun: today is (\\S+)", "Månaden {1} har inte börjat: i dag är det {2}."},
        {"unknown activity measure '(.*)'",
         "Verksamhetsmåttet '{1}' finns inte. Se lotsen targets list för de mått som finns."},
        {"a target's year is 2000 to 2100", "Målets år är 2000–2100."},
        {"a target is a number", "Målet anges som ett tal."},
        {"a share's target is a fraction from 0 to 1 \\(0.9 for 90 %\\)",
         "Målet för en andel anges som ett tal från 0 till 1 (0.9 för 90 %)."},
        {"a target in days is 0 to 365", "Ett mål i dagar är 0–365."},
        {"a target count is a whole number, 0 or more", "Ett mål för ett antal är ett heltal, 0 eller mer."},
        {"an analysis is at most 4000 characters", "En analys är högst 4 000 tecken."},
        {"give the analysis as a text", "Ange analysen som en text."},
        {"the target was changed meanwhile \\(now version (\\d+)\\); read it again and repeat",
         "Målet har ändrats under tiden (nu version {1}). Läs in det igen och gör om ändringen."},
        {"the analysis was changed meanwhile \\(now version (\\d+)\\); read it again and repeat",
         "Analysen har ändrats under tiden (nu version {1}). Läs in den igen och gör om ändringen."},
        {"--format is pdf, xlsx or json", "--format är pdf, xlsx eller json."},
        {"format is json, pdf or xlsx", "Formatet är json, pdf eller xlsx."},
        {"give --out FILE for a PDF or an XLSX file", "Ange --out FIL för en PDF- eller XLSX-fil."},
        {"committee report for (\\S+) written to (.+)", "Nämndrapporten för {1} är sparad i '{2}'."},
        {"target for (\\S+) in (\\d+) set to (.+)", "Målet för '{1}' år {2} är {=3}."},
        {"analysis of (\\S+) for (\\S+) saved", "Analysen av '{1}' för {2} är sparad."},
        {"analysis of (\\S+) for (\\S+) removed", "Analysen av '{1}' för {2} är borttagen."},
        {"measure code", "Kod"},
        {"activity measure", "Verksamhetsmått"},
        {"direction", "Riktning"},
        {"target", "Mål"},
        {"no target", "Inget mål"},
        {"the PDF could not be drawn", "PDF-filen kunde inte ritas."},
        {"no temporary file for the workbook", "Det gick inte att skapa en tillfällig fil för arbetsboken."},
        {"the workbook could not be created", "Arbetsboken kunde inte skapas."},
        {"the workbook could not be written", "Arbetsboken kunde inte skrivas."},
        {"the workbook could not be read back", "Arbetsboken kunde inte läsas tillbaka."},
        // First-contact letters (lotsen letters, the API).
        {"the letter has no text", "Brevet har ingen text."},
        {"the letter's text is at most (\\d+) characters", "Brevets text är högst {1} tecken."},
        {"the letter names the field \\{(.*)\\}, which does not exist: the fields are \\{namn\\}, "
         "\\{handläggare\\}, \\{telefon\\}, \\{enhet\\} and \\{datum\\}",
         "Brevet använder fältet {{=1}}, som inte finns. Fälten är {namn}, {handläggare}, {telefon}, {enhet} och "
         "{datum}."},
        {"a \\{ in the letter opens no field: write a field as \\{namn\\}",
         "En { i brevet inleder inget fält. Skriv ett fält som {namn}."},
        {"the phone number is at most (\\d+) characters", "Telefonnumret är högst {1} tecken."},
        {"the saved letter template does not read: save it again",
         "Den sparade brevmallen går inte att läsa. Spara den igen."},
        {"name at least one person the letters were sent to", "Ange minst en person som brevet skickades till."},
        {"person_ids is a list of person ids", "personer anges som en lista med personernas id."},
        {"a person id is a positive whole number", "En persons id är ett positivt heltal."},
        {"no letter can be sent to person (\\d+): no address is known",
         "Inget brev kan skickas till person {1}: ingen adress är känd."},
        {"person (\\d+) is not on your first-contact list \\(contacted already, or not in your cases\\)",
         "Person {1} finns inte på din lista för första kontakt (redan kontaktad, eller inte bland dina ärenden)."},
        {"the letter to person (\\d+) cannot be recorded: (.+)",
         "Brevet till person {1} kan inte registreras: {2:sv}."},
        {"the letter template was changed meanwhile; read it again and repeat",
         "Brevmallen har ändrats under tiden. Läs in den igen och gör om ändringen."},
        {"the first-contact list changed meanwhile: load it again",
         "Listan för första kontakt har ändrats under tiden. Läs in den igen."},
        {"format is json or pdf", "Formatet är json eller pdf."},
        {"--format is pdf or json", "--format är pdf eller json."},
        {"give --out FILE for the letters' PDF", "Ange --out FIL för brevens PDF-fil."},
        {"--persons is a comma-separated list of person ids",
         "--persons är en lista med personernas id, åtskilda med kommatecken."},
        {"no letter recorded", "Inget brev registrerades."},
        {"the letter template is saved", "Brevmallen är sparad."},
        {"1 letters written to (.+)", "1 brev är sparat i '{=1}'."},
        {"(\\d+) letters written to (.+)", "{1} brev är sparade i '{=2}'."},
        {"1 letters recorded as contact attempts by letter on (\\S+)",
         "1 brev är registrerat som kontaktförsök med brev den {=1}."},
        {"(\\d+) letters recorded as contact attempts by letter on (\\S+)",
         "{1} brev är registrerade som kontaktförsök med brev den {=2}."},
        {"1 persons with protected identity are listed apart, to be sent through Skatteverket's forwarding",
         "1 person med skyddade personuppgifter står på en egen lista: brevet skickas via Skatteverkets "
         "vidarebefordran."},
        {"(\\d+) persons with protected identity are listed apart, to be sent through Skatteverket's forwarding",
         "{1} personer med skyddade personuppgifter står på en egen lista: brevet skickas via Skatteverkets "
         "vidarebefordran."},
        {"1 persons have no known address and get no letter", "1 person saknar känd adress och får inget brev."},
        {"(\\d+) persons have no known address and get no letter",
         "{1} personer saknar känd adress och får inget brev."},
        {"once they are sent: lotsen letters confirm --db (\\S+) --persons (\\S+)",
         "När breven är skickade: lotsen letters confirm --db {=1} --persons {=2}"},
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
  // libstdc++'s regex recurses once per character matched: a message tens of thousands of characters long
  // overflowed a worker's stack. Messages echo what a client sent only shortened (echoed()); one this long
  // is said as it is.
  if (language == Language::en || text.size() > kMaxLocalizedBytes) return text;
  // "population.csv:12: …" or "--date: …": the place stays, what is wrong there is said in Swedish.
  // A place that is a field ("goals[0].target_date: …") is said by its label.
  if (std::size_t colon = text.find(": "); colon != std::string::npos && colon > 0 && text.find(' ') > colon) {
    std::string rest = text.substr(colon + 2);
    if (std::string said = localize(rest, language); said != rest) {
      std::string place = text.substr(0, colon);
      if (auto path = fieldPath(place); path && path->known) {
        place = path->said;
        capitalize(place);
      }
      return place + ": " + said;
    }
  }
  std::smatch m;
  for (const Translation& t : catalog()) {
    if (!std::regex_match(text, m, t.english)) continue;
    std::string out;
    for (std::size_t i = 0; i < t.swedish.size(); ++i) {
      std::size_t close = t.swedish.find('}', i);
      std::optional<Placeholder> p;
      if (t.swedish[i] == '{' && close != std::string::npos)
        p = placeholder(std::string_view(t.swedish).substr(i + 1, close - i - 1));
      if (!p) {
        out += t.swedish[i];
        continue;
      }
      std::string value = m[p->group].str();
      if (p->form == Form::said) {
        value = localize(value, language);
        if (value.ends_with('.')) value.pop_back();
        out += value;
      } else if (p->form == Form::asIs || (i > 0 && t.swedish[i - 1] == '\'')) {
        out += value;  // a value in quotes ('{1}') is the client's own text or code: as it was sent
      } else {
        out += label(value);
      }
      i = close;
    }
    // A sentence starts with a capital letter also when it starts with a field's label.
    capitalize(out);
    return out;
  }
  return text;
}

}  // namespace lotsen
