// Lotsen store: the schema migrations compiled into the binary (from src/store/migrations/*.sql).
#pragma once

#include <span>
#include <string_view>

namespace lotsen {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration, ordered by version.
std::span<const Migration> embeddedMigrations();

}  // namespace lotsen
