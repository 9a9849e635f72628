#!/usr/bin/env python3
"""Turn reprint's pairs of document ids into pairs of docs.jsonl line numbers.

Usage: ids_to_lines.py DOCS_JSONL PAIRS_IN PAIRS_OUT
  DOCS_JSONL  one JSON object per line with an "id" field
  PAIRS_IN    reprint --pairs output: "id_a<TAB>id_b[<TAB>...]" per line
  PAIRS_OUT   the same lines with id_a and id_b replaced by their 0-based line
              numbers in DOCS_JSONL (what ../shared/peers/evaluate.py reads);
              the other fields are kept. "-" writes to stdout.
Ids that are not in DOCS_JSONL stop the conversion (exit 1). Standard library
only.
"""
import json
import sys


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    docs, pairs_in, pairs_out = sys.argv[1:]
    line_of = {}
    dup = 0
    with open(docs, encoding="utf-8") as f:
        for i, line in enumerate(f):
            v = json.loads(line).get("id")
            key = v if isinstance(v, str) else json.dumps(v)
            if key in line_of:
                dup += 1
                continue
            line_of[key] = i
    if dup:
        sys.stderr.write("ids_to_lines: %d repeated ids in %s; the first line "
                         "of each is used\n" % (dup, docs))
    out = sys.stdout if pairs_out == "-" else open(pairs_out, "w", encoding="utf-8")
    n = 0
    with open(pairs_in, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                sys.stderr.write("ids_to_lines: %s:%d: fewer than two fields\n"
                                 % (pairs_in, n))
                return 1
            try:
                fields[0] = str(line_of[fields[0]])
                fields[1] = str(line_of[fields[1]])
            except KeyError as e:
                sys.stderr.write("ids_to_lines: %s:%d: id %s is not in %s\n"
                                 % (pairs_in, n, e, docs))
                return 1
            out.write("\t".join(fields) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
