#!/usr/bin/env bash
# Installs every Debian package rtlarena needs to build, test and run.
# Root: installs what is missing with apt-get. Not root: prints the exact apt-get line and fails.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config make git python3
  # libraries
  libcurl4-openssl-dev nlohmann-json3-dev libcpp-httplib-dev libsqlite3-dev sqlite3
  libcli11-dev libfmt-dev libspdlog-dev libgtest-dev libgmock-dev libbenchmark-dev
  libtomlplusplus-dev libssl-dev
  # hardware tools
  iverilog verilator yosys z3 opensta qflow-tech-osu018
  # sandbox
  bubblewrap
  # cluster runs (rtlarena slurm, scripts/slurm_local.sh) and reward-server replicas
  slurm-wlm slurm-client munge nginx
  # reports: npm installs the pinned chart bundles; chromium runs the page's browser test
  nodejs chromium
)
# npm: Debian's package, unless a Node.js distribution that bundles it is installed already.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The chart bundles `rtlarena report` inlines (versions pinned by package-lock.json).
install_report_assets() {
  local assets
  assets="$(cd "$(dirname "$0")/.." && pwd)/harness/report_assets"
  if [ ! -f "$assets/node_modules/vega-embed/build/vega-embed.min.js" ] ||
     [ "$assets/package-lock.json" -nt "$assets/node_modules/.package-lock.json" ]; then
    echo "rtlarena: installing the report's chart bundles (npm ci in harness/report_assets)"
    (cd "$assets" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  install_report_assets
  exit 0
fi

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "rtlarena: missing Debian packages. Run as root:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi

echo "rtlarena: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_report_assets
