#!/usr/bin/env bash
# The PDF benchmark: Zayava's 10-page contract package (criterion, release) against
# LibreOffice headless converting the same content (the package's text, extracted with
# pdftotext -layout) to PDF. Prints both times, both sizes and the ratio for the README.
# Needs: libreoffice-writer-nogui and poppler-utils (apt-get install them first).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ZAYAVA_BENCH_PDF="$work/zayava.pdf" cargo bench -p zayava-pdf --bench package 2>/dev/null | tee "$work/criterion.txt" | grep -E "package:|time:"
zayava_ms=$(grep -oP 'time:\s+\[\S+ \S+ \K[0-9.]+ \S+' "$work/criterion.txt" | head -1)
zayava_bytes=$(stat -c %s "$work/zayava.pdf")

pdftotext -layout "$work/zayava.pdf" "$work/package.txt"
# One warm-up run (LibreOffice's first start builds its profile), then five timed ones.
profile="file://$work/lo-profile"
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/package.txt" >/dev/null 2>&1
runs=5
start=$(date +%s%N)
for _ in $(seq $runs); do
  soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/package.txt" >/dev/null 2>&1
done
lo_ms=$(( ($(date +%s%N) - start) / runs / 1000000 ))
lo_bytes=$(stat -c %s "$work/lo/package.pdf")

echo "Zayava:      ${zayava_ms} for 10 pages, ${zayava_bytes} bytes"
echo "LibreOffice: ${lo_ms} ms for the same text, ${lo_bytes} bytes"
python3 -c "import re,sys; v,u=re.match(r'([0-9.]+) (\S+)', sys.argv[1]).groups(); ms=float(v)*(1000 if u=='s' else 0.001 if u in ('µs','us') else 1); print(f'ratio: LibreOffice takes {int(sys.argv[2])/ms:.0f}x as long')" "$zayava_ms" "$lo_ms"
