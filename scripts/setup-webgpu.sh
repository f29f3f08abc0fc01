#!/usr/bin/env bash
# Installs the software Vulkan driver the WebGPU tests run on (test/gpu): Mesa 25's lavapipe from
# bookworm-backports plus the Vulkan loader. Debian 12's own lavapipe (Mesa 22.3) is rejected by the
# WebGPU provider's Dawn ("No supported adapters"), so the backports one is required (docs/devices.md).
#
# Idempotent: with the driver in place it runs no apt command and takes well under a second.
# Prints nothing on success; on failure, the tail of its log and one line on stderr.
set -euo pipefail

NAME=setup-webgpu
CACHE_ROOT="${LONGCODEZIP_WEBGPU_CACHE:-$HOME/.cache/longcodezip-webgpu}"
LOG="$CACHE_ROOT/setup-webgpu.log"
MIN_MESA_MAJOR=25
source "$(dirname "${BASH_SOURCE[0]}")/lib/fetchSources.sh"

installed_version() { { dpkg-query -W -f='${db:Status-Status} ${Version}' "$1" 2>/dev/null || true; } | awk '$1 == "installed" { print $2 }'; }

mesa="$(installed_version mesa-vulkan-drivers)"
loader="$(installed_version libvulkan1)"
if [ -n "$loader" ] && [ -n "$mesa" ] && [ "${mesa%%.*}" -ge "$MIN_MESA_MAJOR" ]; then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install Mesa >= $MIN_MESA_MAJOR's lavapipe (mesa-vulkan-drivers) and libvulkan1 by hand"
CODENAME="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
[ "$CODENAME" = bookworm ] || log "this is ${CODENAME:-an unknown release}, not bookworm: trying its backports"
BACKPORTS="${CODENAME:-bookworm}-backports"

# Add the backports suite unless some apt source already names it (one-line or deb822 format).
if ! grep -rqsE "(^|[[:space:]])$BACKPORTS([[:space:]]|$)" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "adding $BACKPORTS to the apt sources"
  $SUDO tee /etc/apt/sources.list.d/longcodezip-backports.sources >/dev/null <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: $BACKPORTS
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi

log "installing mesa-vulkan-drivers and libvulkan1 from $BACKPORTS"
apt_update_once
run_logged "apt-get install" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -t "$BACKPORTS" mesa-vulkan-drivers libvulkan1

mesa="$(installed_version mesa-vulkan-drivers)"
[ -n "$mesa" ] && [ "${mesa%%.*}" -ge "$MIN_MESA_MAJOR" ] || die "mesa-vulkan-drivers ${mesa:-not installed} after the install: $BACKPORTS must offer Mesa >= $MIN_MESA_MAJOR"
