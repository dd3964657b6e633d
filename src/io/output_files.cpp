#include "rampart/io/output_files.hpp"

namespace rampart::io {

void make_output_directory(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw InputError(SourceLocation{dir.string()}, "cannot create " + dir.string() + ": " + error.message());
}

std::ofstream open_output_file(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(SourceLocation{path.string()}, "cannot write " + path.string());
  return out;
}

}  // namespace rampart::io
