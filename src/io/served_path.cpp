#include "rampart/io/served_path.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <system_error>
#include <utility>

namespace rampart::io {
namespace {

namespace fs = std::filesystem;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decodes one segment; nullopt for a malformed escape. '+' stays a
/// '+' (it means a space only in query strings).
std::optional<std::string> decode_segment(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out.push_back(raw[i]);
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    const int high = hex_value(raw[i + 1]);
    const int low = hex_value(raw[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

/// True when `path` is `root` or below it, component by component (both
/// canonical, so "/srv/web-evil" is not inside "/srv/web").
bool is_within(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

/// canonical(path) when it exists and lies inside `root`; else nullopt.
std::optional<fs::path> canonical_within(const fs::path& root, const fs::path& path) {
  std::error_code error;
  fs::path resolved = fs::canonical(path, error);
  if (error || !is_within(root, resolved)) return std::nullopt;
  return resolved;
}

}  // namespace

std::optional<fs::path> resolve_served_path(const fs::path& root, std::string_view url_path) {
  if (!url_path.empty() && url_path.front() == '/') return std::nullopt;  // absolute
  if (url_path.find('\\') != std::string_view::npos) return std::nullopt;

  std::error_code error;
  const fs::path canonical_root = fs::canonical(root, error);
  if (error) return std::nullopt;

  fs::path candidate = canonical_root;
  std::size_t start = 0;
  while (start <= url_path.size()) {
    const std::size_t slash = std::min(url_path.find('/', start), url_path.size());
    const std::string_view raw = url_path.substr(start, slash - start);
    start = slash + 1;
    if (raw.empty()) continue;  // "a//b" and a trailing slash: no segment
    const std::optional<std::string> segment = decode_segment(raw);
    if (!segment || *segment == "." || *segment == "..") return std::nullopt;
    if (segment->find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) return std::nullopt;
    candidate /= *segment;
  }

  std::optional<fs::path> resolved = canonical_within(canonical_root, candidate);
  if (!resolved) return std::nullopt;
  if (fs::is_directory(*resolved, error)) {
    resolved = canonical_within(canonical_root, *resolved / "index.html");
    if (!resolved) return std::nullopt;
  }
  if (!fs::is_regular_file(*resolved, error)) return std::nullopt;
  return resolved;
}

std::string_view served_content_type(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".cjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".jsonl", "application/jsonl"},
      {".geojson", "application/geo+json"},
      {".czml", "application/json"},
      {".csv", "text/csv; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".svg", "image/svg+xml"},
      {".wasm", "application/wasm"},
      {".xml", "application/xml"},
      {".kml", "application/vnd.google-earth.kml+xml"},
      {".glb", "model/gltf-binary"},
      {".ktx2", "image/ktx2"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/plain; charset=utf-8"},
  }};
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  for (const auto& [suffix, type] : kTypes) {
    if (extension == suffix) return type;
  }
  return "application/octet-stream";
}

}  // namespace rampart::io
