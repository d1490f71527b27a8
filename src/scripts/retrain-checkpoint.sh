#!/usr/bin/env bash
# Retrains the bundled checkpoint (data/checkpoint) with the bundled recipe: the tutorial's names
# plus the extra surname lists under data/extra-names, php-faker held out as the cross-source
# check, and the refit on all trained names. The service trains the version into a scratch model
# store and would go on serving it, so this waits for its activation, stops the service and
# copies the version's sealed checkpoint over the bundled one.
#
# usage: src/scripts/retrain-checkpoint.sh [data-dir] [checkpoint-dir]   (packages the jar first)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
data=${1:-../shared/data/names}
checkpoint=${2:-data/checkpoint}
[[ -n ${SKIP_PACKAGE:-} ]] || ./mvnw -q -B -DskipTests package
jar=$(ls target/name-origin-*.jar | grep -v original | head -1)
store=$(mktemp -d)
log=$store/training.log
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -jar "$jar" --server.port=0 \
  --nameorigin.mode=train --nameorigin.training.refit=true --nameorigin.data-dir="$data" \
  --nameorigin.extra-data-dirs=data/extra-names/datafaker,data/extra-names/faker-js,data/cross-source/php-faker \
  --nameorigin.training.held-out-source=php-faker \
  --nameorigin.models-dir="$store/models" --nameorigin.checkpoint-dir="$store/none" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$store"' EXIT
until grep -q -e 'Activated model version' -e 'No model to serve' "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 2
done
kill "$pid"; wait "$pid" || true
grep -e 'Training done' -e 'Prediction sets at' -e 'Under the' -e 'Cross-source' -e 'Refit done' \
  -e 'Activated' -e 'No model' "$log" | sed 's/^.* : //'
version=$(sed -n 's/.*Activated model version \([^ ]*\).*/\1/p' "$log" | head -1)
[[ -n $version ]] || exit 1
rm -rf "$checkpoint.tmp"
cp -r "$store/models/$version/checkpoint" "$checkpoint.tmp"
rm -rf "$checkpoint"
mv "$checkpoint.tmp" "$checkpoint"
echo "Copied $version to $checkpoint"
