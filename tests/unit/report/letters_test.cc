#include "report/letters.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../store/database_test.h"
#include "domain/messages.h"
#include "report/letters_output.h"

namespace lotsen {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse(iso); }

PersonDetails details(const char* pid, const char* first, const char* last, const char* street,
                      Protection protection = Protection::none) {
  return PersonDetails{
      *PersonalId::parse(pid, d("2026-12-01")), first, last, street, "50330", "Borås", "1490", protection};
}

// Three on the list: one with an address, one protected (sekretessmarkering), one with protected
// registration; and one whose address is not known.
std::vector<LetterCandidate> candidates() {
  return {
      {1, 11, details("20080312-2381", "Alva", "Berg", "Storgatan 1"), letterSigner("anna", "", ""), "KAA Norr"},
      {2, 12, details("20090101-1239", "Sigrid", "Hemlig", "Gömdavägen 7", Protection::confidentiality_marking),
       letterSigner("anna", "", ""), "KAA Norr"},
      {3, 13, details("20071111-1237", "Kim", "Skydd", "Dolda gränd 9", Protection::protected_registration), {}, ""},
      {4, 14, details("20080505-1232", "Ove", "Utan", ""), {}, ""}};
}

std::string pdfText(const std::string& pdf) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("lotsen-letters-" + std::to_string(getpid()) + ".pdf")).string();
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  if (FILE* p = popen(("pdftotext -layout " + path + " -").c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) text.append(buffer, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  return text;
}

TEST(LetterTemplate, TheDefaultTemplateIsValidAndUsesEveryField) {
  LetterTemplate t = defaultLetterTemplate();
  EXPECT_TRUE(checkLetterTemplate(t).empty());
  for (const char* field : {"{namn}", "{handläggare}", "{telefon}", "{enhet}", "{datum}"})
    EXPECT_NE(t.text.find(field), std::string::npos) << field;
}

TEST(LetterTemplate, FieldsAreFilledIn) {
  LetterFields f{"Alva Berg", "Anna", "033-12 34 56", "KAA Norr", "1 december 2026"};
  EXPECT_EQ(fillLetter("Hej {namn}! Ring {handläggare} på {telefon}, {enhet}, {datum}. {namn}", f),
            "Hej Alva Berg! Ring Anna på 033-12 34 56, KAA Norr, 1 december 2026. Alva Berg");
  EXPECT_EQ(letterDate(d("2026-03-05")), "5 mars 2026");
}

TEST(LetterTemplate, AnUnknownFieldIsAnErrorNamingIt) {
  auto errors = checkLetterTemplate({"Hej {namn}, din {adress} och {adress} och {personnummer}", "033-1"});
  ASSERT_EQ(errors.size(), 2u);  // each unknown field once
  EXPECT_EQ(errors[0].field, "text");
  EXPECT_NE(errors[0].message.find("{adress}"), std::string::npos);
  EXPECT_NE(errors[1].message.find("{personnummer}"), std::string::npos);
  EXPECT_EQ(localize(errors[0].message, Language::sv),
            "Brevet använder fältet {adress}, som inte finns. Fälten är {namn}, {handläggare}, {telefon}, {enhet} och "
            "{datum}.");
}

TEST(LetterTemplate, ABraceThatOpensNoFieldIsAnError) {
  for (const char* text : {"Hej {namn", "Hej {\nnamn}", "Hej {namnnamnnamnnamnnamnnamnnamnnamn}"}) {
    auto errors = checkLetterTemplate({text, "033-1"});
    ASSERT_EQ(errors.size(), 1u) << text;
    EXPECT_EQ(localize(errors[0].message, Language::sv),
              "En { i brevet inleder inget fält. Skriv ett fält som {namn}.");
  }
}

TEST(LetterTemplate, ControlCharactersEmptyAndHugeTextsAreRefusedInSwedish) {
  auto control = checkLetterTemplate({"Hej {namn}\x1b[2J", "033-1"});
  ASSERT_EQ(control.size(), 1u);
  EXPECT_EQ(control[0].field, "text");
  EXPECT_TRUE(checkLetterTemplate({"Rad ett\nrad två {namn}", "033-1"}).empty());  // line breaks are fine
  auto empty = checkLetterTemplate({" \n ", "033-1"});
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(localize(empty[0].message, Language::sv), "Brevet har ingen text.");
  auto huge = checkLetterTemplate({std::string(kMaxLetterText + 1, 'a'), "033-1"});
  ASSERT_EQ(huge.size(), 1u);
  EXPECT_EQ(localize(huge[0].message, Language::sv), "Brevets text är högst 5000 tecken.");
  EXPECT_TRUE(checkLetterTemplate({std::string(kMaxLetterText, 'a'), "033-1"}).empty());
  auto notUtf8 = checkLetterTemplate({"Hej \xff", "033-1"});
  ASSERT_EQ(notUtf8.size(), 1u);
  auto phone = checkLetterTemplate({"Hej", "033\n12"});
  ASSERT_EQ(phone.size(), 1u);
  EXPECT_EQ(phone[0].field, "phone");
  auto longPhone = checkLetterTemplate({"Hej", std::string(kMaxLetterPhone + 1, '1')});
  ASSERT_EQ(longPhone.size(), 1u);
  EXPECT_EQ(localize(longPhone[0].message, Language::sv), "Telefonnumret är högst 40 tecken.");
}

TEST(FirstContactLetters, OneLetterPerPersonWithAKnownAddressOthersListedApart) {
  auto all = candidates();
  FirstContactLetters l = composeLetters(all, defaultLetterTemplate(), d("2026-12-01"));
  ASSERT_EQ(l.letters.size(), 1u);
  EXPECT_EQ(l.letters[0].personId, 1);
  EXPECT_EQ(l.letters[0].name, "Alva Berg");
  EXPECT_EQ(l.letters[0].address, (std::vector<std::string>{"Storgatan 1", "503 30 Borås"}));
  EXPECT_NE(l.letters[0].text.find("Hej Alva Berg!"), std::string::npos);
  EXPECT_NE(l.letters[0].text.find("Anna\nKAA Norr\n1 december 2026"), std::string::npos);
  // Nobody responsible yet: signed by the user who makes the letters, or by the unit.
  std::vector<LetterCandidate> intake{{5, 15, details("20080312-2381", "Alva", "Berg", "Storgatan 1"), {}, ""}};
  EXPECT_NE(composeLetters(intake, defaultLetterTemplate(), d("2026-12-01"), letterSigner("bengt", "", ""))
                .letters[0]
                .text.find("Bengt\nKAA-enheten\n"),
            std::string::npos);
  EXPECT_NE(composeLetters(intake, defaultLetterTemplate(), d("2026-12-01"))
                .letters[0]
                .text.find("KAA-enheten\nKAA-enheten\n"),
            std::string::npos);
  ASSERT_EQ(l.forwarded.size(), 2u);
  EXPECT_EQ(l.forwarded[0].name, "Sigrid Hemlig");
  EXPECT_EQ(l.forwarded[0].personalId, "20090101-1239");
  EXPECT_NE(l.forwarded[0].text.find("Hej Sigrid Hemlig!"), std::string::npos) << "a letter, sent through Skatteverket";
  EXPECT_EQ(l.forwarded[0].text.find("Gömdavägen"), std::string::npos);
  EXPECT_EQ(l.forwarded[1].name, "Kim Skydd");
  ASSERT_EQ(l.withoutAddress.size(), 1u);
  EXPECT_EQ(l.withoutAddress[0].personId, 4);
}

TEST(FirstContactLetters, AreSignedWithTheCaseworkersNameAndWorkPhoneOrTheTemplatesNumber) {
  LetterTemplate letter{"{handläggare} {telefon}", "033-35 70 00"};
  std::vector<LetterCandidate> one{candidates()[0]};
  one[0].caseworker = letterSigner("anna", "Anna Ödmark", "033-35 71 12");
  EXPECT_EQ(composeLetters(one, letter, d("2026-12-01")).letters[0].text, "Anna Ödmark 033-35 71 12");
  one[0].caseworker = letterSigner("anna", "Anna Ödmark", "");
  EXPECT_EQ(composeLetters(one, letter, d("2026-12-01")).letters[0].text, "Anna Ödmark 033-35 70 00")
      << "no work phone: the template's number";
  one[0].caseworker.reset();
  EXPECT_EQ(composeLetters(one, letter, d("2026-12-01"), letterSigner("bengt", "", "033-35 71 13")).letters[0].text,
            "Bengt 033-35 71 13")
      << "nobody responsible: the user who makes the letters";
}

TEST(FirstContactLetters, AProtectedPersonsAddressIsNeverPrinted) {
  auto all = candidates();
  // A template that would print the address if any field held it.
  FirstContactLetters l =
      composeLetters(all, {"{namn} {handläggare} {telefon} {enhet} {datum}", "033-1"}, d("2026-12-01"));
  for (const FirstContactLetter& letter : l.letters) {
    for (const std::string& line : letter.address) {
      EXPECT_EQ(line.find("Gömdavägen"), std::string::npos);
      EXPECT_EQ(line.find("Dolda gränd"), std::string::npos);
    }
    EXPECT_EQ(letter.text.find("Gömdavägen"), std::string::npos);
  }
  std::string json = boost::json::serialize(firstContactLettersJson(l));
  EXPECT_EQ(json.find("Gömdavägen"), std::string::npos);
  EXPECT_EQ(json.find("Dolda"), std::string::npos);
  EXPECT_EQ(json.find("Storgatan"), std::string::npos);  // no address at all in the overview
  auto pdf = firstContactLettersPdf(l);
  ASSERT_TRUE(pdf);
  std::string text = pdfText(*pdf);
  ASSERT_NE(text.find("Alva Berg"), std::string::npos) << text;
  EXPECT_NE(text.find("Storgatan 1"), std::string::npos);
  EXPECT_NE(text.find("Sigrid Hemlig"), std::string::npos);
  EXPECT_NE(text.find("Sigrid Hemlig Anna 033-1 KAA Norr 1 december 2026"), std::string::npos)
      << "their letter, without address: " << text;
  EXPECT_NE(text.find("skickas via Skatteverkets vidarebefordran"), std::string::npos);
  EXPECT_EQ(text.find("Gömdavägen"), std::string::npos);
  EXPECT_EQ(text.find("Dolda gränd"), std::string::npos);
  EXPECT_EQ(text.find("Sida 1 av 4"), std::string::npos) << "a letter's page has no number";
  EXPECT_NE(text.find("Sida 4 av 4"), std::string::npos) << "the list apart has: " << text;
}

TEST(FirstContactLetters, ALetterLongerThanAPageGoesOnOverTheNext) {
  std::vector<LetterCandidate> one{candidates()[0]};
  std::string longText = "{namn}\n";
  for (int i = 0; i < 60; ++i) longText += "En rad i ett långt brev.\n";
  longText += std::string(1500, 'x');  // one word longer than a line
  ASSERT_TRUE(checkLetterTemplate({longText, "1"}).empty());
  auto pdf = firstContactLettersPdf(composeLetters(one, {longText, "1"}, d("2026-12-01")));
  ASSERT_TRUE(pdf);
  std::string text = pdfText(*pdf);
  EXPECT_GE(std::count(text.begin(), text.end(), '\f'), 2) << "two pages at least: " << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), 'x'), 1500);  // all of it on the pages, none off them
}

TEST(FirstContactLetters, OnlyPersonsOnTheListWithALetterOrForwardedCanBeConfirmed) {
  auto all = candidates();
  FirstContactLetters l = composeLetters(all, defaultLetterTemplate(), d("2026-12-01"));
  std::vector<std::int64_t> ids{1, 2, 1};
  auto ok = lettersToConfirm(l, ids);
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->size(), 2u);  // each person once
  EXPECT_EQ((*ok)[1].registrationId, 12);
  std::vector<std::int64_t> bad{1, 4, 99};
  auto refused = lettersToConfirm(l, bad);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().size(), 2u);
  EXPECT_EQ(refused.error()[0].field, "person_ids[1]");
  EXPECT_EQ(localize(refused.error()[0].message, Language::sv),
            "Inget brev kan skickas till person 4: ingen adress är känd.");
  EXPECT_EQ(refused.error()[1].field, "person_ids[2]");
  EXPECT_FALSE(lettersToConfirm(l, {}));
}

class LetterTemplateStore : public DatabaseTest {};

TEST_F(LetterTemplateStore, TheDefaultIsUsedUntilATemplateIsSavedAndASavedOneIsJournalled) {
  auto before = letterTemplate(*store_);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->text, defaultLetterTemplate().text);
  EXPECT_FALSE(storedLetterTemplate(*store_)->saved);
  Actor actor{std::nullopt, "test"};
  auto bad = saveLetterTemplate(*store_, actor, {"Hej {adress}", "1"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);
  ASSERT_TRUE(saveLetterTemplate(*store_, actor, {"Hej {namn}!", "033-99"}));
  auto after = letterTemplate(*store_);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->text, "Hej {namn}!");
  EXPECT_EQ(after->phone, "033-99");
  EXPECT_TRUE(storedLetterTemplate(*store_)->saved);
}

}  // namespace
}  // namespace lotsen
