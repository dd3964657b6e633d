// `rampart serve` refusals, which need no browser: a results folder that is
// not there, a --bind that is not a numeric address, a port out of range and
// a web/ folder without its npm packages are each one error line and exit 2
// (tests/browser/serve.test.mjs covers the running server).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"

namespace rampart {
namespace {

using testing::run_rampart;
using testing::split_lines;

class ServeCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::temp_dir("rampart_serve_cli");
    std::filesystem::create_directories(dir_ / "results");
  }
  void TearDown() override {
    unsetenv("RAMPART_WEB_DIR");
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
};

TEST_F(ServeCli, AMissingResultsFolderIsExit2) {
  const auto run = run_rampart({"serve", (dir_ / "nothing").string(), "--port", "0"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  const auto lines = split_lines(run.err);
  ASSERT_EQ(lines.size(), 1u) << run.err;
  EXPECT_NE(lines[0].find("error: no such folder"), std::string::npos) << run.err;
}

TEST_F(ServeCli, BindTakesNumericAddressesOnly) {
  for (const char* address : {"example.com", "localhost", "999.1.1.1", ""}) {
    const auto run = run_rampart({"serve", (dir_ / "results").string(), "--port", "0", "--bind", address});
    EXPECT_EQ(run.status, 2) << address;
    EXPECT_NE(run.err.find("--bind: error:"), std::string::npos) << run.err;
  }
}

TEST_F(ServeCli, PortOutOfRangeIsExit2) {
  const auto run = run_rampart({"serve", (dir_ / "results").string(), "--port", "65536"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--port"), std::string::npos) << run.err;
}

TEST_F(ServeCli, WithoutTheNpmPackagesItSaysToInstallThem) {
  const auto web = dir_ / "web";
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html>\n";
  setenv("RAMPART_WEB_DIR", web.c_str(), 1);
  const auto run = run_rampart({"serve", (dir_ / "results").string(), "--port", "0"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("run scripts/install-deps.sh"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace rampart
