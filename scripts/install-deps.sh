#!/usr/bin/env bash
# Installs the Debian packages that rampart's build, tests and benchmarks need.
# Idempotent: when every package is already installed it changes nothing (and
# needs no network or root). Otherwise it runs `apt-get update` once and
# installs only the missing packages, through sudo when not root.
set -euo pipefail

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
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed; nothing to do"
  exit 0
fi

as_root=()
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
