#include "domain/messages.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

// Issue 12: users read Swedish; a client that asks for English gets the English text.
TEST(Messages, ErrorsAreInSwedishUnlessEnglishIsAsked) {
  EXPECT_EQ(localize("time is required", Language::sv), "Tid måste anges.");
  EXPECT_EQ(localize("time is required", Language::en), "time is required");
  EXPECT_EQ(localize("person.postal_code is required", Language::sv), "Personuppgifter postnummer måste anges.");
  EXPECT_EQ(localize("'carrier_pigeon' is not a valid contact_channel on 2026-02-01", Language::sv),
            "'carrier_pigeon' är inte en giltig kod i listan contact_channel den 2026-02-01.");
  EXPECT_EQ(localize("Unprocessable Content", Language::sv), "Uppgifterna kan inte sparas");
  EXPECT_EQ(localize("the registration 4 was changed by someone else (current version 3)", Language::sv),
            "Någon annan har ändrat uppgiften (registration 4) sedan du hämtade den (nu version 3). Hämta den igen.");
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

TEST(Messages, RefusalsOfAccessAndOfTheRequestAreInSwedish) {
  EXPECT_EQ(localize("your role may not do this (it needs write_cases)", Language::sv),
            "Din roll får inte göra detta (det kräver write_cases).");
  EXPECT_EQ(localize("the body is larger than 1048576 bytes", Language::sv), "Innehållet är större än 1048576 byte.");
  EXPECT_EQ(localize("the key 'date' appears twice in one object: send each field once", Language::sv),
            "Fältet 'date' förekommer två gånger i samma objekt: skicka varje fält en gång.");
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
