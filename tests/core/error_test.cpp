// Validates the one-line form of input errors, "file:line:col: error: msg",
// including every way a part of the location can be unknown: the command line
// prints what() verbatim, so the text itself is the contract.

#include "rampart/core/error.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace rampart {
namespace {

TEST(FormatInputError, FileLineAndColumn) {
  EXPECT_EQ(format_input_error({"file.yaml", 3, 7}, "bad value"), "file.yaml:3:7: error: bad value");
}

TEST(FormatInputError, ColumnUnknown) {
  EXPECT_EQ(format_input_error({"file.yaml", 3, 0}, "bad value"), "file.yaml:3: error: bad value");
}

TEST(FormatInputError, LineUnknownHidesColumn) {
  // A column without a line means nothing to a reader, so it is left out too.
  EXPECT_EQ(format_input_error({"file.yaml", 0, 7}, "bad value"), "file.yaml: error: bad value");
}

TEST(FormatInputError, CommandLineArgumentHasNameOnly) {
  EXPECT_EQ(format_input_error({"--from", 0, 0}, "expected LAT,LON"), "--from: error: expected LAT,LON");
}

TEST(FormatInputError, NothingKnown) {
  EXPECT_EQ(format_input_error({}, "no scenario given"), "error: no scenario given");
}

TEST(FormatInputError, LineWithoutFileIsLeftOut) {
  EXPECT_EQ(format_input_error({"", 3, 7}, "bad value"), "error: bad value");
}

TEST(FormatInputError, MessageKeptVerbatim) {
  const std::string message = "unknown key \"rnage\" (did you mean \"range\"?): 100% sure";
  EXPECT_EQ(format_input_error({"a.yaml", 12, 1}, message), "a.yaml:12:1: error: " + message);
}

TEST(InputError, WhatIsTheFormattedLine) {
  const InputError error({"file.yaml", 3, 7}, "missing key \"range\"");
  EXPECT_STREQ(error.what(), "file.yaml:3:7: error: missing key \"range\"");
  EXPECT_EQ(error.message(), "missing key \"range\"");
  EXPECT_EQ(error.where().file, "file.yaml");
  EXPECT_EQ(error.where().line, 3);
  EXPECT_EQ(error.where().column, 7);
}

TEST(InputError, WithoutLocation) {
  const InputError error("no scenario given");
  EXPECT_STREQ(error.what(), "error: no scenario given");
  EXPECT_EQ(error.message(), "no scenario given");
  EXPECT_TRUE(error.where().file.empty());
  EXPECT_EQ(error.where().line, 0);
  EXPECT_EQ(error.where().column, 0);
}

TEST(InputError, CaughtAsRuntimeError) {
  // The CLI's last-resort handler catches std::exception; the text must survive.
  try {
    throw InputError({"s.yaml", 1, 2}, "oops");
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "s.yaml:1:2: error: oops");
    return;
  }
  FAIL() << "InputError was not caught as std::runtime_error";
}

TEST(InputError, CopyKeepsEverything) {
  const InputError original({"f.yaml", 9, 4}, "m");
  const InputError copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_STREQ(copy.what(), original.what());
  EXPECT_EQ(copy.where().line, 9);
  EXPECT_EQ(copy.message(), "m");
}

}  // namespace
}  // namespace rampart
