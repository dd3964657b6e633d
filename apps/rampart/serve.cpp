// rampart serve DIR: the local viewer. Serves web/ (the 2D map and the 3D
// globe, with their npm packages) at / and the results in DIR at /results/
// over HTTP (cpp-httplib), on 127.0.0.1 unless --bind names another address,
// until Ctrl-C or SIGTERM (exit 0). Which file a URL may read is decided by
// io::resolve_served_path alone: anything that escapes web/ or DIR is a 404.

#include <arpa/inet.h>
#include <fmt/core.h>
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "command.hpp"
#include "rampart/core/error.hpp"
#include "rampart/io/served_path.hpp"

namespace rampart::cli {
namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  std::string dir;
  int port = 8765;
  std::string bind = "127.0.0.1";
};

constexpr std::string_view kResultsMount = "/results/";

/// web/ of the source tree the binary was built from, or $RAMPART_WEB_DIR.
fs::path web_directory() {
  if (const char* dir = std::getenv("RAMPART_WEB_DIR"); dir != nullptr && *dir != '\0') return dir;
  return RAMPART_WEB_DIR;
}

bool is_loopback(const std::string& address) {
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return address == "::1";
}

/// Throws unless `address` is a numeric IPv4 or IPv6 address (a host name
/// could resolve to anything: the user says which interface, literally).
void check_bind_address(const std::string& address) {
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1 || inet_pton(AF_INET6, address.c_str(), &v6) == 1) return;
  throw InputError(SourceLocation{"--bind"}, "'" + address + "' is not an IPv4 or IPv6 address");
}

/// The host part of the printed URLs: where a browser on this machine reaches the server.
std::string url_host(const std::string& bind) {
  if (bind == "0.0.0.0") return "127.0.0.1";
  if (bind == "::") return "[::1]";
  if (bind.find(':') != std::string::npos) return "[" + bind + "]";
  return bind;
}

/// With the server on loopback, only requests that name a loopback host are
/// answered: a web page elsewhere cannot reach it through DNS rebinding.
bool host_header_allowed(const httplib::Request& request) {
  if (!request.has_header("Host")) return true;
  std::string host = request.get_header_value("Host");
  if (!host.empty() && host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  return host == "localhost" || host == "[::1]" || is_loopback(host);
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  return std::move(body).str();
}

void answer(const fs::path& web, const fs::path& results, bool loopback_only, const httplib::Request& request,
            httplib::Response& response) {
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.set_content("method not allowed\n", "text/plain");
    return;
  }
  if (loopback_only && !host_header_allowed(request)) {
    response.status = 403;
    response.set_content("forbidden host\n", "text/plain");
    return;
  }
  // The raw target, still percent-encoded: resolve_served_path decodes it
  // once, segment by segment (httplib's own req.path is already decoded).
  std::string_view target = request.target;
  target = target.substr(0, target.find_first_of("?#"));
  std::optional<fs::path> file;
  if (target == "/results") {
    response.status = 301;
    response.set_header("Location", std::string(kResultsMount));
    return;
  }
  if (target.substr(0, kResultsMount.size()) == kResultsMount) {
    file = io::resolve_served_path(results, target.substr(kResultsMount.size()));
  } else if (!target.empty() && target.front() == '/') {
    file = io::resolve_served_path(web, target.substr(1));
  }
  std::optional<std::string> body = file ? read_file(*file) : std::nullopt;
  if (!body) {
    response.status = 404;
    response.set_content("not found\n", "text/plain");
    return;
  }
  response.status = 200;
  // Results change between runs and the viewer is local: never cached.
  response.set_header("Cache-Control", "no-cache");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_content(std::move(*body), std::string(io::served_content_type(*file)).c_str());
}

int serve(const ServeOptions& options) {
  const fs::path results = options.dir;
  if (!fs::is_directory(results)) {
    throw InputError(SourceLocation{options.dir}, "no such folder (give the -o folder of rampart run, footprint, ...)");
  }
  const fs::path web = web_directory();
  if (!fs::is_regular_file(web / "index.html")) {
    throw InputError(SourceLocation{web.string()}, "the viewer's web/ folder is missing (set RAMPART_WEB_DIR)");
  }
  if (!fs::is_directory(web / "node_modules")) {
    throw InputError(SourceLocation{(web / "node_modules").string()},
                     "the viewer's npm packages are not installed: run scripts/install-deps.sh");
  }
  check_bind_address(options.bind);
  const bool loopback = is_loopback(options.bind);

  httplib::Server server;
  // httplib's default sets SO_REUSEPORT, with which a second server binds the
  // same port silently (and shares its requests). SO_REUSEADDR alone: a port
  // in use is an error, a restart right after Ctrl-C is not.
  server.set_socket_options([](socket_t socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
    // No compression: on loopback it only costs time, and httplib would
    // brotli-compress Cesium.js (5.8 MB) anew on every request (8 s here).
    // httplib 0.11 has no switch for it; it decides from the request's
    // Accept-Encoding when it writes the answer. The Request object is not
    // const (httplib's own, per connection), only this handler's view of it.
    const_cast<httplib::Request&>(request).headers.erase("Accept-Encoding");
    answer(web, results, loopback, request, response);
    return httplib::Server::HandlerResponse::Handled;
  });

  const int port = options.port == 0 ? server.bind_to_any_port(options.bind)
                                     : (server.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port < 0) {
    throw InputError(SourceLocation{"--port"},
                     fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                                 options.bind, options.port));
  }

  // SIGINT and SIGTERM are taken by a thread of their own (sigwait) that
  // stops the server: no work in a signal handler. They are blocked before
  // httplib starts its threads, which inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  std::signal(SIGPIPE, SIG_IGN);  // a browser closing a connection mid-answer
  std::atomic<bool> stopped_by_signal{false};
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    stopped_by_signal = true;
    server.stop();
  });

  if (!loopback) {
    std::cerr << fmt::format("rampart serve: warning: listening on {} (--bind): other machines may reach it\n",
                             options.bind);
  }
  const std::string host = url_host(options.bind);
  fmt::print("rampart serve: http://{0}:{1}/ (2D map), http://{0}:{1}/globe.html (3D globe); Ctrl-C stops\n", host,
             port);
  std::fflush(stdout);

  const bool listened = server.listen_after_bind();
  if (!stopped_by_signal) pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (!stopped_by_signal && !listened) throw std::runtime_error("the HTTP server stopped unexpectedly");
  fmt::print("rampart serve: stopped\n");
  return 0;
}

}  // namespace

Command add_serve_command(CLI::App& root) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* app = root.add_subcommand(
      "serve", "Serve the viewer (2D map, 3D globe) and the results in DIR on http://127.0.0.1:PORT/ until Ctrl-C");
  app->add_option("dir", options->dir, "Results folder (the -o of rampart run, footprint, coverage, compare)")
      ->type_name("DIR")
      ->required();
  app->add_option("--port", options->port, "TCP port; 0 picks a free one")
      ->type_name("N")
      ->check(CLI::Range(0, 65535).description(""))
      ->capture_default_str();
  app->add_option("--bind", options->bind,
                  "Address to listen on (numeric IPv4/IPv6); anything but loopback must be asked for here")
      ->type_name("ADDR")
      ->capture_default_str();
  return {app, [options] { return serve(*options); }};
}

}  // namespace rampart::cli
