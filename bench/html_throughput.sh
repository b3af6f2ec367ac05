#!/usr/bin/env bash
# html_throughput.sh — MB/s per core of HTML cleaning (parse included) with `spamstrip clean
# --jsonl` over real news pages, and the quality figures of the same run.
#
# Usage: bench/html_throughput.sh [SPAMSTRIP_BINARY]   (default build/spamstrip)
# Input: the 181 real pages of ../shared/data/news/html, each clean and with injections
# (scripts/make_html_bench.py --split train and --split dev, --copies 1: 352 pages, 65 MB of
# JSONL), repeated until the file is >= BENCH_MB (default 50) MB.
# MB are 10^6 bytes of the pages' HTML. Pinned to core BENCH_CPU (default 0). Prints MB/s by
# wall clock and by CPU time (user+sys, which a busy shared machine disturbs less).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$repo/build/spamstrip}")
cpu=${BENCH_CPU:-0}
min_mb=${BENCH_MB:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for split in train dev; do
  python3 "$repo/scripts/make_html_bench.py" --split $split --copies 1 --out "$tmp/$split.jsonl" 2>/dev/null
done
cat "$tmp/train.jsonl" "$tmp/dev.jsonl" > "$tmp/unit.jsonl"
: > "$tmp/input.jsonl"
while (($(stat -c %s "$tmp/input.jsonl") < min_mb * 1000000)); do cat "$tmp/unit.jsonl" >> "$tmp/input.jsonl"; done
html_bytes=$(python3 -c '
import json, sys
print(sum(len(json.loads(l)["html"].encode()) for l in open(sys.argv[1])))' "$tmp/input.jsonl")
pages=$(wc -l < "$tmp/input.jsonl")
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$tmp/cpu" taskset -c "$cpu" "$bin" clean --jsonl "$tmp/input.jsonl" > "$tmp/out.jsonl"
end=$(date +%s.%N)
python3 - "$html_bytes" "$pages" "$start" "$end" "$(tail -1 "$tmp/cpu")" <<'PY'
import sys
b, n, s, e = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
cpu = sum(float(x) for x in sys.argv[5].split())
t = e - s
print(f"html cleaning: {n} pages, {b/1e6:.1f} MB of HTML in {t:.2f} s on one core: "
      f"{b/1e6/t:.1f} MB/s, {n/t:.0f} pages/s; CPU (user+sys) {cpu:.2f} s: {b/1e6/cpu:.1f} MB/s")
PY
