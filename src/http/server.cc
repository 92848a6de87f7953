// The network edge: Boost.Beast HTTP/1.1 over Asio with C++20 coroutines. This is the only file that
// includes Beast or Asio, to keep them out of every other translation unit.
#include "http/server.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <fmt/format.h>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "http/api.h"

namespace lotsen {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kNoThrow = asio::as_tuple(use_awaitable);

Request toRequest(const http::request<http::string_body>& in) {
  Request out;
  out.method = std::string(in.method_string());
  std::string_view target = in.target();
  std::size_t q = target.find('?');
  out.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
  out.body = in.body();
  out.contentType = std::string(in[http::field::content_type]);
  out.cookie = std::string(in[http::field::cookie]);
  out.csrfToken = std::string(in["X-CSRF-Token"]);
  return out;
}

http::response<http::string_body> toBeast(Response&& in, unsigned version, bool keepAlive, bool head) {
  http::response<http::string_body> out{static_cast<http::status>(in.status), version};
  if (!in.contentType.empty()) out.set(http::field::content_type, in.contentType);
  out.set(http::field::cache_control, "no-store");
  out.set("X-Content-Type-Options", "nosniff");
  for (auto& [name, value] : in.headers) out.insert(name, value);
  std::size_t size = in.body.size();
  if (!head) out.body() = std::move(in.body);
  out.content_length(size);
  out.keep_alive(keepAlive);
  return out;
}

class Server {
 public:
  Server(const ServerOptions& options, Api& api)
      : options_(options),
        api_(api),
        ioc_(ioThreads()),
        workers_(static_cast<std::size_t>(std::max(1, options.workerThreads))),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        graceStrand_(asio::make_strand(ioc_)),
        graceTimer_(graceStrand_) {}

  std::expected<void, Error> run() {
    boost::system::error_code ec;
    auto address = asio::ip::make_address(options_.host, ec);
    if (ec) return std::unexpected(invalidInput(fmt::format("'{}' is not an IP address", options_.host), "listen"));
    tcp::endpoint endpoint{address, options_.port};
    if (acceptor_.open(endpoint.protocol(), ec); !ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return std::unexpected(internalError(fmt::format("cannot listen on {}:{}: {}", options_.host, options_.port, ec.message())));

    signals_.async_wait([this](const boost::system::error_code& e, int signal) {
      if (!e) beginShutdown(signal);
    });
    asio::co_spawn(ioc_, accept(), asio::detached);
    if (options_.onListening) {
      auto local = acceptor_.local_endpoint();
      std::string host = local.address().is_v6() ? "[" + local.address().to_string() + "]" : local.address().to_string();
      options_.onListening(fmt::format("http://{}:{}", host, local.port()));
    }

    std::vector<std::thread> threads;
    for (int i = 1; i < ioThreads(); ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    workers_.join();
    return {};
  }

 private:
  struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    std::atomic<bool> idle{true};  // waiting for the first byte of a request
  };

  int ioThreads() const {
    return options_.ioThreads > 0 ? options_.ioThreads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  awaitable<void> accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kNoThrow);
      if (ec) {
        if (ec == asio::error::operation_aborted || stopping_) co_return;
        spdlog::warn("\"msg\":\"accept failed\",\"error\":{}", jsonQuoted(ec.message()));
        continue;
      }
      auto connection = std::make_shared<Connection>(std::move(socket));
      std::uint64_t id = register_(connection);
      asio::co_spawn(connection->stream.get_executor(), serve(connection),
                     [this, id](std::exception_ptr e) {
                       if (e) {
                         try {
                           std::rethrow_exception(e);
                         } catch (const std::exception& ex) {
                           spdlog::error("\"msg\":\"connection failed\",\"error\":{}", jsonQuoted(ex.what()));
                         }
                       }
                       unregister(id);
                     });
    }
  }

  awaitable<void> serve(std::shared_ptr<Connection> connection) {
    beast::tcp_stream& stream = connection->stream;
    beast::flat_buffer buffer;
    while (!stopping_) {
      connection->idle = true;
      stream.expires_after(options_.idleConnectionTimeout);
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.maxHeaderBytes));
      parser.body_limit(options_.maxBodyBytes);
      auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow);
      connection->idle = false;
      auto started = std::chrono::steady_clock::now();
      if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
          ec == asio::error::connection_reset || ec == asio::error::eof)
        break;
      if (!ec && parser.get()[http::field::expect] == "100-continue") {
        http::response<http::empty_body> proceed{http::status::continue_, parser.get().version()};
        co_await http::async_write(stream, proceed, kNoThrow);
      }
      if (!ec && !parser.is_done()) {
        stream.expires_after(std::chrono::seconds(30));
        std::tie(ec, n) = co_await http::async_read(stream, buffer, parser, kNoThrow);
      }
      if (ec) {
        if (ec == beast::error::timeout || ec == asio::error::operation_aborted || ec == http::error::partial_message) break;
        Response error = ec == http::error::body_limit ? problem(413, "Content Too Large", fmt::format("the body is larger than {} bytes", options_.maxBodyBytes))
                         : ec == http::error::header_limit ? problem(431, "Request Header Fields Too Large", "the request headers are too large")
                                                           : problem(400, "Bad Request", "the request is not valid HTTP/1.1");
        Request unrouted;
        unrouted.method = parser.is_header_done() ? std::string(parser.get().method_string()) : "?";
        api_.observeUnrouted(unrouted, error.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        stream.expires_after(std::chrono::seconds(10));
        co_await http::async_write(stream, toBeast(std::move(error), 11, false, false), kNoThrow);
        break;
      }

      http::request<http::string_body> message = parser.release();
      Request request = toRequest(message);
      Response response;
      if (api_.runsOnWorker(request)) {
        response = co_await asio::co_spawn(
            workers_, [&]() -> awaitable<Response> { co_return api_.handle(request); }, use_awaitable);
      } else {
        response = api_.handle(request);
      }
      bool keepAlive = message.keep_alive() && !stopping_;
      stream.expires_after(std::chrono::seconds(30));
      auto [writeError, written] = co_await http::async_write(
          stream, toBeast(std::move(response), message.version(), keepAlive, message.method() == http::verb::head), kNoThrow);
      if (writeError || !keepAlive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.socket().close(ignored);
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
    if (stopping_ && connections_.empty()) asio::post(graceStrand_, [this] { graceTimer_.cancel(); });
  }

  void beginShutdown(int signal) {
    spdlog::info("\"msg\":\"shutting down\",\"signal\":{}", signal);
    stopping_ = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    std::lock_guard lock(mutex_);
    // Idle keep-alive connections are closed now; busy ones finish their request first.
    for (auto& [id, connection] : connections_)
      asio::post(connection->stream.get_executor(), [connection] {
        if (connection->idle) connection->stream.socket().cancel();
      });
    if (connections_.empty()) return;
    asio::post(graceStrand_, [this] {
      graceTimer_.expires_after(options_.shutdownGrace);
      graceTimer_.async_wait([this](const boost::system::error_code& e) {
        if (!e) {
          spdlog::warn("\"msg\":\"shutdown grace period over; closing remaining connections\"");
          ioc_.stop();
        }
      });
    });
  }

  const ServerOptions& options_;
  Api& api_;
  asio::io_context ioc_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::strand<asio::io_context::executor_type> graceStrand_;
  asio::steady_timer graceTimer_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections_;
  std::uint64_t nextId_ = 1;
};

}  // namespace

std::expected<void, Error> runServer(const ServerOptions& options) {
  // One JSON object per line on standard output; each message supplies its own fields.
  auto logger = std::make_shared<spdlog::logger>("lotsen", std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  if (!options.openStore) return std::unexpected(internalError("no database configured"));
  auto writerStore = options.openStore();
  if (!writerStore) return std::unexpected(writerStore.error());
  Writer writer(std::move(*writerStore));
  StorePool readers(options.openStore);
  Api api(readers, writer, options.sessions);
  Server server(options, api);
  return server.run();
}

}  // namespace lotsen
