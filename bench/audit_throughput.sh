#!/usr/bin/env bash
# audit_throughput.sh — throughput of `spamstrip audit` with 1 job, 2 jobs (and all cores when
# there are more), and a check that every run wrote byte-identical outputs.
#
# Usage: bench/audit_throughput.sh [SPAMSTRIP_BINARY]     (default: build/spamstrip)
# Environment:
#   SPAMSTRIP_DATA  data folder (default ../shared/data next to the repository)
#   BENCH_MB        input size in MB of JSONL (default 20)
#   BENCH_FORMAT    jsonl (default) or warc.gz: the same documents as gzip-per-record WARC
#                   response records
#   BENCH_TMP       scratch folder (default a fresh mktemp -d, removed at exit)
#
# Input: news articles built from $SPAMSTRIP_DATA/news/bbc.jsonl (paragraphs joined; every fifth
# article gets an injected pharmacy, casino or link line written for this script), repeated until
# BENCH_MB; when the data folder is absent, generated news-like articles. Nothing is copied into
# the repository. MB are 10^6 bytes of document text.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$repo/build/spamstrip}")
data=${SPAMSTRIP_DATA:-$(cd "$repo/.." && pwd)/shared/data}
mb=${BENCH_MB:-20}
format=${BENCH_FORMAT:-jsonl}
[[ -x $bin ]] || { echo "audit_throughput: no binary at $bin" >&2; exit 2; }
if [[ -n ${BENCH_TMP:-} ]]; then
  tmp=$BENCH_TMP
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi

python3 - "$data/news/bbc.jsonl" "$tmp/in" "$mb" "$format" <<'PY'
import gzip, json, os, sys
src, out_dir, mb, fmt = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
spam = [
    "buy cipro online https://pharma-example.test/cipro no prescription pharmacy",
    "Best online casino bonus: get 200 free spins at https://casino-example.test/spins today, no deposit needed!",
    "cheap replica watches https://replica-example.test/rolex best quality free shipping",
]
articles = []
if os.path.exists(src):
    for line in open(src, encoding="utf-8"):
        r = json.loads(line)
        paras = [p for p in r.get("paragraphs", []) if p.strip()]
        if paras:
            articles.append(((r.get("title") or "") + "\n\n" + "\n\n".join(paras) + "\n"))
else:
    for i in range(400):
        articles.append("Council Approves Plan %d\n\nThe council approved the plan on Monday after "
                        "a long debate about costs and repairs.\n\nResidents welcomed the decision "
                        "though some worried about noise during the work.\n" % i)
os.makedirs(out_dir, exist_ok=True)
target = int(mb * 1e6)
total, n = 0, 0
docs = []
while total < target:
    a = articles[n % len(articles)]
    if n % 5 == 0:
        parts = a.split("\n\n")
        parts.insert(min(2, len(parts)), spam[(n // 5) % len(spam)])
        a = "\n\n".join(parts)
    month = 1 + n % 12
    docs.append({"id": "bench-%d" % n, "url": "https://site%d.example/news/%d" % (n % 7, n),
                 "date": "2023-%02d-15" % month, "text": a})
    total += len(a.encode("utf-8"))
    n += 1
if fmt == "jsonl":
    with open(os.path.join(out_dir, "docs.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
else:
    with open(os.path.join(out_dir, "docs.warc.gz"), "wb") as f:
        for d in docs:
            body = d["text"].encode("utf-8")
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                    "WARC-Target-URI: %s\r\nWARC-Date: %sT00:00:00Z\r\n"
                    "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                    % (d["id"], d["url"], d["date"], len(http))).encode()
            f.write(gzip.compress(head + http + b"\r\n\r\n"))
with open(os.path.join(out_dir, "..", "meta.txt"), "w") as f:
    f.write("%d %d %s\n" % (n, total, "bbc.jsonl" if os.path.exists(src) else "generated"))
PY
read -r docs text_bytes source <"$tmp/meta.txt"

run() {  # run JOBS -> prints "wall_seconds cpu_seconds peak_rss_kb"
  local jobs=$1 out="$tmp/out$1"
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time$jobs" "$bin" audit "$tmp/in" --out "$out" \
    --jobs "$jobs" --quiet
  awk '{ printf "%s %.2f %s", $1, $2 + $3, $4 }' "$tmp/time$jobs"
}

echo "spamstrip audit throughput ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
echo "binary:    $bin"
echo "input:     $docs documents, $(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text ($source, $format)"
cores=$(nproc)
jobs_list="1 2"
((cores > 2)) && jobs_list="$jobs_list $cores"
base=""
for j in $jobs_list; do
  read -r secs cpu rss <<<"$(run "$j")"
  [[ -z $base ]] && base=$secs
  awk -v j="$j" -v s="$secs" -v c="$cpu" -v r="$rss" -v d="$docs" -v b="$text_bytes" -v base="$base" 'BEGIN {
    printf "jobs %-3d %7.2f s wall  %8.0f docs/s  %6.2f MB/s  speed-up %.2fx  (%.2f CPU s, %.2f MB per CPU s, peak RSS %.0f MiB)\n",
      j, s, d / s, b / 1e6 / s, base / s, c, b / 1e6 / c, r / 1024 }'
  if [[ $j != 1 ]]; then
    for f in findings.jsonl summary.json report.html; do
      cmp -s "$tmp/out1/$f" "$tmp/out$j/$f" || { echo "audit_throughput: $f differs between 1 and $j jobs" >&2; exit 1; }
    done
  fi
done
echo "outputs:   identical for every job count"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates wall times)"
