#!/usr/bin/env bash
# Builds the labelled dev benchmark exactly as ../shared/data/README.md shows (seed 1).
# Usage: scripts/dev_bench.sh OUT.jsonl
set -euo pipefail
out=${1:?usage: dev_bench.sh OUT.jsonl}
D=${SPAMSTRIP_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
T=$(dirname "$D")/tools
python3 "$T"/make_bench.py --split dev --seed 1 --out "$out" \
  --news "$D"/news/bbc.jsonl --news "$D"/news/reuters21578.jsonl \
  --news "$D"/news/saudinewsnet_ar.jsonl --news "$D"/news/html/gold.jsonl \
  $(for f in "$D"/spam/*.jsonl; do case $f in *keywords*) ;; *) echo --spam "$f";; esac; done)
