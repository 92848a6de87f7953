#include "report/xlsx.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lotsen {

std::expected<std::string, Error> xlsxWorkbook(std::string_view title, const std::function<void(lxw_workbook*)>& fill) {
  std::string path = (std::filesystem::temp_directory_path() / "lotsen-XXXXXX.xlsx").string();
  int fd = mkstemps(path.data(), 5);
  if (fd < 0) return std::unexpected(internalError("no temporary file for the workbook"));
  close(fd);
  struct Removed {
    const std::string& path;
    ~Removed() { std::filesystem::remove(path); }
  } removed{path};

  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return std::unexpected(internalError("the workbook could not be created"));
  std::string documentTitle(title);
  lxw_doc_properties properties{};
  properties.title = documentTitle.data();
  properties.author = const_cast<char*>("Lotsen");
  workbook_set_properties(book, &properties);
  fill(book);
  if (workbook_close(book) != LXW_NO_ERROR) return std::unexpected(internalError("the workbook could not be written"));

  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return std::unexpected(internalError("the workbook could not be read back"));
  return bytes.str();
}

}  // namespace lotsen
