#pragma once
// For the tests of strict readers (catalogs, scenarios): write a YAML text
// to a temporary file, put one mistake into a valid text, and get back the
// InputError a loader throws for it, with the temporary path taken off so
// that the expected text is "line:col: error: ..." only.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rampart/core/error.hpp"

namespace rampart::testing {

/// Writes `text` to a new file in the temporary folder and returns its path
/// (unique per process and call, so tests may run in parallel).
inline std::string write_temp_yaml(const std::string& text) {
  static std::atomic<int> counter{0};
  const auto path = std::filesystem::temp_directory_path() /
                    ("rampart_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

/// `text` with the first occurrence of `from` replaced by `to` (a test
/// failure if `from` does not occur: the mistake would not be made).
inline std::string with_mistake(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the text: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// Each line of what() of the InputError that `load(path)` throws for
/// `text`, with the path in front of each line taken off (one line for a
/// single InputError, one per error for InputErrors). Empty, and a test
/// failure, when nothing is thrown.
template <class Load>
std::vector<std::string> input_errors_of(const std::string& text, Load&& load) {
  const std::string path = write_temp_yaml(text);
  std::vector<std::string> lines;
  try {
    load(path);
    ADD_FAILURE() << "no error for:\n" << text;
  } catch (const InputError& e) {
    const std::string what = e.what();
    std::size_t start = 0;
    while (start <= what.size()) {
      const std::size_t end = std::min(what.find('\n', start), what.size());
      std::string line = what.substr(start, end - start);
      if (line.rfind(path, 0) == 0) line.erase(0, path.size());
      lines.push_back(line);
      start = end + 1;
    }
  }
  std::filesystem::remove(path);
  return lines;
}

/// What `load` reports for `text` with `from` replaced by `to`, each line
/// without the path (":line:col: error: ..."), lines joined by '\n'.
template <class Load>
std::string error_with_mistake(const std::string& text, const std::string& from, const std::string& to, Load&& load) {
  std::string joined;
  for (const auto& line : input_errors_of(with_mistake(text, from, to), load)) {
    if (!joined.empty()) joined += '\n';
    joined += line;
  }
  return joined;
}

}  // namespace rampart::testing
