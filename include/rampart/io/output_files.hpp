#pragma once
// Writing result files: the one place that creates output folders and opens
// files, so that every command reports a folder or file it cannot write the
// same way (an InputError naming it: exit status 2).

#include <filesystem>
#include <fstream>
#include <string>

#include "rampart/core/error.hpp"

namespace rampart::io {

/// Creates `dir` and its parents if missing; InputError naming it when that fails.
void make_output_directory(const std::filesystem::path& dir);

/// Opens `path` for writing (binary: the same bytes on every platform);
/// InputError naming it when it cannot be opened.
std::ofstream open_output_file(const std::filesystem::path& path);

/// Writes `path` through write(std::ostream&); InputError naming the file
/// when it cannot be opened or the writing fails (a full disk, say).
template <class Write>
void write_output_file(const std::filesystem::path& path, Write&& write) {
  std::ofstream out = open_output_file(path);
  write(out);
  out.flush();
  if (!out) throw InputError(SourceLocation{path.string()}, "cannot write " + path.string());
}

}  // namespace rampart::io
