#!/bin/sh
# Run every test: the cmocka unit tests, the CLI cases (tests/cli/run_cli.sh
# and the hostile inputs of tests/cli/hostile.sh) and the fuzz corpus
# replay, all built with ASan + UBSan in BUILD_DIR. Ends with one line
# "N passed, N failed" and exits non-zero when anything failed.
# Usage: tests/run.sh BUILD_DIR
set -u
B=${1:-build/asan}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

. tests/units.sh
run_units unit "$B"

for s in run_cli hostile exports; do
  if REPRINT="$B/reprint" sh "tests/cli/$s.sh" >"$log" 2>&1; then :; fi
  p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
  grep -v '^ok ' "$log"
  echo "cli $s: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
done

if "$B/fuzz_replay" tests/fuzz/corpus >"$log" 2>&1; then status=0; else status=$?; fi
cat "$log"
p=$(grep -c ': ok' "$log"); f=$(grep -c ': FAILED' "$log")
# a crash stops the replay: the target it was in fails
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAILED: fuzz replay crashed"; fi
passed=$((passed + p)); failed=$((failed + f))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
