#!/bin/sh
# Fuzz one target with libFuzzer for a while, then keep what it found:
# the inputs that add coverage are merged into tests/fuzz/corpus/TARGET
# (which make test replays), a crash is saved there too (finding-*) and the script
# fails. Needs `make fuzz` first (clang).
# Usage: tests/fuzz/run.sh TARGET SECONDS [WORK_DIR]
set -eu
t=$1
secs=$2
work=${3:-build/fuzz/work}
bin=build/fuzz/fuzz_$t
keep=tests/fuzz/corpus/$t
[ -x "$bin" ] || { echo "no $bin: run make fuzz" >&2; exit 2; }
mkdir -p "$work/$t" "$work/$t-crash" "$keep"
cp "$keep"/* "$work/$t/" 2>/dev/null || true
log="$work/$t.log"
status=0
"$bin" -max_total_time="$secs" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096 \
  -artifact_prefix="$work/$t-crash/" "$work/$t" >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+ +(DONE|pulse)|^Done|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added' "$log" | tail -5
grep -E 'cov: [0-9]+' "$log" | tail -1 | sed 's/.*\(cov: [0-9]* ft: [0-9]* corp: [^ ]*\).*/\1/'
for c in "$work/$t-crash"/*; do
  [ -e "$c" ] || continue
  cp "$c" "$keep/finding-$(basename "$c" | sed 's/^[a-z]*-//' | cut -c1-16)"
  echo "finding kept: $keep/finding-$(basename "$c" | sed 's/^[a-z]*-//' | cut -c1-16)"
  status=1
done
# the smallest set of inputs with the same coverage, into the kept corpus
"$bin" -merge=1 "$keep" "$work/$t" >"$work/$t-merge.log" 2>&1 || true
echo "$t: corpus $(ls "$keep" | wc -l) files"
exit $status
