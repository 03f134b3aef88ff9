#!/usr/bin/env bash
# Installs the Node dependencies when package-lock.json has changed since the last install.
# `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional packages out of the lock
# file and `npm ci` then refuses it; with a lock file present `npm install` installs exactly what it pins.
set -euo pipefail
cd "$(dirname "$0")/.."
# Native addons (better-sqlite3, sqlite3) build from source: no prebuilt binary can be downloaded here.
export npm_config_build_from_source=true
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ -n "${CI:-}" ]; then
  npm install --no-audit --no-fund
fi
