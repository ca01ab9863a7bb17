#!/usr/bin/env bash
# Development helper: after changing the content model, create the next SQLite migration and the
# TypeScript types. Commit both. (Usage: bash scripts/regenerate-migration.sh <name>)
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: regenerate-migration.sh <name>}"
npx payload migrate:create "$name"
npx payload generate:types
