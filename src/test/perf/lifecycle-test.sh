#!/usr/bin/env bash
# Serving through model swaps and trainings, measured with wrk on single-name POST /predict:
#   1. p99 and throughput without swaps, and while a script makes SWAPS activations back and
#      forth between two versions (one of them the bundled checkpoint, the other its re-import),
#      with one activation of a corrupt version (metadata.json edited) in the middle: it must be
#      refused (409) with no failed request and the active version unchanged;
#   2. RSS after the first swap and after the last (old models closed, not leaked); the heap is
#      pre-touched (-XX:+AlwaysPreTouch) so that its first use does not count as growth;
#   3. p99 and throughput without training and while a training runs through POST /models, with
#      the CPU share the training thread took.
# Rounds alternate the "with" and "without" runs so that background load hits both alike.
#
# Usage: src/test/perf/lifecycle-test.sh [jar]
# Env (defaults): DURATION=20 (s per wrk run)  ROUNDS=3  CONNECTIONS=64  THREADS=2  SWAPS=20
#   XMX=512m  DATA_DIR=/work/shared/data/names (the training's dataset)  EPOCHS=4 (the training's)
#   SKIP_TRAINING=""  (set to 1 to skip part 3)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PERF_DIR=$(pwd)/src/test/perf
JAR=${1:-$(ls -t target/*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)}
DURATION=${DURATION:-20} ROUNDS=${ROUNDS:-3} CONNECTIONS=${CONNECTIONS:-64} THREADS=${THREADS:-2}
SWAPS=${SWAPS:-20} XMX=${XMX:-512m} EPOCHS=${EPOCHS:-4} SKIP_TRAINING=${SKIP_TRAINING:-}
DATA_DIR=$(realpath "${DATA_DIR:-/work/shared/data/names}")
KEY=perf-$RANDOM$RANDOM
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build with ./mvnw -DskipTests package)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/lifecycle-test.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT
cp "$JAR" "$WORK/app.jar"
java -Xmx"$XMX" -Xms"$XMX" -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -jar "$WORK/app.jar" --server.port="$PORT" --nameorigin.mode=load \
    --nameorigin.checkpoint-dir="$(realpath data/checkpoint)" --nameorigin.models-dir="$WORK/models" \
    --nameorigin.data-dir="$DATA_DIR" --nameorigin.lifecycle.promotion=manual \
    --nameorigin.management.api-key="$KEY" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; echo "logs: $WORK" >&2' EXIT
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$BASE/actuator/health/readiness" && break
    kill -0 $APP 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
done

api() { curl -s -H "X-API-Key: $KEY" "$@"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$APP/status; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

A=$(api "$BASE/models" | field "['active']")
(cd data/checkpoint && zip -q -r "$WORK/model.zip" .)
B=$(api -F "file=@$WORK/model.zip" "$BASE/models/import" | field "['id']")
BAD=$(api -F "file=@$WORK/model.zip" "$BASE/models/import" | field "['id']")
META="$WORK/models/$BAD/checkpoint/metadata.json"
sed -i 's/"English"/"Tmp"/; s/"Japanese"/"English"/; s/"Tmp"/"Japanese"/' "$META"
echo "== jar $JAR  -Xmx$XMX  wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s x $ROUNDS rounds; versions $A / $B, corrupt $BAD"

# warm-up
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$PERF_DIR/single.lua" "$BASE" >/dev/null

run_wrk() { # OUT
    timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
        -s "$PERF_DIR/single.lua" "$BASE" >"$1"
}
swapper() { # OUT: SWAPS activations spread over the run, a corrupt one in the middle
    local pause codes=() version
    pause=$(python3 -c "print(max(0.05, ($DURATION - 2) / ($SWAPS + 1)))")
    for i in $(seq 1 "$SWAPS"); do
        sleep "$pause"
        (( i % 2 )) && version=$B || version=$A
        codes+=("$(api -o /dev/null -w '%{http_code}' -X POST "$BASE/models/$version/activate")")
        (( i == 1 )) && echo "rss_after_first=$(rss_mb)" >>"$1"
        if (( i == SWAPS / 2 )); then
            echo "corrupt=$(api -o /dev/null -w '%{http_code}' -X POST "$BASE/models/$BAD/activate")" \
                "active_after=$(api "$BASE/models" | field "['active']")" >>"$1"
        fi
    done
    echo "rss_after_last=$(rss_mb) activations=${codes[*]}" >>"$1"
}
result() { grep RESULT "$1" | sed 's/RESULT //'; }

for r in $(seq 1 "$ROUNDS"); do
    run_wrk "$WORK/plain-$r.txt"
    swapper "$WORK/swaps-$r.meta" & S=$!
    run_wrk "$WORK/swaps-$r.txt"; wait $S
    echo "round $r  no swaps: $(result "$WORK/plain-$r.txt")"
    echo "round $r  swaps:    $(result "$WORK/swaps-$r.txt")"
    echo "round $r  $(tr '\n' ' ' <"$WORK/swaps-$r.meta")"
done
echo "swaps done in all: $(curl -s "$BASE/actuator/prometheus" | awk '/^nameorigin_model_swaps_total/ {print $2}')  RSS now $(rss_mb) MB"

if [[ -z $SKIP_TRAINING ]]; then
    for r in $(seq 1 "$ROUNDS"); do
        run_wrk "$WORK/untrained-$r.txt"
        id=$(api -X POST -H 'Content-Type: application/json' -d "{\"epochs\": $EPOCHS, \"seed\": $r}" "$BASE/models" | field "['id']")
        sleep 2
        tid=$(grep -l '^model-training' /proc/$APP/task/*/comm | head -1 | cut -d/ -f5)
        cpu0=$(awk '{print $14 + $15}' /proc/$APP/task/"$tid"/stat); t0=$(date +%s.%N)
        run_wrk "$WORK/training-$r.txt"
        cpu1=$(awk '{print $14 + $15}' /proc/$APP/task/"$tid"/stat); t1=$(date +%s.%N)
        status=$(api "$BASE/models/$id" | field "['status']")
        share=$(python3 -c "print(f'{($cpu1 - $cpu0) / $(getconf CLK_TCK) / ($t1 - $t0) / $(nproc) * 100:.0f}')")
        echo "round $r  no training: $(result "$WORK/untrained-$r.txt")"
        echo "round $r  training:    $(result "$WORK/training-$r.txt")  training thread: ${share}% of $(nproc) cores, nice $(awk '{print $19}' /proc/$APP/task/"$tid"/stat), version $id $status"
        while [[ $(api "$BASE/models/$id" | field "['status']" || true) == TRAINING ]]; do sleep 2; done
    done
fi
