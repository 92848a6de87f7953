#include "domain/text.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

TEST(Text, Utf8IsValidatedAndTheFirstBadByteFound) {
  EXPECT_TRUE(isValidUtf8("Åsa Öberg, Älvängen"));
  EXPECT_FALSE(isValidUtf8("\xC5sa"));        // Latin-1
  EXPECT_FALSE(isValidUtf8("\xC3"));          // cut off
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_EQ(firstInvalidUtf8("Ok \xE5ter"), 3u);
  EXPECT_EQ(firstInvalidUtf8("Öberg"), std::string_view::npos);
}

TEST(Text, InvalidBytesAreRepairedAsReplacementCharacters) {
  EXPECT_EQ(repairUtf8("\xC5sa"), "\xEF\xBF\xBDsa");
  EXPECT_EQ(repairUtf8("Åsa"), "Åsa");
  EXPECT_TRUE(isValidUtf8(repairUtf8("a\xC3\xFF\xED\xA0\x80z")));
}

TEST(Text, ControlCharactersAreFoundLineBreaksOnlyWhereAllowed) {
  EXPECT_EQ(firstControlCharacter("Anna\x1b[2K"), 4u);
  EXPECT_EQ(firstControlCharacter(std::string_view("a\0b", 3)), 1u);
  EXPECT_EQ(firstControlCharacter("a\x7f"), 1u);
  EXPECT_EQ(firstControlCharacter("a\xC2\x85"), 1u);  // NEL, a C1 control
  EXPECT_EQ(firstControlCharacter("a\xE2\x80\xAE"
                                  "b"),
            1u);  // right-to-left override
  EXPECT_EQ(firstControlCharacter("rad ett\nrad två"), 7u);
  EXPECT_EQ(firstControlCharacter("rad ett\nrad två", Lines::several), std::string_view::npos);
  EXPECT_EQ(firstControlCharacter("rad ett\r\nrad två", Lines::several), 7u) << "a carriage return never";
  EXPECT_EQ(firstControlCharacter("Ärende – möte “i dag”"), std::string_view::npos) << "dashes and quotes are text";
}

TEST(Text, FreeTextIsRefusedWithControlCharactersOrOnlyWhiteSpace) {
  EXPECT_TRUE(checkFreeText("Ringde, inget svar", "note"));
  EXPECT_TRUE(checkFreeText("", "note")) << "whether a field is required is the caller's rule";
  EXPECT_FALSE(checkFreeText("          ", "reason"));
  EXPECT_FALSE(checkFreeText("\n\n", "note", Lines::several));
  auto escaped = checkFreeText("ok\x1b[2K", "reason");
  ASSERT_FALSE(escaped);
  EXPECT_EQ(escaped.error().field, "reason");
  EXPECT_FALSE(checkFreeText("\xC5sa", "first_name"));
}

TEST(Text, OnlyCharactersThatShowMakeTextNotBlank) {
  EXPECT_TRUE(showsSomething("Åsa"));
  EXPECT_TRUE(showsSomething("\u00a0x"));
  for (const char* blank : {"\u00a0\u3000", "\u200b\ufeff", "\u3164", "\u0301\u0301", "\ue000", "\xF3\xA0\x80\x81"})
    EXPECT_FALSE(showsSomething(blank)) << blank;
  EXPECT_EQ(letterOrDigitCount("Möte 12 maj!"), 9u);
  EXPECT_EQ(letterOrDigitCount("\u0301\u0301\u0301 \U0001D159"), 0u);
  EXPECT_EQ(letterOrDigitCount("Встреча"), 7u) << "letters of any script";
}

// An attacker registered "An\u200Bna": it looks like "Anna" but a search for Anna does not find it.
TEST(Text, AHiddenCharacterIsFoundAnywhereButLettersSpacesAndAccentsAreNot) {
  for (const char* visible : {"Anna", "Åsa-Maria Öberg", "José", "Jose\u0301", "Zoë", "Ng\u0169yen", "Встреча",
                              "O'Brien", "Anna Maria"})
    EXPECT_EQ(firstHiddenCharacter(visible), std::string_view::npos) << visible;
  for (const char* hidden : {"\u200b", "\u200d", "\u200e", "\u061c", "\u2060", "\ufeff", "\u00ad", "\u034f",
                             "\u3164", "\ufe0f", "\U000E0041", "\ue000", "\U000F0000"})
    EXPECT_EQ(firstHiddenCharacter(std::string("An") + hidden + "na"), 2u) << hidden;
}

// An attacker's 27,000-character reason code crashed the server: its message echoed it whole, and the
// translation's regex recursed once per character. A message echoes at most 60 characters, printable.
TEST(Text, AnEchoedTextIsShortAndPrintable) {
  EXPECT_EQ(echoed("studiebevis"), "studiebevis");
  EXPECT_EQ(echoed("studiebevis\n"), "studiebevis\\x0A");
  EXPECT_EQ(echoed(std::string(100000, 'a')), std::string(60, 'a') + "…");
  EXPECT_EQ(echoed("åäöåäö", 3), "åäö…") << "characters, not bytes";
  EXPECT_EQ(echoed(std::string(60, 'a')), std::string(60, 'a'));
}

TEST(Text, PrintableTextCannotMoveATerminalsCursor) {
  EXPECT_EQ(printable("ok\r\x1b[2Kgone"), "ok\\x0D\\x1B[2Kgone");
  EXPECT_EQ(printable("Åsa\\Öberg"), "Åsa\\\\Öberg");
  EXPECT_EQ(printable("\xC5sa"), "\\xC5sa");
  EXPECT_EQ(printable("a\xE2\x80\xAE"
                      "b"),
            "a\\xE2\\x80\\xAEb");
  EXPECT_EQ(printable("två\nrader"), "två\\x0Arader");
}

TEST(Text, AWholeFileIsScreenedForControlCharactersQuickly) {
  EXPECT_FALSE(mayHoldControlCharacters("personnummer;fornamn\r\n20080101-1234;Åsa\n"));
  EXPECT_TRUE(mayHoldControlCharacters("a;b\x1b"));
  EXPECT_TRUE(mayHoldControlCharacters(std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace lotsen
