#!/usr/bin/env bash
# Installs Debian's Chromium, which the web client's browser tests drive headless (gaimace-web).
# Does nothing when /usr/bin/chromium is present. Non-interactive; uses apt as root or with sudo.
# Playwright never downloads a browser of its own: the tests use this one.
set -euo pipefail

say() { printf 'install-chromium: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [ -x /usr/bin/chromium ]; then
  say "$(/usr/bin/chromium --version 2>/dev/null || echo chromium) is installed; nothing to do."
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install Chromium as /usr/bin/chromium yourself."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root or install sudo."
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-noto-color-emoji >/dev/null
[ -x /usr/bin/chromium ] || die "chromium is missing after installing."
say "$(/usr/bin/chromium --version) installed."
