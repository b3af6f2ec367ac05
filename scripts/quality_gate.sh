#!/usr/bin/env bash
# CI quality gate: builds the dev benchmark from ../shared/data, runs `spamstrip eval` with the
# built-in model and fails when a figure is worse than the one recorded beside the model
# (rules/default.model.figures.json) by more than the margin: 0.01 absolute for recall, keep
# and untouched figures, 0.001 for the block false-positive rate.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/spamstrip}
bench=$(mktemp /tmp/spamstrip_gate.XXXXXX.jsonl)
trap 'rm -f "$bench"' EXIT
scripts/dev_bench.sh "$bench" 2>/dev/null
"$bin" eval "$bench" --json --no-curve > "$bench.figures"
python3 - "$bench.figures" rules/default.model.figures.json <<'PY'
import json, sys
got = json.load(open(sys.argv[1])); want = json.load(open(sys.argv[2]))
bad = []
for k in ("block_recall", "inline_recall", "inline_keep", "clean_docs_untouched"):
    if got[k] < want[k] - 0.01: bad.append(f"{k}: {got[k]} < recorded {want[k]} - 0.01")
if got["block_fpr"] > want["block_fpr"] + 0.001:
    bad.append(f"block_fpr: {got['block_fpr']} > recorded {want['block_fpr']} + 0.001")
for k in ("block_recall", "block_fpr", "inline_recall", "inline_keep", "clean_docs_untouched"):
    print(f"quality gate: {k} = {got[k]} (recorded {want[k]})")
if bad:
    print("quality gate FAILED:\n  " + "\n  ".join(bad)); sys.exit(1)
print("quality gate: passed")
PY
rm -f "$bench.figures"
