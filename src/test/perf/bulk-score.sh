#!/usr/bin/env bash
# Times the bulk scoring command on a file of 1,000,000 names (drawn with a fixed seed from the
# dataset's names, with an id column), on the packaged jar and the bundled checkpoint, and prints
# the command's own names/s line. Run it on a quiet machine: other builds take the same 2 cores.
#
# usage: src/test/perf/bulk-score.sh [names] [data-dir] [threads] [batch-size]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
count=${1:-1000000}
data=${2:-../shared/data/names}
threads=${3:-2}
batch=${4:-2048}
work=target/bulk-score
mkdir -p "$work"
input=$work/names-$count.csv
if [[ ! -f $input ]]; then
  python3 - "$data" "$count" "$input" <<'PY'
import csv, pathlib, random, sys
data, count, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
names = [l.strip() for f in sorted(data.glob('*.txt')) for l in f.read_text(encoding='utf-8-sig').splitlines() if l.strip()]
rng = random.Random(42)
with open(out, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['id', 'surname'])
    for i in range(count):
        w.writerow([f'row-{i}', rng.choice(names)])
PY
fi
jar=$(ls target/name-origin-*.jar | grep -v original | head -1)
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, max RSS %M KB' \
  java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -jar "$jar" --spring.main.web-application-type=none \
  --nameorigin.mode=load --nameorigin.score.input="$input" --nameorigin.score.column=surname \
  --nameorigin.score.output="$work/scored.csv" --nameorigin.score.threads="$threads" \
  --nameorigin.score.batch-size="$batch" 2> >(grep -v '^20..-' >&2) | grep -v '^20..-'
head -3 "$work/scored.csv"
