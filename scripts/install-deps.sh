#!/usr/bin/env bash
# Installs the Debian packages that rampart's build, tests and benchmarks need,
# then the npm packages of the browser viewer (web/package-lock.json).
# Idempotent: when every package is already installed it changes nothing (and
# needs no network or root). Otherwise it runs `apt-get update` once and
# installs only the missing packages, through sudo when not root; and it runs
# `npm ci` in web/ only when web/node_modules is missing or older than the lock.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  cmake ninja-build g++ make pkg-config            # toolchain
  libeigen3-dev libgeographiclib-dev               # linear algebra, geodesy
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev  # scenario files, JSON, command line
  libfmt-dev libspdlog-dev                         # formatting, logging
  libgtest-dev libgmock-dev googletest             # tests
  libbenchmark-dev                                 # benchmarks
  libsqlite3-dev sqlite3                           # Monte Carlo result store (and the sqlite3 shell to query it)
  libopenmpi-dev openmpi-bin                       # Monte Carlo across processes (mpirun; CI runs it)
  gdal-bin                                         # ogrinfo: tests of the GeoJSON and KML exports
  python3                                          # scripts and command-line tests
  libcpp-httplib-dev                               # rampart serve (HTTP server)
  chromium                                         # browser tests (driven by playwright-core from npm)
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

install_debian_packages() {
  if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages already installed; nothing to do"
    return
  fi
  local as_root=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      echo "install-deps: missing ${missing[*]}; run this script as root (sudo is not available)" >&2
      exit 1
    fi
  fi
  "${as_root[@]}" apt-get update -q >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: installed ${#missing[@]} missing package(s): ${missing[*]}"
}

# The viewer's npm packages (d3, topojson-client, world-atlas, cesium,
# playwright-core), exactly as web/package-lock.json pins them. They need
# Node.js >= 20.19 with npm (cesium 1.140, playwright-core); Debian 12's own
# nodejs is 18, so Node is not installed here (NodeSource's 20.x works).
install_npm_packages() {
  local web="$repo/web"
  if [[ -d "$web/node_modules" && ! "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
    echo "install-deps: web/node_modules is up to date with web/package-lock.json; nothing to do"
    return
  fi
  if ! command -v npm >/dev/null 2>&1 || ! node -e \
    'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    # Not fatal: the simulator builds and runs without it; rampart serve and
    # the browser tests say what is missing when they are used.
    echo "install-deps: warning: the viewer (web/) needs Node.js >= 20.19 and npm" \
      "(found: $(node --version 2>/dev/null || echo none)); its npm packages are not installed" >&2
    return
  fi
  npm ci --prefix "$web" --no-audit --no-fund >/dev/null
  echo "install-deps: installed the viewer's npm packages into web/node_modules"
}

install_debian_packages
install_npm_packages
