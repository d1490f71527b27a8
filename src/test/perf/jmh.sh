#!/usr/bin/env bash
# JMH benchmark of the model forward pass (LoadedModel.predict and the bare
# LoadedModel.logProbabilities) at batch sizes 1, 16 and 256.
#
# Usage: src/test/perf/jmh.sh [checkpoint-dir] [extra JMH args...]
#   checkpoint-dir  default data/checkpoint
#   extra JMH args  override the short defaults (-f 1 -wi 3 -w 2s -i 5 -r 2s), e.g. -p batchSize=16
# Env: BUILD_DIR (default target-jmh; a separate Maven output folder so parallel builds don't clash),
#      MVN_OFFLINE (default -o), JMH_THREADS (default 1: -t, benchmark threads).
# Prints JMH's table and then names/s per benchmark and batch size; the JSON result is kept in
# $OUT (default /tmp/jmh-forward-pass.json).
set -euo pipefail
cd "$(dirname "$0")/../../.."
CHECKPOINT=${1:-data/checkpoint}
shift || true
BUILD_DIR=${BUILD_DIR:-target-jmh}
OUT=${OUT:-/tmp/jmh-forward-pass.json}
[[ -f "$CHECKPOINT/metadata.json" ]] || { echo "no checkpoint at $CHECKPOINT" >&2; exit 1; }

work=$(mktemp -d /tmp/jmh.XXXXXX)
trap 'rm -rf "$work"' EXIT
./mvnw -q ${MVN_OFFLINE--o} -Dbuild.dir="$BUILD_DIR" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >&2
# Copy the compiled classes so a concurrent rebuild of the folder cannot pull them away mid-run.
cp -r "$BUILD_DIR/classes" "$work/classes"
cp -r "$BUILD_DIR/test-classes" "$work/test-classes"
CP="$work/test-classes:$work/classes:$(cat "$work/cp.txt")"

java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp "$CP" org.openjdk.jmh.Main \
    'io.github.nameorigin.benchmark.ForwardPassBenchmark' \
    -f 1 -wi 3 -w 2s -i 5 -r 2s -t "${JMH_THREADS:-1}" \
    -jvmArgsAppend "-Dnameorigin.benchmark.checkpoint=$(realpath "$CHECKPOINT")" \
    -rf json -rff "$OUT" "$@"

echo
echo "Forward pass, names/s (= batches/s x batch size; +- is JMH's 99.9% error), checkpoint $CHECKPOINT:"
jq -r '.[] | [(.benchmark | sub(".*\\."; "")), .params.batchSize, .threads,
      ((.primaryMetric.score * (.params.batchSize | tonumber)) | floor),
      ((.primaryMetric.scoreError * (.params.batchSize | tonumber)) | floor)]
      | @tsv' "$OUT" \
  | awk 'BEGIN { printf "%-18s %6s %8s %12s %10s\n", "benchmark", "batch", "threads", "names/s", "+-" }
         { printf "%-18s %6s %8s %12s %10s\n", $1, $2, $3, $4, $5 }'
