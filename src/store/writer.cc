#include "store/writer.h"

namespace lotsen {

Writer::Writer(std::unique_ptr<Store> store) : store_(std::move(store)), thread_([this] { loop(); }) {}

Writer::~Writer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Writer::enqueue(Job job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void Writer::post(std::function<std::expected<void, Error>(Store&)> work) {
  enqueue(Job{[work = std::move(work)](Store& store) { (void)store.transaction([&] { return work(store); }); },
              [](const Error*) {}});
}

void Writer::submit(std::function<std::expected<void, Error>(Store&)> work,
                    std::function<void(std::expected<void, Error>)> done) {
  submitStatement([work = std::move(work)](Store& store) { return store.transaction([&] { return work(store); }); },
                  std::move(done));
}

void Writer::submitStatement(std::function<std::expected<void, Error>(Store&)> work,
                             std::function<void(std::expected<void, Error>)> done) {
  auto result = std::make_shared<std::expected<void, Error>>();
  enqueue(Job{[work = std::move(work), result](Store& store) { *result = work(store); },
              [result, done = std::move(done)](const Error* commitError) {
                if (commitError && *result) *result = std::unexpected(*commitError);
                done(*result);
              }});
}

void Writer::loop() {
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      batch.swap(queue_);
    }
    std::expected<void, Error> committed;
    try {
      committed = store_->transaction([&]() -> std::expected<void, Error> {
        for (Job& job : batch) job.execute(*store_);
        return {};
      });
    } catch (const std::exception& e) {  // the batch was rolled back; the writer keeps running
      committed = std::unexpected(internalError(std::string("write failed: ") + e.what()));
    }
    for (Job& job : batch) job.complete(committed ? nullptr : &committed.error());
  }
}

}  // namespace lotsen
