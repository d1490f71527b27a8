#!/usr/bin/env bash
# Retrains the bundled checkpoint (data/checkpoint) with the default recipe and the refit on all
# names, the way it is made for release, then stops: the service trains, saves the checkpoint
# (atomically replacing the old one) and would go on serving, so this waits for the save and ends it.
#
# usage: src/scripts/retrain-checkpoint.sh [data-dir] [checkpoint-dir]   (packages the jar first)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
data=${1:-../shared/data/names}
checkpoint=${2:-data/checkpoint}
[[ -n ${SKIP_PACKAGE:-} ]] || ./mvnw -q -B -DskipTests package
jar=$(ls target/name-origin-*.jar | grep -v original | head -1)
log=$(mktemp)
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -jar "$jar" --server.port=0 \
  --nameorigin.mode=train --nameorigin.training.refit=true \
  --nameorigin.data-dir="$data" --nameorigin.checkpoint-dir="$checkpoint" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until grep -q -e 'Saved checkpoint' -e 'No model to serve' "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 2
done
grep -e 'Training done' -e 'Prediction sets at' -e 'Refit done' -e 'Saved checkpoint' -e 'No model' "$log" | sed 's/^.* : //'
grep -q 'Saved checkpoint' "$log"
