#!/bin/sh
# make bench: throughput per stage, one core and two, on corpora generated
# here from a fixed seed (bench/bench_sign.c), and the whole CLI end to end.
# Prints a Markdown report (also saved in bench/out/) to paste into
# bench/README.md with the date, commit and machine it shows.
# Usage: bench/run.sh BUILD_DIR [MB]
set -eu
# shellcheck source=bench/common.sh
. bench/common.sh
B=${1:-build}
MB=${2:-20}
OUT=bench/out
mkdir -p "$OUT"
report="$OUT/report-$(date -u +%Y%m%d-%H%M%S).md"
{
  heading ""
  echo
  echo '```'
  "$B/bench_sign" --mb "$MB" --lang en --runs 5
  echo
  "$B/bench_sign" --mb "$MB" --lang zh --runs 5
  echo '```'
  echo
  "$B/bench_sign" --mb "$MB" --lang en --runs 1 --write-corpus "$OUT/en.jsonl" >/dev/null
  echo "CLI end to end on the same English corpus as JSONL ($(du -m "$OUT/en.jsonl" | cut -f1) MB),"
  echo "\`reprint scan --containment 0 en.jsonl --pairs p.tsv --clusters c.tsv --stats\`,"
  echo "median of 3 (containment off: every page of a 200-word vocabulary contains"
  echo "the others' 4-grams):"
  echo
  echo '```'
  for j in 1 2; do
    for k in 1 2 3; do
      if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "wall %e s, peak RSS %M KB" ./reprint scan -q -j $j --stats \
          --containment 0 --pairs "$OUT/p.tsv" --clusters "$OUT/c.tsv" "$OUT/en.jsonl" \
          2>"$OUT/run-$j-$k.txt"
      else
        ./reprint scan -q -j $j --stats --containment 0 --pairs "$OUT/p.tsv" \
          --clusters "$OUT/c.tsv" "$OUT/en.jsonl" 2>"$OUT/run-$j-$k.txt"
      fi
    done
    # the run with the median total
    med=$(for k in 1 2 3; do echo "$(sed -n 's/.*run total (wall) *\([0-9.]*\) s.*/\1/p' "$OUT/run-$j-$k.txt") $k"; done \
          | sort -n | sed -n 2p | cut -d' ' -f2)
    echo "-j $j:"
    cat "$OUT/run-$j-$med.txt"
  done
  echo '```'
  SYND=../shared/bench/synd-dev/pages
  if [ -d "$SYND" ]; then
    echo
    echo "Real pages with every default (charset detection, furniture rules,"
    echo "learned boilerplate, containment): synd-dev, 8,377 pages, one run, -j 2:"
    echo
    echo '```'
    /usr/bin/time -f "wall %e s, peak RSS %M KB" ./reprint scan -q --stats \
      --id-from basename --clusters "$OUT/c.tsv" "$SYND" 2>&1
    echo '```'
  fi
} | tee "$report"
rm -f "$OUT/en.jsonl" "$OUT/p.tsv" "$OUT/c.tsv"
echo "(saved in $report)" >&2
