#!/usr/bin/env bash
# Starts sightline on the embedded defaults (SQLite under ./data, in-process scheduler): no other service needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run build --silent
exec node --enable-source-maps dist/main.js "$@"
