# Shared by the scripts that fetch real code into a cache (setup-corpora.sh, setup-retrieval-corpora.sh).
# Source it after setting NAME (for log lines), CACHE_ROOT and LOG. It defines log, die, run_logged,
# apt_update_once, deb_unpack, npm_unpack and copy_tree, and a scratch folder WORK removed on exit.
# Helpers run in command substitutions (subshells), so what they must remember lives in files under WORK.

log() { echo "[$NAME] $*" >&2; }
die() { log "$*"; exit 1; }

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
mkdir -p "$CACHE_ROOT"

# run_logged DESCRIPTION COMMAND...: runs quietly into the log; on failure shows the log's tail and stops.
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

# deb_unpack PACKAGE: downloads the archive's candidate once per run and unpacks it; echoes the unpack folder.
deb_unpack() {
  local pkg="$1" w="$WORK"
  if [ ! -f "$w/deb/$pkg.version" ]; then
    apt_update_once
    rm -rf "$w/deb/$pkg"; mkdir -p "$w/debs" "$w/deb/$pkg"
    # -o APT::Sandbox::User=root: the download folder is root's; without it apt warns that _apt cannot write.
    (cd "$w/debs" && run_logged "apt-get download $pkg" apt-get download -q -o APT::Sandbox::User=root "$pkg")
    local deb; deb="$(ls "$w/debs/${pkg}"_*.deb | head -n 1)"
    run_logged "dpkg-deb -x $pkg" dpkg-deb -x "$deb" "$w/deb/$pkg"
    dpkg-deb -f "$deb" Version >"$w/deb/$pkg.version"
    rm -f "$deb"
  fi
  echo "deb $pkg $(cat "$w/deb/$pkg.version")" >>"$w/sources"
  echo "$w/deb/$pkg"
}

# npm_unpack NAME@VERSION: fetches the tarball once per run with `npm pack` and unpacks it; echoes the package folder.
npm_unpack() {
  local spec="$1" w="$WORK"
  local dest="$w/npm/${spec//\//+}"
  if [ ! -d "$dest" ]; then
    mkdir -p "$w/npm-tgz" "$dest"
    # Under `npm test` / `npm run` the outer npm's settings are in the environment; the fetch starts clean.
    (for variable in $(compgen -e | grep -E '^npm_'); do unset "$variable"; done
     cd "$w/npm-tgz" && run_logged "npm pack $spec" npm pack --silent --no-fund --no-audit "$spec")
    local tgz; tgz="$(ls -t "$w/npm-tgz"/*.tgz | head -n 1)"
    run_logged "unpack $spec" tar -xzf "$tgz" -C "$dest"
    rm -f "$tgz"
  fi
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
