#!/usr/bin/env bash
# Size of the app's start-up WebAssembly as it ships, for comparing one change at a time (the levers in
# docs/BENCHMARKS.md): builds the release wasm (or takes the .wasm files given), runs wasm-bindgen and wasm-opt -Oz
# with the flags index.html gives Trunk, and prints raw and brotli (quality 11) bytes. With --top it also prints the
# largest items by crate (twiggy, from the build before wasm-opt, whose names are kept).
#   ./scripts/wasm-size.sh            # the current tree
#   ./scripts/wasm-size.sh a.wasm b.wasm
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
top=0
files=()
for a in "$@"; do
  case "$a" in --top) top=1 ;; *) files+=("$a") ;; esac
done
if [ ${#files[@]} -eq 0 ]; then
  cargo build --quiet --release --target wasm32-unknown-unknown -p tics-self-check --bin tics-self-check
  files=(target/wasm32-unknown-unknown/release/tics-self-check.wasm)
fi
for f in "${files[@]}"; do
  d=$(mktemp -d)
  wasm-bindgen --target web --out-dir "$d" --out-name m "$f"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$d/m_bg.wasm" -o "$d/o.wasm"
  node -e 'const z = require("zlib"), fs = require("fs"); const b = fs.readFileSync(process.argv[1]);
    const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${process.argv[2]}: raw ${b.length} B, brotli ${br} B`);' "$d/o.wasm" "$f"
  if [ "$top" = 1 ] && command -v twiggy >/dev/null; then
    twiggy top -f csv "$f" | node -e '
      const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").slice(1);
      const by = new Map();
      const re = /(tics_self_check::(?:ui|web)::[a-z_]+|tics_domain::[a-z_]+|yew|serde_json|serde|sha2|hashbrown|indexmap|alloc|core|web_sys|js_sys|wasm_bindgen|data segment)/;
      for (const r of rows) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may hold commas.
        const parts = r.split(","); const size = Number(parts[parts.length - 4]);
        if (/function names|wasm_bindgen_unstable|__wbindgen_describe/.test(r)) continue;
        const m = re.exec(r); const k = m ? m[1] : "other";
        by.set(k, (by.get(k) ?? 0) + size);
      }
      for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k.padEnd(40)} ${v}`);'
  fi
  rm -rf "$d"
done
