#!/usr/bin/env bash
# Sourced by scripts/test: `. scripts/lib/browser.sh; sanad_browser`.
#
# sanad_browser makes sure the browser tests have what they drive and inject, installing
# what is missing, and exports
#   SANAD_CHROMIUM  the headless browser (Debian's chromium; chromium-driver comes with it)
#   SANAD_AXE       axe-core's script, the accessibility scan injected into each page
#
# Switches:
#   SANAD_CHROMIUM=/path  use this browser instead (nothing is installed)
#   SANAD_AXE=/path       use this axe.min.js instead (nothing is installed)
set -euo pipefail

SANAD_ROOT=${SANAD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# The version the checks were written against; a new one may add rules, so it moves on purpose.
SANAD_AXE_VERSION=4.14.1

_sanad_browser_say() { printf 'sanad: %s\n' "$*" >&2; }

_sanad_apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      _sanad_browser_say "need to install $* but not root and no sudo; install it and retry"
      return 1
    fi
  fi
  _sanad_browser_say "installing $* (apt-get)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

sanad_browser() {
  if [ -z "${SANAD_CHROMIUM:-}" ]; then
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
      _sanad_apt_install chromium chromium-driver fonts-noto-core
    fi
    SANAD_CHROMIUM=$(command -v chromium)
  fi
  export SANAD_CHROMIUM

  if [ -z "${SANAD_AXE:-}" ]; then
    local prefix="$SANAD_ROOT/.data/npm"
    SANAD_AXE="$prefix/node_modules/axe-core/axe.min.js"
    local have=""
    [ -f "$prefix/node_modules/axe-core/package.json" ] &&
      have=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$prefix/node_modules/axe-core/package.json")
    if [ "$have" != "$SANAD_AXE_VERSION" ]; then
      command -v npm >/dev/null 2>&1 || _sanad_apt_install nodejs npm
      _sanad_browser_say "installing axe-core $SANAD_AXE_VERSION (npm, into .data/npm)"
      mkdir -p "$prefix"
      npm install --silent --no-audit --no-fund --prefix "$prefix" "axe-core@$SANAD_AXE_VERSION" >&2
    fi
  fi
  export SANAD_AXE
}
