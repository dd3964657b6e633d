#pragma once
// Which file a local HTTP server may send for a URL path: the one place that
// decides it, so that `rampart serve` cannot be talked into reading a file
// outside the folders it serves (by `..`, an encoded `%2e%2e` or `%2f`, a
// backslash, an absolute path, a NUL, or a symbolic link that points out).

#include <filesystem>
#include <optional>
#include <string_view>

namespace rampart::io {

/// The regular file to serve for `url_path` below `root`, or nullopt (404).
///
/// `url_path` is the raw (still percent-encoded) path of the request below
/// the mount point, without its query string and without the mount's leading
/// slash: "index.html", "node_modules/d3/dist/d3.min.js", "" for the root.
/// Each '/'-separated segment is percent-decoded on its own; the request is
/// refused when a raw or decoded segment is "." or "..", when a decoded
/// segment holds '/', '\\' or NUL, when an escape is malformed ("%2", "%zz"),
/// when the path is absolute (starts with '/'), and when the file it names,
/// with every symbolic link resolved, is not inside canonical(root). A folder
/// stands for its index.html (checked the same way). Only existing regular
/// files are returned, as canonical paths.
std::optional<std::filesystem::path> resolve_served_path(const std::filesystem::path& root,
                                                         std::string_view url_path);

/// The Content-Type for a served file, from its extension (.html, .js, .mjs,
/// .css, .json, .geojson, .czml, .csv, .png, .jpg, .svg, .wasm, .xml, .kml,
/// .glb, .ktx2, .txt, ...; "application/octet-stream" when unknown).
std::string_view served_content_type(const std::filesystem::path& file);

}  // namespace rampart::io
