#!/usr/bin/env bash
# audit_shards_slurm.sh — audit a large archive as a Slurm array job, one shard per task, then
# merge the shards into one audit (identical to a single run's outputs).
#
# Usage (from a login node, with spamstrip and the archive on a shared file system):
#   sbatch --array=1-32 scripts/audit_shards_slurm.sh /shared/archive /shared/audit
#   # when the array is done (or as a dependent job: sbatch --dependency=afterok:<jobid> ...):
#   scripts/audit_shards_slurm.sh --merge 32 /shared/audit
#
# Every task reads the same inputs and keeps the documents of its shard (FNV-1a 64 of the
# document id modulo N), writing OUT/shard-K-of-N/. A task that is preempted or requeued goes on
# where it stopped (--resume); a finished one exits at once. The merge refuses a missing shard.
#SBATCH --job-name=spamstrip-audit
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=spamstrip-audit-%A_%a.log
set -euo pipefail
SPAMSTRIP=${SPAMSTRIP:-spamstrip}

if [[ ${1:-} == --merge ]]; then
  n=$2 out=$3
  dirs=()
  for ((k = 1; k <= n; k++)); do dirs+=("$out/shard-$k-of-$n"); done
  exec "$SPAMSTRIP" audit merge "${dirs[@]}" --out "$out/merged"
fi

input=$1 out=$2
k=${SLURM_ARRAY_TASK_ID:?run as an array job: sbatch --array=1-N}
n=${SLURM_ARRAY_TASK_COUNT:?run as an array job: sbatch --array=1-N}
# Exit 3 only says that some inputs had errors (listed in summary.json); the shard is complete.
"$SPAMSTRIP" audit "$input" --out "$out/shard-$k-of-$n" --shard "$k/$n" \
  --jobs "${SLURM_CPUS_PER_TASK:-0}" --resume --progress --progress-interval 60 || {
  rc=$?
  ((rc == 3)) || exit "$rc"
}
