#include "domain/messages.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

// Issue 12: users read Swedish; a client that asks for English gets the English text.
TEST(Messages, ErrorsAreInSwedishUnlessEnglishIsAsked) {
  EXPECT_EQ(localize("time is required", Language::sv), "Tid måste anges.");
  EXPECT_EQ(localize("time is required", Language::en), "time is required");
  EXPECT_EQ(localize("person.postal_code is required", Language::sv), "Postnummer i personuppgifter måste anges.");
  EXPECT_EQ(localize("'carrier_pigeon' is not a valid contact_channel on 2026-02-01", Language::sv),
            "'carrier_pigeon' är inte en giltig kod i listan contact_channel den 2026-02-01.");
  EXPECT_EQ(localize("Unprocessable Content", Language::sv), "Uppgifterna kan inte sparas");
  EXPECT_EQ(localize("the registration 4 was changed by someone else (current version 3)", Language::sv),
            "Någon annan har ändrat inskrivningen (nr 4) sedan du hämtade den (nu version 3). Hämta den igen.");
  EXPECT_EQ(localize("the goal_assessment 12030 was changed by someone else (current version 2)", Language::sv),
            "Någon annan har ändrat målbedömningen (nr 12030) sedan du hämtade den (nu version 2). Hämta den igen.");
}

// The translation's regex recursed once per character: a message of tens of thousands of characters
// overflowed a worker's stack. Such a message is said as it is.
TEST(Messages, AMessageTooLongToTranslateIsSaidAsItIs) {
  std::string huge = "'" + std::string(100000, 'a') + "' is not a valid registration_reason on 2026-01-10";
  EXPECT_EQ(localize(huge, Language::sv), huge);
  EXPECT_NE(localize("'x' is not a valid registration_reason on 2026-01-10", Language::sv).find("giltig"),
            std::string::npos);
}

TEST(Messages, AnIdentificationRefusalIsExplainedInSwedish) {
  EXPECT_EQ(
      localize("a run that writes is dated today (2026-11-30) or earlier; a dry run may look ahead", Language::sv),
      "En körning som sparar dateras i dag (2026-11-30) eller tidigare; en provkörning får se framåt.");
  EXPECT_EQ(localize("3 problem(s) in the files; nothing was saved", Language::sv), "3 fel i filerna. Inget sparades.");
}

TEST(Messages, ThePlaceOfAProblemStaysAndWhatIsWrongThereIsInSwedish) {
  EXPECT_EQ(localize("--date: a run that writes is dated today (2026-11-30) or earlier; a dry run may look ahead",
                     Language::sv),
            "--date: En körning som sparar dateras i dag (2026-11-30) eller tidigare; en provkörning får se framåt.");
  EXPECT_EQ(localize("population.csv:12: fornamn is required", Language::sv),
            "population.csv:12: Fornamn måste anges.");
}

// Found by the plan editor's work: a caseworker read "Mål[0] delmål[0] rubrik" for the first sub-goal.
TEST(Messages, AFieldInAListIsNamedByItsPlaceCountedFromOne) {
  EXPECT_EQ(localize("goals[0].sub_goals[1].title is required", Language::sv), "Rubrik i delmål 2 i mål 1 måste anges.");
  EXPECT_EQ(localize("goals[0].sub_goals[1].title is required", Language::en),
            "goals[0].sub_goals[1].title is required");
}

// Found by a caseworker: "Uppföljningar 1 slutsats måste anges." and "target_date: Datumet … finns inte.".
TEST(Messages, AFieldIsNamedFirstAndAnItemOfAListByItsOwnName) {
  EXPECT_EQ(localize("reviews[0].conclusion is required", Language::sv), "Slutsats i uppföljning eller utvärdering 1 måste anges.");
  EXPECT_EQ(localize("target_date: no such date: 2027-02-30", Language::sv), "Måldatum: Datumet 2027-02-30 finns inte.");
  EXPECT_EQ(localize("goals[1].target_date: no such date: 2027-02-30", Language::sv),
            "Måldatum i mål 2: Datumet 2027-02-30 finns inte.");
  // An attacker's findings: a sentence that starts with å, ä or ö has its capital too; a list of measure ids in a
  // goal, a negative measure id and an unknown key named "unknown" are said in Swedish.
  EXPECT_EQ(localize("goals[0].measure_ids holds measure ids (numbers)", Language::sv),
            "Åtgärder i mål 1 anges med sina id (tal).");
  EXPECT_EQ(localize("reviews[0]: no measure -1 in this registration", Language::sv),
            "Uppföljning eller utvärdering 1: inskrivningen har ingen åtgärd -1.");
  EXPECT_EQ(localize("'unknown' is an unknown field: only the fields the statute allows are kept", Language::sv),
            "Okänt fält 'unknown': bara de uppgifter som förordningen tillåter sparas.");
  // A place that is not a field of the API stays as it was written.
  EXPECT_EQ(localize("fornamn: no such date: 2027-02-30", Language::sv), "fornamn: Datumet 2027-02-30 finns inte.");
}

TEST(Messages, RefusalsOfAccessAndOfTheRequestAreInSwedish) {
  EXPECT_EQ(localize("your role may not do this (it needs write_cases)", Language::sv),
            "Din roll får inte göra detta (det kräver behörighet att dokumentera i ärenden).");
  EXPECT_EQ(localize("the body is larger than 1048576 bytes", Language::sv), "Innehållet är större än 1048576 byte.");
  EXPECT_EQ(localize("the key 'date' appears twice in one object: send each field once", Language::sv),
            "Fältet 'date' förekommer två gånger i samma objekt: skicka varje fält en gång.");
}

TEST(Messages, TheProblemsOfARegisterFileAreInSwedishAndItsColumnsKeepTheirNames) {
  EXPECT_EQ(localize("enrolments.csv:7: personnummer '20080312-2384': the check digit is wrong", Language::sv),
            "enrolments.csv:7: Personnummer '20080312-2384': Kontrollsiffran är fel.");
  EXPECT_EQ(
      localize("population.csv:3: not UTF-8 (byte 0xE5); the file looks like Windows-1252 (Latin-1), as Excel "
               "often saves CSV: give --encoding windows-1252 (in the API the field encoding), or save it as UTF-8",
               Language::sv),
      "population.csv:3: Inte UTF-8 (byte 0xE5). Filen ser ut att vara Windows-1252 (Latin-1), som Excel ofta "
      "sparar CSV: ange --encoding windows-1252 (i API:t fältet encoding) eller spara den som UTF-8.");
  EXPECT_EQ(localize("enrolments.csv: missing column(s) in the header: skolform, avbrott", Language::sv),
            "enrolments.csv: Kolumner saknas i rubrikraden: skolform, avbrott.");
  EXPECT_EQ(localize("enrolments.csv:4: avbrott must be 'ja', 'nej' or empty, not 'kanske'", Language::sv),
            "enrolments.csv:4: Avbrott ska vara 'ja', 'nej' eller tomt, inte 'kanske'.");
  EXPECT_EQ(localize("enrolments.json: /data/3/enrolments: not an array", Language::sv),
            "enrolments.json: /data/3/enrolments: Här ska det stå en JSON-lista (array).");
  EXPECT_EQ(localize("give the municipality", Language::sv), "Ange kommun.");
}

TEST(Messages, AMessageWithinAMessageIsSaidInSwedishAndAValueAsItIsKeepsItsForm) {
  EXPECT_EQ(localize("database error: bad date in the database: no such date: 2026-02-30", Language::sv),
            "Databasfel: Felaktigt datum i databasen: Datumet 2026-02-30 finns inte.");
  EXPECT_EQ(localize("database error: database is locked", Language::sv), "Databasfel: database is locked.")
      << "SQLite's own words stay as they are";
  EXPECT_EQ(localize("access log TAMPERED: entry 12: its content does not match its hash (edited) (40 entries read)",
                     Language::sv),
            "Åtkomstloggen är MANIPULERAD: post 12: Postens innehåll stämmer inte med dess hash (ändrad) (40 poster "
            "lästa).");
  EXPECT_EQ(
      localize("2026-03-01T10:15:00.000Z anna.s opened person 12 until 2026-03-01T22:15:00.000Z: the id", Language::sv),
      "2026-03-01T10:15:00.000Z anna.s öppnade person 12 till 2026-03-01T22:15:00.000Z: the id")
      << "names, times and the reason are not field names";
  EXPECT_EQ(localize("backup written to /var/backups/lotsen.db", Language::sv),
            "Säkerhetskopian är sparad i '/var/backups/lotsen.db'.");
}

TEST(Messages, TheCommandsOwnAnswersAreInSwedish) {
  EXPECT_EQ(localize("user anna added with role caseworker,unit_manager", Language::sv),
            "Användaren 'anna' är tillagd (roller: caseworker,unit_manager).");
  EXPECT_EQ(localize("anna works in: KAA Norr, KAA Söder", Language::sv),
            "Användaren 'anna' arbetar i: KAA Norr, KAA Söder.");
  EXPECT_EQ(localize("3 migration(s) applied; schema version 9", Language::sv),
            "Genomförda migreringar: 3. Schemaversion: 9.");
  EXPECT_EQ(localize("Would de-identify 2 person(s) as of 2028-06-01", Language::sv),
            "Provkörning: 2 person(er) skulle avidentifieras per 2028-06-01.");
  EXPECT_EQ(localize("anna: 30 persons in 41 entries", Language::sv), "anna: 30 personer i 41 poster")
      << "the user name stays as it is";
  EXPECT_EQ(localize("#7 2026-03-01T10:15:00.000Z anna (caseworker) GET /api/v1/persons/{id} 1 persons [12] reason: "
                     "Ungdomen ringde in",
                     Language::sv),
            "#7 2026-03-01T10:15:00.000Z anna (caseworker) GET /api/v1/persons/{id} 1 personer [12], skäl: Ungdomen "
            "ringde in");
}

// An attacker's finding: "Many_searches_threshold anges som ett positivt heltal." named the parameter by its code.
TEST(Messages, TheReviewsThresholdsAreNamedInSwedish) {
  EXPECT_EQ(localize("many_searches_threshold is a positive whole number", Language::sv),
            "Gränsen för många sökningar anges som ett positivt heltal.");
  EXPECT_EQ(localize("--many-searches: '0' is not a whole number from 1 up", Language::sv),
            "--many-searches: '0' är inget heltal från 1 och uppåt.");
}

TEST(Messages, AMessageOutsideTheCatalogIsAnsweredInEnglishRatherThanNotAtAll) {
  EXPECT_EQ(localize("something new went wrong", Language::sv), "something new went wrong");
}

TEST(Messages, TheClientsFirstLanguageDecides) {
  EXPECT_EQ(languageFrom(""), Language::sv);
  EXPECT_EQ(languageFrom("en"), Language::en);
  EXPECT_EQ(languageFrom("en-GB,en;q=0.9"), Language::en);
  EXPECT_EQ(languageFrom("EN_us"), Language::en);
  EXPECT_EQ(languageFrom("sv-SE,sv;q=0.9,en;q=0.8"), Language::sv);
  EXPECT_EQ(languageFrom("de"), Language::sv) << "Swedish for everyone else";
}

}  // namespace
}  // namespace lotsen
