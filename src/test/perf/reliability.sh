#!/usr/bin/env bash
# Reliability figures of the packaged jar under hostile load (issue 17's targets):
#   slow  - slow request bodies (slowhttptest -B, R-U-Dead-Yet) on POST /predict while a probe
#           sends one good /predict a second; prints how many probes were answered and their p50/p99
#   big   - oversized bodies: BIG_COUNT concurrent POST /predict of BIG_MB MB each (a valid name and
#           a huge unknown field), half with Content-Length and half chunked; prints the statuses
#           and the app's RSS before, at its peak and after
#   overload - wrk with 1,000-name requests on more connections than the batch queue holds; prints
#           the answers by status (503s must carry Retry-After, no other 5xx)
#
# Usage: src/test/perf/reliability.sh [jar] [checkpoint-dir]
#   jar             default: the newest target/*.jar (copied to a temp dir before it is run)
#   checkpoint-dir  default data/checkpoint (loaded with nameorigin.mode=load)
# Env (defaults):
#   SCENARIOS="slow big overload"
#   SLOW_CONNECTIONS=1000 SLOW_SECONDS=60 SLOW_RATE=200 (new connections a second)
#   SLOW_INTERVAL=10 (seconds between the attacker's body fragments)
#   QUIET_SECONDS=20 (the probe alone first, for the machine's latency without an attack)
#   BIG_COUNT=20 BIG_MB=95
#   OVERLOAD_SECONDS=20 OVERLOAD_CONNECTIONS=128 OVERLOAD_NAMES=1000
#   XMX=512m (heap of the app; not pre-touched, so heap growth shows in RSS)
#   APP_ARGS="" extra Spring arguments
# Needs slowhttptest, wrk, curl and python3 (apt-get install slowhttptest wrk). Only 127.0.0.1 is
# targeted, and every step is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PERF_DIR=$(pwd)/src/test/perf

JAR=${1:-$(ls -t target/*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)}
CHECKPOINT=$(realpath "${2:-data/checkpoint}")
SCENARIOS=${SCENARIOS:-"slow big overload"}
SLOW_CONNECTIONS=${SLOW_CONNECTIONS:-1000}
SLOW_SECONDS=${SLOW_SECONDS:-60}
SLOW_RATE=${SLOW_RATE:-200}
SLOW_INTERVAL=${SLOW_INTERVAL:-10}
BIG_COUNT=${BIG_COUNT:-20}
BIG_MB=${BIG_MB:-95}
OVERLOAD_SECONDS=${OVERLOAD_SECONDS:-20}
OVERLOAD_CONNECTIONS=${OVERLOAD_CONNECTIONS:-128}
OVERLOAD_NAMES=${OVERLOAD_NAMES:-1000}
XMX=${XMX:-512m}
APP_ARGS=${APP_ARGS:-}
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build with ./mvnw -DskipTests package)" >&2; exit 1; }
[[ -f "$CHECKPOINT/metadata.json" ]] || { echo "no checkpoint at $CHECKPOINT" >&2; exit 1; }
for tool in slowhttptest wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install slowhttptest wrk curl python3)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/reliability.XXXXXX)
cp "$JAR" "$WORK/app.jar"
PID= PROBE= SAMPLER=
cleanup() {
    for p in $PROBE $SAMPLER; do kill "$p" 2>/dev/null || true; done
    if [[ -n "$PID" ]]; then
        kill -TERM "$PID" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$PID" 2>/dev/null || true
    fi
    rm -f "$WORK/big.json"
    echo "logs and raw output: $WORK" >&2
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
URL=http://127.0.0.1:$PORT
# shellcheck disable=SC2086
java -Xmx"$XMX" -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -jar "$WORK/app.jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --nameorigin.mode=load --nameorigin.checkpoint-dir="$CHECKPOINT" $APP_ARGS >"$WORK/app.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 300))
until curl -sf "$URL/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$PID" 2>/dev/null || ((SECONDS > deadline)); then echo "app did not start" >&2; tail "$WORK/app.log" >&2; exit 1; fi
    sleep 0.2
done
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status" 2>/dev/null || echo 0; }
alive() { kill -0 "$PID" 2>/dev/null && echo yes || echo "NO (see $WORK/app.log)"; }
check() { awk -v what="$1" -v v="$2" -v t="$3" -v op="$4" 'BEGIN {ok = op == ">=" ? v >= t : v <= t
    printf "  %-34s %-7s %s (target %s %s)\n", what, ok ? "MET" : "MISSED", v, op, t}'; }
# percentile P: the P-th percentile (nearest rank) of the numbers on stdin.
percentile() { sort -g | awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {print "nan"; exit} i = int((p * NR + 99) / 100); if (i < 1) i = 1; print a[i]}'; }
for _ in 1 2 3 4 5; do curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"name":"Nakamura"}' "$URL/predict"; done

echo "== $(date -u +%FT%TZ)  $(nproc) cores  load avg $(cut -d' ' -f1-3 /proc/loadavg)  jar $JAR  -Xmx$XMX  $APP_ARGS"
echo "== app RSS after start $(rss_mb) MB"

# probe STOPFILE OUT: starts one good POST /predict a second (each bounded by 10 s, none waiting for
# the one before) until STOPFILE exists; writes "status seconds" lines (status 000 = no answer).
probe() {
    local stop=$1 out=$2 next now
    next=$(date +%s%N)
    while [[ ! -e $stop ]]; do
        curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
            -d '{"name":"Nakamura","top":3}' "$URL/predict" >>"$out" 2>/dev/null &
        next=$((next + 1000000000))
        now=$(date +%s%N)
        ((next > now)) && sleep "$(awk -v d=$((next - now)) 'BEGIN {printf "%.3f", d / 1e9}')"
    done
    wait
}

# probe_figures FILE: "sent ok p50 p99 max" of a probe's lines (latencies of 200s, in ms).
probe_figures() {
    local out=$1
    printf '%s %s %s %s %s\n' "$(wc -l <"$out")" "$(awk '$1 == 200' "$out" | wc -l)" \
        "$(awk '$1 == 200 {print $2 * 1000}' "$out" | percentile 50)" \
        "$(awk '$1 == 200 {print $2 * 1000}' "$out" | percentile 99)" "$(awk '{print $2 * 1000}' "$out" | percentile 100)"
}

slow() {
    echo
    echo "-- slow bodies: slowhttptest -c $SLOW_CONNECTIONS -B -i $SLOW_INTERVAL -r $SLOW_RATE -x 24 -l $SLOW_SECONDS, probe 1/s"
    # The same probe for QUIET_SECONDS without an attack first: the machine's own latency, side by side.
    local quiet=$WORK/quiet-probe.txt
    : >"$quiet"
    probe "$WORK/quiet.stop" "$quiet" &
    PROBE=$!
    sleep "${QUIET_SECONDS:-20}"
    touch "$WORK/quiet.stop"; wait "$PROBE" || true; PROBE=
    read -r qsent qok qp50 qp99 qmax <<<"$(probe_figures "$quiet")"
    echo "no attack: probes $qsent, answered 200: $qok, p50 ${qp50} ms, p99 ${qp99} ms, slowest ${qmax} ms"
    local stop=$WORK/slow.stop out=$WORK/slow-probe.txt
    : >"$out"
    timeout $((SLOW_SECONDS + 60)) slowhttptest -c "$SLOW_CONNECTIONS" -B -i "$SLOW_INTERVAL" -r "$SLOW_RATE" -t POST \
        -u "$URL/predict" -x 24 -p 3 -l "$SLOW_SECONDS" -f application/json -g -o "$WORK/slow" \
        >"$WORK/slow.txt" 2>&1 &
    local attack=$!
    sleep 1
    probe "$stop" "$out" &
    PROBE=$!
    wait "$attack" || true
    touch "$stop"; wait "$PROBE" || true; PROBE=
    local sent ok p50 p99 max connected
    read -r sent ok p50 p99 max <<<"$(probe_figures "$out")"
    # slowhttptest's CSV: seconds,closed,pending,connected,service available
    connected=$(awk -F, 'NR > 1 {if ($4 > m) m = $4} END {print m + 0}' "$WORK/slow.csv" 2>/dev/null || echo '?')
    echo "attack: at most $connected slow connections open at once; probes $sent, answered 200: $ok," \
        "p50 ${p50} ms, p99 ${p99} ms, slowest ${max} ms; app alive: $(alive)"
    echo "probe statuses: $(awk '{print $1}' "$out" | sort | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
    check "slow bodies: probes answered" "$ok" "$sent" ">="
    check "slow bodies: probe p99 ms" "$p99" 250 "<="
}

big() {
    echo
    echo "-- oversized bodies: $BIG_COUNT concurrent POST /predict of $BIG_MB MB (half Content-Length, half chunked)"
    python3 - "$WORK/big.json" "$BIG_MB" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"name":"Smith","junk":"')
    chunk = "x" * (1 << 20)
    for _ in range(int(sys.argv[2])):
        f.write(chunk)
    f.write('"}')
EOF
    local before peak=0 r i pids=()
    sleep 2
    before=$(rss_mb)
    (while kill -0 "$PID" 2>/dev/null; do echo "$(rss_mb)"; sleep 0.2; done) >"$WORK/big-rss.txt" &
    SAMPLER=$!
    for i in $(seq "$BIG_COUNT"); do
        local chunked=()
        ((i % 2)) || chunked=(-H 'Transfer-Encoding: chunked')
        curl -s -o "$WORK/big-$i.body" -m 120 -w '%{http_code}\n' -H 'Content-Type: application/json' "${chunked[@]}" \
            --data-binary @"$WORK/big.json" "$URL/predict" >"$WORK/big-$i.code" 2>/dev/null &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || true; done
    sleep 2
    kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
    peak=$(sort -g "$WORK/big-rss.txt" | tail -1)
    local codes refused
    codes=$(cat "$WORK"/big-*.code | sort | uniq -c | awk '{printf "%s x%s  ", $2, $1}')
    refused=$(cat "$WORK"/big-*.code | grep -c '^413$' || true)
    echo "statuses: $codes; RSS before $before MB, peak $peak MB, after $(rss_mb) MB; app alive: $(alive)"
    echo "a 413 body: $(cat "$WORK/big-1.body" 2>/dev/null | head -c 300)"
    check "big bodies: refused 413" "$refused" "$BIG_COUNT" ">="
    check "big bodies: RSS growth MB" "$((peak - before))" 100 "<="
}

overload() {
    echo
    echo "-- overload: wrk -c $OVERLOAD_CONNECTIONS for ${OVERLOAD_SECONDS}s, $OVERLOAD_NAMES names a request"
    timeout $((OVERLOAD_SECONDS + 60)) wrk -t2 -c"$OVERLOAD_CONNECTIONS" -d"${OVERLOAD_SECONDS}s" --timeout 10s --latency \
        -s "$PERF_DIR/statuses.lua" "$URL/predict" -- "$OVERLOAD_NAMES" >"$WORK/overload.txt" 2>&1 || true
    local line; line=$(grep '^STATUS' "$WORK/overload.txt" || echo "STATUS (wrk failed)")
    echo "${line#STATUS }; app alive: $(alive)"
    grep '^RESULT' "$WORK/overload.txt" | tr ' ' '\n' | grep -E 'p99_us|timeouts|read_err' | tr '\n' ' '; echo
    eval "$(echo "${line#STATUS }" | tr ' ' '\n' | grep '=' | sed 's/^/ov_/')"
    check "overload: other 5xx" "${ov_s5xx_other:-1}" 0 "<="
    check "overload: 503 without Retry-After" "${ov_s503_no_retry_after:-1}" 0 "<="
}

for scenario in $SCENARIOS; do "$scenario"; done
