#pragma once
// Runs the real `rampart` binary (path RAMPART_CLI, a compile definition) as
// a user would, capturing its exit status, stdout and stderr.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rampart::testing {

struct CliRun {
  int status = -1;  ///< exit code, -1 if the process did not exit normally
  std::string out;
  std::string err;
};

/// An empty path in the temporary folder named after `stem` and this
/// process (so parallel test processes do not collide); removed if present.
inline std::filesystem::path temp_dir(const std::string& stem) {
  std::string name = stem;
  name.append("_").append(std::to_string(::getpid()));
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  return dir;
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream file(path);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

/// Runs `rampart <arguments>` (each argument single-quoted for the shell).
inline CliRun run_rampart(const std::vector<std::string>& arguments) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path();
  const std::string stem = "rampart_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  const auto out = dir / (stem + ".out");
  const auto err = dir / (stem + ".err");
  std::string command = std::string("'") + RAMPART_CLI + "'";
  for (const auto& a : arguments) command += " '" + a + "'";
  command += " > '" + out.string() + "' 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  CliRun run;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

/// Starts `rampart args...` without waiting for it, stdout and stderr into
/// files; returns its pid (for tests that signal a running command).
inline pid_t spawn_rampart(const std::vector<std::string>& args, const std::filesystem::path& out,
                           const std::filesystem::path& err) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    std::vector<char*> argv{const_cast<char*>(RAMPART_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(RAMPART_CLI, argv.data());
    ::_exit(127);
  }
  return pid;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

}  // namespace rampart::testing
