#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, host tests of the domain,
# browser tests in headless Chromium, the release build, and end-to-end tests against it.
# Ends with one line "tests: N passed, N failed". Exits non-zero if anything fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { printf '\n== test: %s\n' "$*"; }
run() { "$@" 2>&1 | tee -a "$log"; }

step "formatting"
cargo fmt --all --check

step "lints (no unwrap/expect outside tests, warnings are errors)"
cargo clippy -p tics-domain -p tics-xlsx -p tics-md-worker -p tics-docx -p tics-docx-worker -p tics-hash-worker --all-targets --quiet -- -D warnings
cargo clippy -p tics-self-check -p tics-xlsx-worker -p tics-xlsx-reader-worker -p tics-md-worker -p tics-docx-worker -p tics-hash-worker --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

# LibreOffice (headless), poppler-utils and Carlito (Calibri's metric twin, which LibreOffice measures the columns
# with) for the host test that prints the registers to PDF and measures the pages (xlsx/tests/printed.rs).
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null \
   || [[ "$(fc-match Calibri 2>/dev/null)" != *Carlito* ]]; then
  say "installing LibreOffice (headless), poppler-utils and the Carlito font"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito
fi

# Python's icalendar, the independent reader of the calendar file (domain/tests/calendar.rs): Debian's package,
# or from PyPI where the python3 first on the PATH is not Debian's.
if ! python3 -c "import icalendar" 2>/dev/null; then
  say "installing Python's icalendar"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends python3-icalendar; } || true
  python3 -c "import icalendar" 2>/dev/null || python3 -m pip install --quiet icalendar
fi

step "host tests: domain (catalogue, engine, scoring, files, Markdown safety, documents), the Excel and Word writers read back, the registers printed through LibreOffice, the app's reducer and start-up"
run cargo test -p tics-domain -p tics-xlsx -p tics-md-worker -p tics-docx -p tics-hash-worker
run cargo test -p tics-self-check --lib

step "browser tests (wasm-bindgen-test in headless Chromium)"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
# One module: the test runner does not split (the release build below does, and the end-to-end tests use it).
run cargo test -p tics-self-check --target wasm32-unknown-unknown --tests --features one-module

step "release build"
trunk build --release --offline
echo "sizes (bytes, raw / gzip):"
for f in dist/*.wasm dist/*.js dist/*.css; do  # the chunks and the workers' files load only on demand
  printf '  %-50s %8d / %8d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

step "end-to-end tests (Playwright driving Debian's Chromium against the release build) and JSON Schema checks"
run node --test tests/e2e/ tests/schema/

step "fuzzing import, catalogue and Markdown parsing (20 s each; ./scripts/fuzz.sh N for longer)"
./scripts/fuzz.sh 20

# Totals from cargo's "test result:" lines and node's "# pass" / "# fail" lines.
passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^passed;?$/) s += $i } /^# pass / { s += $3 } END { print s + 0 }' "$log")
failed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^failed;?$/) s += $i } /^# fail / { s += $3 } END { print s + 0 }' "$log")
echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
