#include "http/static_files.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace lotsen {
namespace {

std::string contentType(const std::filesystem::path& file) {
  static const std::unordered_map<std::string, std::string> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto type = kTypes.find(file.extension().string());
  return type == kTypes.end() ? "application/octet-stream" : type->second;
}

}  // namespace

std::expected<StaticFiles, Error> StaticFiles::load(const std::filesystem::path& directory) {
  StaticFiles web;
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) return web;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return std::unexpected(internalError(fmt::format("cannot read {}", it->path().string())));
    std::string url("/");
    url.append(std::filesystem::relative(it->path(), directory).generic_string());
    bool hashed = url.starts_with("/assets/");
    web.files_[url] = File{contentType(it->path()), std::move(body).str(), hashed};
  }
  if (ec) return std::unexpected(internalError(fmt::format("cannot read {}: {}", directory.string(), ec.message())));
  if (auto index = web.files_.find("/index.html"); index != web.files_.end()) web.files_["/"] = index->second;
  return web;
}

const StaticFiles::File* StaticFiles::find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

const StaticFiles::File* StaticFiles::page(std::string_view path) const {
  if (path.starts_with("/api/") || path == "/api") return nullptr;
  std::string_view last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos) return nullptr;
  return find("/index.html");
}

}  // namespace lotsen
