#!/usr/bin/env bash
# Rebuilds rules/default.model, bit for bit, from the train split of ../shared/data, then
# records the dev-set figures it reaches in rules/default.model.figures.json (the CI quality
# gate compares against them). Usage: scripts/train_default_model.sh [path/to/spamstrip]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/spamstrip}
D=${SPAMSTRIP_DATA:-../shared/data}
spam=$(ls "$D"/spam/*.jsonl | grep -v keywords)  # the keyword list holds phrases, not texts
# The HTML weights are fitted on the train pages of news/html with train-split spam injected.
html_train=$(mktemp --suffix=.jsonl)
trap 'rm -f "$html_train"' EXIT
python3 scripts/make_html_bench.py --data "$D" --split train --copies 6 --seed 1 --out "$html_train"
# Seed 2: of the forests trained with seeds 1-3 (within each other's noise on dev), the one that
# passes the golden pages (corpus/): seed 1's keeps ai_prompt_injection's injected line and strips
# bank_lending's consumer warning (a rule hit on "guaranteed approval"), seed 3's strips
# ai_prompt_injection's paragraph quoting an attack.
"$bin" train --split train --seed 2 --bits 18 --out rules/default.model \
  --data "$D"/news/bbc.jsonl "$D"/news/reuters21578.jsonl "$D"/news/saudinewsnet_ar.jsonl \
         "$D"/news/html/gold.jsonl $spam \
  --html "$html_train"
# The golden pages with the new model (before it is embedded by a rebuild): a retrained forest
# moves decisions near the threshold, and a model that fails a golden page fails CI.
golden=$(dirname "$bin")/tests/golden_test
if [[ -x $golden ]]; then
  SPAMSTRIP_GOLDEN_MODEL=rules/default.model "$golden" --gtest_brief=1 \
    || echo "train_default_model: the new model fails golden pages (above)" >&2
fi
scripts/dev_bench.sh /tmp/spamstrip_dev_bench.jsonl
"$bin" eval /tmp/spamstrip_dev_bench.jsonl --model rules/default.model --json --no-curve \
  > rules/default.model.figures.json
cat rules/default.model.figures.json
