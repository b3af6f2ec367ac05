#!/usr/bin/env bash
# How well the model does on spam from a source it never saw: trains the text model (stages 1-2,
# as scripts/train_default_model.sh does, without the HTML stage) on the train split without the
# spam files whose names match SOURCE, then evaluates it on a benchmark whose injected spam is
# all of SOURCE's records (train and dev split; none was trained on) in the dev-split articles.
# Prints that model's figures and, for comparison, the shipped model's on the same benchmark
# (which has seen SOURCE's train records: an in-source figure).
#
# Usage: scripts/heldout_source.sh SOURCE [spamstrip train options...]
#   SOURCE: an extended regex on the spam file names, e.g. csdmc, 'bipia|pallms', tg_spam.
# Environment: SPAMSTRIP (binary, default build/spamstrip), SPAMSTRIP_DATA (default
#   ../shared/data), OUT (scratch folder, default a fresh mktemp -d, kept).
set -euo pipefail
cd "$(dirname "$0")/.."
source=${1:?usage: heldout_source.sh SOURCE [train options...]}
shift
bin=${SPAMSTRIP:-build/spamstrip}
D=${SPAMSTRIP_DATA:-../shared/data}
T=$(dirname "$D")/tools
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
all=$(ls "$D"/spam/*.jsonl | grep -v keywords)  # the keyword list holds phrases, not texts
held=$(echo "$all" | grep -E "$source" || true)
kept=$(echo "$all" | grep -v -E "$source" || true)
[[ -n $held ]] || { echo "heldout_source: no spam file matches '$source'" >&2; exit 2; }
# Every record of the held-out source becomes dev: make_bench.py --split dev keeps them all.
python3 - "$out/heldout_spam.jsonl" $held <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                r["split"] = "dev"
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
python3 "$T"/make_bench.py --split dev --seed 1 --out "$out/bench.jsonl" \
  --news "$D"/news/bbc.jsonl --news "$D"/news/reuters21578.jsonl \
  --news "$D"/news/saudinewsnet_ar.jsonl --news "$D"/news/html/gold.jsonl \
  --spam "$out/heldout_spam.jsonl"
"$bin" train -q --split train --seed 1 --bits 18 --out "$out/model" "$@" \
  --data "$D"/news/bbc.jsonl "$D"/news/reuters21578.jsonl "$D"/news/saudinewsnet_ar.jsonl \
         "$D"/news/html/gold.jsonl $kept > "$out/train.txt"
for m in "$out/model" default; do
  args=(); [[ $m == default ]] || args=(--model "$m")
  "$bin" eval "$out/bench.jsonl" "${args[@]}" --json --no-curve > "$out/$(basename "$m").json"
  python3 - "$out/$(basename "$m").json" "$m" "$source" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
who = "shipped model (in-source)" if sys.argv[2] == "default" else "trained without it"
print(f"{sys.argv[3]:>14} {who:<26} block recall {f['block_recall']:.3f}  inline recall "
      f"{f['inline_recall']:.3f}  block FPR {100 * f['block_fpr']:.2f}%  clean docs "
      f"{f['clean_docs_untouched']:.3f}")
PY
done
echo "(scratch: $out)"
