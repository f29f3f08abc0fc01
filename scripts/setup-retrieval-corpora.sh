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

NAME=setup-retrieval-corpora
source "$(dirname "${BASH_SOURCE[0]}")/lib/fetchSources.sh"

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
