#!/usr/bin/env bash
# Writes the benchmark models (random weights, fixed seed) into a cache outside the repository, once:
#   ${LONGCODEZIP_BENCH_MODELS:-~/.cache/longcodezip-bench-models}/57m    ~57M parameters, 32,000 ids
#   ${LONGCODEZIP_BENCH_MODELS:-~/.cache/longcodezip-bench-models}/0.5b   Qwen2.5-Coder-0.5B's shape
# A shape whose folder exists is left alone; a folder appears only when it is complete. Installs Debian's
# python3-torch, python3-onnx, python3-numpy, python3-regex and OpenBLAS when missing.
# docs/model-fixtures.md says what each file is.
set -euo pipefail

DIR="${LONGCODEZIP_BENCH_MODELS:-$HOME/.cache/longcodezip-bench-models}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON=/usr/bin/python3
log() { echo "[make-bench-models] $*" >&2; }

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
need=()
for module_package in torch:python3-torch onnx:python3-onnx numpy:python3-numpy regex:python3-regex; do
  "$PYTHON" -c "import ${module_package%%:*}" 2>/dev/null || need+=("${module_package#*:}")
done
# torch in Debian links the reference BLAS unless OpenBLAS is installed (then ~15x faster matrix products).
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need+=(libopenblas0-pthread)
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$DIR"
for shape in 57m 0.5b; do
  if [ -d "$DIR/$shape" ]; then
    log "$shape: already in $DIR/$shape"
    continue
  fi
  extra=()
  # The 0.5b quantization holds the fp32 graph (2 GB) and its int8 copy in memory at once.
  available_kb="$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)"
  if [ "$shape" = 0.5b ] && [ "$available_kb" -lt $((8 * 1024 * 1024)) ]; then
    log "0.5b: less than 8 GiB of memory available, skipping onnx/model_quantized.onnx"
    extra+=(--no-quantized)
  fi
  partial="$DIR/.$shape.partial"
  rm -rf "$partial"
  log "$shape: writing (a few minutes for 0.5b)"
  started=$SECONDS
  "$PYTHON" "$REPO_ROOT/scripts/models/make_qwen2_onnx.py" --shape "$shape" --out "$partial" "${extra[@]}"
  mv "$partial" "$DIR/$shape"
  log "$shape: done in $((SECONDS - started)) s, $(du -sh "$DIR/$shape" | cut -f1) in $DIR/$shape"
done
