// Test harness: runs the real `lotsen` binary as a child process and talks HTTP/1.1 to it over loopback.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotsen::testing {

std::string lotsenBinary();
std::string tempPath(const std::string& name);  // a fresh path under the temp directory (removed if it exists)
void removeDatabase(const std::string& path);   // the file and its -wal and -shm

struct RunResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};
// The whole file at `path` ("" when it cannot be read).
std::string readFile(const std::string& path);
// Puts `bytes` into the file at `path`, replacing what was there.
void writeFile(const std::string& path, const std::string& bytes);
// What a shell command prints on its standard output ("" when it cannot run).
std::string outputOf(const std::string& command);

// A multipart/form-data body with the boundary "XyZ" (Content-Type: multipart/form-data; boundary=XyZ):
// the plain `fields`, then the `files` as parts named NAME with the file name NAME.csv.
std::string multipartBody(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::pair<std::string, std::string>>& files);

// Runs `lotsen args…` to completion with `input` on standard input.
RunResult runLotsen(const std::vector<std::string>& args, const std::string& input = "");

// The day of the demo database the tests share.
inline constexpr const char* kSeededDemoDate = "2026-11-22";
// Puts the demo database of `lotsen demo --date kSeededDemoDate` (default seed) at `db`, and its registers
// into the directory `registers` when one is given. The simulation takes many seconds in a sanitized build,
// so under CTest a copy is taken of the one the fixture integration.SeedDemo made (the environment variable
// LOTSEN_SEEDED_DEMO names its directory); run alone, the test runs `lotsen demo` itself. For tests that need
// a populated database; those that test `lotsen demo` itself run it.
RunResult seededDemo(const std::string& db, const std::string& registers = "");

// A `lotsen serve` child on a free loopback port. Stops it with SIGTERM on destruction.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db, std::vector<std::string> extraArgs = {});
  ~ServerProcess();
  int port() const { return port_; }
  int metricsPort() const { return metricsPort_; }  // the operations address (/metrics); 0 when off
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits; returns the exit code (-1 if it did not exit in time).
  int stop(std::chrono::seconds timeout = std::chrono::seconds(20));
  // Waits for the process to exit by itself; returns the exit code (-1 if it did not exit in time).
  int waitForExit(std::chrono::seconds timeout = std::chrono::seconds(20));
  std::string output() const;  // everything written to stdout so far (the log)

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int metricsPort_ = 0;
  std::string outPath_;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// One request on a fresh connection (Connection: close). Headers are "Name: value" strings.
HttpResponse http(int port, const std::string& method, const std::string& target, const std::string& body = "",
                  const std::vector<std::string>& headers = {});
HttpResponse parseResponse(const std::string& raw);

// A raw loopback connection for tests that need to control timing.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  void send(const std::string& bytes);
  std::string receiveAll(std::chrono::seconds timeout = std::chrono::seconds(20));  // until EOF or timeout
  std::string receiveSome(std::chrono::seconds timeout);  // what the first read returns ("" on timeout)

 private:
  int fd_ = -1;
};

// A signed-in session: the cookie and the CSRF token.
struct Session {
  std::string cookie;
  std::string csrf;
};
std::optional<Session> login(int port, const std::string& username, const std::string& password);

// The password of every demo user (lotsen demo).
inline constexpr const char* kDemoPassword = "lotsen-demo-2026";

// Requests as a demo user to the server on `port`, each signed in afresh: the session's cookie and CSRF
// token, then `headers`, and Content-Type: application/json unless `headers` name a Content-Type. A failed login is a
// test failure (and the request goes without a session).
struct DemoUsers {
  int port = 0;
  HttpResponse operator()(const std::string& user, const std::string& method, const std::string& target,
                          const std::string& body = "", std::vector<std::string> headers = {}) const;
};

}  // namespace lotsen::testing
