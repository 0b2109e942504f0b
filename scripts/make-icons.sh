#!/usr/bin/env bash
# Renders assets/logo.svg to the PNG sizes the manifest and the Office store need.
# Needs Debian's librsvg2-bin (rsvg-convert). The PNGs are committed; run this only after changing the logo.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 32 64 80 128; do
  rsvg-convert -w "$size" -h "$size" assets/logo.svg -o "assets/icon-$size.png"
done
