#!/usr/bin/env bash
# audit_shards_parallel.sh — audit an archive in N shards with GNU parallel, on this machine or
# over ssh on several hosts that see the same paths, then merge the shards.
#
# Usage:
#   scripts/audit_shards_parallel.sh INPUT OUT N [HOST...]
#   scripts/audit_shards_parallel.sh /shared/archive /shared/audit 8 node1 node2 node3 node4
# Without hosts the shards run here, one at a time each with all cores. With hosts, parallel runs
# one shard per host at a time (-j1 per host; each shard uses all that host's cores) over ssh;
# spamstrip must be on every host's PATH (or set SPAMSTRIP to its full path) and INPUT and OUT
# must be the same paths everywhere (a shared file system). A shard that failed or was cut off
# can be rerun with the same command: finished shards return at once (--resume).
set -euo pipefail
SPAMSTRIP=${SPAMSTRIP:-spamstrip}
if (($# < 3)); then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
input=$1 out=$2 n=$3
shift 3
command -v parallel >/dev/null || { echo "GNU parallel is needed (apt-get install parallel)" >&2; exit 2; }

hosts=()
if (($#)); then
  for h in "$@"; do hosts+=(-S "1/$h"); done
fi
# Exit 3 (some inputs had errors, listed in the shard's summary.json) still is a finished shard.
seq 1 "$n" | parallel --halt now,fail=1 --line-buffer "${hosts[@]}" \
  "$SPAMSTRIP audit '$input' --out '$out/shard-{}-of-$n' --shard {}/$n --resume --progress --progress-interval 60 || test \$? -eq 3"
dirs=()
for ((k = 1; k <= n; k++)); do dirs+=("$out/shard-$k-of-$n"); done
"$SPAMSTRIP" audit merge "${dirs[@]}" --out "$out/merged"
echo "merged audit: $out/merged/{summary.json,report.html,findings.jsonl}"
