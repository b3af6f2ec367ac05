#!/usr/bin/env bash
# e2e_throughput.sh — end-to-end throughput of `spamstrip clean --jsonl` on one core, per-document
# latency percentiles (bench/latency_bench), peak RSS and process start-up time.
#
# Usage: bench/e2e_throughput.sh [SPAMSTRIP_BINARY]
#   Without an argument, configures and builds build-bench/ (Release, benchmarks on) and uses
#   build-bench/spamstrip. latency_bench is taken from the same build directory as the binary
#   (BIN_DIR/bench/latency_bench) or from build-bench/.
# Environment:
#   SPAMSTRIP_DATA   data folder (default ../shared/data next to the repository)
#   BENCH_MB         minimum input size in MB for the throughput run (default 20)
#   BENCH_CPU        the core to pin to (default 0)
#   BENCH_REPS       latency_bench passes over the documents (default 3)
#   BENCH_TMP        scratch folder (default a fresh mktemp -d, removed at exit)
#
# Input: the labelled dev benchmark (scripts/dev_bench.sh; real articles with injected spam)
# concatenated with itself until it reaches BENCH_MB; when the data folder is absent, generated
# news-like articles (latency_bench --emit-jsonl). MB are 10^6 bytes. "text MB" counts only the
# documents' "text" fields (what the detector reads); "file MB" is the JSONL file.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build="$repo/build-bench"
cpu=${BENCH_CPU:-0}
min_mb=${BENCH_MB:-20}
reps=${BENCH_REPS:-3}
data=${SPAMSTRIP_DATA:-$(cd "$repo/.." && pwd)/shared/data}

if [[ $# -ge 1 ]]; then
  bin=$(realpath "$1")
  lat="$(dirname "$bin")/bench/latency_bench"
  [[ -x $lat ]] || lat="$build/bench/latency_bench"
else
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSPAMSTRIP_BUILD_TESTS=OFF \
    -DSPAMSTRIP_BUILD_BENCHMARKS=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target spamstrip_cli latency_bench >/dev/null
  bin="$build/spamstrip"
  lat="$build/bench/latency_bench"
fi
[[ -x $bin ]] || { echo "e2e_throughput: no binary at $bin" >&2; exit 2; }
[[ -x $lat ]] || { echo "e2e_throughput: no latency_bench at $lat (build with -DSPAMSTRIP_BUILD_BENCHMARKS=ON)" >&2; exit 2; }

if [[ -n ${BENCH_TMP:-} ]]; then
  tmp=$BENCH_TMP
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi

# ---- input ----------------------------------------------------------------------------------
if [[ -d $data/news ]]; then
  SPAMSTRIP_DATA=$data "$repo/scripts/dev_bench.sh" "$tmp/unit.jsonl" >/dev/null 2>"$tmp/dev_bench.log"
  source_desc="dev benchmark (scripts/dev_bench.sh, seed 1)"
else
  "$lat" --emit-jsonl 400 >"$tmp/unit.jsonl"
  source_desc="generated articles (latency_bench --emit-jsonl)"
fi
: >"$tmp/input.jsonl"
copies=0
while (($(stat -c %s "$tmp/input.jsonl") < min_mb * 1000000)); do
  cat "$tmp/unit.jsonl" >>"$tmp/input.jsonl"
  copies=$((copies + 1))
done

text_bytes() {  # sum of the UTF-8 byte lengths of the "text" fields
  python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        n += len(json.loads(line)["text"].encode("utf-8"))
print(n)' "$1"
}
file_bytes=$(stat -c %s "$tmp/input.jsonl")
docs=$(grep -c . "$tmp/input.jsonl")
unit_text=$(text_bytes "$tmp/unit.jsonl")
in_text=$((unit_text * copies))

# ---- end-to-end run, one core ---------------------------------------------------------------
/usr/bin/time -v -o "$tmp/time.txt" taskset -c "$cpu" "$bin" clean --jsonl "$tmp/input.jsonl" \
  -o "$tmp/out.jsonl" || rc=$?
rc=${rc:-0}
# Exit 1 only says something was flagged/stripped (with --fail-on-spam); anything else is an error.
if ((rc != 0 && rc != 1)); then
  echo "e2e_throughput: spamstrip exited with $rc" >&2
  cat "$tmp/time.txt" >&2
  exit 1
fi
field() { sed -n "s/^[[:space:]]*$1: //p" "$tmp/time.txt"; }
wall_raw=$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)')
wall=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall_raw")
user=$(field 'User time (seconds)')
sys=$(field 'System time (seconds)')
rss_kb=$(field 'Maximum resident set size (kbytes)')

# ---- start-up: one small article in text mode -----------------------------------------------
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"]
    if 3000 <= len(t.encode()) <= 8000:
        sys.stdout.write(t); break' "$tmp/unit.jsonl" >"$tmp/one.txt"
[[ -s $tmp/one.txt ]] || head -c 5000 "$tmp/unit.jsonl" >"$tmp/one.txt"
best_start=""
for _ in 1 2 3 4 5; do
  s=$(date +%s.%N)
  taskset -c "$cpu" "$bin" clean "$tmp/one.txt" >/dev/null || true
  e=$(date +%s.%N)
  t=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
  if [[ -z $best_start ]] || awk -v x="$t" -v y="$best_start" 'BEGIN { exit !(x < y) }'; then
    best_start=$t
  fi
done

# ---- per-document latency (Detector loaded once) --------------------------------------------
taskset -c "$cpu" "$lat" "$tmp/unit.jsonl" --reps "$reps" >"$tmp/lat.txt" 2>/dev/null
lv() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/lat.txt"; }

awk_div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cpu_s=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
cat <<EOF
spamstrip end-to-end benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, pinned to core $cpu)
binary:               $bin
input:                $source_desc x $copies copies
documents:            $docs
input file MB:        $(awk_div "$file_bytes" 1000000)
input text MB:        $(awk_div "$in_text" 1000000)
wall seconds:         $wall
cpu seconds:          $cpu_s (user $user, sys $sys)
MB/s per core (wall): $(awk_div "$in_text" "$(awk -v w="$wall" 'BEGIN { print w * 1000000 }')") text, $(awk_div "$file_bytes" "$(awk -v w="$wall" 'BEGIN { print w * 1000000 }')") file
MB/s per core (cpu):  $(awk_div "$in_text" "$(awk -v w="$cpu_s" 'BEGIN { print w * 1000000 }')") text
peak RSS MiB:         $(awk_div "$rss_kb" 1024)
start-up, 1 article:  ${best_start} ms wall (best of 5 runs of "spamstrip clean FILE", includes Detector::Create)
latency_bench ($(lv docs) docs of $(lv mean_doc_bytes) bytes on average x $(lv reps) passes, Analyze + Clean, one thread):
  Detector::Create:   $(lv create_ms) ms wall, $(lv create_cpu_ms) ms CPU (first in the process)
  first Analyze:      $(lv first_analyze_ms) ms wall (builds the ICU character table)
  throughput:         $(lv mb_per_s) MB/s text (wall), $(lv mb_per_cpu_s) MB/s per CPU second
  latency us (wall):  p50 $(lv p50_us)  p95 $(lv p95_us)  p99 $(lv p99_us)  max $(lv max_us)
  latency us (CPU):   p50 $(lv cpu_p50_us)  p95 $(lv cpu_p95_us)  p99 $(lv cpu_p99_us)  max $(lv cpu_max_us) (slowest doc $(lv slowest_doc_bytes) bytes)
load average:         $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates wall times)
EOF
