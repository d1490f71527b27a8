#!/usr/bin/env bash
# Load test of POST /predict with wrk, batching on and off side by side, next to the app's
# /actuator/health/liveness (the HTTP ceiling), plus the cold start (java -jar -> readiness UP) of
# the fat jar and of the same jar extracted (java -Djarmode=tools -jar app.jar extract).
#
# Usage: src/test/perf/load-test.sh [jar] [checkpoint-dir]
#   jar             default: the newest target/*.jar (copied to a temp dir before it is run)
#   checkpoint-dir  default data/checkpoint (loaded with nameorigin.mode=load)
# Env (defaults):
#   DURATION=20     seconds per wrk run        ROUNDS=3        rounds of all scenarios (medians)
#   CONNECTIONS=64  wrk connections            THREADS=2       wrk threads
#   BATCH=256       names per batch request    WARMUP=10       seconds of warm-up per app
#   COLD_STARTS=3   starts timed for each cold-start median (fat jar and extracted, alternated)
#   XMX=512m        heap of each app
#   WRK_TIMEOUT=10s an answer later than this counts as a timeout error
#   APP_ARGS=""     extra Spring arguments for both apps
#   ON_ARGS=""/OFF_ARGS=""  extra arguments for the batching-on / batching-off app only
#   OFF_BATCHING="--nameorigin.batching.enabled=false"  set it to "" to A/B two batching settings
#                   (ON_ARGS vs OFF_ARGS) instead of on vs off
#   OFF_JAR=""      run the second app from this jar instead (A/B of two builds)
#   OFF_CHECKPOINT="" load this checkpoint in the second app instead (A/B of two models)
#   SCENARIOS="on-single off-single on-batch off-batch on-liveness"
#
# Both apps (batching on, batching off) run at once on free loopback ports; each round runs every
# scenario once, interleaved, so background load on a shared machine hits all scenarios alike.
# The table gives the median over rounds, and the min-max of requests/s to show the noise.
# Everything is bounded: each wrk run stops after DURATION, each app is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PERF_DIR=$(pwd)/src/test/perf

JAR=${1:-$(ls -t target/*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)}
CHECKPOINT=$(realpath "${2:-data/checkpoint}")
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BATCH=${BATCH:-256}
WARMUP=${WARMUP:-10}
COLD_STARTS=${COLD_STARTS:-3}
XMX=${XMX:-512m}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
# The batch scenario keeps 64 connections x 256 names = 16,384 names in flight; the default queue
# capacity (32,768) holds them, so the apps run with the defaults unless APP_ARGS says otherwise.
APP_ARGS=${APP_ARGS:-} ON_ARGS=${ON_ARGS:-} OFF_ARGS=${OFF_ARGS:-}
OFF_BATCHING=${OFF_BATCHING---nameorigin.batching.enabled=false}
SCENARIOS=${SCENARIOS:-"on-single off-single on-batch off-batch on-liveness"}
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build with ./mvnw -DskipTests package)" >&2; exit 1; }
[[ -f "$CHECKPOINT/metadata.json" ]] || { echo "no checkpoint at $CHECKPOINT" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/load-test.XXXXXX)
cp "$JAR" "$WORK/on.jar"
# OFF_JAR: run the second app from another jar (A/B of two builds; set OFF_BATCHING="" too).
cp "${OFF_JAR:-$JAR}" "$WORK/off.jar"
# The same jar extracted, as the image runs it: a plain classpath instead of jars nested in a jar.
java -Djarmode=tools -jar "$WORK/on.jar" extract --destination "$WORK/extracted" >/dev/null
declare -A PID PORT
# The jar an app runs: $WORK/NAME.jar unless set here.
declare -A APP_JAR=([extracted]="$WORK/extracted/on.jar")
cleanup() {
    for name in "${!PID[@]}"; do stop_app "$name"; done
    echo "logs and raw wrk output: $WORK" >&2
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# readiness_up PORT: true when /actuator/health/readiness answers UP. Bash's own /dev/tcp, no
# child process: polling with curl every 20 ms took enough of the two cores to slow the start it
# was timing (median 5.63 s against 4.79 s, alternated starts).
readiness_up() {
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    local line up=1
    # The body may end without a newline: the last read fails but still fills $line.
    while IFS= read -r -t 2 line <&3 || [[ -n $line ]]; do
        [[ $line == *'"status":"UP"'* ]] && up=0
        line=""
    done
    exec 3<&-
    return $up
}

# start_app NAME EXTRA_ARGS... : starts the jar, waits for readiness UP; READY_MS is the ms it took.
# Each start gets an empty model store of its own, so that it serves the checkpoint it was given
# (a store with an active version would be served instead).
start_app() {
    local name=$1; shift
    local port; port=$(free_port)
    local checkpoint=$CHECKPOINT
    if [[ $name == off && -n "${OFF_CHECKPOINT:-}" ]]; then checkpoint=$(realpath "$OFF_CHECKPOINT"); fi
    local t0; t0=$(date +%s%N)
    # shellcheck disable=SC2086
    java -Xmx"$XMX" -Xms"$XMX" -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
        -jar "${APP_JAR[$name]:-$WORK/$name.jar}" --server.port="$port" --server.address=127.0.0.1 \
        --nameorigin.mode=load --nameorigin.checkpoint-dir="$checkpoint" \
        --nameorigin.models-dir="$WORK/models-$name-$RANDOM" $APP_ARGS "$@" \
        >"$WORK/$name.log" 2>&1 &
    PID[$name]=$!
    PORT[$name]=$port
    local deadline=$((SECONDS + 120))
    until readiness_up "$port"; do
        if ! kill -0 "${PID[$name]}" 2>/dev/null || ((SECONDS > deadline)); then
            echo "$name did not become ready; log: $WORK/$name.log" >&2; tail -20 "$WORK/$name.log" >&2; exit 1
        fi
        sleep 0.02
    done
    READY_MS=$((($(date +%s%N) - t0) / 1000000))
}

stop_app() {
    local name=$1 pid=${PID[$1]:-}
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "PID[$name]"
}

# median: the median of the numbers on stdin, one per line.
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) printf "%.3f\n", a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }

jvm_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# settle: waits (at most 60 s) until no app is busy any more, e.g. still scoring batches queued
# before wrk stopped, so one scenario's backlog does not eat into the next one's CPU.
settle() {
    local end=$((SECONDS + 60)) busy name t0 t1
    while ((SECONDS < end)); do
        busy=0
        for name in "${!PID[@]}"; do
            t0=$(jvm_cpu_ticks "${PID[$name]}"); sleep 0.5; t1=$(jvm_cpu_ticks "${PID[$name]}")
            # more than 10% of a core over half a second
            (((t1 - t0) * 100 > $(getconf CLK_TCK) * 5)) && busy=1
        done
        ((busy)) || return 0
    done
}

# batcher_counters APP: "batches names inference_s queue_s queue_count" from the app's Prometheus
# endpoint (all zero when batching is off).
batcher_counters() {
    curl -s "http://127.0.0.1:${PORT[$1]}/actuator/prometheus" | awk '
        /^nameorigin_batch_size_names_count/ {b = $2} /^nameorigin_batch_size_names_sum/ {n = $2}
        /^nameorigin_batch_inference_time_seconds_sum/ {i = $2}
        /^nameorigin_batch_queue_time_seconds_sum/ {q = $2} /^nameorigin_batch_queue_time_seconds_count/ {qc = $2}
        END {printf "%d %d %f %f %d\n", b, n, i, q, qc}'
}

# run_wrk APP KIND SECONDS OUTFILE : one bounded wrk run; KIND is single, batch or liveness.
run_wrk() {
    local app=$1 kind=$2 secs=$3 out=$4 script path args=()
    case $kind in
        single) script=single.lua; path=/predict ;;
        batch) script=batch.lua; path=/predict; args=(-- "$BATCH") ;;
        liveness) script=get.lua; path=/actuator/health/liveness ;;
    esac
    TIMEFORMAT='%U %S'
    { time timeout $((secs + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout "$WRK_TIMEOUT" --latency \
        -s "$PERF_DIR/$script" "http://127.0.0.1:${PORT[$app]}$path" "${args[@]}" >"$out" 2>&1; } 2>"$out.cpu"
}

echo "== $(date -u +%FT%TZ)  $(nproc) cores  $(uname -r)  load avg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== jar $JAR  checkpoint $CHECKPOINT  -Xmx$XMX  wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s x $ROUNDS rounds"
echo "== architecture $(jq -c .architecture "$CHECKPOINT/metadata.json" 2>/dev/null || echo '?')"
if [[ -n "${OFF_CHECKPOINT:-}" ]]; then echo "== second app: $(jq -c .architecture "$OFF_CHECKPOINT/metadata.json" 2>/dev/null || echo "?") from $OFF_CHECKPOINT"; fi

# Cold start: java -jar to readiness UP, the fat jar and the extracted one alternated so that the
# machine's drift hits both; the fat jar's last start stays up for the load test.
starts=() extracted_starts=()
for i in $(seq "$COLD_STARTS"); do
    # shellcheck disable=SC2086
    start_app extracted $ON_ARGS
    extracted_starts+=("$READY_MS")
    stop_app extracted
    # shellcheck disable=SC2086
    start_app on $ON_ARGS
    starts+=("$READY_MS")
    if ((i < COLD_STARTS)); then stop_app on; fi
done
cold_median=$(printf '%s\n' "${starts[@]}" | median | xargs printf '%.0f')
extracted_median=$(printf '%s\n' "${extracted_starts[@]}" | median | xargs printf '%.0f')
echo "cold start (java -jar -> readiness UP), ms: fat jar ${starts[*]}  median $cold_median;" \
    "extracted ${extracted_starts[*]}  median $extracted_median"

# shellcheck disable=SC2086
start_app off $OFF_BATCHING $OFF_ARGS
echo "batching-off app ready in $READY_MS ms"
for app in on off; do
    code=$(curl -s -o "$WORK/$app-check.json" -w '%{http_code}' -H 'Content-Type: application/json' \
        -d '{"name":"Nakamura","top":3}' "http://127.0.0.1:${PORT[$app]}/predict")
    [[ $code == 200 ]] || { echo "$app: /predict answered $code: $(cat "$WORK/$app-check.json")" >&2; exit 1; }
    run_wrk "$app" single "$WARMUP" "$WORK/warmup-$app-single.txt"
    run_wrk "$app" batch $(((WARMUP + 1) / 2)) "$WORK/warmup-$app-batch.txt"
done
echo "sample answer: $(cat "$WORK/on-check.json")"

RESULTS=$WORK/results.tsv
: >"$RESULTS"
for round in $(seq "$ROUNDS"); do
    for scenario in $SCENARIOS; do
        app=${scenario%%-*} kind=${scenario#*-}
        out=$WORK/r$round-$scenario.txt
        settle
        load_before=$(cut -d' ' -f1 /proc/loadavg)
        read -r b0 n0 i0 q0 qc0 <<<"$(batcher_counters "$app")"
        ticks0=$(jvm_cpu_ticks "${PID[$app]}")
        run_wrk "$app" "$kind" "$DURATION" "$out"
        ticks1=$(jvm_cpu_ticks "${PID[$app]}")
        read -r b1 n1 i1 q1 qc1 <<<"$(batcher_counters "$app")"
        # mean names per forward pass, ms per forward pass, ms a chunk waited for a worker
        batcher=$(awk -v b=$((b1 - b0)) -v n=$((n1 - n0)) -v i="$i0" -v i1="$i1" -v q="$q0" -v q1="$q1" -v qc=$((qc1 - qc0)) \
            'BEGIN {if (b > 0) printf "%.1f %.2f %.2f", n / b, 1000 * (i1 - i) / b, (qc > 0 ? 1000 * (q1 - q) / qc : 0); else printf "- - -"}')
        line=$(grep '^RESULT' "$out" || true)
        [[ -n "$line" ]] || { echo "wrk failed: $out" >&2; cat "$out" >&2; exit 1; }
        eval "$(echo "${line#RESULT }" | tr ' ' '\n' | sed 's/^/local_/')"
        per=1; [[ $kind == batch ]] && per=$BATCH; [[ $kind == liveness ]] && per=0
        errors=$((local_non2xx + local_connect_err + local_read_err + local_write_err + local_timeouts))
        cpu=$(awk -v t="$((ticks1 - ticks0))" -v hz="$(getconf CLK_TCK)" -v d="$DURATION" 'BEGIN {printf "%.0f", 100 * t / hz / d}')
        # Only 2xx answers count as served: a 503 from a full queue is not a prediction.
        local_rps=$(awk -v n="$((local_requests - local_non2xx))" -v d="$local_duration_us" 'BEGIN {printf "%.1f", n / (d / 1e6)}')
        # CPU the app spent per answered request, in microseconds: robust to other load on the machine.
        cpu_us=$(awk -v t="$((ticks1 - ticks0))" -v hz="$(getconf CLK_TCK)" -v r="$local_rps" -v d="$DURATION" \
            'BEGIN {printf "%.0f", (r > 0 ? 1e6 * t / hz / (r * d) : 0)}')
        read -r bsize bms bqueue <<<"$batcher"
        # wrk's own CPU per request: app + wrk CPU per request bounds what 2 idle cores could do.
        wrk_us=$(awk -v r="$local_rps" -v d="$DURATION" '{printf "%.0f", (r > 0 ? 1e6 * ($1 + $2) / (r * d) : 0)}' "$out.cpu")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$round" "$local_rps" \
            "$(awk -v r="$local_rps" -v p="$per" 'BEGIN {printf "%.0f", r * p}')" \
            "$local_p50_us" "$local_p99_us" "$errors" "$cpu" "$load_before" "$cpu_us" "$bsize" "$bms" "$bqueue" "$wrk_us" >>"$RESULTS"
        printf 'round %d %-12s %9.0f ok req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d  app cpu %s%% (%s us/req, wrk %s us/req)  batch %s names %s ms queue %s ms  load %s\n' \
            "$round" "$scenario" "$local_rps" "$(bc -l <<<"$local_p50_us/1000")" "$(bc -l <<<"$local_p99_us/1000")" \
            "$errors" "$cpu" "$cpu_us" "$wrk_us" "$bsize" "$bms" "$bqueue" "$load_before"
    done
done

col() { awk -F'\t' -v s="$1" -v c="$2" '$1 == s {print $c}' "$RESULTS"; }
echo
echo "Medians over $ROUNDS rounds of ${DURATION}s, wrk -t$THREADS -c$CONNECTIONS, batch requests of $BATCH names"
echo "(req/s and names/s count 2xx answers only; errors = non-2xx + socket errors + timeouts, summed over rounds;"
echo " app cpu = the app's CPU time / wall time, 200% = both cores;"
echo " us/req = app CPU per answered request; batch = mean names per forward pass, its ms, and ms waited for a worker;"
echo " proj = 2e6 / (app + wrk CPU us per request): req/s two otherwise idle cores could serve, an estimate)"
printf '%-12s %8s %15s %8s %8s %8s %6s %7s %7s %6s %6s %6s %7s\n' scenario 'req/s' '(min-max)' 'names/s' 'p50 ms' 'p99 ms' errors 'app cpu' 'us/req' batch 'ms' 'queue' 'proj'
declare -A MED
for scenario in $SCENARIOS; do
    rps=$(col "$scenario" 3 | median)
    names=$(col "$scenario" 4 | median)
    p50=$(col "$scenario" 5 | median)
    p99=$(col "$scenario" 6 | median)
    errs=$(col "$scenario" 7 | awk '{s+=$1} END {print s}')
    cpu=$(col "$scenario" 8 | median)
    lo=$(col "$scenario" 3 | sort -g | head -1)
    hi=$(col "$scenario" 3 | sort -g | tail -1)
    MED[$scenario.rps]=$rps MED[$scenario.names]=$names MED[$scenario.p99]=$p99 MED[$scenario.errs]=$errs
    cpu_us=$(col "$scenario" 10 | median)
    bsize=$(col "$scenario" 11 | grep -v -- - | median || true)
    bms=$(col "$scenario" 12 | grep -v -- - | median || true)
    bqueue=$(col "$scenario" 13 | grep -v -- - | median || true)
    wrk_us=$(col "$scenario" 14 | median)
    proj=$(awk -v a="$cpu_us" -v w="$wrk_us" 'BEGIN {printf "%.0f", (a + w > 0 ? 2e6 / (a + w) : 0)}')
    printf '%-12s %8.0f %15s %8s %8.2f %8.2f %6d %6.0f%% %7.0f %6s %6s %6s %7s\n' "$scenario" "$rps" "($(printf '%.0f-%.0f' "$lo" "$hi"))" \
        "$([[ $scenario == *liveness ]] && echo - || printf '%.0f' "$names")" \
        "$(bc -l <<<"$p50/1000")" "$(bc -l <<<"$p99/1000")" "$errs" "$cpu" "$cpu_us" \
        "$(printf '%.1f' "${bsize:-0}" | sed 's/^0.0$/-/')" "$(printf '%.2f' "${bms:-0}" | sed 's/^0.00$/-/')" "$(printf '%.2f' "${bqueue:-0}" | sed 's/^0.00$/-/')" "$proj"
done
echo "cold start median ${cold_median} ms (${starts[*]}), extracted jar ${extracted_median} ms (${extracted_starts[*]})"

ratio() { [[ -n "${MED[$1]:-}" && -n "${MED[$2]:-}" ]] && awk -v a="${MED[$1]}" -v b="${MED[$2]}" 'BEGIN {printf "%.2f", a / b}' || echo n/a; }
echo "ratios: single on/off $(ratio on-single.rps off-single.rps)  batch on/off $(ratio on-batch.names off-batch.names)" \
    " single-on/liveness $(ratio on-single.rps on-liveness.rps)  single-off/liveness $(ratio off-single.rps on-liveness.rps)"
check() { awk -v what="$1" -v v="$2" -v t="$3" -v op="$4" 'BEGIN {ok = op == ">=" ? v >= t : v <= t
    printf "  %-20s %-7s %s (target %s %s)\n", what, ok ? "MET" : "MISSED", v, op, t}'; }
echo "targets (batching on, medians):"
[[ -n "${MED[on-single.rps]:-}" ]] && {
    check "single-name req/s" "$(printf '%.0f' "${MED[on-single.rps]}")" 5000 ">="
    check "single-name p99 ms" "$(bc -l <<<"scale=2; ${MED[on-single.p99]}/1000")" 25 "<="
    check "single-name errors" "${MED[on-single.errs]}" 0 "<="
}
[[ -n "${MED[on-batch.names]:-}" ]] && check "batch names/s" "$(printf '%.0f' "${MED[on-batch.names]}")" 50000 ">="
check "cold start ms" "$cold_median" 5000 "<="
check "cold start extracted" "$extracted_median" 5000 "<="
