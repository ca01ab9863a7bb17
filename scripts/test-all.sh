#!/usr/bin/env bash
# `npm test`: everything — typecheck, lint, unit/integration (vitest), browser end-to-end (Playwright).
# Works on a fresh Debian machine as root with only Node: installs dependencies and Chromium if missing.
# The end-to-end run uses its own database, media folder and build folder under .tmp/ and .next-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -x node_modules/.bin/next ]; then
  step "Installing dependencies (npm install, from package-lock.json)"
  npm install --no-audit --no-fund
fi

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests. Install it with:  sudo apt-get install -y chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium/Chrome binary)" >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

step "Typecheck (tsc)"
npx tsc --noEmit

step "Lint (eslint)"
npx eslint .

step "Unit and integration tests (vitest)"
npx vitest run

step "End-to-end: fresh database, seed, production build"
E2E_DIR="$PWD/.tmp/e2e"
rm -rf "$E2E_DIR" && mkdir -p "$E2E_DIR"
export DATABASE_URI="file:$E2E_DIR/e2e.db"
export MEDIA_DIR="$E2E_DIR/media"
export NEXT_DIST_DIR=".next-test"
export PAYLOAD_SECRET="e2e-only-secret-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
export DEMO_PASSWORD="e2e-$(node -e 'console.log(require("crypto").randomBytes(9).toString("base64url"))')"
export E2E_PORT="${E2E_PORT:-3100}"
npm run seed
npm run build

step "End-to-end tests (Playwright, Chromium)"
npx playwright test
