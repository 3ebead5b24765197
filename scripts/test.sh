#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it and CI calls it.
# Set TEST_DATABASE_URL=postgres://… to run the database suites on a PostgreSQL server as well
# as on embedded PGlite (CI does).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "test tools (Chromium, pdftotext) from Debian, when missing"
bash scripts/ensure-browser.sh

step "lint and format (Biome)"
npx biome check .

step "types (TypeScript strict)"
npx tsc -p tsconfig.json

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "unit and integration tests (Vitest) on PGlite and PostgreSQL"
else
  step "unit and integration tests (Vitest) on PGlite — set TEST_DATABASE_URL to add PostgreSQL"
fi
npx vitest run

step "build the web app"
npm run build --silent

step "end-to-end tests (Playwright, Chromium) on PGlite"
E2E_DATABASE_URL= npx playwright test

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "end-to-end tests (Playwright, Chromium) on PostgreSQL"
  E2E_DATABASE_URL="$TEST_DATABASE_URL" npx playwright test
fi
