// The network edge: Boost.Beast HTTP/1.1 over Asio with C++20 coroutines. This is the only file that
// includes Beast or Asio, to keep them out of every other translation unit.
#include "http/server.h"

#include <fmt/format.h>
#include <malloc.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "clock/swedish_time.h"
#include "http/api.h"
#include "http/message.h"
#include "store/access_chain.h"

namespace lotsen {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kNoThrow = asio::as_tuple(use_awaitable);
constexpr std::chrono::seconds kRequestTimeout{30};  // to read a body or write a response

// The request as handlers see it, without its body (read only once the headers are admitted).
Request requestHead(const http::request<http::string_body>& in) {
  Request out;
  out.method = std::string(in.method_string());
  std::string_view target = in.target();
  std::size_t q = target.find('?');
  out.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
  out.contentType = std::string(in[http::field::content_type]);
  out.cookie = std::string(in[http::field::cookie]);
  out.csrfToken = std::string(in["X-CSRF-Token"]);
  out.ifMatch = std::string(in[http::field::if_match]);
  out.acceptLanguage = std::string(in[http::field::accept_language]);
  return out;
}

// The client's address: the peer's, or, when the peer is one of the `trusted` proxies, the last address in
// X-Forwarded-For (the one the proxy appended; those before it come from the client and prove nothing).
std::string clientAddress(const std::string& peer, std::string_view forwardedFor,
                          const std::vector<std::string>& trusted) {
  if (forwardedFor.empty() || std::find(trusted.begin(), trusted.end(), peer) == trusted.end()) return peer;
  std::string_view last = forwardedFor.substr(forwardedFor.rfind(',') + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  boost::system::error_code ec;
  auto address = asio::ip::make_address(last, ec);
  return ec ? peer : address.to_string();
}

// The response as bytes on the wire: status line, headers, body. Written by hand rather than through
// Beast's serializer, which cost a tenth of the server's time on small answers.
std::string wireFormat(Response&& in, unsigned version, bool keepAlive, bool head, bool tls) {
  // On every response: nothing runs that is not ours, no framing, no referrer leaves with a URL; nothing
  // is cached (personal data) unless the response says otherwise (the UI's hashed assets).
  static constexpr std::string_view kAlways =
      "X-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src "
      "'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'\r\nReferrer-Policy: no-referrer\r\n";
  std::string out;
  out.reserve(512 + in.body.size());
  auto header = [&](std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
  };
  out.append(version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ").append(std::to_string(in.status)).append(" ");
  out.append(std::string_view(http::obsolete_reason(static_cast<http::status>(in.status)))).append("\r\n");
  if (!in.contentType.empty()) header("Content-Type", in.contentType);
  header("Cache-Control", in.cacheControl);
  out += kAlways;
  // Served over TLS by Lotsen itself: browsers keep to HTTPS for a year (behind a proxy, the proxy says so).
  if (tls) out += "Strict-Transport-Security: max-age=31536000\r\n";
  for (const auto& [name, value] : in.headers) header(name, value);
  header("Content-Length", std::to_string(in.body.size()));
  if (!keepAlive && version >= 11) header("Connection", "close");
  if (keepAlive && version < 11) header("Connection", "keep-alive");
  out += "\r\n";
  if (!head) out += in.body;
  return out;
}

// Writes log lines to standard output without flushing each one.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

// A TLS 1.2+ server context with the certificate chain and key of `options`.
std::expected<std::unique_ptr<asio::ssl::context>, Error> tlsContext(const ServerOptions& options) {
  if (options.tlsCertificate.empty() || options.tlsKey.empty())
    return std::unexpected(invalidInput("give both --tls-cert and --tls-key", "tls"));
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                       asio::ssl::context::single_dh_use);
  boost::system::error_code ec;
  context->use_certificate_chain_file(options.tlsCertificate, ec);
  if (ec)
    return std::unexpected(invalidInput(
        fmt::format("cannot load the TLS certificate {}: {}", options.tlsCertificate, ec.message()), "tls"));
  context->use_private_key_file(options.tlsKey, asio::ssl::context::pem, ec);
  if (!ec && SSL_CTX_check_private_key(context->native_handle()) != 1) ec = asio::error::invalid_argument;
  if (ec)
    return std::unexpected(
        invalidInput(fmt::format("cannot load the TLS key {} (or it does not match the certificate): {}",
                                 options.tlsKey, ec.message()),
                     "tls"));
  return context;
}

// The memory held by request bodies being read, over all connections: each body is charged as it
// grows (or at once for its declared length) and released when its request is done.
class BodyMemory {
 public:
  explicit BodyMemory(std::size_t cap) : cap_(cap) {}

  class Charge {
   public:
    explicit Charge(BodyMemory& memory) : memory_(memory) {}
    ~Charge() { release(); }
    Charge(const Charge&) = delete;
    Charge& operator=(const Charge&) = delete;
    // Charges up to `bytes` in all; false (nothing more charged) when that would pass the cap.
    bool growTo(std::size_t bytes) {
      if (bytes <= charged_) return true;
      std::size_t more = bytes - charged_;
      std::size_t used = memory_.used_.load();
      do {
        if (used + more > memory_.cap_) return false;
      } while (!memory_.used_.compare_exchange_weak(used, used + more));
      charged_ = bytes;
      return true;
    }
    void release() {
      memory_.used_ -= charged_;
      charged_ = 0;
    }
    std::size_t bytes() const { return charged_; }

   private:
    BodyMemory& memory_;
    std::size_t charged_ = 0;
  };

 private:
  const std::size_t cap_;
  std::atomic<std::size_t> used_{0};
};

// Gives memory freed by a large request back to the system: tcmalloc's free pages when the server runs
// on tcmalloc (the release build), glibc's otherwise.
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));
void returnFreeMemory() {
  if (MallocExtension_ReleaseFreeMemory)
    MallocExtension_ReleaseFreeMemory();
  else
    malloc_trim(0);
}

// Writes a warning at most once every `interval`, with how many were left out in between: a condition
// that repeats thousands of times a second (no descriptors left) must not flood the log.
class RateLimitedWarning {
 public:
  explicit RateLimitedWarning(std::chrono::seconds interval) : interval_(interval) {}
  void operator()(std::string_view message, std::string_view error) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < interval_) {
      ++suppressed_;
      return;
    }
    spdlog::warn(R"("msg":{},"error":{},"suppressed":{})", jsonQuoted(message), jsonQuoted(error), suppressed_);
    last_ = now;
    suppressed_ = 0;
  }

 private:
  std::chrono::seconds interval_;
  std::chrono::steady_clock::time_point last_{};
  std::uint64_t suppressed_ = 0;
};

constexpr std::size_t kLargeBody = 1024 * 1024;     // after a body this large, free memory goes back
constexpr std::size_t kOperationsConnections = 16;  // the operations address serves a few at a time
constexpr std::size_t kDescriptorReserve = 128;     // kept free for database files, logs and refusals
constexpr std::size_t kMaxRefusing = 64;            // connections being answered 503 at once
constexpr std::size_t kUnparsedBytes = 64 * 1024;   // read beyond the headers and not yet parsed
constexpr std::size_t kSmallBody = 64 * 1024;       // never charged: bounded by the connection cap

// What a body of `bytes` is charged against the memory cap: nothing for a small one, so that uploads
// holding the cap never stop a login or a contact note.
std::size_t charged(std::uint64_t bytes) { return bytes <= kSmallBody ? 0 : static_cast<std::size_t>(bytes); }

// The connections this process can serve at once: `wanted`, but below its descriptor limit (raised to
// the hard limit first), so that accepting never runs out of descriptors by its own connections.
std::size_t connectionCap(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised{limit.rlim_max, limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  std::size_t available = limit.rlim_cur > kDescriptorReserve + 8 ? limit.rlim_cur - kDescriptorReserve : 8;
  return std::min(wanted, available);
}

// Logs the access log's head (count and hash) for the operator to keep outside the database: `lotsen
// audit verify --expect COUNT:HASH` then shows entries cut off at the end.
void logAccessHead(Store& store) {
  auto head = store.accessLogHead();
  if (head)
    spdlog::info(R"("msg":"access log head","entries":{},"hash":"{}","anchor":"{}")", head->count, head->hash,
                 anchorText(*head));
  else
    spdlog::error(R"("msg":"access log head not read","error":{})", jsonQuoted(head.error().message));
}

class Server {
 public:
  // One io_context per network thread, each with its own database connection for reads, so that a
  // request never takes a lock shared with the other threads.
  Server(const ServerOptions& options, Api& api, Writer& writer, std::vector<std::unique_ptr<Store>> readers,
         std::unique_ptr<asio::ssl::context> tls)
      : options_(options),
        tls_(std::move(tls)),
        api_(api),
        writer_(writer),
        readers_(std::move(readers)),
        contexts_(makeContexts(readers_.size())),
        workers_(static_cast<std::size_t>(std::max(1, options.workerThreads))),
        acceptor_(*contexts_[0]),
        operationsAcceptor_(*contexts_[0]),
        signals_(*contexts_[0], SIGINT, SIGTERM),
        graceTimer_(*contexts_[0]),
        retentionTimer_(*contexts_[0]),
        headTimer_(*contexts_[0]),
        bodyMemory_(options.maxBodyMemory),
        maxConnections_(connectionCap(options.maxConnections)) {
    for (auto& context : contexts_) keepRunning_.emplace_back(asio::make_work_guard(*context));
  }

  std::expected<void, Error> run() {
    auto bound = listen(acceptor_, options_.host, options_.port);
    if (!bound) return bound;
    if (!options_.metricsHost.empty())
      if (auto ops = listen(operationsAcceptor_, options_.metricsHost, options_.metricsPort); !ops) return ops;

    signals_.async_wait([this](const boost::system::error_code& e, int signal) {
      if (!e) beginShutdown(signal);
    });
    asio::co_spawn(*contexts_[0], accept(acceptor_, Listener::api), asio::detached);
    if (operationsAcceptor_.is_open())
      asio::co_spawn(*contexts_[0], accept(operationsAcceptor_, Listener::operations), asio::detached);
    if (options_.retentionInterval.count() > 0) runRetention();
    if (options_.accessHeadInterval.count() > 0) logAccessHeadEvery();
    if (options_.onListening)
      options_.onListening(url(acceptor_, tls_ != nullptr),
                           operationsAcceptor_.is_open() ? url(operationsAcceptor_, false) : "");

    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < contexts_.size(); ++i) threads.emplace_back([this, i] { contexts_[i]->run(); });
    contexts_[0]->run();
    for (auto& t : threads) t.join();
    workers_.join();
    return {};
  }

 private:
  struct Connection {
    Connection(tcp::socket socket, Store& reader, Listener listener)
        : stream(std::move(socket)), reader(reader), listener(listener) {
      boost::system::error_code ec;
      auto peer = stream.socket().remote_endpoint(ec);
      if (!ec) remoteAddress = peer.address().to_string();
    }
    beast::tcp_stream stream;
    std::string remoteAddress;
    Store& reader;                 // owned by the connection's network thread
    Listener listener;             // the API's address or the operations address
    std::atomic<bool> idle{true};  // waiting for the first byte of a request
  };

  static std::vector<std::unique_ptr<asio::io_context>> makeContexts(std::size_t n) {
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    for (std::size_t i = 0; i < n; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
    return contexts;
  }

  static std::expected<void, Error> listen(tcp::acceptor& acceptor, const std::string& host, std::uint16_t port) {
    boost::system::error_code ec;
    auto address = asio::ip::make_address(host, ec);
    if (ec) return std::unexpected(invalidInput(fmt::format("'{}' is not an IP address", host), "listen"));
    tcp::endpoint endpoint{address, port};
    if (acceptor.open(endpoint.protocol(), ec); !ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return std::unexpected(internalError(fmt::format("cannot listen on {}:{}: {}", host, port, ec.message())));
    return {};
  }

  static std::string url(const tcp::acceptor& acceptor, bool tls) {
    auto local = acceptor.local_endpoint();
    std::string address = local.address().to_string();
    if (local.address().is_v6()) address = fmt::format("[{}]", address);
    return fmt::format("{}://{}:{}", tls ? "https" : "http", address, local.port());
  }

  // Accepts connections for `listener` until shutdown. Over the listener's cap a connection is answered
  // 503; when the process has no descriptor left, accepting pauses (doubling from 10 ms to 1 s) instead
  // of failing again at once.
  awaitable<void> accept(tcp::acceptor& acceptor, Listener listener) {
    asio::steady_timer pause(acceptor.get_executor());
    auto backoff = std::chrono::milliseconds(10);
    RateLimitedWarning warn(std::chrono::seconds(10));
    std::atomic<std::size_t>& open = listener == Listener::api ? apiConnections_ : operationsConnections_;
    const std::size_t cap = listener == Listener::api ? maxConnections_ : kOperationsConnections;
    for (;;) {
      std::size_t next = nextContext_++ % contexts_.size();
      auto [ec, socket] = co_await acceptor.async_accept(*contexts_[next], kNoThrow);
      if (ec) {
        if (ec == asio::error::operation_aborted || stopping_) co_return;
        warn("accept failed", ec.message());
        if (ec == asio::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system ||
            ec == asio::error::no_buffer_space || ec == asio::error::no_memory) {
          pause.expires_after(backoff);
          co_await pause.async_wait(kNoThrow);
          backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
        }
        continue;
      }
      backoff = std::chrono::milliseconds(10);
      if (open.load() >= cap) {
        warn("too many connections; answering 503", fmt::format("{} open", open.load()));
        if (refusing_.load() < kMaxRefusing)
          asio::co_spawn(socket.get_executor(), refuse(std::move(socket)), asio::detached);
        continue;
      }
      auto connection = std::make_shared<Connection>(std::move(socket), *readers_[next], listener);
      std::uint64_t id = register_(connection);
      ++open;
      asio::co_spawn(connection->stream.get_executor(), serve(connection), [this, id, &open](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& ex) {
            spdlog::error("\"msg\":\"connection failed\",\"error\":{}", jsonQuoted(ex.what()));
          }
        }
        --open;
        unregister(id);
      });
    }
  }

  // Answers a connection over the cap with 503 and closes it (after the client had a moment to read).
  awaitable<void> refuse(tcp::socket socket) {
    ++refusing_;
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(2));
    Response busy = problem(503, "Service Unavailable", "the server has too many connections; try again shortly");
    localizeProblem(busy, "");  // no request read: Swedish
    busy.headers.emplace_back("Retry-After", "1");
    std::string bytes = wireFormat(std::move(busy), 11, false, false, false);
    if (!tls_) co_await asio::async_write(stream, asio::buffer(bytes), kNoThrow);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    char drain[512];
    co_await stream.async_read_some(asio::buffer(drain), kNoThrow);
    stream.socket().close(ignored);
    --refusing_;
  }

  awaitable<void> serve(std::shared_ptr<Connection> connection) {
    boost::system::error_code ignored;
    if (tls_ && connection->listener == Listener::api) {
      asio::ssl::stream<beast::tcp_stream&> tls(connection->stream, *tls_);
      connection->stream.expires_after(kRequestTimeout);
      auto [handshakeError] = co_await tls.async_handshake(asio::ssl::stream_base::server, kNoThrow);
      if (!handshakeError) {
        co_await exchange(*connection, tls);
        connection->stream.expires_after(std::chrono::seconds(5));
        co_await tls.async_shutdown(kNoThrow);
      }
    } else {
      co_await exchange(*connection, connection->stream);
      connection->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
    connection->stream.socket().close(ignored);
  }

  // Writes `response` and reports whether the connection may carry another request. A problem the server
  // made itself (before a route ran, or when the access log failed) is said in the language `acceptLanguage`
  // asks for, as the Api's are.
  template <class Stream>
  awaitable<bool> answer(Stream& stream, Response response, std::string_view acceptLanguage, unsigned version,
                         bool keepAlive, bool head) {
    if (response.access) response = co_await logAccess(std::move(response));
    localizeProblem(response, acceptLanguage);
    std::string bytes = wireFormat(std::move(response), version, keepAlive, head,
                                   tls_ != nullptr && !std::is_same_v<Stream, beast::tcp_stream>);
    auto [writeError, written] = co_await asio::async_write(stream, asio::buffer(bytes), kNoThrow);
    co_return !writeError && keepAlive;
  }

  // Reads requests and writes answers on `stream` (the connection's TCP stream, or TLS over it) until
  // the client or the server ends the connection. A request's headers are authenticated and authorised
  // (Api::admit) before a byte of its body is read; the body is then bounded by what the route allows
  // and by the memory all bodies being read may hold.
  template <class Stream>
  awaitable<void> exchange(Connection& connection, Stream& stream) {
    beast::tcp_stream& tcp = connection.stream;  // where the deadlines are
    // Bytes read but not yet parsed: the headers, and a chunk's size line or the trailer that the parser
    // cannot take before its line ends. Bounded, or a chunk extension without end would fill memory; the
    // body's own bytes go to the body as they are parsed.
    beast::flat_buffer buffer(options_.maxHeaderBytes + kUnparsedBytes);
    while (!stopping_) {
      connection.idle = true;
      tcp.expires_after(options_.idleConnectionTimeout);
      auto deadlineSet = std::chrono::steady_clock::now();
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.maxHeaderBytes));
      parser.body_limit(boost::none);  // set once the headers are admitted
      auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow);
      connection.idle = false;
      auto started = std::chrono::steady_clock::now();
      if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
          ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::ssl::error::stream_truncated)
        break;
      auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
      if (ec) {
        Response error = ec == http::error::header_limit
                             ? problem(431, "Request Header Fields Too Large", "the request headers are too large")
                             : problem(400, "Bad Request", "the request is not valid HTTP/1.1");
        Request unrouted;
        unrouted.method = parser.is_header_done() ? std::string(parser.get().method_string()) : "?";
        api_.observeUnrouted(unrouted, error.status, elapsed());
        tcp.expires_after(kRequestTimeout);
        // Named, not a temporary: answer() reads it after it suspends.
        std::string language = parser.is_header_done() ? std::string(parser.get()[http::field::accept_language]) : "";
        co_await answer(stream, std::move(error), language, 11, false, false);
        break;
      }

      const auto& header = parser.get();
      const unsigned version = header.version();
      const bool head = header.method() == http::verb::head;
      std::string_view target = header.target();
      Api::RouteMatch route =
          api_.match(header.method_string(), target.substr(0, target.find('?')), connection.listener);
      Request request = requestHead(header);
      request.remoteAddress =
          clientAddress(connection.remoteAddress, header["X-Forwarded-For"], options_.trustedProxies);
      BodyMemory::Charge charge(bodyMemory_);
      if (!parser.is_done()) {
        Api::Admission admission = api_.admit(request, route, connection.reader);
        auto refuse = [&](Response response) {
          tcp.expires_after(kRequestTimeout);
          return answer(stream, std::move(response), request.acceptLanguage, version, false, head);
        };
        if (admission.refusal) {
          co_await refuse(std::move(*admission.refusal));
          break;
        }
        auto tooLarge = [&] {
          api_.observeUnrouted(request, 413, elapsed());
          return problem(413, "Content Too Large",
                         fmt::format("the body is larger than {} bytes", admission.bodyLimit));
        };
        auto busy = [&] {
          api_.observeUnrouted(request, 503, elapsed());
          Response r = problem(503, "Service Unavailable", "the server is reading too many bodies; try again shortly");
          r.headers.emplace_back("Retry-After", "5");
          return r;
        };
        auto declared = parser.content_length();
        if (declared && *declared > admission.bodyLimit) {
          co_await refuse(tooLarge());
          break;
        }
        if (declared && !charge.growTo(charged(*declared))) {
          co_await refuse(busy());
          break;
        }
        parser.body_limit(admission.bodyLimit);
        if (header[http::field::expect] == "100-continue") {
          http::response<http::empty_body> proceed{http::status::continue_, version};
          co_await http::async_write(stream, proceed, kNoThrow);
        }
        bool overMemory = false;
        // A body has kRequestTimeout in all; only an upload may take longer, while it makes progress.
        tcp.expires_after(kRequestTimeout);
        while (!ec && !parser.is_done()) {
          if (admission.upload) tcp.expires_after(kRequestTimeout);
          std::tie(ec, n) = co_await http::async_read_some(stream, buffer, parser, kNoThrow);
          if (!ec && !declared && !charge.growTo(charged(parser.get().body().size()))) overMemory = true;
          if (overMemory) break;
        }
        deadlineSet = std::chrono::steady_clock::now();
        if (overMemory) {
          co_await refuse(busy());
          break;
        }
        if (ec == http::error::body_limit || ec == http::error::buffer_overflow) {
          co_await refuse(tooLarge());
          break;
        }
        if (ec) break;  // the client went away or sent something that is not HTTP
        request.body = std::move(parser.get().body());
      }

      Response response;
      if (api_.runsOnWorker(route)) {
        response = co_await asio::co_spawn(
            workers_, [&]() -> awaitable<Response> { co_return api_.handle(request, std::move(route)); },
            use_awaitable);
      } else {
        response = api_.handle(request, std::move(route), &connection.reader);
      }
      bool keepAlive = header.keep_alive() && !stopping_;
      // The deadline set before reading covers the write too, unless most of it has passed (a long idle
      // wait before the request): re-arming a timer costs, so it is done only then.
      if (std::chrono::steady_clock::now() - deadlineSet > kRequestTimeout / 2) tcp.expires_after(kRequestTimeout);
      bool again = co_await answer(stream, std::move(response), request.acceptLanguage, version, keepAlive, head);
      if (charge.bytes() >= kLargeBody) {
        std::string().swap(request.body);
        charge.release();
        returnFreeMemory();
      }
      if (!again) break;
    }
  }

  // Writes the response's access-log entry through the writer without blocking this thread, and
  // returns the response once the entry is durable, or a 503 without the data when it cannot be written.
  awaitable<Response> logAccess(Response response) {
    AccessEntry entry = std::move(*response.access);
    response.access.reset();
    auto written = co_await asio::async_initiate<decltype(use_awaitable), void(std::expected<void, Error>)>(
        [this, &entry](auto handler) {
          auto executor = asio::get_associated_executor(handler);
          auto shared = std::make_shared<decltype(handler)>(std::move(handler));
          writer_.submitStatement([entry = std::move(entry)](Store& s) { return s.appendAccess(entry); },
                                  [shared, executor](std::expected<void, Error> result) {
                                    asio::post(executor, [shared, result]() mutable { (*shared)(std::move(result)); });
                                  });
        },
        use_awaitable);
    if (written) co_return response;
    spdlog::error("\"msg\":\"access log not written\",\"error\":{}", jsonQuoted(written.error().message));
    co_return problem(503, "Service Unavailable", "the access log could not be written, so no data was returned");
  }

  std::uint64_t register_(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex_);
    std::uint64_t id = nextId_++;
    connections_.emplace(id, connection);
    return id;
  }

  void unregister(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    connections_.erase(id);
    if (stopping_ && connections_.empty()) asio::post(*contexts_[0], [this] { graceTimer_.cancel(); });
  }

  void beginShutdown(int signal) {
    spdlog::info("\"msg\":\"shutting down\",\"signal\":{}", signal);
    stopping_ = true;
    retentionTimer_.cancel();
    headTimer_.cancel();
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    operationsAcceptor_.close(ignored);
    keepRunning_.clear();
    std::lock_guard lock(mutex_);
    // Idle keep-alive connections are closed now; busy ones finish their request first.
    for (auto& [id, connection] : connections_)
      asio::post(connection->stream.get_executor(), [connection] {
        if (connection->idle) connection->stream.socket().cancel();
      });
    if (connections_.empty()) return;
    // Runs on contexts_[0], as the timer's other uses do.
    graceTimer_.expires_after(options_.shutdownGrace);
    graceTimer_.async_wait([this](const boost::system::error_code& e) {
      if (e) return;
      spdlog::warn("\"msg\":\"shutdown grace period over; closing remaining connections\"");
      for (auto& context : contexts_) context->stop();
    });
  }

  // Retention for today's date, logged with its count; then again after retentionInterval.
  void runRetention() {
    auto today = swedishDay(std::chrono::system_clock::now());
    auto count = std::make_shared<std::size_t>(0);
    writer_.submit(
        [today, count](Store& s) -> std::expected<void, Error> {
          auto done = s.applyRetention(Actor{std::nullopt, "system:retention"}, today);
          if (!done) return std::unexpected(done.error());
          *count = done->size();
          return {};
        },
        [today, count](std::expected<void, Error> result) {
          if (result)
            spdlog::info(R"("msg":"retention run","date":"{}","persons_deidentified":{})", today.iso(), *count);
          else
            spdlog::error(R"("msg":"retention failed","error":{})", jsonQuoted(result.error().message));
        });
    retentionTimer_.expires_after(options_.retentionInterval);
    retentionTimer_.async_wait([this](const boost::system::error_code& e) {
      if (!e && !stopping_) runRetention();
    });
  }

  // The access log's head now, then every accessHeadInterval (on contexts_[0], with its reader).
  void logAccessHeadEvery() {
    logAccessHead(*readers_[0]);
    headTimer_.expires_after(options_.accessHeadInterval);
    headTimer_.async_wait([this](const boost::system::error_code& e) {
      if (!e && !stopping_) logAccessHeadEvery();
    });
  }

  const ServerOptions& options_;
  std::unique_ptr<asio::ssl::context> tls_;  // null: plain HTTP
  Api& api_;
  Writer& writer_;
  std::vector<std::unique_ptr<Store>> readers_;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keepRunning_;
  std::atomic<std::size_t> nextContext_{0};
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  tcp::acceptor operationsAcceptor_;
  asio::signal_set signals_;
  asio::steady_timer graceTimer_;
  asio::steady_timer retentionTimer_;
  asio::steady_timer headTimer_;
  BodyMemory bodyMemory_;
  const std::size_t maxConnections_;
  std::atomic<std::size_t> apiConnections_{0};
  std::atomic<std::size_t> operationsConnections_{0};
  std::atomic<std::size_t> refusing_{0};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections_;
  std::uint64_t nextId_ = 1;
};

}  // namespace

std::expected<void, Error> runServer(const ServerOptions& options) {
  // One JSON object per line on standard output; each message supplies its own fields. Flushed every
  // second and at once for warnings, rather than one write per request; the larger buffer saves a
  // write(2) per few dozen lines.
  std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
  auto logger = std::make_shared<spdlog::logger>("lotsen", std::make_shared<BufferedStdoutSink>());
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
  if (!options.openStore) return std::unexpected(internalError("no database configured"));
  auto writerStore = options.openStore();
  if (!writerStore) return std::unexpected(writerStore.error());
  Writer writer(std::move(*writerStore));
  StorePool readers(options.openStore);
  auto web = StaticFiles::load(options.webRoot);
  if (!web) return std::unexpected(web.error());
  if (!options.webRoot.empty() && web->empty())
    spdlog::warn(R"("msg":"no browser UI to serve; make build builds it","web":{})", jsonQuoted(options.webRoot));
  Api api(readers, writer, options.sessions, std::move(*web), options.bodyLimits);
  api.warmUp();
  int threads =
      options.ioThreads > 0 ? options.ioThreads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<Store>> threadReaders;
  for (int i = 0; i < threads; ++i) {
    auto store = options.openStore();
    if (!store) return std::unexpected(store.error());
    threadReaders.push_back(std::move(*store));
  }
  std::unique_ptr<asio::ssl::context> tls;
  if (!options.tlsCertificate.empty() || !options.tlsKey.empty()) {
    auto loaded = tlsContext(options);
    if (!loaded) return std::unexpected(loaded.error());
    tls = std::move(*loaded);
  }
  Server server(options, api, writer, std::move(threadReaders), std::move(tls));
  auto ran = server.run();
  if (auto store = options.openStore()) logAccessHead(**store);
  spdlog::default_logger()->flush();
  return ran;
}

}  // namespace lotsen
