#!/usr/bin/env bash
# Builds Gaimace and runs every test against real nats-server processes.
# Installs nats-server >= 2.12 first if needed (Debian; uses apt, as root or with sudo), and
# Debian's Chromium for the web client's browser test (gaimace-web). Building the web client needs
# Node.js and npm (the npm registry).
# Extra arguments go to Maven, e.g. ./test.sh -pl gaimace-cli -am -o
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

scripts/install-nats.sh
scripts/install-chromium.sh
exec mvn -B verify "$@"
