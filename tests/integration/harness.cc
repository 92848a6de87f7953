#include "harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace lotsen::testing {
namespace {

pid_t spawnLotsen(const std::vector<std::string>& args, const std::string& inPath, const std::string& outPath,
                  const std::string& errPath) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, inPath.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv{lotsenBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ) != 0) throw std::runtime_error("spawn failed");
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int waitFor(pid_t pid, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

}  // namespace

std::string lotsenBinary() { return LOTSEN_BINARY; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string outputOf(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

std::string multipartBody(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::pair<std::string, std::string>>& files) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  for (const auto& [name, content] : files)
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name +
            ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
  return body + "--XyZ--\r\n";
}

std::string tempPath(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / ("lotsen-it-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(path);
  return path.string();
}

void removeDatabase(const std::string& path) {
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

RunResult seededDemo(const std::string& db, const std::string& registers) {
  namespace fs = std::filesystem;
  const char* seeded = std::getenv("LOTSEN_SEEDED_DEMO");
  if (!seeded || !fs::exists(fs::path(seeded) / "demo.db")) {
    std::vector<std::string> args{"demo", "--db", db, "--date", kSeededDemoDate};
    if (!registers.empty()) args.insert(args.end(), {"--registers", registers});
    return runLotsen(args);
  }
  std::error_code ec;
  removeDatabase(db);
  for (std::string suffix : {"", "-wal"}) {  // the journal too, should the demo have left one
    fs::path from = fs::path(seeded) / ("demo.db" + suffix);
    if (fs::exists(from)) fs::copy_file(from, db + suffix, ec);
    if (ec) return RunResult{1, "", "cannot copy the seeded demo database: " + ec.message()};
  }
  if (!registers.empty()) {
    fs::remove_all(registers, ec);
    fs::copy(fs::path(seeded) / "registers", registers, fs::copy_options::recursive, ec);
    if (ec) return RunResult{1, "", "cannot copy the seeded demo registers: " + ec.message()};
  }
  return RunResult{0, "", ""};
}

RunResult runLotsen(const std::vector<std::string>& args, const std::string& input) {
  std::string in = tempPath("stdin"), out = tempPath("stdout"), err = tempPath("stderr");
  std::ofstream(in) << input;
  pid_t pid = spawnLotsen(args, in, out, err);
  RunResult r;
  r.exitCode = waitFor(pid, std::chrono::seconds(120));
  r.out = readFile(out);
  r.err = readFile(err);
  for (auto& p : {in, out, err}) std::filesystem::remove(p);
  return r;
}

ServerProcess::ServerProcess(const std::string& db, std::vector<std::string> extraArgs) {
  static int counter = 0;
  outPath_ = tempPath("server-" + std::to_string(++counter) + ".out");
  std::vector<std::string> args{"serve", "--db", db, "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"};
  args.insert(args.end(), extraArgs.begin(), extraArgs.end());
  pid_ = spawnLotsen(args, "/dev/null", outPath_, outPath_ + ".err");
  const std::string marker = "lyssnar på http://127.0.0.1:";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string text = readFile(outPath_);
    if (auto at = text.find(marker); at != std::string::npos && text.find('\n', at) != std::string::npos) {
      port_ = std::stoi(text.substr(at + marker.size()));
      const std::string metrics = "på http://127.0.0.1:";
      if (auto m = text.find(metrics, at + marker.size()); m != std::string::npos)
        metricsPort_ = std::stoi(text.substr(m + metrics.size()));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("lotsen serve exited early: " + readFile(outPath_ + ".err"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("lotsen serve did not start listening");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::filesystem::remove(outPath_);
  std::filesystem::remove(outPath_ + ".err");
}

int ServerProcess::stop(std::chrono::seconds timeout) {
  kill(pid_, SIGTERM);
  int code = waitFor(pid_, timeout);
  if (code != -1) pid_ = -1;
  return code;
}

int ServerProcess::waitForExit(std::chrono::seconds timeout) {
  int code = waitFor(pid_, timeout);
  if (code != -1) pid_ = -1;
  return code;
}

std::string ServerProcess::output() const { return readFile(outPath_) + readFile(outPath_ + ".err"); }

Connection::Connection(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("connect failed");
}

Connection::~Connection() { close(fd_); }

void Connection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server closed: the test checks the response
    sent += static_cast<std::size_t>(n);
  }
}

std::string Connection::receiveAll(std::chrono::seconds timeout) {
  std::string data;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return data;
}

std::string Connection::receiveSome(std::chrono::seconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(std::chrono::milliseconds(timeout).count())) <= 0) return {};
  char buffer[65536];
  ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

HttpResponse parseResponse(const std::string& raw) {
  HttpResponse r;
  std::size_t headerEnd = raw.find("\r\n\r\n");
  if (raw.size() < 12 || headerEnd == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  std::istringstream lines(raw.substr(0, headerEnd));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  r.body = raw.substr(headerEnd + 4);
  return r;
}

HttpResponse http(int port, const std::string& method, const std::string& target, const std::string& body,
                  const std::vector<std::string>& headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& h : headers) request += h + "\r\n";
  if (!body.empty() || method == "POST") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  Connection c(port);
  c.send(request);
  return parseResponse(c.receiveAll());
}

std::optional<Session> login(int port, const std::string& username, const std::string& password) {
  boost::json::object credentials{{"username", username}, {"password", password}};
  auto r =
      http(port, "POST", "/api/v1/session", boost::json::serialize(credentials), {"Content-Type: application/json"});
  if (r.status != 200) return std::nullopt;
  std::string setCookie = r.headers["set-cookie"];
  Session s;
  s.cookie = "Cookie: " + setCookie.substr(0, setCookie.find(';'));
  s.csrf = "X-CSRF-Token: " + std::string(boost::json::parse(r.body).at("csrf_token").as_string());
  return s;
}

HttpResponse DemoUsers::operator()(const std::string& user, const std::string& method, const std::string& target,
                                   const std::string& body, std::vector<std::string> headers) const {
  auto session = login(port, user, kDemoPassword);
  EXPECT_TRUE(session) << "login as " << user;
  if (session) headers.insert(headers.begin(), {session->cookie, session->csrf});
  if (std::none_of(headers.begin(), headers.end(), [](const std::string& h) { return h.starts_with("Content-Type:"); }))
    headers.push_back("Content-Type: application/json");
  return http(port, method, target, body, headers);
}

}  // namespace lotsen::testing
