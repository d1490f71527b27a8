#!/usr/bin/env python3
"""Scores lists of names through a running service's POST /predict, as a client would send them.

    wild-names.py [--url http://localhost:8080] [--prior P] --known DIR [--known DIR ...] [--other DIR ...]

--known DIR: <Origin>.txt files, one surname per line, of the service's origins (names the served
             model did not train on): top-1 and top-3 per origin, over all names and as the mean
             of the origins (each origin counted alike).
--exclude DIR: leaves out of the --known lists every name that a .txt file under DIR (searched
             recursively) also has, compared in lower case with accents folded: point it at
             everything the model trained on, so that only unseen names are scored.
--other DIR: files of surnames of languages that are none of the origins (any file name): the
             AUROC of unknownScore against the --known names, and the share flagged "unknown"
             of each side at the service's threshold.
Only the standard library; one request per 500 names; loopback only.
"""
import argparse
import json
import os
import sys
import unicodedata
import urllib.request


def key(name):
    folded = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def seen(dirs):
    keys = set()
    for dir_ in dirs:
        for root, _, files in os.walk(dir_):
            for file in files:
                if file.endswith(".txt"):
                    with open(os.path.join(root, file), encoding="utf-8") as f:
                        keys.update(key(line) for line in f if line.strip())
    return keys


def read(dir_):
    lists = {}
    for file in sorted(os.listdir(dir_)):
        if file.endswith(".txt"):
            with open(os.path.join(dir_, file), encoding="utf-8") as f:
                names = [line.strip() for line in f if line.strip()]
            if names:
                lists[file[:-4]] = names
    return lists


def predict(url, names, prior):
    answers = []
    for start in range(0, len(names), 500):
        body = {"names": names[start:start + 500], "top": 3}
        if prior:
            body["prior"] = prior
        request = urllib.request.Request(url + "/predict", data=json.dumps(body).encode("utf-8"),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                answers += json.load(response)["results"]
        except urllib.error.HTTPError as e:
            # a batch with one name the model cannot read is refused whole: score its names one by one
            if e.code != 400 or len(body["names"]) == 1:
                answers += [None] * len(body["names"])
                continue
            for name in body["names"]:
                answers += predict(url, [name], prior)
    return answers


def auroc(positives, negatives):
    """Probability that a random positive scores above a random negative (ties count half)."""
    scored = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # mean 1-based rank of the tied run
        rank_sum += mid * sum(1 for k in range(i, j) if scored[k][1] == 1)
        i = j
    p, n = len(positives), len(negatives)
    return (rank_sum - p * (p + 1) / 2) / (p * n)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--prior")
    parser.add_argument("--known", action="append", default=[])
    parser.add_argument("--other", action="append", default=[])
    parser.add_argument("--exclude", action="append", default=[])
    parser.add_argument("--dump", help="write every scored name's side (known/other), list and unknownScore here")
    args = parser.parse_args()
    trained = seen(args.exclude)
    rows = []
    known_scores, refused = [], 0
    for dir_ in args.known:
        total = top1 = top3 = 0
        per_origin = []
        for origin, names in read(dir_).items():
            names = [n for n in names if key(n) not in trained]
            if not names:
                continue
            answers = predict(args.url, names, args.prior)
            hits1 = hits3 = 0
            for answer in answers:
                if answer is None:
                    refused += 1
                    continue
                guesses = [p["origin"] for p in answer["predictions"]]
                hits1 += guesses[0] == origin
                hits3 += origin in guesses
                if "unknownScore" in answer:
                    known_scores.append((answer["unknownScore"], answer["unknown"]))
                    rows.append(("known", f"{os.path.basename(dir_)}/{origin}", answer["unknownScore"]))
            per_origin.append((origin, len(names), hits1 / len(names), hits3 / len(names)))
            total += len(names)
            top1 += hits1
            top3 += hits3
        print(f"known {dir_}: {total} names, top-1 {top1 / total:.3f}, top-3 {top3 / total:.3f}; mean of "
              f"origins top-1 {sum(o[2] for o in per_origin) / len(per_origin):.3f}, "
              f"top-3 {sum(o[3] for o in per_origin) / len(per_origin):.3f}")
        print("  " + ", ".join(f"{o} {t1:.2f} ({n})" for o, n, t1, _ in per_origin))
    other_scores = []
    for dir_ in args.other:
        for language, names in read(dir_).items():
            answers = [a for a in predict(args.url, names, args.prior) if a is not None and "unknownScore" in a]
            if not answers:
                continue
            scores = [a["unknownScore"] for a in answers]
            other_scores += [(a["unknownScore"], a["unknown"]) for a in answers]
            rows.extend(("other", f"{os.path.basename(dir_)}/{language}", a["unknownScore"]) for a in answers)
            line = f"  other {os.path.basename(dir_)}/{language}: {len(answers)} names, flagged " \
                   f"{sum(a['unknown'] for a in answers) / len(answers):.2f}"
            if known_scores:
                line += f", AUROC {auroc(scores, [s for s, _ in known_scores]):.3f}"
            print(line)
    if other_scores and known_scores:
        print(f"unknown: AUROC {auroc([s for s, _ in other_scores], [s for s, _ in known_scores]):.3f} over "
              f"{len(other_scores)} other-language and {len(known_scores)} known-origin names; flagged "
              f"{sum(u for _, u in other_scores) / len(other_scores):.3f} of the other-language names and "
              f"{sum(u for _, u in known_scores) / len(known_scores):.3f} of the known-origin ones")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            f.writelines(f"{side}\t{list_}\t{score}\n" for side, list_, score in rows)
    if refused:
        print(f"{refused} known-origin names were refused (400)", file=sys.stderr)


if __name__ == "__main__":
    main()
