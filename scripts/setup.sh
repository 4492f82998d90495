#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test TICS Self-Check, skipping what is already present at the
# right version. Safe to run again and again. Sourced by scripts/serve.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
WASM_SPLIT_VERSION=0.2.4
# scripts/wasm-split first: its wasm-bindgen stands in for the real one in Trunk's build, and splits the app's
# module into chunks before handing over (see that script).
export PATH="$PWD/scripts/wasm-split:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n== setup: %s\n' "$*"; }

# The toolchain pinned in rust-toolchain.toml, with its components and the wasm target ("by default the active
# toolchain": inside the repository, the pinned one). Does nothing when all of it is there.
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy' \
   || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing the pinned Rust toolchain ($(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml))"
  rustup toolchain install
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes about 10 minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-split-cli prints no version: cargo's record of installed packages tells.
if ! grep -q "\"wasm_split_cli_support $WASM_SPLIT_VERSION " "$HOME/.cargo/.crates2.json" 2>/dev/null \
   || ! command -v wasm-split-cli >/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (splits the app's module into chunks loaded on first use)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# npm packages: wasm-opt (binaryen 132; Debian's binaryen is too old) and playwright-core for end-to-end tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

# Debian's Chromium and its driver, for browser and end-to-end tests. Never a browser downloaded by a tool.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi
