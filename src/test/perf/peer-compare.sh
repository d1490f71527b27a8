#!/usr/bin/env bash
# Our service against the Python peer (FastAPI + uvicorn + PyTorch, ../shared/peers/python-fastapi),
# one service at a time, rounds alternated: start to the first correct answer, single-name req/s
# and names/s in 256-name batches over seconds 5-15 and 45-60 of load after readiness, the
# trivial endpoint of each (the HTTP ceiling), and memory when idle.
#
# Usage: src/test/perf/peer-compare.sh [jar] [checkpoint-dir]
#   jar             default: the newest target/*.jar (copied to a temp dir, extracted there)
#   checkpoint-dir  default data/checkpoint
# Env (defaults):
#   SUBJECTS="ours peer peer-batched"  what to run, alternated in each round:
#       ours          the README's run command: the extracted jar on Java 25 with its AOT cache
#                     (made first by the README's training run), the build's default warm-up
#       ours-warmup   the same with the warm-up before readiness on (WARMUP_REQUESTS, default 3000)
#       ours-nowarmup the same with the warm-up off
#       ours-noaot    the same extracted jar on Java 25 without the AOT cache (its share of the start)
#       image         a container of IMAGE (docker run, port published on 127.0.0.1)
#       image-before  the same of IMAGE_BEFORE (an image built before a change, for a before/after)
#       fat           today's plain `java -jar` of the fat jar with FAT_JAVA (default: java on PATH)
#       peer          the peer, two uvicorn workers, one torch thread each, uvloop + httptools
#       peer-batched  the same with its micro-batcher (BATCHER=1)
#   ROUNDS=2        rounds (each subject starts twice per round: once per load shape)
#   SHAPES="single batch"  load shapes: one name per request, or BATCH names per request;
#                   SHAPES=start: starts only (first answer, CPU to it, readiness, RSS), no load
#   LOAD_SECONDS=60 seconds of load after readiness, one wrk run counted in SLICE-second slices
#                   (SLICE=5) by timeline.lua
#   IMAGE=name-origin   the image the `image` subject runs; IMAGE_BEFORE the one `image-before` runs
#   CONNECTIONS=64 THREADS=2 BATCH=256
#   XMX=512m        heap of our JVMs (the image's default)
#   JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   the Java that runs `ours`
#   FAT_JAR=""      run `fat` from this jar instead (today's build, for a before/after)
#   PEER_SRC=../shared/peers/python-fastapi   copied to the temp dir (it may be read-only)
#   PEER_MODEL=""   a trained model.pt; without one the peer is trained first (PEER_DATA, ~80 s)
#   PEER_DATA=../shared/data/names   PYTHON=/usr/bin/python3 (Debian's, which has torch)
#   BOOST_START=""  e.g. -10: each service starts in its own session (its own scheduler autogroup)
#                   at that autogroup nice until its first answer, then at 0. On a machine shared
#                   with other sessions, each autogroup gets an equal share of the CPU whatever
#                   its load; this gives the start being timed most of it (root only). The load
#                   runs are never boosted.
#
# Needs wrk, curl, and for the peer Debian's python3-torch python3-fastapi uvicorn
# libopenblas0-pthread python3-uvloop python3-httptools (see the peer's README).
# Only 127.0.0.1; every wrk run is bounded by its duration, every service is stopped on exit.
# The machine may be shared: compare the figures of one run with each other, not across runs.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PERF_DIR=$(pwd)/src/test/perf

JAR=${1:-$(ls -t target/*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)}
CHECKPOINT=$(realpath "${2:-data/checkpoint}")
SUBJECTS=${SUBJECTS:-"ours peer peer-batched"}
ROUNDS=${ROUNDS:-2}
SHAPES=${SHAPES:-"single batch"}
LOAD_SECONDS=${LOAD_SECONDS:-60}
SLICE=${SLICE:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BATCH=${BATCH:-256}
XMX=${XMX:-512m}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
FAT_JAVA=${FAT_JAVA:-java}
PEER_SRC=${PEER_SRC:-../shared/peers/python-fastapi}
PEER_DATA=${PEER_DATA:-../shared/data/names}
PYTHON=${PYTHON:-/usr/bin/python3}
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build with ./mvnw -DskipTests package)" >&2; exit 1; }
[[ -f "$CHECKPOINT/metadata.json" ]] || { echo "no checkpoint at $CHECKPOINT" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
if [[ " $SUBJECTS " == *" peer"* ]]; then
    [[ -f $PEER_SRC/app.py ]] || { echo "no peer at $PEER_SRC (set PEER_SRC)" >&2; exit 1; }
    "$PYTHON" -c 'import torch, fastapi, uvicorn, uvloop, httptools' 2>/dev/null \
        || { echo "$PYTHON lacks the peer's packages (see $PEER_SRC/README.md)" >&2; exit 1; }
fi

if [[ " $SUBJECTS " == *" image "* ]]; then
    docker image inspect "${IMAGE:=name-origin}" >/dev/null || { echo "no image $IMAGE (docker build -t $IMAGE .)" >&2; exit 1; }
fi
if [[ " $SUBJECTS " == *" image-before "* ]]; then
    docker image inspect "${IMAGE_BEFORE:?set IMAGE_BEFORE}" >/dev/null || { echo "no image $IMAGE_BEFORE" >&2; exit 1; }
fi

WORK=$(mktemp -d /tmp/peer-compare.XXXXXX)
PID=""
CONTAINER=""
stop() {
    [[ -n $CONTAINER ]] && docker rm -f "$CONTAINER" >/dev/null 2>&1 || true
    CONTAINER=""
    [[ -n $PID ]] || return 0
    # uvicorn's workers are children of its supervisor: TERM reaches them through it
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    pkill -KILL -P "$PID" 2>/dev/null || true
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
}
wrk_pid=""
trap '[[ -n $wrk_pid ]] && kill "$wrk_pid" 2>/dev/null; stop; echo "logs and raw wrk output: $WORK" >&2' EXIT

# --- our service, as the README runs it ---------------------------------------------------------
JAR_NAME=$(basename "$JAR")
cp "$JAR" "$WORK/fat.jar"
cp "${FAT_JAR:-$JAR}" "$WORK/fat-run.jar"
JAVA25=$JAVA25_HOME/bin/java
OURS_FLAGS=()
if [[ " $SUBJECTS " == *" ours"* ]]; then
    [[ -x $JAVA25 ]] || { echo "no Java 25 at $JAVA25_HOME (set JAVA25_HOME)" >&2; exit 1; }
    (cd "$WORK" && "$JAVA25" -Djarmode=tools -jar fat.jar extract --destination app >/dev/null)
    mv "$WORK/app/fat.jar" "$WORK/app/$JAR_NAME"
    OURS_FLAGS=(-XX:AOTCache=app.aot)
    echo "== ours: the AOT training run, as the README's" >&2
    (cd "$WORK/app" && "$JAVA25" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
        -Xmx"$XMX" -jar "$JAR_NAME" --server.port=0 --nameorigin.checkpoint-dir="$CHECKPOINT" \
        --nameorigin.models-dir="$WORK/models-training" >"$WORK/aot-training.log" 2>&1) \
        || { tail -20 "$WORK/aot-training.log" >&2; exit 1; }
fi

# --- the peer -------------------------------------------------------------------------------------
if [[ " $SUBJECTS " == *" peer"* ]]; then
    cp -r "$PEER_SRC" "$WORK/peer" && chmod -R u+w "$WORK/peer"
    if [[ -n ${PEER_MODEL:-} ]]; then
        cp "$PEER_MODEL" "$WORK/peer/model.pt"
    else
        echo "== training the peer on $PEER_DATA (about 80 s on 2 idle cores)" >&2
        (cd "$WORK/peer" && timeout 1800 "$PYTHON" train.py "$(realpath "$PEER_DATA")" >"$WORK/peer-train.log" 2>&1) \
            || { tail -20 "$WORK/peer-train.log" >&2; exit 1; }
    fi
fi

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# http PORT METHOD PATH [BODY]: the response through Bash's /dev/tcp, no child process (polling with
# curl every 20 ms took enough CPU to slow the very start it was timing).
http() {
    local port=$1 method=$2 path=$3 body=${4:-} line="" out=""
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
    # a published container port accepts, then resets the connection until the service listens
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
        "$method" "$path" "${#body}" "$body" >&3 2>/dev/null || { exec 3<&-; return 1; }
    while IFS= read -r -t 5 line <&3 2>/dev/null || [[ -n $line ]]; do out+=$line; line=""; done
    exec 3<&-
    printf '%s' "$out"
}
# A correct answer: Nakamura is Japanese in both models.
answers() { [[ $(http "$1" POST /predict '{"name":"Nakamura","top":1}') == *'"origin":"Japanese"'* ]]; }
ready() {
    case $1 in
        ours* | fat | image*) [[ $(http "$2" GET /actuator/health/readiness) == *'"status":"UP"'* ]] ;;
        *) answers "$2" ;;
    esac
}

# launch SUBJECT PORT START: starts it in the background (PID); with BOOST_START, in its own session.
# Each start of ours gets an empty model store of its own (START names it), so every start copies
# the bundled checkpoint in, as a first start does.
launch() {
    local subject=$1 port=$2 common=(--server.port="$port" --server.address=127.0.0.1 --nameorigin.checkpoint-dir="$CHECKPOINT"
        --nameorigin.models-dir="$WORK/models-$3")
    local run=() warmup=()
    [[ -n ${BOOST_START:-} ]] && run=(setsid bash -c 'echo "$0" >/proc/self/autogroup; exec "$@"' "$BOOST_START")
    case $subject in
        ours-warmup) warmup=(--nameorigin.warmup.requests="${WARMUP_REQUESTS:-3000}") ;;
        ours-nowarmup) warmup=(--nameorigin.warmup.requests=0) ;;
    esac
    case $subject in
        ours-noaot) cd "$WORK/app"; exec "${run[@]}" "$JAVA25" -Xmx"$XMX" -jar "$JAR_NAME" "${common[@]}" ;;
        ours*) cd "$WORK/app"; exec "${run[@]}" "$JAVA25" "${OURS_FLAGS[@]}" -Xmx"$XMX" -jar "$JAR_NAME" "${common[@]}" "${warmup[@]}" ;;
        image) exec docker run --rm --name "peer-compare-$port" -p "127.0.0.1:$port:8080" "$IMAGE" ;;
        image-before) exec docker run --rm --name "peer-compare-$port" -p "127.0.0.1:$port:8080" "$IMAGE_BEFORE" ;;
        fat) exec "${run[@]}" "$FAT_JAVA" -Xmx"$XMX" -jar "$WORK/fat-run.jar" "${common[@]}" ;;
        peer | peer-batched)
            cd "$WORK/peer"
            [[ $subject == peer-batched ]] && export BATCHER=1
            OMP_NUM_THREADS=1 TORCH_THREADS=1 exec "${run[@]}" "$PYTHON" serve.py app:app --host 127.0.0.1 --port "$port" \
                --workers 2 --no-access-log --loop uvloop --http httptools ;;
    esac
}

# memory PID: "VmRSS PSS" in MB, summed over the process and its children (uvicorn's workers)
memory() {
    local pids p rss=0 pss=0
    pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"
    for p in $pids; do
        rss=$((rss + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
        pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
    done
    echo "$((rss / 1024)) $((pss / 1024))"
}

# cpu_ticks PID: user + system clock ticks of the process and its children (uvicorn's workers)
cpu_ticks() {
    local p t=0
    for p in $1 $(pgrep -P "$1" | tr '\n' ' '); do
        t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
}

# wrk_slice PORT KIND SECONDS OUT [PATH]: one bounded wrk run (the trivial endpoint: KIND trivial);
# prints "req/s p99_ms"
wrk_slice() {
    local port=$1 kind=$2 secs=$3 out=$4 script path=/predict args=()
    case $kind in
        single) script=single.lua ;;
        batch) script=batch.lua; args=(-- "$BATCH") ;;
        trivial) script=get.lua; path=$5 ;;
    esac
    timeout $((secs + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s --latency \
        -s "$PERF_DIR/$script" "http://127.0.0.1:$port$path" "${args[@]}" >"$out" 2>&1 || true
    local line; line=$(grep '^RESULT' "$out" || true)
    [[ -n $line ]] || { echo "0 0"; return; }
    # only 2xx answers count
    awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
          printf "%.1f %.2f\n", (v["requests"] - v["non2xx"]) / (v["duration_us"] / 1e6), v["p99_us"] / 1000}' <<<"$line"
}

median() { sort -g | awk '{a[NR]=$1} END {if (!NR) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }
mean() { awk '{s += $1; n++} END {print n ? s / n : "nan"}'; }

RESULTS=$WORK/results.tsv   # subject shape round metric value
: >"$RESULTS"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }

echo "== $(date -u +%FT%TZ)  $(nproc) cores  load avg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== jar $JAR  checkpoint $CHECKPOINT  subjects: $SUBJECTS  shapes: $SHAPES  rounds: $ROUNDS"
echo "== load: wrk -t$THREADS -c$CONNECTIONS for ${LOAD_SECONDS}s from readiness, counted in ${SLICE}s slices; batches of $BATCH names"
slices=$((LOAD_SECONDS / SLICE))
for round in $(seq "$ROUNDS"); do
    for shape in $SHAPES; do
        for subject in $SUBJECTS; do
            port=$(free_port)
            t0=$(date +%s%N)
            launch "$subject" "$port" "$subject-$shape-$round" >"$WORK/$subject-$shape-$round.log" 2>&1 &
            PID=$!
            [[ $subject == image* ]] && CONTAINER=peer-compare-$port
            deadline=$((SECONDS + 180))
            until answers "$port"; do
                if ! kill -0 "$PID" 2>/dev/null || ((SECONDS > deadline)); then
                    echo "$subject did not answer; log: $WORK/$subject-$shape-$round.log" >&2
                    tail -20 "$WORK/$subject-$shape-$round.log" >&2; exit 1
                fi
                sleep 0.02
            done
            first_ms=$((($(date +%s%N) - t0) / 1000000))
            # the service's own process: the container's, not the docker client's
            [[ $subject == image* ]] && PID_SERVICE=$(docker inspect -f '{{.State.Pid}}' "$CONTAINER") || PID_SERVICE=$PID
            cpu_first_ms=$(($(cpu_ticks "$PID_SERVICE") * 1000 / $(getconf CLK_TCK)))
            if [[ -n ${BOOST_START:-} ]]; then echo 0 >"/proc/$PID/autogroup"; fi
            until ready "$subject" "$port"; do
                ((SECONDS < deadline)) || { echo "$subject never became ready" >&2; exit 1; }
                sleep 0.02
            done
            ready_ms=$((($(date +%s%N) - t0) / 1000000))
            read -r rss pss <<<"$(memory "$PID_SERVICE")"
            record "$subject" "$shape" "$round" first_ms "$first_ms"
            record "$subject" "$shape" "$round" cpu_first_ms "$cpu_first_ms"
            record "$subject" "$shape" "$round" ready_ms "$ready_ms"
            record "$subject" "$shape" "$round" rss_ready "$rss"
            record "$subject" "$shape" "$round" pss_ready "$pss"
            if [[ $shape == start ]]; then
                stop
                printf 'round %d %-6s %-13s first answer %6d ms (CPU %6d ms), ready %6d ms, RSS %4d MB (PSS %4d)\n' \
                    "$round" "$shape" "$subject" "$first_ms" "$cpu_first_ms" "$ready_ms" "$rss" "$pss"
                continue
            fi
            # one continuous wrk run; its Lua counts the answers per slice, and the service's CPU
            # is sampled at the slice boundaries beside it
            args=(single 1 "$SLICE"); [[ $shape == batch ]] && args=(batch "$BATCH" "$SLICE")
            out=$WORK/$subject-$shape-$round.txt
            # wrk runs one slice longer than the sampling, so a late last sample still sees load
            timeout $((LOAD_SECONDS + SLICE + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((LOAD_SECONDS + SLICE))s" --timeout 10s --latency \
                -s "$PERF_DIR/timeline.lua" "http://127.0.0.1:$port/predict" -- "${args[@]}" >"$out" 2>&1 &
            wrk_pid=$!
            ticks=("$(cpu_ticks "$PID_SERVICE")")
            for s in $(seq "$slices"); do sleep "$SLICE"; ticks+=("$(cpu_ticks "$PID_SERVICE")"); done
            wait "$wrk_pid" || true
            wrk_pid=""
            read -r -a counts <<<"$(sed -n 's/^SLICES //p' "$out")"
            rates=()
            per=1; [[ $shape == batch ]] && per=$BATCH
            for s in $(seq "$slices"); do
                rate=$(awk -v n="${counts[$((s - 1))]:-0}" -v p="$per" -v d="$SLICE" 'BEGIN {printf "%.0f", n * p / d}')
                rates+=("$rate")
                record "$subject" "$shape" "$round" "slice$s" "$rate"
                # the service's CPU per answered name, in microseconds: unlike req/s, it hardly
                # depends on how much of the machine the service got
                record "$subject" "$shape" "$round" "cpu$s" "$(awk -v t="$((ticks[s] - ticks[s - 1]))" -v hz="$(getconf CLK_TCK)" \
                    -v r="$rate" -v d="$SLICE" 'BEGIN {printf "%.1f", (r > 0 ? 1e6 * t / hz / (r * d) : 0)}')"
            done
            p99=$(sed -n 's/^RESULT .*p99_us=\([0-9]*\).*/\1/p' "$out" | awk '{printf "%.2f", $1 / 1000}')
            [[ $shape == single ]] && record "$subject" "$shape" "$round" p99_run "${p99:-nan}"
            if [[ $shape == single ]]; then
                trivial=/actuator/health/liveness; [[ $subject == peer* ]] && trivial=/health
                read -r rps p99 <<<"$(wrk_slice "$port" trivial 10 "$WORK/$subject-trivial-$round.txt" "$trivial")"
                record "$subject" "$shape" "$round" trivial "$rps"
            fi
            read -r rss_after pss_after <<<"$(memory "$PID_SERVICE")"
            record "$subject" "$shape" "$round" rss_after "$rss_after"
            stop
            printf 'round %d %-6s %-13s first answer %6d ms (CPU %6d ms), ready %6d ms, RSS %4d MB (PSS %4d) -> %4d MB; per %ds: %s\n' \
                "$round" "$shape" "$subject" "$first_ms" "$cpu_first_ms" "$ready_ms" "$rss" "$pss" "$rss_after" "$SLICE" "${rates[*]}"
        done
    done
done

# window SUBJECT SHAPE FROM TO: per round, the mean rate of the slices inside [FROM, TO) seconds;
# then the median over rounds
window() {
    local subject=$1 shape=$2 from=$3 to=$4 prefix=${5:-slice} round
    for round in $(seq "$ROUNDS"); do
        awk -F'\t' -v s="$subject" -v h="$shape" -v r="$round" -v f="$from" -v t="$to" -v w="$SLICE" -v p="$prefix" '
            $1 == s && $2 == h && $3 == r && index($4, p) == 1 {i = substr($4, length(p) + 1); if ((i - 1) * w >= f && i * w <= t) print $5}' "$RESULTS" | mean
    done | median
}
metric() { awk -F'\t' -v s="$1" -v m="$2" '$1 == s && $4 == m {print $5}' "$RESULTS" | median; }
fmt() { awk -v v="$1" 'BEGIN {if (v == "nan" || v == "") print "-"; else printf "%\047.0f", v}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "nan" || b == "nan" || b == 0) print "-"; else printf "%.2f", a / b}'; }

LOAD_SHAPES=$(tr ' ' '\n' <<<"$SHAPES" | grep -v '^start$' | tr '\n' ' ' | sed 's/ *$//' || true)
echo
echo "Starts: medians over $ROUNDS rounds and the shapes (each start is timed; CPU is the service's user + system time)"
printf '| %-13s | %16s | %14s | %12s | %14s | %14s | %16s | %20s | %12s |\n' subject "first answer ms" "CPU to it, ms" "ready ms" "RSS idle MB" "PSS idle MB" "RSS after load" "trivial endpoint r/s" "p99 single, ms"
echo "|---|---|---|---|---|---|---|---|---|"
for subject in $SUBJECTS; do
    printf '| %-13s | %16s | %14s | %12s | %14s | %14s | %16s | %20s | %12s |\n' "$subject" "$(fmt "$(metric "$subject" first_ms)")" \
        "$(fmt "$(metric "$subject" cpu_first_ms)")" \
        "$(fmt "$(metric "$subject" ready_ms)")" "$(fmt "$(metric "$subject" rss_ready)")" "$(fmt "$(metric "$subject" pss_ready)")" \
        "$(fmt "$(metric "$subject" rss_after)")" "$(fmt "$(metric "$subject" trivial)")" \
        "$(awk -F'\t' -v s="$subject" '$1 == s && $2 == "single" && $4 == "p99_run" {print $5}' "$RESULTS" | median)"
done

[[ -n $LOAD_SHAPES ]] || exit 0
echo
echo "Medians over $ROUNDS rounds (req/s and names/s: 2xx answers only; a window's rate is the mean of its ${SLICE}-s slices)"
header="| seconds of load after readiness |"
for shape in $LOAD_SHAPES; do
    [[ $shape == single ]] && header+=" single-name req/s: ${SUBJECTS// / \/ } |" || header+=" names/s in $BATCH-name batches: ${SUBJECTS// / \/ } |"
done
echo "$header"
echo "|---|$(for _ in $LOAD_SHAPES; do printf -- '---|'; done)"
for win in "5 15" "45 60"; do
    read -r from to <<<"$win"
    row="| $from-$to s |"
    for shape in $LOAD_SHAPES; do
        cells=()
        for subject in $SUBJECTS; do cells+=("$(fmt "$(window "$subject" "$shape" "$from" "$to")")"); done
        row+=" $(IFS=/; echo "${cells[*]}" | sed 's|/| / |g') |"
    done
    echo "$row"
done
echo
echo "The services' CPU per answered name, microseconds (less is better; hardly depends on the share of the machine):"
for win in "5 15" "45 60"; do
    read -r from to <<<"$win"
    row="  $from-$to s:"
    for shape in $LOAD_SHAPES; do
        for subject in $SUBJECTS; do row+=" $subject $shape $(window "$subject" "$shape" "$from" "$to" cpu);"; done
    done
    echo "$row"
done

echo
echo "Ratios (medians):"
for subject in $SUBJECTS; do
    [[ $subject == peer* ]] && continue
    for shape in $LOAD_SHAPES; do
        early=$(window "$subject" "$shape" 5 15) late=$(window "$subject" "$shape" 45 60)
        echo "  $subject $shape: seconds 5-15 / 45-60 = $(ratio "$early" "$late") (target >= 0.70);" \
            "by CPU per name (45-60 / 5-15): $(ratio "$(window "$subject" "$shape" 45 60 cpu)" "$(window "$subject" "$shape" 5 15 cpu)")"
        for win in "5 15" "45 60"; do
            read -r from to <<<"$win"
            best=0
            for peer in $SUBJECTS; do
                [[ $peer == peer* ]] || continue
                v=$(window "$peer" "$shape" "$from" "$to")
                best=$(awk -v a="$best" -v b="$v" 'BEGIN {print (b != "nan" && b > a) ? b : a}')
            done
            [[ $best != 0 ]] && echo "  $subject $shape $from-$to s: / best peer = $(ratio "$(window "$subject" "$shape" "$from" "$to")" "$best")" \
                "(target >= $([[ $shape == single ]] && echo 1.5 || echo 2))"
        done
    done
    [[ " $LOAD_SHAPES " == *" single "* ]] && echo "  $subject single 45-60 s / trivial endpoint = $(ratio "$(window "$subject" single 45 60)" "$(metric "$subject" trivial)") (target >= 0.8)"
done
