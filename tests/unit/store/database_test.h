// Test fixture: a migrated store in a fresh file named after the running test, removed afterwards.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.h"

namespace lotsen {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("lotsen-test-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    removeDatabase();
    store_ = std::move(*openStore(path_));
    ASSERT_TRUE(store_->migrate());
  }
  void TearDown() override {
    store_.reset();
    removeDatabase();
  }
  void removeDatabase() {
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

}  // namespace lotsen
