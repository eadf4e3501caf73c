#!/usr/bin/env bash
# Fails the production build when development-only libraries are packed into the jar (issue 10): Vaadin's dev
# server, dev bundle, Copilot and their tools only serve development mode; in production they are dead weight
# (~40 MB) and attack surface. Called by the production profile after spring-boot:repackage.
set -euo pipefail
JAR_TOOL="$1"
JAR="$2"
[ -f "$JAR" ] || { echo "check-production-jar: $JAR not found" >&2; exit 1; }
FORBIDDEN='^BOOT-INF/lib/(vaadin-dev-|vaadin-dev-server-|vaadin-dev-bundle-|copilot-|ui-tests-|license-checker-|flow-build-tools-|javaparser-|directory-watcher-|open-[0-9])'
FOUND=$("$JAR_TOOL" tf "$JAR" | grep -E "$FORBIDDEN" || true)
if [ -n "$FOUND" ]; then
  echo "check-production-jar: development-only libraries in $JAR:" >&2
  echo "$FOUND" >&2
  exit 1
fi
echo "check-production-jar: no development-only libraries in $(basename "$JAR")"
