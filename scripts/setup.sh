#!/usr/bin/env bash
# Set up fogwatch on a fresh Debian machine: system packages (as root), then .venv with the project.
#   scripts/setup.sh          what `fogwatch` itself needs
#   scripts/setup.sh --test   plus what the test suite needs (PostgreSQL server, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3.11}
packages=()
if [ "${1:-}" = "--test" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
  [ -x /usr/bin/chromium ] || packages+=(chromium)  # the web UI tests drive Debian's browser
fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "fogwatch: missing Debian packages: ${packages[*]} — install them as root (apt-get install ${packages[*]})" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=.venv/.fogwatch-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi
# Compile what fogwatch would otherwise compile on its first real command (the gazetteer, ~17 s,
# and the bytecode of its own modules, which an editable install leaves to the first import),
# so that command is warm; both are no-ops when current.
.venv/bin/python -c "from fogwatch.geo import gazetteer; gazetteer.load()"
.venv/bin/python -m compileall -q src/fogwatch
