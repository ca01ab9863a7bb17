#!/usr/bin/env bash
# One command on a fresh machine: install, migrate, seed, build and serve on http://localhost:${PORT:-3000}.
# Creates .env with a generated PAYLOAD_SECRET and DEMO_PASSWORD the first time; keeps an existing one.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

random() { node -e "console.log(require('crypto').randomBytes($1).toString('base64url'))"; }

if [ ! -f .env ]; then
  {
    echo "# Written by scripts/setup.sh; see .env.example for every variable."
    echo "PAYLOAD_SECRET=$(random 32)"
    echo "DEMO_PASSWORD=$(random 12)"
    echo "# A demo: two-factor sign-in required of nobody. REQUIRE_2FA_ROLES=editor,admin requires it of editors and admins."
    echo "REQUIRE_2FA_ROLES="
  } > .env
  chmod 600 .env
  echo "Wrote .env with a new PAYLOAD_SECRET and DEMO_PASSWORD."
fi
set -a; . ./.env; set +a
# A demo signs in with a password: unless .env says otherwise, nobody must use two-factor sign-in.
export REQUIRE_2FA_ROLES="${REQUIRE_2FA_ROLES-}"

echo "== Installing dependencies"
# A fresh tree gets exactly the locked versions (`npm ci`, as deploy/ does; it refuses a lock file out
# of step with package.json). A rerun keeps what is installed and adds what is missing.
if [ -d node_modules ]; then npm install --no-audit --no-fund; else npm ci --no-audit --no-fund; fi

echo "== Migrating the database and importing the seed content"
npm run seed

echo "== Building"
npm run build

cat <<TXT

The site:  http://localhost:${PORT:-3000}
The admin: http://localhost:${PORT:-3000}/admin
Two-factor sign-in required of: ${REQUIRE_2FA_ROLES:-nobody (REQUIRE_2FA_ROLES in .env)}
Demo accounts (password: ${DEMO_PASSWORD:-see the seed output above}):
  admin@example.com        admin: users, deleting
  editor@example.com       editor: reviews and publishes
  contributor@example.com  contributor: writes and submits for review

TXT
exec npm start
