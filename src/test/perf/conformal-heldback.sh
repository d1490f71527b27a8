#!/usr/bin/env bash
# Measures the prediction sets on names no part of the model saw: holds back a tenth of the
# distinct names (by a hash of the accent-folded, lower-cased name, so a name never sits on both
# sides), trains the default recipe (with the refit) on the rest, then runs the evaluate command
# on the held-back names. The sets are fitted inside training on its own validation names, so
# the held-back names are used neither for training nor for fitting.
#
# usage: src/test/perf/conformal-heldback.sh [data-dir] [work-dir]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
data=${1:-../shared/data/names}
work=${2:-target/conformal-heldback}
jar=$(ls target/name-origin-*.jar | head -1)
rm -rf "$work" && mkdir -p "$work/train" "$work/heldback"
python3 - "$data" "$work" <<'PY'
import hashlib, pathlib, sys, unicodedata
data, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def key(name):
    folded = ''.join(c for c in unicodedata.normalize('NFD', name) if not unicodedata.combining(c))
    return ' '.join(folded.lower().split())
held = total = 0
for f in sorted(data.glob('*.txt')):
    lines = [l.strip() for l in f.read_text(encoding='utf-8-sig').splitlines() if l.strip()]
    sides = {'train': [], 'heldback': []}
    for line in lines:
        back = int(hashlib.sha256(key(line).encode()).hexdigest(), 16) % 10 == 0
        sides['heldback' if back else 'train'].append(line)
        held += back; total += 1
    for side, names in sides.items():
        (work / side / f.name).write_text('\n'.join(names) + '\n', encoding='utf-8')
print(f'held back {held} of {total} lines')
PY
run=(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -jar "$jar")
# trains, saves, and keeps serving: stop it once the checkpoint is saved
"${run[@]}" --server.port=0 --nameorigin.mode=train --nameorigin.training.refit=true \
  --nameorigin.data-dir="$work/train" --nameorigin.checkpoint-dir="$work/checkpoint" >"$work/train.log" 2>&1 &
pid=$!
until grep -q -e 'Saved checkpoint' -e 'No model to serve' "$work/train.log"; do sleep 2; done
kill "$pid"; wait "$pid" 2>/dev/null || true
grep -e 'Prediction sets at' -e 'Training done' "$work/train.log" | sed 's/.*: //'
"${run[@]}" --spring.main.web-application-type=none --nameorigin.mode=load \
  --nameorigin.checkpoint-dir="$work/checkpoint" --nameorigin.evaluate="$work/heldback" 2>/dev/null \
  | grep -v -e '^20..-' | tee "$work/heldback-report.txt" | sed -n '/^Names scored/,/^Macro/p;/^Prediction sets/,$p'
