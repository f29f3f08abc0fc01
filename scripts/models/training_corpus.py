"""A fixed training text: Python's standard library as Debian installs it (package libpython3.11-stdlib).

Files are taken in path order, each cut to its first `per_file` characters so that the corpus spans many
modules, until `total` characters. The same Debian package version gives the same corpus.
"""

import os

STDLIB = "/usr/lib/python3.11"
# Not part of the stdlib package, or generated at build time on each machine.
SKIPPED_DIRS = {"site-packages", "dist-packages", "test", "__pycache__"}
SKIPPED_PREFIXES = ("config-", "_sysconfigdata")


def stdlib_sources() -> list:
    paths = []
    for folder, dirs, files in os.walk(STDLIB):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(SKIPPED_PREFIXES)]
        for name in files:
            if name.endswith(".py") and not name.startswith(SKIPPED_PREFIXES):
                paths.append(os.path.relpath(os.path.join(folder, name), STDLIB))
    return sorted(paths)


def corpus_texts(total: int, per_file: int) -> list:
    if not os.path.isdir(STDLIB):
        raise SystemExit(f"{STDLIB} is missing: this script needs Debian's python3.11")
    texts = []
    size = 0
    for relative in stdlib_sources():
        with open(os.path.join(STDLIB, relative), encoding="utf-8", errors="replace") as handle:
            text = handle.read(per_file)
        text = text[: total - size]
        texts.append(text)
        size += len(text)
        if size >= total:
            break
    return texts
