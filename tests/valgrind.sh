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
. tests/units.sh
run_units valgrind "$B" valgrind -q --error-exitcode=99 --leak-check=full \
  --suppressions=tests/valgrind.supp --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
