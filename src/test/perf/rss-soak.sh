#!/usr/bin/env bash
# Memory soak: 1,000,000 predictions against the packaged jar (batching on), recording the app's
# resident set size (VmRSS from /proc/PID/status) after the first 100,000 and after 1,000,000.
# Target: the second within 5% of the first.
#
# Usage: src/test/perf/rss-soak.sh [jar] [checkpoint-dir]
# Env (defaults): TOTAL=1000000 names, FIRST=100000 names, BATCH=50 names per request,
#   PRETOUCH=-XX:+AlwaysPreTouch (see below),
#   CONNECTIONS=64, THREADS=2, XMX=512m, MAX_SECONDS=900 (bound on each wrk phase),
#   APP_ARGS="" extra Spring arguments.
# Also samples VmRSS every 5 s into $WORK/rss.tsv (printed path) for a curve.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PERF_DIR=$(pwd)/src/test/perf
JAR=${1:-$(ls -t target/*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)}
CHECKPOINT=$(realpath "${2:-data/checkpoint}")
TOTAL=${TOTAL:-1000000}
FIRST=${FIRST:-100000}
BATCH=${BATCH:-50}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
XMX=${XMX:-512m}
MAX_SECONDS=${MAX_SECONDS:-900}
APP_ARGS=${APP_ARGS:-}
# The heap is committed and touched up front (-Xms = -Xmx, AlwaysPreTouch), so RSS growth during
# the soak is real growth (native memory, metaspace, code cache), not G1 first touching the pages of
# a heap it was already allowed. PRETOUCH="" shows the untouched behaviour.
PRETOUCH=${PRETOUCH--XX:+AlwaysPreTouch}
[[ -f "$JAR" ]] || { echo "no jar: $JAR" >&2; exit 1; }
[[ -f "$CHECKPOINT/metadata.json" ]] || { echo "no checkpoint at $CHECKPOINT" >&2; exit 1; }

WORK=$(mktemp -d /tmp/rss-soak.XXXXXX)
cp "$JAR" "$WORK/app.jar"
PID= SAMPLER=
cleanup() {
    [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
    if [[ -n "$PID" ]]; then
        kill -TERM "$PID" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$PID" 2>/dev/null || true
    fi
    echo "logs, wrk output and RSS samples: $WORK" >&2
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# shellcheck disable=SC2086
java -Xmx"$XMX" -Xms"$XMX" $PRETOUCH -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -jar "$WORK/app.jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --nameorigin.mode=load --nameorigin.checkpoint-dir="$CHECKPOINT" $APP_ARGS >"$WORK/app.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 120))
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$PID" 2>/dev/null || ((SECONDS > deadline)); then echo "app did not start" >&2; tail "$WORK/app.log" >&2; exit 1; fi
    sleep 0.1
done

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$PID/status"; }
(
    start=$SECONDS
    while kill -0 "$PID" 2>/dev/null; do printf '%s\t%s\n' $((SECONDS - start)) "$(rss_kb)"; sleep 5; done
) >"$WORK/rss.tsv" 2>/dev/null &
SAMPLER=$!

# phase NAMES: sends at least NAMES predictions (whole requests of BATCH names, split over the
# wrk threads), bounded by MAX_SECONDS.
done_names=0
phase() {
    local names=$1 per_thread
    per_thread=$(((names + BATCH * THREADS - 1) / (BATCH * THREADS)))
    local markers; markers=$(mktemp -d "$WORK/markers.XXXXXX")
    timeout $((MAX_SECONDS + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MAX_SECONDS}s" --timeout 5s \
        -s "$PERF_DIR/counted.lua" "http://127.0.0.1:$PORT/predict" -- "$BATCH" "$per_thread" "$markers" \
        >"$WORK/phase-$names.txt" 2>&1 &
    local wrk_pid=$!
    # wrk sleeps out its -d even when every thread has stopped; SIGINT ends it early, with its summary.
    while kill -0 "$wrk_pid" 2>/dev/null; do
        if (($(find "$markers" -name 'done.*' | wc -l) >= THREADS)); then kill -INT "$wrk_pid" 2>/dev/null || true; break; fi
        sleep 0.2
    done
    wait "$wrk_pid" || true
    local line; line=$(grep '^RESULT' "$WORK/phase-$names.txt")
    local req non2xx
    req=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
    non2xx=$(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<<"$line")
    done_names=$((done_names + (req - non2xx) * BATCH))
    echo "  $req requests ($non2xx non-2xx) of $BATCH names, $(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line") req/s"
}

echo "== $(date -u +%FT%TZ)  $(nproc) cores  load avg $(cut -d' ' -f1-3 /proc/loadavg)  -Xmx$XMX $PRETOUCH  batch $BATCH  checkpoint $CHECKPOINT"
rss_start=$(rss_kb)
echo "RSS when ready: $((rss_start / 1024)) MB"
phase "$FIRST"
rss_first=$(rss_kb); names_first=$done_names
echo "RSS after $names_first predictions: $((rss_first / 1024)) MB ($rss_first kB)"
phase $((TOTAL - done_names))
rss_total=$(rss_kb)
echo "RSS after $done_names predictions: $((rss_total / 1024)) MB ($rss_total kB)"
awk -v a="$rss_first" -v b="$rss_total" 'BEGIN {d = 100 * (b - a) / a; printf "change %+.1f%%: %s (target within 5%%)\n", d, (d <= 5 && d >= -5) ? "MET" : "MISSED"}'
echo "heap after: $(jcmd "$PID" GC.heap_info 2>/dev/null | grep -m1 -i 'total\|used' | tr -s ' ' || echo n/a)"
