#!/bin/sh
# Hostile inputs, each a case: reprint must not crash, must exit 0, and
# every input document must come out, in --clusters or, with its reason,
# in --skipped (documents in = documents out). Same "ok"/"not ok" lines
# as run_cli.sh. REPRINT names the binary.
set -u
R=${REPRINT:-./reprint}
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

ok() { echo "ok - $1"; }
bad() { echo "not ok - $1: $2"; }

# scan NAME IN_COUNT PATH... : scan, then check exit 0 and that the
# clusters and the skipped list together hold IN_COUNT rows
scan() {
  name=$1; want=$2; shift 2
  rm -f "$T/c.tsv" "$T/s.tsv"
  "$R" scan -q --clusters "$T/c.tsv" --skipped "$T/s.tsv" "$@" >"$T/out" 2>"$T/err"
  got=$?
  if [ "$got" -ne 0 ]; then
    bad "$name" "exit $got; stderr: $(head -c 300 "$T/err")"
    return 1
  fi
  c=$(wc -l <"$T/c.tsv"); s=$(wc -l <"$T/s.tsv")
  if [ $((c + s)) -eq "$want" ]; then
    ok "$name ($c out, $s skipped)"
    return 0
  fi
  bad "$name" "$want in, $c in clusters + $s skipped"
  return 1
}
# skipped_has NAME PATTERN: the last --skipped list names the reason
skipped_has() {
  if grep -q -- "$2" "$T/s.tsv"; then ok "$1"; else bad "$1" "no '$2' in $(head -c 300 "$T/s.tsv")"; fi
}

# --- files that are not text ------------------------------------------------
D=$T/files
mkdir -p "$D"
: >"$D/empty.txt"
head -c 4096 /dev/urandom >"$D/binary.bin"
head -c 4096 /dev/zero >"$D/nuls.txt"
# invalid UTF-8 at every position class: first byte, middle, last byte, a
# sequence cut by the end, a stray continuation byte, overlong forms, an
# encoded surrogate, a code point past U+10FFFF, bytes that never occur
printf '\377start of the text is broken\n' >"$D/bad-first.txt"
printf 'the middle \303\050 is broken here\n' >"$D/bad-middle.txt"
printf 'the last byte is broken \377' >"$D/bad-last.txt"
printf 'a sequence cut by the end \342\202' >"$D/bad-cut.txt"
printf 'a stray \200 continuation byte\n' >"$D/bad-stray.txt"
printf 'overlong \300\257 and \340\200\257 forms\n' >"$D/bad-overlong.txt"
printf 'an encoded surrogate \355\240\200 here\n' >"$D/bad-surrogate.txt"
printf 'past the last code point \364\220\200\200\n' >"$D/bad-toobig.txt"
printf 'bytes that never occur \376\377\n' >"$D/bad-never.txt"
# UTF-16 with lone surrogates, both byte orders, and a cut last unit
printf '\377\376A\000\000\330B\000\000\334C\000' >"$D/utf16le.txt"
printf '\376\377\000A\330\000\000B\334\000\000C\000' >"$D/utf16be.txt"
printf '\377\376A\000B' >"$D/utf16-cut.txt"
# line ends
printf 'first line\r\nsecond line\r\n' >"$D/crlf.txt"
printf 'first line\rsecond line\r' >"$D/cr.txt"
printf 'no line end at all' >"$D/no-eol.txt"
# a directory that loops back, a dangling link, an unreadable file
mkdir -p "$D/loop"
ln -s .. "$D/loop/up"
ln -s nowhere "$D/dangling.txt"
echo "a page nobody may read" >"$D/unreadable.txt"
chmod 000 "$D/unreadable.txt"
n=$(find "$D" \( -type f -o -type l \) ! -path '*/loop/*' | wc -l)
scan not-text "$n" "$D" && skipped_has dangling-link-listed 'dangling.txt'
grep -q 'directory loop' "$T/err" 2>/dev/null || "$R" scan "$D" >/dev/null 2>"$T/err"
if grep -q 'directory loop' "$T/err"; then ok symlink-loop-reported; else bad symlink-loop-reported "$(head -c 300 "$T/err")"; fi
if [ "$(id -u)" != 0 ]; then
  skipped_has unreadable-listed 'unreadable.txt'
fi
chmod 644 "$D/unreadable.txt"

# --- a 1 GiB single line ------------------------------------------------------
# as a file (sparse: no disk used): over the document cap, skipped unread
truncate -s 1G "$T/huge.txt"
scan huge-file 1 "$T/huge.txt" && skipped_has huge-file-reason 'max-doc-bytes'
rm -f "$T/huge.txt"
# as a JSONL line on stdin: over the line cap, skipped while streaming
{
  printf '{"id":"huge","text":"'
  head -c 1073741824 /dev/zero | tr '\0' 'a'
  printf '"}\n{"id":"after","text":"the line after the huge one"}\n'
} | {
  rm -f "$T/c.tsv" "$T/s.tsv"
  "$R" scan -q --jsonl --clusters "$T/c.tsv" --skipped "$T/s.tsv" - >/dev/null 2>"$T/err"
  echo $? >"$T/rc"
}
if [ "$(cat "$T/rc")" = 0 ] && grep -q '^after' "$T/c.tsv" && grep -q 'max-line-bytes' "$T/s.tsv"; then
  ok huge-jsonl-line
else
  bad huge-jsonl-line "exit $(cat "$T/rc"); $(head -c 300 "$T/err")"
fi

# --- JSON that is hostile -----------------------------------------------------
python3 - "$T/h.jsonl" <<'PY'
import sys
lines = [
    '{"id":"deep","text":"x","n":' + '[' * 100000 + ']' * 100000 + '}',
    '{"id":"deep-ok","text":"nested but fine","n":' + '[' * 50 + ']' * 50 + '}',
    '{"id":"huge-numbers","text":"numbers","a":1e999999,"b":-123456789012345678901234567890.5e-99999}',
    '{"id":"dup","text":"the first text","text":"the second text wins","id":"dup2"}',
    '{"id":"nul","text":"before\\u0000after and \\u0000\\u0000 more"}',
    '{"id":"no-text","body":"the text field is missing"}',
    '{"id":"text-null","text":null}',
    '{"id":"text-number","text":123456}',
    '{"id":"text-object","text":{"a":"b"}}',
    '{"id":"unterminated","text":"never closed}',
    '{"id":"trailing","text":"ok"} trailing garbage',
    '{"id":"crlf","text":"a line ending in CR LF"}\r',
    '',
    '   ',
    '[1, 2, 3]',
    '"just a string"',
    '{"id":"lone-surrogates","text":"\\ud800 and \\udc00 alone"}',
    '{"id":"bad-escape","text":"\\x41"}',
    '{"id":"control","text":"a raw\ttab"}',
    '{"id":' + '9' * 5000 + ',"text":"an id that is a huge number"}',
    '{"text":"no id at all"}',
    '{"id":"","text":"an empty id"}',
    '{"id":"empty-text","text":""}',
]
with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
    f.buffer.write(b'{"id":"bad-utf8","text":"\xff\xfe\xc3"}\n')
PY
# blank lines are not documents: 24 lines, 2 blank
scan hostile-json 22 "$T/h.jsonl" && skipped_has deep-nesting-listed 'nesting too deep' && skipped_has no-text-listed 'no-text'

# --- a file that changes while it is read --------------------------------------
# a /proc file: its size says 0, reading gives text
if [ -r /proc/self/status ]; then
  scan proc-file 1 /proc/self/status && grep -q . "$T/c.tsv" && ok proc-file-read || bad proc-file-read "not read"
fi
# a file that grows while reprint reads it
: >"$T/grow.txt"
( i=0; while [ $i -lt 20000 ]; do echo "growing line $i of a page being written"; i=$((i + 1)); done >>"$T/grow.txt" ) &
gp=$!
scan growing-file 1 "$T/grow.txt"
wait $gp

# --- many documents, one giant bucket ----------------------------------------
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"id\":\"t%d\",\"text\":\"tiny %d\"}\n", i, i }' >"$T/tiny.jsonl"
scan tiny-100000 100000 "$T/tiny.jsonl"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "{\"id\":\"r%d\",\"text\":\"the same story, carried word for word by every outlet in the land\"}\n", i }' >"$T/same.jsonl"
if scan repeated-10000 10000 "$T/same.jsonl"; then
  if [ "$(cut -f2 "$T/c.tsv" | sort -u | wc -l)" -eq 1 ]; then ok repeated-one-cluster; else bad repeated-one-cluster "$(cut -f2 "$T/c.tsv" | sort -u | wc -l) clusters"; fi
fi
# near copies in one LSH bucket past its cap: still every document out
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "{\"id\":\"n%d\",\"text\":\"the same story, carried by every outlet in the land, copy %d\"}\n", i, i }' >"$T/near.jsonl"
scan bucket-cap 3000 --bucket-cap 100 "$T/near.jsonl"
"$R" scan --bucket-cap 100 "$T/near.jsonl" >"$T/out" 2>&1
if grep -q "over --bucket-cap.*among them 'n" "$T/out"; then ok bucket-cap-named; else bad bucket-cap-named "$(grep note "$T/out")"; fi
# a memory budget: the documents past it are skipped, each with its reason
scan memory-budget 3000 --max-memory 1M "$T/near.jsonl" && skipped_has memory-budget-reason 'memory budget'
[ "$(wc -l <"$T/s.tsv")" -gt 0 ] && ok memory-budget-skips || bad memory-budget-skips "nothing skipped under 1M"

# --- a real corpus: every page in, every page out ------------------------------
SYND=../shared/bench/synd-dev/pages
if [ -d "$SYND" ]; then
  scan synd-dev-pages "$(ls "$SYND" | wc -l)" --id-from basename "$SYND"
else
  echo "skip - synd-dev (no ../shared)"
fi
exit 0
