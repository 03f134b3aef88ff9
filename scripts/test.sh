#!/usr/bin/env bash
# The whole test suite: install, typecheck, lint, every test, then the reliability suite.
# Redis is started, or asked for, when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
node scripts/ensure-redis.mjs
npm run typecheck
npm run lint
npm test
npm run test:reliability
