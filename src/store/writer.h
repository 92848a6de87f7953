// Lotsen store: the single writer. All writes of a server go through one Writer, which runs them on
// its own thread and commits whatever is queued in one transaction (group commit), so many concurrent
// writes share one fsync. A caller is answered only after its commit is durable.
#pragma once

#include <condition_variable>
#include <deque>
#include <expected>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "store/store.h"

namespace lotsen {

class Writer {
 public:
  // Takes ownership of `store`, which only the writer thread uses from now on.
  explicit Writer(std::unique_ptr<Store> store);
  // Finishes every queued write, then stops the thread.
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Runs `work` on the writer thread inside a transaction shared with other queued work, and returns
  // its result once that transaction is committed. An error from `work` rolls back its changes only.
  // If the shared commit fails, every write in it gets that error. Thread-safe; blocks the caller, so
  // never call it from a network I/O thread.
  template <class T>
  std::expected<T, Error> run(std::function<std::expected<T, Error>(Store&)> work) {
    // Empty until `work` returns; a batch that fails before (an exception) reports its commit error.
    auto result = std::make_shared<std::optional<std::expected<T, Error>>>();
    auto committed = std::make_shared<std::promise<void>>();
    std::future<void> done = committed->get_future();
    enqueue(Job{[work = std::move(work), result](Store& store) {
                  auto ok = store.transaction([&]() -> std::expected<void, Error> {
                    *result = work(store);
                    if (!**result) return std::unexpected((*result)->error());
                    return {};
                  });
                  if (!ok && *result && **result) *result = std::unexpected(ok.error());
                },
                [result, committed](const Error* commitError) {
                  if (commitError && (!*result || **result)) *result = std::unexpected(*commitError);
                  committed->set_value();
                }});
    done.wait();
    return std::move(**result);
  }

  // Queues `work` without waiting for it; its result is dropped. For bookkeeping that must not hold up
  // the caller, such as a session's last-seen time. Thread-safe.
  void post(std::function<std::expected<void, Error>(Store&)> work);

  // Queues `work` and returns at once; `done` is called on the writer thread with its result once the
  // shared transaction is committed (or with the commit's error). For callers that must not block,
  // such as the network threads. Thread-safe.
  void submit(std::function<std::expected<void, Error>(Store&)> work,
              std::function<void(std::expected<void, Error>)> done);
  // As submit, for `work` that is one statement and so atomic by itself (an access-log entry): it runs
  // without a savepoint of its own.
  void submitStatement(std::function<std::expected<void, Error>(Store&)> work,
                       std::function<void(std::expected<void, Error>)> done);

 private:
  struct Job {
    std::function<void(Store&)> execute;
    std::function<void(const Error*)> complete;  // commitError is null when the batch committed
  };
  void enqueue(Job job);
  void loop();

  std::unique_ptr<Store> store_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lotsen
