#!/bin/sh
# The unit tests, built without sanitizers in BUILD_DIR, under valgrind:
# any memory error or leak fails the binary. Ends with one line
# "N passed, N failed" and exits non-zero when anything failed.
# Usage: tests/valgrind.sh BUILD_DIR
set -u
B=${1:-build/vg}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$B"/tests/test_*; do
  [ -x "$t" ] || continue
  if valgrind -q --error-exitcode=99 --leak-check=full --suppressions=tests/valgrind.supp \
       --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
       "$t" >"$log" 2>&1; then status=0; else status=$?; fi
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
  p=${p:-0}; f=${f:-0}
  # a valgrind error (99) or a crash fails the binary even if cmocka passed
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; p=0; fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" -ne 0 ]; then cat "$log"; echo "FAILED: $t"; else echo "valgrind $(basename "$t"): $p passed"; fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
