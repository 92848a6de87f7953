#include "domain/parallel.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

namespace lotsen {

void onWorker(std::function<void()> task) {
  static boost::asio::thread_pool workers(cores());
  boost::asio::post(workers, std::move(task));
}

}  // namespace lotsen
