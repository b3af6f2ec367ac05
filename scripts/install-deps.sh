#!/usr/bin/env bash
# Installs what spamstrip needs to build, test and benchmark on Debian 12 (run as root).
# INSTALL_BROWSER=1 also installs headless Chromium (for scripts/screenshot_report.sh).
set -euo pipefail
packages=(
  build-essential cmake pkg-config python3
  libre2-dev                     # RE2: every pattern
  libboost-program-options-dev   # the CLI's flags
  libicu-dev                     # NFKC, case folding, scripts, confusable skeletons
  nlohmann-json3-dev             # JSON/JSONL reading and writing
  zlib1g-dev                     # CRC-32 of model files, gzip members of WARC files
  libgumbo-dev                   # HTML5 parsing with source positions
  libcpp-httplib-dev             # `spamstrip serve`: the HTTP server (and the test client)
  libgtest-dev libgmock-dev      # tests
  libbenchmark-dev               # micro-benchmarks
)
# Optional, not needed to build or test: headless Chromium for scripts/screenshot_report.sh,
# which renders an audit's report.html to a PNG to look at it as a person would.
if [[ ${INSTALL_BROWSER:-0} == 1 ]]; then
  packages+=(chromium fonts-dejavu-core)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
