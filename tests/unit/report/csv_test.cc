#include "report/csv.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

TEST(Csv, ACellThatASpreadsheetWouldTakeForAFormulaStaysText) {
  EXPECT_EQ(csvText("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csvText("+46701234567"), "'+46701234567");
  EXPECT_EQ(csvText("-1"), "'-1");
  EXPECT_EQ(csvText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvText("\tx"), "'\tx");
  EXPECT_EQ(csvText("\rx"), "\"'\rx\"");
  EXPECT_EQ(csvText("Åsa Öberg"), "Åsa Öberg");
  EXPECT_EQ(csvText("a=b"), "a=b") << "only the first character matters";
}

TEST(Csv, ACellWithASemicolonQuoteOrLineBreakIsQuotedWithItsQuotesDoubled) {
  EXPECT_EQ(csvText("KAA; Norr"), "\"KAA; Norr\"");
  EXPECT_EQ(csvText("sa \"hej\""), "\"sa \"\"hej\"\"\"");
  EXPECT_EQ(csvText("rad 1\nrad 2"), "\"rad 1\nrad 2\"");
}

TEST(Csv, NumbersHaveADecimalCommaAndNoneIsAnEmptyCell) {
  EXPECT_EQ(csvNumber(12.25, 1), "12,2");
  EXPECT_EQ(csvNumber(97.06, 1), "97,1");
  EXPECT_EQ(csvNumber(4.0, 0), "4");
  EXPECT_EQ(csvNumber(std::optional<double>(), 1), "");
  EXPECT_EQ(csvNumber(std::optional<std::int64_t>(1154)), "1154");
  EXPECT_EQ(csvNumber(std::optional<std::int64_t>()), "");
}

TEST(Csv, AFileStartsWithTheByteOrderMarkAndSeparatesCellsBySemicolonsAndLinesByCrLf) {
  CsvFile file;
  file.line({"a", "b"});
  file.line({csvText("c;d")});
  EXPECT_EQ(file.text(),
            "\xEF\xBB\xBF"
            "a;b\r\n\"c;d\"\r\n");
}

}  // namespace
}  // namespace lotsen
