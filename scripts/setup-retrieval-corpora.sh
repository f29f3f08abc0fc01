#!/usr/bin/env bash
# Fetches the code the retrieval benchmark (docs/retrieval-benchmark.md) makes its tasks from: Python
# libraries from Debian `python3-*` packages and JavaScript / TypeScript libraries from npm at pinned versions,
# all with doc comments on their functions. Once, into a cache keyed by the spec version below. Prints one line
# per package on stdout, `language<TAB>absolute folder`: every file under the folder is a source file of that
# language (nothing else is copied there), and the folder's name is the package's name in the benchmark. Beside
# each folder, `<folder>.sources` says what it was built from.
#
# Debian packages are fetched with `apt-get download` and unpacked with `dpkg-deb -x` (nothing is installed);
# npm packages with `npm pack` (integrity checked by npm). Tests, locales and bundles are left out.
#
# Idempotent: with the cache in place it runs no apt or npm command.
set -euo pipefail
shopt -s inherit_errexit

SPEC_VERSION=1
CACHE_ROOT="${LONGCODEZIP_RETRIEVAL_CACHE:-$HOME/.cache/longcodezip-retrieval}"
DIR="$CACHE_ROOT/corpora-v$SPEC_VERSION"
LOG="$CACHE_ROOT/setup-retrieval-corpora.log"

log() { echo "[setup-retrieval-corpora] $*" >&2; }
die() { log "$*"; exit 1; }

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
mkdir -p "$CACHE_ROOT"

run_logged() {
  local what="$1"; shift
  echo "=== $what: $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 30 "$LOG" >&2
    die "$what failed (full log: $LOG)"
  fi
}

WORK="$(mktemp -d "$CACHE_ROOT/.work.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

apt_update_once() {
  if [ ! -f "$WORK/.apt-updated" ]; then
    run_logged "apt-get update" $SUDO apt-get update -qq
    touch "$WORK/.apt-updated"
  fi
}

# deb_unpack PACKAGE: downloads the archive's candidate and unpacks it; echoes the unpack folder.
deb_unpack() {
  local pkg="$1" w="$WORK"
  apt_update_once
  rm -rf "$w/deb/$pkg"; mkdir -p "$w/debs" "$w/deb/$pkg"
  (cd "$w/debs" && run_logged "apt-get download $pkg" apt-get download -q -o APT::Sandbox::User=root "$pkg")
  local deb; deb="$(ls "$w/debs/${pkg}"_*.deb | head -n 1)"
  run_logged "dpkg-deb -x $pkg" dpkg-deb -x "$deb" "$w/deb/$pkg"
  echo "deb $pkg $(dpkg-deb -f "$deb" Version)" >>"$w/sources"
  rm -f "$deb"
  echo "$w/deb/$pkg"
}

# npm_unpack NAME@VERSION: fetches the tarball and unpacks it; echoes the package folder.
npm_unpack() {
  local spec="$1" w="$WORK"
  local dest="$w/npm/${spec//\//+}"
  mkdir -p "$w/npm-tgz" "$dest"
  # Under `npm run` the outer npm's settings are in the environment; the fetch starts clean.
  (for variable in $(compgen -e | grep -E '^npm_'); do unset "$variable"; done
   cd "$w/npm-tgz" && run_logged "npm pack $spec" npm pack --silent --no-fund --no-audit "$spec")
  local tgz; tgz="$(ls -t "$w/npm-tgz"/*.tgz | head -n 1)"
  run_logged "unpack $spec" tar -xzf "$tgz" -C "$dest"
  rm -f "$tgz"
  echo "npm $spec" >>"$w/sources"
  echo "$dest/package"
}

# copy_tree SRC DEST [find predicates...]: copies the regular files under SRC that match, keeping paths.
copy_tree() {
  local src="$1" dest="$2"; shift 2
  [ -d "$src" ] || die "missing source folder $src"
  mkdir -p "$dest"
  (cd "$src" && find . -type f \( "$@" \) -not -path '*/node_modules/*' -print0 \
    | xargs -0 -r cp --parents -t "$dest")
}

NO_TESTS=( -not -path '*/tests/*' -not -path '*/test/*' -not -path '*/testing/*' -not -path '*/__tests__/*'
           -not -name 'test_*' -not -name '*_test.py' -not -name 'conftest.py' )
PY=( -name '*.py' "${NO_TESTS[@]}" )
JS=( -name '*.js' -not -name '*.min.js' "${NO_TESTS[@]}" )
TS=( -name '*.ts' -not -name '*.d.ts' -not -name '*.test.ts' -not -name '*.spec.ts' -not -name '*.bench.ts' "${NO_TESTS[@]}" )

# package LANGUAGE NAME BUILDER: builds $DIR/LANGUAGE/NAME with BUILDER (a function taking the destination)
# unless it is there; prints the output line.
package() {
  local lang="$1" name="$2" builder="$3"
  local dest="$DIR/$lang/$name"
  if [ ! -f "$dest.sources" ]; then
    log "building $lang/$name"
    rm -rf "$dest" "$dest.partial" "$WORK/sources"
    mkdir -p "$dest.partial"
    "$builder" "$dest.partial"
    [ -n "$(find "$dest.partial" -type f | head -n 1)" ] || die "$lang/$name: no files"
    mv "$dest.partial" "$dest"
    mv "$WORK/sources" "$dest.sources"
  fi
  printf '%s\t%s\n' "$lang" "$dest"
}

# Python: the library's own folder(s) under dist-packages.
python_lib() { # python_lib DEST DEBIAN-PACKAGE MODULE...
  local dest="$1" pkg="$2"; shift 2
  local site; site="$(deb_unpack "$pkg")/usr/lib/python3/dist-packages"
  local module
  for module in "$@"; do copy_tree "$site/$module" "$dest/$module" "${PY[@]}"; done
}
build_requests() { python_lib "$1" python3-requests requests; }
build_click() { python_lib "$1" python3-click click; }
build_jinja2() { python_lib "$1" python3-jinja2 jinja2; }
build_werkzeug() { python_lib "$1" python3-werkzeug werkzeug; }
build_flask() { python_lib "$1" python3-flask flask; }
build_attrs() { python_lib "$1" python3-attr attr attrs; }
build_dateutil() { python_lib "$1" python3-dateutil dateutil; }
build_babel() { python_lib "$1" python3-babel babel; }
build_markdown() { python_lib "$1" python3-markdown markdown; }
build_urllib3() { python_lib "$1" python3-urllib3 urllib3; }
build_networkx() { python_lib "$1" python3-networkx networkx; }

# JavaScript: hand-written sources where the package ships them.
build_lodash() { # one function per file; lodash.js and core.js are the same functions bundled, fp/ has no docs
  copy_tree "$(npm_unpack lodash@4.18.1)" "$1" "${JS[@]}" -path './*' -not -path './*/*' \
    -not -name 'lodash.js' -not -name 'core.js'
}
build_luxon() { copy_tree "$(npm_unpack luxon@3.7.2)/src" "$1" "${JS[@]}"; }
build_ramda() { copy_tree "$(npm_unpack ramda@0.32.0)/src" "$1" "${JS[@]}"; }
build_three() { copy_tree "$(npm_unpack three@0.187.0)/src" "$1" "${JS[@]}"; }
build_date_fns() { # ES modules built from TypeScript with the doc comments kept; locale data left out
  copy_tree "$(npm_unpack date-fns@4.4.0)" "$1" "${JS[@]}" -not -path './locale/*' -not -path './fp/*' \
    -not -name 'cdn.js' -not -name 'cdn.min.js'
}
build_async() { copy_tree "$(npm_unpack async@3.2.6)" "$1" "${JS[@]}" -not -path './dist/*'; }

# TypeScript: packages that ship their sources.
build_rxjs() { copy_tree "$(npm_unpack rxjs@7.8.2)/src" "$1" "${TS[@]}"; }
build_effect() { copy_tree "$(npm_unpack effect@4.1.0)/src" "$1" "${TS[@]}"; }
build_zod() { copy_tree "$(npm_unpack zod@4.6.7)/src/v4" "$1" "${TS[@]}" -not -path './locales/*'; }
build_mobx() { copy_tree "$(npm_unpack mobx@7.1.3)/src" "$1" "${TS[@]}"; }
build_immer() { copy_tree "$(npm_unpack immer@11.2.10)/src" "$1" "${TS[@]}"; }
build_query_core() { copy_tree "$(npm_unpack @tanstack/query-core@5.108.0)/src" "$1" "${TS[@]}"; }
build_msal_common() { copy_tree "$(npm_unpack @azure/msal-common@16.17.0)/src" "$1" "${TS[@]}"; }

package python requests build_requests
package python click build_click
package python jinja2 build_jinja2
package python werkzeug build_werkzeug
package python flask build_flask
package python attrs build_attrs
package python dateutil build_dateutil
package python babel build_babel
package python markdown build_markdown
package python urllib3 build_urllib3
package python networkx build_networkx
package javascript lodash build_lodash
package javascript luxon build_luxon
package javascript ramda build_ramda
package javascript three build_three
package javascript date-fns build_date_fns
package javascript async build_async
package typescript rxjs build_rxjs
package typescript effect build_effect
package typescript zod build_zod
package typescript mobx build_mobx
package typescript immer build_immer
package typescript query-core build_query_core
package typescript msal-common build_msal_common
