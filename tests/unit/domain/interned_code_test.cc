#include "domain/interned_code.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace lotsen {
namespace {

TEST(InternedCode, ComparesAsItsTextAndTheDefaultIsTheEmptyCode) {
  std::string text = "studies";
  InternedCode code(text);
  text = "work";  // the code keeps its own copy
  EXPECT_EQ(code, "studies");
  EXPECT_EQ(code, InternedCode("studies"));
  EXPECT_NE(code, InternedCode("work"));
  EXPECT_TRUE(InternedCode().empty());
  EXPECT_EQ(InternedCode(""), InternedCode());
  EXPECT_EQ(std::string(InternedCode("någon_kod")), "någon_kod");
}

TEST(InternedCode, ThreadsInterningTheSameCodesAtOnceAgreeOnEach) {
  std::vector<std::vector<InternedCode>> seen(4);
  std::vector<std::jthread> threads;
  for (auto& mine : seen)
    threads.emplace_back([&mine] {
      for (int i = 0; i < 2000; ++i) mine.push_back(InternedCode("code_" + std::to_string(i % 50)));
    });
  threads.clear();
  for (const auto& other : seen)
    for (std::size_t i = 0; i < other.size(); ++i) {
      EXPECT_EQ(other[i].view().data(), seen[0][i].view().data()) << "one text per code";
      EXPECT_EQ(other[i], "code_" + std::to_string(i % 50));
    }
}

}  // namespace
}  // namespace lotsen
