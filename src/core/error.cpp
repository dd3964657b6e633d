#include "rampart/core/error.hpp"

namespace rampart {

std::string format_input_error(const SourceLocation& where, const std::string& message) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "x" + std::string.
      out += ':';
      out += std::to_string(where.line);
      if (where.column > 0) {
        out += ':';
        out += std::to_string(where.column);
      }
    }
    out += ": ";
  }
  out += "error: " + message;
  return out;
}

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(format_input_error(where, message)), where_(std::move(where)), message_(message) {}

InputError::InputError(const std::string& message) : InputError(SourceLocation{}, message) {}

InputError::InputError(SourceLocation where, const std::string& message, const std::string& what_text)
    : std::runtime_error(what_text), where_(std::move(where)), message_(message) {}

namespace {
std::string join_errors(const std::vector<InputError>& errors) {
  std::string text;
  for (const auto& error : errors) {
    if (!text.empty()) text += '\n';
    text += error.what();
  }
  return text;
}
}  // namespace

InputErrors::InputErrors(std::vector<InputError> errors)
    : InputError(errors.at(0).where(), errors.at(0).message(), join_errors(errors)), errors_(std::move(errors)) {}

}  // namespace rampart
