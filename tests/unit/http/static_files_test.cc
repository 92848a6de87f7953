#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace lotsen {
namespace {

TEST(StaticFiles, ServesTheBuiltFilesAndNothingElse) {
  auto dir = std::filesystem::temp_directory_path() / "lotsen-static-files-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html>";
  std::ofstream(dir / "assets" / "index-1a2b.js") << "console.log(1)";
  std::ofstream(dir / "assets" / "font.woff2") << "";

  auto web = StaticFiles::load(dir);
  ASSERT_TRUE(web);
  ASSERT_NE(web->find("/"), nullptr) << "index.html answers /";
  EXPECT_EQ(web->find("/")->body, "<!doctype html>");
  EXPECT_EQ(web->find("/index.html")->contentType, "text/html; charset=utf-8");
  ASSERT_NE(web->find("/assets/index-1a2b.js"), nullptr);
  EXPECT_EQ(web->find("/assets/index-1a2b.js")->contentType, "text/javascript; charset=utf-8");
  EXPECT_EQ(web->find("/assets/font.woff2")->body, "") << "an empty file is a file";
  EXPECT_EQ(web->find("/assets/../index.html"), nullptr) << "only the loaded paths, never a path that climbs";
  EXPECT_EQ(web->find("/api/v1/persons"), nullptr);
  EXPECT_TRUE(web->find("/assets/index-1a2b.js")->immutable) << "named by its content's hash";
  EXPECT_FALSE(web->find("/index.html")->immutable);
  ASSERT_NE(web->page("/personer/12"), nullptr) << "a screen's URL is the UI's page";
  EXPECT_EQ(web->page("/personer/12")->body, "<!doctype html>");
  EXPECT_EQ(web->page("/api/v1/nowhere"), nullptr) << "the API answers for itself";
  EXPECT_EQ(web->page("/assets/gone-9f9f.js"), nullptr) << "a missing file is not a page";
  std::filesystem::remove_all(dir);

  auto none = StaticFiles::load(dir);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty()) << "no UI built: the API alone";
}

}  // namespace
}  // namespace lotsen
