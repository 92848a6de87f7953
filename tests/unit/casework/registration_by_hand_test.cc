// Registration by hand through the casework service itself: its rules hold for every caller, not only
// for the API's route.
#include <gtest/gtest.h>

#include "../store/database_test.h"
#include "casework/casework.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

class RegistrationByHandService : public DatabaseTest {
 protected:
  RegistrationByHand request(std::string_view start, PersonDetails details) {
    return RegistrationByHand{details.personalId, details,     date(start),
                              "never_started",    "called_in", date("2026-11-30")};
  }
  PersonDetails details(std::string_view postalCode = "504 31") {
    return PersonDetails{*PersonalId::parse("20090505-1231", date("2026-11-30")),
                         "Örjan",
                         "Åkesson",
                         "Ängsvägen 3",
                         std::string(postalCode),
                         "Borås",
                         "1490",
                         Protection::none};
  }
  Actor actor_{std::int64_t{1}, "anna"};
};

TEST_F(RegistrationByHandService, TheAgeScopeAndTheEnteredDetailsAreCheckedByTheServiceItself) {
  auto ahead = registerByHand(*store_, actor_, request("2026-12-01", details()), std::nullopt, "");
  ASSERT_FALSE(ahead);
  EXPECT_EQ(ahead.error().field, "start_date");
  auto postal = registerByHand(*store_, actor_, request("2026-11-02", details("5043")), std::nullopt, "");
  ASSERT_FALSE(postal);
  EXPECT_EQ(postal.error().field, "person.postal_code");
  EXPECT_FALSE(*store_->personByPersonalId(details().personalId)) << "nothing stored";
  auto registered = registerByHand(*store_, actor_, request("2026-11-02", details()), std::nullopt, "");
  ASSERT_TRUE(registered) << registered.error().message;
  EXPECT_EQ(registered->person.details.postalCode, "50431") << "kept as five digits";
  EXPECT_TRUE(registered->registration.awaitingRegisters);
}

// Replay of issue 12's week: a made-up kommunkod put the person into a register nobody keeps, for good.
TEST_F(RegistrationByHandService, APersonEnteredByHandLivesInAMunicipalityWhoseRegisterLotsenKeeps) {
  ASSERT_TRUE(registerByHand(*store_, actor_, request("2026-11-02", details()), std::nullopt, ""));
  PersonDetails elsewhere = details();
  elsewhere.personalId = *PersonalId::parse("20090606-1239", date("2026-11-30"));
  elsewhere.municipalityCode = "9999";
  auto refused = registerByHand(*store_, actor_, request("2026-11-02", elsewhere), std::nullopt, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "person.municipality_code");
  EXPECT_FALSE(*store_->personByPersonalId(elsewhere.personalId)) << "nothing stored";
}

}  // namespace
}  // namespace lotsen
