#!/usr/bin/env bash
# Builds the real-code corpora the chunker is measured on (one or more per language; docs/corpora.md says
# what each one is and why), once, into a cache keyed by the corpus spec version below. Prints one line per
# corpus on stdout: `language<TAB>absolute folder`. Every file under a printed folder whose extension belongs
# to that language (grammars/languages.json) is part of the corpus; nothing else is there.
#
# Sources, all reached through the ordinary clients of the registries this project may use:
#   - Debian packages, fetched with `apt-get download` and unpacked with `dpkg-deb -x` into the cache.
#     Nothing is installed from them (installing openjdk-17-source, for one, would upgrade the whole JDK).
#   - npm packages at pinned versions, fetched with `npm pack` (integrity checked by npm).
#   - the project's own node_modules (after `npm ci`), for JavaScript and TypeScript.
# The only thing installed system-wide is universal-ctags (and unzip), the oracle's tool, when missing.
#
# Idempotent: a second run with the cache in place runs no apt or npm command and takes well under a second.
set -euo pipefail
shopt -s inherit_errexit

SPEC_VERSION=1
CACHE_ROOT="${LONGCODEZIP_CORPORA_CACHE:-$HOME/.cache/longcodezip-corpora}"
DIR="$CACHE_ROOT/v$SPEC_VERSION"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MODULES="$REPO_ROOT/node_modules"
LOG="$CACHE_ROOT/setup-corpora.log"

NAME=setup-corpora
source "$(dirname "${BASH_SOURCE[0]}")/lib/fetchSources.sh"

# --- the oracle's tools -----------------------------------------------------------------------------------
need_apt=()
if ! command -v ctags >/dev/null 2>&1 || ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
  need_apt+=(universal-ctags)
fi
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  apt_update_once
  run_logged "apt-get install" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${need_apt[@]}"
fi

# node_module_version NAME: the version of a package in the project's node_modules.
node_module_version() {
  local pj="$NODE_MODULES/$1/package.json"
  [ -f "$pj" ] || die "$pj not found: run npm ci in $REPO_ROOT first"
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$pj" | head -n 1
}

PY=( -name '*.py' -o -name '*.pyi' )
JS=( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.jsx' )
TS=( \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) -not -name '*.d.ts' -not -name '*.d.mts' -not -name '*.d.cts' )
C_=( -name '*.c' -o -name '*.h' )
CPP=( -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' -o -name '*.c++' -o -name '*.hh' -o -name '*.hpp' -o -name '*.hxx' -o -name '*.h++' -o -name '*.ipp' )

# corpus LANGUAGE NAME STAMP BUILDER: builds $DIR/LANGUAGE/NAME with BUILDER (a function taking the
# destination) unless it is there with the same stamp; prints the output line.
corpus() {
  local lang="$1" name="$2" stamp="$3" builder="$4"
  local dest="$DIR/$lang/$name"
  if [ ! -f "$dest.stamp" ] || [ "$(cat "$dest.stamp")" != "$stamp" ]; then
    log "building corpus $lang/$name"
    rm -rf "$dest" "$dest.stamp" "$dest.sources"
    local w="$WORK"; : >"$w/sources"
    rm -rf "$dest.partial"
    "$builder" "$dest.partial"
    [ -n "$(find "$dest.partial" -type f -print -quit 2>/dev/null)" ] || die "corpus $lang/$name came out empty"
    mv "$dest.partial" "$dest"
    cp "$w/sources" "$dest.sources"
    echo "$stamp" >"$dest.stamp"
  fi
  printf '%s\t%s\n' "$lang" "$dest"
}

# --- the corpora ------------------------------------------------------------------------------------------
build_python() {
  local minimal stdlib; minimal="$(deb_unpack libpython3.11-minimal)"; stdlib="$(deb_unpack libpython3.11-stdlib)"
  local d
  for d in "$minimal" "$stdlib"; do
    copy_tree "$d/usr/lib/python3.11" "$1" \( "${PY[@]}" \) -path './*' -not -path './*/*'
    local sub
    for sub in asyncio email json http logging concurrent importlib; do
      if [ -d "$d/usr/lib/python3.11/$sub" ]; then copy_tree "$d/usr/lib/python3.11/$sub" "$1/$sub" "${PY[@]}"; fi
    done
  done
}

nm_builder() { # nm_builder DEST PACKAGE SUBFOLDER LANGUAGE-PREDICATES...
  local dest="$1" pkg="$2" sub="$3"; shift 3
  copy_tree "$NODE_MODULES/$pkg/$sub" "$dest" "$@"
  echo "node_modules $pkg $(node_module_version "$pkg")" >>"$WORK/sources"
}
build_js_transformers() { nm_builder "$1" @huggingface/transformers src "${JS[@]}"; }
build_js_protobufjs() { nm_builder "$1" protobufjs src "${JS[@]}"; }
build_js_small() {
  nm_builder "$1/semver" semver . "${JS[@]}"
  nm_builder "$1/commander" commander lib "${JS[@]}"
  nm_builder "$1/adm-zip" adm-zip . "${JS[@]}"
}
build_ts_onnxruntime() {
  nm_builder "$1/onnxruntime-web" onnxruntime-web lib "${TS[@]}"
  nm_builder "$1/onnxruntime-common" onnxruntime-common lib "${TS[@]}"
}
build_ts_msal() {
  nm_builder "$1/msal-common" @azure/msal-common src "${TS[@]}"
  nm_builder "$1/msal-node" @azure/msal-node src "${TS[@]}"
}
build_tsx() { copy_tree "$(npm_unpack @blueprintjs/core@6.20.0)/src" "$1" -name '*.tsx'; }

build_java() {
  local jdk w="$WORK"; jdk="$(deb_unpack openjdk-17-source)"
  local zip; zip="$(find "$jdk" -name src.zip -type f | head -n 1)"
  [ -n "$zip" ] || die "openjdk-17-source has no src.zip"
  mkdir -p "$w/jdk"
  run_logged "unzip java.util" unzip -q -o "$zip" 'java.base/java/util/*' -d "$w/jdk"
  local util="$w/jdk/java.base/java/util"
  copy_tree "$util" "$1/java/util" -name '*.java' -path './*' -not -path './*/*'
  copy_tree "$util/concurrent" "$1/java/util/concurrent" -name '*.java'
}

build_go() {
  local src; src="$(deb_unpack golang-1.19-src)/usr/share/go-1.19/src"
  local sub
  for sub in net/http encoding strings bytes fmt regexp strconv sort; do
    copy_tree "$src/$sub" "$1/$sub" -name '*.go' -not -path '*/testdata/*'
  done
}

crate_dir() { local d; d="$(deb_unpack "$1")"; find "$d/usr/share/cargo/registry" -mindepth 1 -maxdepth 1 -type d | head -n 1; }
build_rust() {
  local c
  c="$(crate_dir librust-regex-dev)"; copy_tree "$c" "$1/$(basename "$c")" -name '*.rs' -not -path './debian/*'
  c="$(crate_dir librust-serde-dev)"; copy_tree "$c" "$1/$(basename "$c")" -name '*.rs' -not -path './debian/*'
  c="$(crate_dir librust-syn-dev)"; copy_tree "$c/src" "$1/$(basename "$c")/src" -name '*.rs'
  c="$(crate_dir librust-tokio-dev)"; copy_tree "$c/src" "$1/$(basename "$c")/src" -name '*.rs'
}

build_c() {
  local c
  c="$(crate_dir librust-jemalloc-sys-dev)/jemalloc"
  copy_tree "$c" "$1/jemalloc" \( "${C_[@]}" \) \( -path './src/*' -o -path './include/*' -o -path './test/*' \)
  c="$(crate_dir librust-onig-sys-dev)/oniguruma"
  copy_tree "$c" "$1/oniguruma" \( "${C_[@]}" \) \( -path './src/*' -o -path './sample/*' -o -path './test/*' \)
}

build_cpp() {
  local g j
  g="$(deb_unpack googletest)/usr/src/googletest"
  copy_tree "$g" "$1/googletest" "${CPP[@]}"
  j="$(deb_unpack juce-modules-source-data)/usr/share/juce/modules"
  local m
  for m in juce_core juce_events juce_data_structures juce_graphics; do
    copy_tree "$j/$m" "$1/juce/$m" "${CPP[@]}"
  done
}

build_csharp() {
  copy_tree "$(npm_unpack com.neuecc.unirx@7.1.0)" "$1/UniRx" -name '*.cs'
  copy_tree "$(npm_unpack com.cysharp.unitask@2.2.5)" "$1/UniTask" -name '*.cs'
  local rnw; rnw="$(npm_unpack react-native-windows@0.76.0)"
  copy_tree "$rnw/Microsoft.ReactNative.Managed" "$1/react-native-windows/Microsoft.ReactNative.Managed" -name '*.cs'
  copy_tree "$rnw/Microsoft.ReactNative.Managed.CodeGen" "$1/react-native-windows/Microsoft.ReactNative.Managed.CodeGen" -name '*.cs'
}

build_ruby() {
  local r; r="$(deb_unpack libruby3.1)/usr/lib/ruby/3.1.0"
  copy_tree "$r" "$1" -name '*.rb' -path './*' -not -path './*/*'
  local sub
  for sub in rubygems rdoc irb reline net csv psych; do
    copy_tree "$r/$sub" "$1/$sub" -name '*.rb'
  done
}

build_php() {
  local p
  for p in php-parser php-league-commonmark php-doctrine-dbal; do
    copy_tree "$(deb_unpack "$p")/usr/share/php" "$1/$p" -name '*.php' -o -name '*.phtml'
  done
}

# --- the oracle's second tool ------------------------------------------------------------------------------
# universal-ctags 5.9 loses class scope in TypeScript (see docs/corpora.md), so TypeScript and TSX are measured
# against the TypeScript compiler's own parser. The project's `typescript` (7, the native port) has no JavaScript
# API; version 5.9.3 is fetched here, into the cache only (test/helpers/tsCompilerOracle.ts loads it from there).
TYPESCRIPT_ORACLE_VERSION="5.9.3"
TS_TOOL="$DIR/tools/typescript-$TYPESCRIPT_ORACLE_VERSION"
if [ ! -f "$TS_TOOL/lib/typescript.js" ]; then
  log "fetching typescript@$TYPESCRIPT_ORACLE_VERSION (the TypeScript/TSX oracle)"
  ts_pkg="$(npm_unpack "typescript@$TYPESCRIPT_ORACLE_VERSION")"
  rm -rf "$TS_TOOL.partial"; mkdir -p "$TS_TOOL.partial/lib"
  cp "$ts_pkg/package.json" "$ts_pkg/LICENSE.txt" "$TS_TOOL.partial/"
  cp "$ts_pkg/lib/typescript.js" "$TS_TOOL.partial/lib/"
  rm -rf "$TS_TOOL"; mv "$TS_TOOL.partial" "$TS_TOOL"
fi

# A node_modules corpus is rebuilt when its package's version changes; the others when the spec changes.
corpus python cpython-3.11-stdlib "1" build_python
corpus javascript transformers.js "$(node_module_version @huggingface/transformers)" build_js_transformers
corpus javascript protobufjs "$(node_module_version protobufjs)" build_js_protobufjs
corpus javascript semver-commander-adm-zip \
  "$(node_module_version semver) $(node_module_version commander) $(node_module_version adm-zip)" build_js_small
corpus typescript onnxruntime "$(node_module_version onnxruntime-web) $(node_module_version onnxruntime-common)" build_ts_onnxruntime
corpus typescript msal "$(node_module_version @azure/msal-common) $(node_module_version @azure/msal-node)" build_ts_msal
corpus tsx blueprintjs-core "6.20.0" build_tsx
corpus java openjdk-17-java.util "1" build_java
corpus go go-1.19-stdlib "1" build_go
corpus rust crates-regex-serde-syn-tokio "1" build_rust
corpus c jemalloc-oniguruma "1" build_c
corpus cpp googletest-juce "1" build_cpp
corpus csharp unirx-unitask-rnw "1" build_csharp
corpus ruby ruby-3.1-stdlib "1" build_ruby
corpus php php-parser-commonmark-dbal "1" build_php
