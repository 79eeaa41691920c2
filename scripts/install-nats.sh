#!/usr/bin/env bash
# Installs nats-server >= 2.12 from Debian's own packages.
#
# Gaimace is tested on the current 2.15 line and requires 2.12 or newer (docs/operations.md says
# why). Debian 12 (bookworm)
# packages nats-server 2.9 and Debian 13 (trixie) 2.10; Debian's testing suite (forky) packages the
# current 2.15.x, whose binary needs only libc6 >= 2.34 and so installs on Debian 12 and 13 as well.
# This script adds a forky entry that reuses the mirror of the machine's existing Debian sources
# entry, pins forky at a low priority so nothing else is upgraded from it, and installs nats-server
# from forky. It does nothing when a recent enough server is present.
set -euo pipefail

readonly MIN_MAJOR=2 MIN_MINOR=12
readonly SOURCES_FILE=/etc/apt/sources.list.d/gaimace-forky.sources
readonly PIN_FILE=/etc/apt/preferences.d/gaimace-forky.pref
# Written by earlier versions of this script, which installed 2.10 from trixie.
readonly OLD_FILES=(/etc/apt/sources.list.d/gaimace-trixie.sources /etc/apt/preferences.d/gaimace-trixie.pref)

say() { printf 'install-nats: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Prints the installed nats-server version (e.g. 2.15.1), or nothing.
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
[ -z "$current" ] || say "nats-server $current is too old (Gaimace needs >= $MIN_MAJOR.$MIN_MINOR); upgrading."

[ -r /etc/os-release ] || die "cannot read /etc/os-release; install nats-server >= $MIN_MAJOR.$MIN_MINOR yourself."
# shellcheck disable=SC1091
. /etc/os-release
[ "${ID:-}" = debian ] || die "this script handles Debian only (found '${ID:-unknown}'); install nats-server >= $MIN_MAJOR.$MIN_MINOR yourself."
command -v apt-get >/dev/null 2>&1 || die "apt-get not found."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root or install sudo."
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive

# The mirror the machine already uses for Debian, whatever it is.
debian_mirror() {
  local mirror
  mirror=$(sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
    | grep -v -- '-security' | head -n 1 || true)
  if [ -z "$mirror" ]; then
    mirror=$(sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+[a-z]+[[:space:]]+main.*/\2/p' \
      /etc/apt/sources.list 2>/dev/null | grep -v -- '-security' | head -n 1 || true)
  fi
  printf '%s' "$mirror"
}

case "${VERSION_CODENAME:-}" in
  forky | sid)
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq nats-server >/dev/null
    ;;
  bookworm | trixie)
    $SUDO rm -f "${OLD_FILES[@]}"
    if [ ! -f "$SOURCES_FILE" ]; then
      mirror=$(debian_mirror)
      [ -n "$mirror" ] || die "found no Debian sources entry to take the mirror from."
      say "adding a low-priority forky entry (mirror $mirror) for nats-server only."
      $SUDO tee "$SOURCES_FILE" >/dev/null <<SRC
Types: deb
URIs: $mirror
Suites: forky
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
      $SUDO tee "$PIN_FILE" >/dev/null <<PIN
Package: *
Pin: release n=forky
Pin-Priority: 100
PIN
    fi
    $SUDO apt-get update -qq
    if [ "$VERSION_CODENAME" = trixie ]; then
      $SUDO apt-get install -y -qq -t forky nats-server >/dev/null
    else
      # forky's package creates its system user with a sysusers rule ('u!') that Debian 12's
      # systemd-sysusers cannot parse, so its post-install step fails there. Gaimace runs nats-server
      # with its own configuration and needs neither that user nor the service: take the binary
      # out of the same package instead.
      work=$(mktemp -d)
      chmod 755 "$work"
      trap 'rm -rf "$work"' EXIT
      (cd "$work" && apt-get download -qq -t forky nats-server >/dev/null)
      dpkg-deb -x "$work"/nats-server_*.deb "$work/root"
      $SUDO install -m 0755 "$work/root/usr/sbin/nats-server" /usr/local/bin/nats-server
      hash -r
    fi
    ;;
  *)
    die "Debian '${VERSION_CODENAME:-unknown}' is not handled; install nats-server >= $MIN_MAJOR.$MIN_MINOR yourself."
    ;;
esac

current=$(installed_version)
recent_enough "$current" || die "nats-server is ${current:-missing} after installing; need >= $MIN_MAJOR.$MIN_MINOR."
say "nats-server $current installed."
