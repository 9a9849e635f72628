#!/bin/sh
# The shipped library's boundary: the shared library exports exactly the
# functions that include/reprint.h marks RP_API, and nothing else (no rp__
# internals, no test hooks); neither it nor the static library holds the
# allocation-failure hook of the test builds (RP_FAULT_INJECTION).
# Usage: LIBSO=build/libreprint.so LIBA=build/libreprint.a sh tests/cli/exports.sh
set -u
so=${LIBSO:-build/libreprint.so}
lib_a=${LIBA:-build/libreprint.a}
if ! command -v nm >/dev/null 2>&1; then
  echo "skip: nm not found (binutils)"; exit 0
fi
if [ ! -f "$so" ]; then
  echo "not ok - $so not built"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# defined text and data symbols the dynamic table exports
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVWi]$/ {print $3}' | sort -u >"$tmp/exported"
sed -n 's/^RP_API .*[ *]\(rp_[a-z0-9_]*\)(.*/\1/p' include/reprint.h | sort -u >"$tmp/declared"

other=$(grep -v '^rp_' "$tmp/exported" | grep -v '^_' | head -5 | tr '\n' ' ')
if [ -z "$other" ]; then echo "ok - only rp_ names exported"
else echo "not ok - exported beyond rp_: $other"; fi

internal=$(grep '^rp__' "$tmp/exported" | head -5 | tr '\n' ' ')
if [ -z "$internal" ]; then echo "ok - no rp__ internal exported"
else echo "not ok - internals exported: $internal"; fi

missing=$(comm -23 "$tmp/declared" "$tmp/exported" | tr '\n' ' ')
if [ -z "$missing" ]; then echo "ok - every RP_API function exported ($(wc -l <"$tmp/declared"))"
else echo "not ok - declared but not exported: $missing"; fi

extra=$(grep '^rp_' "$tmp/exported" | grep -v '^rp__' | comm -13 "$tmp/declared" - | tr '\n' ' ')
if [ -z "$extra" ]; then echo "ok - nothing exported that the header does not declare"
else echo "not ok - exported but not in reprint.h: $extra"; fi

# the test hooks (status.c, script.c) are compiled only with
# RP_FAULT_INJECTION: every symbol, local ones too, of both libraries
for lib in "$lib_a" "$so"; do
  if [ ! -f "$lib" ]; then echo "not ok - $lib not built"; continue; fi
  hooks=$(nm "$lib" 2>/dev/null | grep -E 'alloc_fail|fail_countdown|t2s_table_drop' | awk '{print $NF}' | sort -u | tr '\n' ' ')
  if [ -z "$hooks" ]; then echo "ok - no fault-injection symbol in $(basename "$lib")"
  else echo "not ok - fault-injection symbols in $lib: $hooks"; fi
done
