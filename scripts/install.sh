#!/usr/bin/env bash
# Installs exactly what package-lock.json pins (`npm ci`), when it has changed since the last install, and always
# in CI. In CI it then fails if the lock file is not the complete one `npm install` writes (every platform's
# optional packages included): `npm ci` refuses such a file on some machines and installs on others.
set -euo pipefail
cd "$(dirname "$0")/.."
# Native addons (better-sqlite3, sqlite3) build from source: no prebuilt binary can be downloaded here.
export npm_config_build_from_source=true
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ -n "${CI:-}" ]; then
  npm ci --no-audit --no-fund
fi
if [ -n "${CI:-}" ]; then
  # Writes the lock file npm would write for package.json, without touching node_modules or running scripts.
  npm install --package-lock-only --ignore-scripts --no-audit --no-fund
  if ! git diff --exit-code --stat package-lock.json; then
    echo "package-lock.json is not the one \`npm install\` writes: run \`npm install\` and commit the lock file" >&2
    exit 1
  fi
fi
