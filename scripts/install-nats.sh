#!/usr/bin/env bash
# Installs nats-server >= 2.10 from Debian's own packages.
#
# Debian 12 (bookworm) packages nats-server 2.9, which lacks auth callout. Debian 13 (trixie) packages
# 2.10.x, which installs cleanly on Debian 12. This script adds a trixie entry that reuses the mirror of
# the machine's existing Debian sources entry, pins trixie at a low priority so nothing else is upgraded
# from it, and installs nats-server from trixie. It does nothing when a recent enough server is present.
set -euo pipefail

readonly MIN_MAJOR=2 MIN_MINOR=10
readonly SOURCES_FILE=/etc/apt/sources.list.d/gaimace-trixie.sources
readonly PIN_FILE=/etc/apt/preferences.d/gaimace-trixie.pref

say() { printf 'install-nats: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Prints the installed nats-server version (e.g. 2.10.27), or nothing.
installed_version() {
  command -v nats-server >/dev/null 2>&1 || return 0
  nats-server --version 2>/dev/null | sed -nE 's/.*v?([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' | head -n 1
}

recent_enough() {
  local version=$1 major minor
  [ -n "$version" ] || return 1
  IFS=. read -r major minor _ <<<"$version"
  [ "$major" -gt "$MIN_MAJOR" ] || { [ "$major" -eq "$MIN_MAJOR" ] && [ "$minor" -ge "$MIN_MINOR" ]; }
}

current=$(installed_version)
if recent_enough "$current"; then
  say "nats-server $current is installed; nothing to do."
  exit 0
fi

[ -r /etc/os-release ] || die "cannot read /etc/os-release; install nats-server >= 2.10 yourself."
# shellcheck disable=SC1091
. /etc/os-release
[ "${ID:-}" = debian ] || die "this script handles Debian only (found '${ID:-unknown}'); install nats-server >= 2.10 yourself."
command -v apt-get >/dev/null 2>&1 || die "apt-get not found."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root or install sudo."
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive

case "${VERSION_CODENAME:-}" in
  trixie | forky | sid)
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq nats-server >/dev/null
    ;;
  bookworm)
    if [ ! -f "$SOURCES_FILE" ]; then
      # Reuse the mirror the machine already uses for Debian, whatever it is.
      mirror=$(sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
        | grep -v -- '-security' | head -n 1 || true)
      if [ -z "$mirror" ]; then
        mirror=$(sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+bookworm[[:space:]].*/\2/p' \
          /etc/apt/sources.list 2>/dev/null | head -n 1 || true)
      fi
      [ -n "$mirror" ] || die "found no Debian bookworm sources entry to take the mirror from."
      say "adding a low-priority trixie entry (mirror $mirror) for nats-server only."
      $SUDO tee "$SOURCES_FILE" >/dev/null <<SRC
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
      $SUDO tee "$PIN_FILE" >/dev/null <<PIN
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
    fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq -t trixie nats-server >/dev/null
    ;;
  *)
    die "Debian '${VERSION_CODENAME:-unknown}' is not handled; install nats-server >= 2.10 yourself."
    ;;
esac

current=$(installed_version)
recent_enough "$current" || die "nats-server is ${current:-missing} after installing; need >= $MIN_MAJOR.$MIN_MINOR."
say "nats-server $current installed."
