// Lotsen http: the HTTP server, its routes, login sessions, CSRF checks, metrics and request logs.
//
// src/http owns everything that speaks HTTP: the Boost.Beast server (server.cc — the only file that
// includes Beast/Asio), the route table and handlers (api.cc), authentication (auth.h), the JSON
// mapping and RFC 9457 problem responses. It depends on src/store and src/domain, never on src/cli.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace lotsen {

struct SessionPolicy {
  std::chrono::seconds idleTimeout{30 * 60};
  std::chrono::seconds absoluteTimeout{10 * 60 * 60};
  bool secureCookie = false;  // mark the session cookie Secure: set when users reach Lotsen over HTTPS
};

// How large a request body may be. A body is read only after the request's headers were authenticated
// and authorised; until then (and for routes open to anyone) `beforeLogin` applies.
struct BodyLimits {
  std::size_t beforeLogin = 64 * 1024;
  std::size_t json = 1024 * 1024;
  std::size_t upload = 256 * 1024 * 1024;  // register extracts: a million residents are about 70 MB
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (reported through onListening)
  int ioThreads = 0;          // 0 = one per core
  int workerThreads = 32;     // for handlers that write or hash passwords: mostly waiting for a commit
  std::size_t maxHeaderBytes = 16 * 1024;
  BodyLimits bodyLimits;
  // The memory all request bodies being read at once may hold; a request beyond it is answered 503
  // with Retry-After.
  std::size_t maxBodyMemory = 512u * 1024 * 1024;
  // Connections served at once (also kept below the process's descriptor limit); beyond it a new
  // connection is answered 503 with Retry-After and closed.
  std::size_t maxConnections = 1000;
  // The operations address: /metrics, /healthz and /readyz, for monitoring only. Empty host: none.
  std::string metricsHost = "127.0.0.1";
  std::uint16_t metricsPort = 9464;  // 0 picks a free port (reported through onListening)
  std::chrono::seconds idleConnectionTimeout{30};
  std::chrono::seconds shutdownGrace{10};
  SessionPolicy sessions;
  // TLS: PEM files of the certificate chain and its private key. Both empty: plain HTTP.
  std::string tlsCertificate;
  std::string tlsKey;
  // Peers (reverse proxies such as nginx) whose X-Forwarded-For header names the client: the last
  // address in it is the one the proxy saw. From any other peer the header is ignored.
  std::vector<std::string> trustedProxies;
  // The browser UI's built files (web/dist). Empty, or a directory without files: the API only.
  std::string webRoot;
  // Retention (gallring) runs through the writer at start and then once every this long; 0 turns it off.
  std::chrono::hours retentionInterval{24};
  // Opens one more connection to the database; called for each reader and for the writer.
  std::function<std::expected<std::unique_ptr<Store>, Error>()> openStore;
  // The access log's head (count and hash) is logged this often and at shutdown, for the operator to keep
  // outside the database (lotsen audit verify --expect). 0 turns the timer off.
  std::chrono::minutes accessHeadInterval{60};
  // Called once the server accepts connections, with its base URL ("http://127.0.0.1:8080") and the
  // operations address's ("" when there is none).
  std::function<void(const std::string& url, const std::string& metricsUrl)> onListening;
};

// Serves until SIGINT or SIGTERM, then stops accepting, finishes in-flight requests (up to
// shutdownGrace) and returns. Errors: invalid_input when the TLS certificate or key cannot be loaded;
// internal when the address cannot be bound or the database cannot be opened.
std::expected<void, Error> runServer(const ServerOptions& options);

}  // namespace lotsen
