#!/usr/bin/env python3
"""Score what reprint says of each page against a synd-dev style dataset.

Usage: bench/score_reprints.py DATA_DIR CLUSTERS_JSONL

DATA_DIR is a dataset of ../shared/bench (details.tsv: id, outlet, datetime,
kind, parent, declared per page). CLUSTERS_JSONL is the output of
`reprint scan --format jsonl --clusters FILE` on its pages, with the ids
the dataset uses (`--id-from basename`).

Reports, over the pages whose story has at least two pages:
  kind      share of reprints whose kind (full, excerpt, edited) is right,
            and the confusion table
  declared  share of reprints whose declared flag is right
  both      share with kind and declared both right
  parent    share of reprints whose named parent is the page they copied
  date      share of all pages whose page_date has the right day, and the
            right minute where the dataset gives one
A page reprint calls an origin, or leaves alone as a singleton, counts as
wrong for kind and declared when the dataset calls it a reprint.
"""
import collections
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    data, pred_path = sys.argv[1], sys.argv[2]
    truth = {}
    with open(os.path.join(data, "details.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            truth[row["id"]] = row
    pred = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            pred[d["id"]] = d
    story_size = collections.Counter(t["story"] for t in truth.values())

    n = kind_ok = decl_ok = both_ok = par_ok = 0
    confusion = collections.Counter()
    day_ok = minute_n = minute_ok = 0
    for i, t in truth.items():
        p = pred.get(i, {})
        when = p.get("page_date", "")
        day_ok += when[:10] == t["datetime"][:10]
        if len(t["datetime"]) >= 16:
            minute_n += 1
            # the clock the page printed; a zone it named ("Z",
            # "+08:00") follows
            minute_ok += when[:16] == t["datetime"][:16]
        if t["kind"] == "original" or story_size[t["story"]] < 2:
            continue
        n += 1
        kind = p.get("kind", "none")
        declared = "yes" if p.get("declared") else "no"
        confusion[(t["kind"], kind)] += 1
        k = kind == t["kind"]
        d = declared == t["declared"]
        kind_ok += k
        decl_ok += d
        both_ok += k and d
        par_ok += p.get("parent", "") == t["parent"]
    print(f"reprints {n}")
    print(f"kind     {kind_ok / n:.4f}")
    print(f"declared {decl_ok / n:.4f}")
    print(f"both     {both_ok / n:.4f}")
    print(f"parent   {par_ok / n:.4f}")
    print(f"date     day {day_ok / len(truth):.4f}, minute "
          f"{minute_ok / max(minute_n, 1):.4f} of {minute_n}")
    print("kind confusion (truth -> said):")
    for (a, b), c in sorted(confusion.items()):
        print(f"  {a:8} -> {b:8} {c}")


if __name__ == "__main__":
    main()
