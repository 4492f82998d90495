#!/usr/bin/env bash
# Sets up what is missing, then serves the app with the built-in catalogue on http://127.0.0.1:8080/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
echo "== serving on http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec trunk serve --release --offline --no-autoreload
