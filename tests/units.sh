# Sourced by tests/run.sh and tests/valgrind.sh: run_units LABEL BUILD_DIR
# [WRAPPER...] runs every cmocka binary BUILD_DIR/tests/test_* (under
# WRAPPER when given), prints a line per binary (the whole log when it
# failed) and adds to $passed and $failed. A binary that exits non-zero
# fails even when cmocka said PASSED (a sanitizer or valgrind report, a
# crash). Needs $log, a scratch file.
run_units() {
  label=$1; dir=$2; shift 2
  for t in "$dir"/tests/test_*; do
    [ -x "$t" ] || continue
    if "$@" "$t" >"$log" 2>&1; then status=0; else status=$?; fi
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; p=0; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then cat "$log"; echo "FAILED: $t"; else echo "$label $(basename "$t"): $p passed"; fi
  done
}
