#!/usr/bin/env bash
# Fuzzes the parsers that read outside input — result-file import, catalogues and overlays, Markdown, inventory
# files (CSV and .xlsx) — with cargo-fuzz (libFuzzer) on the nightly toolchain, for a bounded time per target
# (default 30 s; first argument).
# Any panic fails the run. Seeds are in fuzz/corpus/; new inputs found stay in fuzz/corpus/ (not committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-30}"
export PATH="$HOME/.cargo/bin:$PATH"
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain on this machine; skipped"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cd fuzz
for target in import_json catalogue markdown import_table; do
  echo "== fuzz: $target for ${seconds}s"
  work="$(mktemp -d)"
  cp -r "corpus/$target/." "$work/"
  cargo +nightly fuzz run "$target" "$work" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 | tail -n 12
  rm -rf "$work"
done
echo "fuzz: no crash in import, catalogue, Markdown or inventory-file parsing"
