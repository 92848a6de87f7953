// Baseline for bench/contact_write.sh: how many rows one SQLite connection commits per second with the
// durability Lotsen uses (WAL, synchronous=FULL, one transaction per row). Usage: sqlite_insert_rate DB SECONDS
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, data TEXT);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t (data) VALUES ('{\"date\":\"2026-11-22\",\"time\":\"10:00\",\"channel\":\"phone\",\"reached\":false}')",
                     -1, &insert, nullptr);
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[2]));
  long rows = 0;
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() < end) {
    sqlite3_step(insert);  // autocommit: one durable transaction per row
    sqlite3_reset(insert);
    ++rows;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.0f\n", static_cast<double>(rows) / seconds);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return 0;
}
