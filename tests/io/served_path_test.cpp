// resolve_served_path: the only gate between a URL and a file for `rampart
// serve`. Built on a fixture tree made here: root/ with files, a folder with
// an index.html, a symbolic link inside root pointing inside and one pointing
// outside, and a secret file next to root (and in a sibling folder whose name
// starts like root's) that no URL may reach.

#include "rampart/io/served_path.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace rampart::io {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

class ServedPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("rampart_served_path_" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "root";
    write(root_ / "index.html", "index");
    write(root_ / "a b.txt", "space");
    write(root_ / "sub" / "file.js", "js");
    write(root_ / "sub" / "index.html", "sub index");
    write(root_ / "plain" / "data.csv", "x");
    write(base_ / "secret.txt", "secret");
    write(base_ / "root-evil" / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", root_ / "link-out");
    fs::create_directory_symlink(base_ / "root-evil", root_ / "dir-out");
    fs::create_symlink(root_ / "sub" / "file.js", root_ / "link-in.js");
    canonical_root_ = fs::canonical(root_);
  }
  void TearDown() override { fs::remove_all(base_); }

  std::optional<fs::path> resolve(std::string_view url) const { return resolve_served_path(root_, url); }

  fs::path base_, root_, canonical_root_;
};

TEST_F(ServedPathTest, ServesFilesBelowTheRoot) {
  EXPECT_EQ(resolve("index.html"), canonical_root_ / "index.html");
  EXPECT_EQ(resolve("sub/file.js"), canonical_root_ / "sub" / "file.js");
  EXPECT_EQ(resolve("sub//file.js"), canonical_root_ / "sub" / "file.js");
}

TEST_F(ServedPathTest, PercentDecodesEachSegment) {
  EXPECT_EQ(resolve("a%20b.txt"), canonical_root_ / "a b.txt");
  EXPECT_EQ(resolve("%73ub/file.js"), canonical_root_ / "sub" / "file.js");  // %73 = 's'
  EXPECT_EQ(resolve("a+b.txt"), std::nullopt);  // '+' is not a space in a path
}

TEST_F(ServedPathTest, AFolderStandsForItsIndex) {
  EXPECT_EQ(resolve(""), canonical_root_ / "index.html");
  EXPECT_EQ(resolve("sub/"), canonical_root_ / "sub" / "index.html");
  EXPECT_EQ(resolve("sub"), canonical_root_ / "sub" / "index.html");
  EXPECT_EQ(resolve("plain/"), std::nullopt);  // no index.html, no listing
}

TEST_F(ServedPathTest, MissingFilesAreNotFound) {
  EXPECT_EQ(resolve("nothing.html"), std::nullopt);
  EXPECT_EQ(resolve("sub/nothing/deeper.js"), std::nullopt);
}

TEST_F(ServedPathTest, RejectsDotDotSegments) {
  EXPECT_EQ(resolve(".."), std::nullopt);
  EXPECT_EQ(resolve("../secret.txt"), std::nullopt);
  EXPECT_EQ(resolve("sub/../../secret.txt"), std::nullopt);
  // Even when it would stay inside the root: a well-formed URL has no dot segments.
  EXPECT_EQ(resolve("sub/../index.html"), std::nullopt);
  EXPECT_EQ(resolve("./index.html"), std::nullopt);
}

TEST_F(ServedPathTest, RejectsEncodedDotDotAndSlashes) {
  EXPECT_EQ(resolve("%2e%2e/secret.txt"), std::nullopt);
  EXPECT_EQ(resolve("%2E%2E/secret.txt"), std::nullopt);
  EXPECT_EQ(resolve(".%2e/secret.txt"), std::nullopt);
  EXPECT_EQ(resolve("sub%2f..%2f..%2fsecret.txt"), std::nullopt);
  EXPECT_EQ(resolve("sub%2Ffile.js"), std::nullopt);  // an encoded '/' is never a separator
  EXPECT_EQ(resolve("%252e%252e/secret.txt"), std::nullopt);  // decoded once: a file named "%2e%2e"
}

TEST_F(ServedPathTest, RejectsBackslashes) {
  EXPECT_EQ(resolve("..\\secret.txt"), std::nullopt);
  EXPECT_EQ(resolve("sub\\file.js"), std::nullopt);
  EXPECT_EQ(resolve("..%5csecret.txt"), std::nullopt);
  EXPECT_EQ(resolve("sub%5Cfile.js"), std::nullopt);
}

TEST_F(ServedPathTest, RejectsAbsolutePaths) {
  const std::string absolute = (base_ / "secret.txt").string();
  EXPECT_EQ(resolve(absolute), std::nullopt);
  EXPECT_EQ(resolve("/etc/passwd"), std::nullopt);
  EXPECT_EQ(resolve("%2fetc/passwd"), std::nullopt);
}

TEST_F(ServedPathTest, RejectsNulAndMalformedEscapes) {
  EXPECT_EQ(resolve("index.html%00.png"), std::nullopt);
  EXPECT_EQ(resolve(std::string_view("index.html\0.png", 15)), std::nullopt);
  EXPECT_EQ(resolve("index.html%"), std::nullopt);
  EXPECT_EQ(resolve("index.html%2"), std::nullopt);
  EXPECT_EQ(resolve("%zzindex.html"), std::nullopt);
}

TEST_F(ServedPathTest, FollowsSymbolicLinksOnlyInsideTheRoot) {
  EXPECT_EQ(resolve("link-in.js"), canonical_root_ / "sub" / "file.js");
  EXPECT_EQ(resolve("link-out"), std::nullopt);
  EXPECT_EQ(resolve("dir-out/secret.txt"), std::nullopt);  // "root-evil" only starts like "root"
}

TEST_F(ServedPathTest, AnIndexThatLinksOutsideIsRefused) {
  fs::create_directories(root_ / "trap");
  fs::create_symlink(base_ / "secret.txt", root_ / "trap" / "index.html");
  EXPECT_EQ(resolve("trap/"), std::nullopt);
}

TEST_F(ServedPathTest, TheRootMayItselfBeALink) {
  const fs::path alias = base_ / "alias";
  fs::create_directory_symlink(root_, alias);
  EXPECT_EQ(resolve_served_path(alias, "sub/file.js"), canonical_root_ / "sub" / "file.js");
  EXPECT_EQ(resolve_served_path(alias, "../secret.txt"), std::nullopt);
}

TEST_F(ServedPathTest, AMissingRootServesNothing) {
  EXPECT_EQ(resolve_served_path(base_ / "no-such-root", "index.html"), std::nullopt);
}

TEST(ServedContentType, ByExtension) {
  EXPECT_EQ(served_content_type("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(served_content_type("x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(served_content_type("x.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(served_content_type("x.css"), "text/css; charset=utf-8");
  EXPECT_EQ(served_content_type("x.json"), "application/json");
  EXPECT_EQ(served_content_type("scenario.geojson"), "application/geo+json");
  EXPECT_EQ(served_content_type("scenario.czml"), "application/json");
  EXPECT_EQ(served_content_type("t.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(served_content_type("t.PNG"), "image/png");
  EXPECT_EQ(served_content_type("t.jpg"), "image/jpeg");
  EXPECT_EQ(served_content_type("t.svg"), "image/svg+xml");
  EXPECT_EQ(served_content_type("t.wasm"), "application/wasm");
  EXPECT_EQ(served_content_type("t.xml"), "application/xml");
  EXPECT_EQ(served_content_type("t.kml"), "application/vnd.google-earth.kml+xml");
  EXPECT_EQ(served_content_type("t.glb"), "model/gltf-binary");
  EXPECT_EQ(served_content_type("t.ktx2"), "image/ktx2");
  EXPECT_EQ(served_content_type("t.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(served_content_type("t.bin"), "application/octet-stream");
  EXPECT_EQ(served_content_type("Makefile"), "application/octet-stream");
}

}  // namespace
}  // namespace rampart::io
