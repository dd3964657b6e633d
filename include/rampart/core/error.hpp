#pragma once
// Errors of user input. Programmer errors are assertions; model-parameter
// errors throw std::invalid_argument at construction.

#include <stdexcept>
#include <string>
#include <vector>

namespace rampart {

/// Where a piece of input came from. line and column are 1-based; 0 means
/// "not known" (a command-line argument has a file name such as "--from" and
/// no line).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A problem with what the user wrote. what() is the one line the command
/// line prints: "file:line:col: error: message" (parts that are not known
/// are left out).
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  explicit InputError(const std::string& message);

  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 protected:
  /// For subclasses whose what() is more than the one formatted line.
  InputError(SourceLocation where, const std::string& message, const std::string& what_text);

 private:
  SourceLocation where_;
  std::string message_;
};

/// Several problems found in one pass over an input (a scenario checked as a
/// whole). what() is every error's line, one per line, in order; where() and
/// message() are the first error's.
class InputErrors : public InputError {
 public:
  /// `errors` must not be empty.
  explicit InputErrors(std::vector<InputError> errors);
  const std::vector<InputError>& errors() const { return errors_; }

 private:
  std::vector<InputError> errors_;
};

/// "file:line:col: error: message", leaving out unknown parts.
std::string format_input_error(const SourceLocation& where, const std::string& message);

}  // namespace rampart
