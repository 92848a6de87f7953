// Lotsen http: the browser UI's built files (web/dist), read once at start and served from memory.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/error.h"

namespace lotsen {

class StaticFiles {
 public:
  struct File {
    std::string contentType;
    std::string body;
    bool immutable = false;  // under /assets/: Vite names each by a hash of its content, so it never changes
  };

  // Every regular file under `directory`, by URL path ("/assets/index-3f2a.js"); index.html also
  // answers "/". An empty set when the directory does not exist. Errors: internal when a file
  // cannot be read.
  static std::expected<StaticFiles, Error> load(const std::filesystem::path& directory);

  // The file for a URL path, or null. Only files that were loaded can be found: no path leaves the
  // directory.
  const File* find(std::string_view path) const;
  // index.html for a path of the UI's own (a screen's URL such as "/personer/12": no "/api/" prefix, no
  // file extension), so that every screen can be bookmarked and reloaded; else null.
  const File* page(std::string_view path) const;
  bool empty() const { return files_.empty(); }

 private:
  struct PathHash {  // looks a string_view up without making a string of it
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
  };
  std::unordered_map<std::string, File, PathHash, std::equal_to<>> files_;
};

}  // namespace lotsen
