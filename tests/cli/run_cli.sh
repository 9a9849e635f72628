#!/bin/sh
# CLI cases for the reprint command. Each case prints "ok - NAME" or
# "not ok - NAME" with what went wrong. REPRINT names the binary.
# Cases that need ../shared (the seed page, the benchmarks) skip without it.
set -u
R=${REPRINT:-./reprint}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DATA=data/samples

ok() { echo "ok - $1"; }
bad() { echo "not ok - $1: $2"; }
# expect NAME WANT_EXIT CMD...: run, keep stdout/stderr in $T/out $T/err
expect() {
  name=$1; want=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; return 0; fi
  bad "$name" "exit $got, wanted $want; stderr: $(head -c 300 "$T/err")"
  return 1
}
has() { # has NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then ok "$1"; else bad "$1" "no '$3' in $(head -c 300 "$2")"; fi
}

# --- version, help, usage errors -------------------------------------------
expect version 0 "$R" --version && has version-text "$T/out" '^reprint [0-9]'
expect help 0 "$R" --help && has help-lists-scan "$T/out" 'scan'
for c in scan compare sign; do
  expect "help-$c" 0 "$R" "$c" --help && has "help-$c-text" "$T/out" "usage: reprint $c"
done
expect no-command 2 "$R"
expect unknown-command 2 "$R" frobnicate && has unknown-command-msg "$T/err" "unknown command 'frobnicate'"
expect scan-no-path 2 "$R" scan
expect bad-threshold 2 "$R" scan --threshold 1.5 "$DATA" && has bad-threshold-msg "$T/err" "threshold"
expect bad-ngram 2 "$R" scan --ngram 0 "$DATA"
expect bad-perms 2 "$R" scan --perms 5000 "$DATA"
expect bad-norm 2 "$R" scan --norm nfc "$DATA"
expect bad-bands 2 "$R" scan --bands 30 --rows 6 "$DATA" && has bad-bands-msg "$T/err" "perms"
expect bad-option 2 "$R" scan --no-such-option "$DATA"

# --- the shipped sample: clusters match its truth ----------------------------
SAMPLE_OPTS=""
expect sample-scan 0 "$R" scan $SAMPLE_OPTS --clusters "$T/c.tsv" "$DATA" && has sample-summary "$T/out" 'clusters: 4 with 2 or more'
# same partition as data/samples-truth.tsv: pairs of documents agree
if python3 - "$T/c.tsv" data/samples-truth.tsv <<'PY'
import sys, itertools
pred = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
truth = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
assert set(pred) == set(truth), (set(pred) ^ set(truth))
for a, b in itertools.combinations(sorted(truth), 2):
    assert (pred[a] == pred[b]) == (truth[a] == truth[b]), (a, b)
PY
then ok sample-clusters-match-truth; else bad sample-clusters-match-truth "partition differs"; fi

# --- syndication: origins, report, outlet graph -----------------------------
# data/README.md names each republished story's origin outlet
expect origins 0 "$R" scan $SAMPLE_OPTS -q --clusters "$T/oc.tsv" --origins "$T/o.tsv" --report "$T/rep.txt" --outlets "$T/out.tsv" --graph "$T/g.dot" --graph-min-stories 1 --format jsonl "$DATA"
if python3 - "$T/oc.tsv" "$T/o.tsv" data/samples-truth.tsv <<'PY'
import sys, json, collections
docs = [json.loads(l) for l in open(sys.argv[1])]
origins = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
truth = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[3]))
want = {"zh-bridge": "lanzhou-daily/", "zh-battery": "jinchao-finance/",
        "en-ferry": "meridian-wire/", "en-outage": "byteline/"}
by_cluster = collections.defaultdict(list)
for d in docs:
    by_cluster[str(d["cluster"])].append(d)
# every cluster has one line, naming one of its own documents
assert set(origins) == set(by_cluster), (set(origins) ^ set(by_cluster))
for c, o in origins.items():
    assert o in {d["id"] for d in by_cluster[c]}, (c, o)
for d in docs:
    story = truth[d["id"]]
    if story in want:
        assert origins[str(d["cluster"])].startswith(want[story]), (story, origins[str(d["cluster"])])
        assert d["kind"] in ("original", "full", "excerpt", "edited"), d
        assert (d["kind"] == "original") == (d["id"] == d["origin"]), d
    else:
        assert d["kind"] == "single", d
PY
then ok origins-match-data-readme; else bad origins-match-data-readme "an origin or a kind differs"; fi
has report-outlets "$T/rep.txt" 'first to publish'
has report-story "$T/rep.txt" '^  original meridian-wire/gullstrand-electric-ferries.txt  Meridian Wire'
has report-lag "$T/rep.txt" 'byteline/gullstrand-battery-ferries.txt  Byteline  2026-03-13 08:05  +17h 59m'
has outlets-header "$T/out.tsv" '^from_outlet	to_outlet	stories	reprints	median_lag_minutes	undeclared_share$'
awk -F'\t' 'NF != 6 { exit 1 }' "$T/out.tsv" && ok outlets-columns || bad outlets-columns "$(head -3 "$T/out.tsv")"
has graph-digraph "$T/g.dot" '^digraph outlets {'
has graph-edge "$T/g.dot" '"金潮财经" -> '
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg "$T/g.dot" >"$T/g.svg" 2>"$T/dot.err" && ok graph-renders || bad graph-renders "$(head -c 300 "$T/dot.err")"
else
  echo "ok - graph-renders # SKIP no graphviz"
fi
expect bad-graph-top 2 "$R" scan --graph-top x "$DATA" && has bad-graph-top-msg "$T/err" 'graph-top'
# plain-text mode: no syndication unless an output asks for it or --syndicate
expect synd-off-lower-space 0 "$R" scan -q --norm lower-space --format jsonl --clusters "$T/ls.jsonl" "$DATA"
if grep -q '"kind"' "$T/ls.jsonl"; then bad synd-off-no-kind "kind written without syndication"; else ok synd-off-no-kind; fi
expect synd-on-lower-space 0 "$R" scan -q --norm lower-space --syndicate --format jsonl --clusters "$T/ls2.jsonl" "$DATA" && has synd-on-kind "$T/ls2.jsonl" '"kind":"single"'
expect synd-no-syndicate 0 "$R" scan -q --no-syndicate --format jsonl --clusters "$T/ns.jsonl" "$DATA"
if grep -q '"kind"' "$T/ns.jsonl"; then bad synd-no-syndicate-no-kind "kind written"; else ok synd-no-syndicate-no-kind; fi

# every document listed once; pairs have six columns; keep + remove partition
n=$(find "$DATA" -type f | wc -l)
[ "$(wc -l <"$T/c.tsv")" -eq "$n" ] && ok clusters-every-doc || bad clusters-every-doc "$(wc -l <"$T/c.tsv") lines for $n docs"
expect pairs 0 "$R" scan $SAMPLE_OPTS -q --pairs "$T/p.tsv" --keep "$T/k" --remove "$T/r" "$DATA"
awk -F'\t' 'NF != 6 { exit 1 } $3 < 0 || $3 > 1 { exit 1 }' "$T/p.tsv" && [ -s "$T/p.tsv" ] && ok pairs-columns || bad pairs-columns "$(head -2 "$T/p.tsv")"
expect pair-fields-ids 0 "$R" scan $SAMPLE_OPTS -q --pair-fields ids --pairs "$T/pi.tsv" "$DATA"
cut -f1,2 "$T/p.tsv" | cmp -s - "$T/pi.tsv" && ok pair-fields-ids-same || bad pair-fields-ids-same "$(head -2 "$T/pi.tsv")"
"$R" scan $SAMPLE_OPTS -q -j 2 --pairs - "$DATA" | cmp -s - "$T/p.tsv" && ok pairs-stdout-same || bad pairs-stdout-same "pairs on stdout differ from the file"
# small buckets left out: with containment the MinHash values are then compared, not counted
expect bucket-cap-containment 0 "$R" scan $SAMPLE_OPTS --bucket-cap 2 --containment 0.6 --clusters "$T/bc.tsv" "$DATA" && has bucket-cap-noted "$T/out" 'over --bucket-cap' && [ "$(wc -l <"$T/bc.tsv")" -eq "$n" ] && ok bucket-cap-every-doc || bad bucket-cap-every-doc "$(wc -l <"$T/bc.tsv") lines"
expect explain-params 0 "$R" scan --explain-params --norm lower-space --ngram 5 && has explain-params-shape "$T/out" '21 bands x 6 rows' && has explain-params-curve "$T/out" '0.80  0.998312'
expect bad-pair-fields 2 "$R" scan --pair-fields some "$DATA" && has bad-pair-fields-msg "$T/err" "pair-fields"
[ "$(cat "$T/k" "$T/r" | sort | uniq | wc -l)" -eq "$n" ] && [ "$(wc -l <"$T/k")" -eq 11 ] && ok keep-remove-partition || bad keep-remove-partition "keep $(wc -l <"$T/k")"
[ ! -s "$T/out" ] && ok quiet || bad quiet "stdout not empty"

# jsonl formats parse back
expect jsonl-out 0 "$R" scan $SAMPLE_OPTS -q --format jsonl --clusters "$T/c.jsonl" --pairs "$T/p.jsonl" "$DATA"
python3 -c "
import json,sys
c=[json.loads(l) for l in open('$T/c.jsonl')]
p=[json.loads(l) for l in open('$T/p.jsonl')]
assert len(c)==$n and all('cluster' in x and 'flags' in x for x in c)
assert p and all(0<=x['jaccard']<=1 for x in p)
" && ok jsonl-parses || bad jsonl-parses "bad JSON"

# --- determinism: threads and input order ------------------------------------
"$R" scan $SAMPLE_OPTS -q -j 1 --pairs "$T/p1" --clusters "$T/c1" "$DATA"
"$R" scan $SAMPLE_OPTS -q -j 4 --pairs "$T/p4" --clusters "$T/c4" "$DATA"
cmp -s "$T/p1" "$T/p4" && cmp -s "$T/c1" "$T/c4" && ok threads-identical || bad threads-identical "outputs differ"
# the same documents as JSONL, in two line orders
python3 - "$DATA" "$T/a.jsonl" "$T/b.jsonl" <<'PY'
import json, os, sys
docs = []
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(root, f)
        docs.append({"id": os.path.relpath(p, sys.argv[1]), "text": open(p, encoding="utf-8").read()})
docs.sort(key=lambda d: d["id"])
with open(sys.argv[2], "w") as a:
    for d in docs: a.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(sys.argv[3], "w") as b:
    for d in reversed(docs): b.write(json.dumps(d) + "\n")
PY
"$R" scan $SAMPLE_OPTS -q --pairs "$T/pa" --clusters "$T/ca" "$T/a.jsonl"
"$R" scan $SAMPLE_OPTS -q --pairs "$T/pb" --clusters "$T/cb" "$T/b.jsonl"
cmp -s "$T/pa" "$T/pb" && cmp -s "$T/ca" "$T/cb" && ok input-order-identical || bad input-order-identical "outputs differ"
cmp -s "$T/pa" "$T/p1" && ok jsonl-equals-files || bad jsonl-equals-files "JSONL and file inputs differ"

# --- inputs ------------------------------------------------------------------
mkdir -p "$T/in/sub" "$T/in/.hidden"
printf 'Alpha story about the river bridge and the council vote today.' >"$T/in/a.txt"
printf 'Alpha story about the river bridge and the council vote today.' >"$T/in/sub/b.txt"
printf 'skipped' >"$T/in/.hidden/c.txt"
expect dir-ids 0 "$R" scan -q --clusters "$T/c" "$T/in"
grep -q '^sub/b.txt	1$' "$T/c" && grep -q '^a.txt	1$' "$T/c" && [ "$(wc -l <"$T/c")" -eq 2 ] && ok dir-relative-ids || bad dir-relative-ids "$(cat "$T/c")"
expect basename-ids 0 "$R" scan -q --id-from basename --clusters "$T/c" "$T/in"
grep -q '^b	' "$T/c" && ok basename-ids-text || bad basename-ids-text "$(cat "$T/c")"
printf 'Alpha story about the river bridge and the council vote today.' | "$R" scan -q --clusters "$T/c" - "$T/in/a.txt" >/dev/null 2>&1
grep -q '^-	1$' "$T/c" && ok stdin-doc || bad stdin-doc "$(cat "$T/c")"
printf '{"id":"x","text":"one two three four five six"}\n{"id":"y","text":"one two three four five six"}\n' | "$R" scan -q --jsonl --pairs "$T/p" - 2>"$T/err"
grep -q '^x	y	1.000000' "$T/p" && ok stdin-jsonl || bad stdin-jsonl "$(cat "$T/p")"

# --- bad input: reported, counted, the rest processed --------------------------
printf '{"id":"a","text":"some text of a story"}\n{"id":"b",\n{"id":"c"}\n\n{"id":"d","text":"some text of a story"}\r\n{"text":"no id here"}\n' >"$T/bad.jsonl"
expect broken-jsonl 0 "$R" scan --clusters "$T/c" "$T/bad.jsonl"
has broken-jsonl-line "$T/err" 'bad.jsonl:2: skipping: broken JSONL line'
has missing-text-line "$T/err" "bad.jsonl:3: skipping document 'c': no 'text' string"
has broken-jsonl-summary "$T/out" '2 inputs skipped'
grep -q "^$T/bad.jsonl:6	" "$T/c" && ok missing-id-named-by-line || bad missing-id-named-by-line "$(cat "$T/c")"
[ "$(wc -l <"$T/c")" -eq 3 ] && ok broken-jsonl-rest-read || bad broken-jsonl-rest-read "$(cat "$T/c")"
mkdir -p "$T/emptydir"
expect empty-dir 0 "$R" scan --clusters "$T/c" "$T/emptydir"
has empty-dir-summary "$T/out" 'reprint scan: 0 documents'
expect missing-path 0 "$R" scan "$T/in" "$T/does-not-exist"
has missing-path-msg "$T/err" "$T/does-not-exist: skipping: cannot open"
: >"$T/empty.txt"
printf 'ab' >"$T/short.txt"
printf 'nul\000bytes \377 and invalid utf-8' >"$T/odd.txt"
expect odd-docs 0 "$R" scan --encoding UTF-8 --format jsonl --clusters "$T/c" "$T/empty.txt" "$T/short.txt" "$T/odd.txt"
has empty-flag "$T/c" '"empty"'
has short-flag "$T/c" '"short"'
has nul-flag "$T/c" '"nul"'
has invalid-utf8-flag "$T/c" '"invalid_utf8"'
has odd-summary "$T/out" 'invalid UTF-8'
head -c 3000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
expect too-big 0 "$R" scan --max-doc-bytes 1000 --clusters "$T/c" "$T/big.txt" "$T/in/a.txt"
has too-big-msg "$T/err" 'document limit'
[ "$(wc -l <"$T/c")" -eq 1 ] && ok too-big-rest-read || bad too-big-rest-read "$(cat "$T/c")"
python3 -c "
print('{\"id\":\"long\",\"text\":\"' + 'x' * 300 + '\"}')
print('{\"id\":\"fine\",\"text\":\"short text\"}')" >"$T/long.jsonl"
expect long-line 0 "$R" scan --max-line-bytes 100 --clusters "$T/c" "$T/long.jsonl"
has long-line-msg "$T/err" 'long.jsonl:1: skipping: a line longer than 100 bytes'
[ "$(cut -f1 "$T/c")" = fine ] && ok long-line-rest-read || bad long-line-rest-read "$(cat "$T/c")"
expect unwritable-output 1 "$R" scan -q --clusters "$T/no/such/dir/c" "$T/in"
has unwritable-msg "$T/err" 'cannot open'

# --- charsets, scripts, outlets ---------------------------------------------------
mkdir -p "$T/cs/outlet-a" "$T/cs/outlet-b"
ZH=data/samples/lanzhou-daily/lanjiang-bridge-closure.txt
cp "$ZH" "$T/cs/outlet-a/utf8.txt"
iconv -f UTF-8 -t GB18030 "$ZH" >"$T/cs/outlet-b/gbk.txt"
expect charset-gbk 0 "$R" scan --outlet-from dir --format jsonl --pairs "$T/p" --clusters "$T/c" "$T/cs"
has charset-gbk-pair "$T/p" '"jaccard":1.000000'
has charset-gbk-name "$T/c" '"encoding":"GB18030"'
has outlet-from-dir "$T/c" '"outlet":"outlet-b"'
has charset-summary "$T/out" 'charset other than UTF-8'
head -c 301 "$T/cs/outlet-b/gbk.txt" >"$T/cut.txt"
expect charset-cut 0 "$R" scan --encoding GB18030 --clusters "$T/c" "$T/cut.txt"
has charset-cut-warning "$T/err" "could not be decoded as GB18030 (the first at byte"
python3 - "$ZH" "$T/enc.jsonl" <<'PY'
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({"id": "as-is", "text": t}) + "\n")
    # the same text, stored as Latin-1 mojibake of its GB18030 bytes, named
    f.write(json.dumps({"id": "named", "text": t.encode("gb18030").decode("latin-1"), "cs": "GB18030"}) + "\n")
PY
expect encoding-field 0 "$R" scan -q --jsonl --encoding-field cs --pairs "$T/p" "$T/enc.jsonl"
# a named charset reads the text's code points U+00-U+FF back as bytes
grep -q '^as-is	named	1.000000' "$T/p" && ok encoding-field-applies || bad encoding-field-applies "$(cat "$T/p")"

# what was learned as furniture, by group (here: inferred templates)
expect bp-report 0 "$R" scan -q --boilerplate-report "$T/bp.tsv" "$DATA"
awk -F'\t' 'NF != 3 || $2 < 3 { exit 1 }' "$T/bp.tsv" && [ -s "$T/bp.tsv" ] && ok bp-report-columns || bad bp-report-columns "$(head -3 "$T/bp.tsv")"
expect bp-report-outlets 0 "$R" scan -q --outlet-from dir --boilerplate-report "$T/bp.tsv" "$DATA"
has bp-report-outlet-named "$T/bp.tsv" '^valley-courier	'

# a saved model: a lone new page of an outlet loses that outlet's furniture
rm -f "$T/model.txt"
expect bp-model-save 0 "$R" scan -q --boilerplate-model "$T/model.txt" "$DATA"
has bp-model-header "$T/model.txt" '^reprint-boilerplate-model 2$'
mkdir -p "$T/lone"
awk 'length($0) > 80 { print "The county fair opened on Friday with a record number of entries in the quilt and pie contests, organisers said."; next } { print }' "$DATA/valley-courier/library-reopens.txt" >"$T/lone/fair.txt"
expect bp-model-none 0 "$R" scan -q --format jsonl --clusters "$T/c" "$T/lone"
has bp-model-none-lines "$T/c" '"boilerplate_lines":0'
expect bp-model-use 0 "$R" scan -q --format jsonl --boilerplate-model "$T/model.txt" --clusters "$T/c" "$T/lone"
grep -q '"boilerplate_lines":[1-9]' "$T/c" && ok bp-model-drops || bad bp-model-drops "$(cat "$T/c")"
printf 'not a model\n' >"$T/bad-model.txt"
expect bp-model-bad 1 "$R" scan -q --boilerplate-model "$T/bad-model.txt" "$T/lone"
has bp-model-bad-msg "$T/err" 'not a boilerplate model'
expect bp-model-seed 1 "$R" scan -q --seed 7 --boilerplate-model "$T/model.txt" "$T/lone"
has bp-model-seed-msg "$T/err" 'made with seed 0'

# lower-space is plain text dedup: no furniture rules, no containment
printf '* Menu\nA story line that is long enough to be a story.\n' >"$T/menu.txt"
expect lower-space-plain 0 "$R" sign --norm lower-space --format jsonl --folded "$T/menu.txt"
has lower-space-keeps-menu "$T/out" '"folded":"\* menu a story'
expect text-drops-menu 0 "$R" sign --format jsonl --folded "$T/menu.txt"
has text-drops-menu-folded "$T/out" '"folded":"astoryline'

# --- compare and sign ----------------------------------------------------------
expect compare 0 "$R" compare "$DATA/lanzhou-daily/lanjiang-bridge-closure.txt" "$DATA/xinghe-portal/lanjiang-bridge.txt"
has compare-jaccard "$T/out" 'Jaccard (exact)'
expect compare-self 0 "$R" compare --format jsonl "$T/in/a.txt" "$T/in/sub/b.txt"
has compare-self-one "$T/out" '"jaccard":1.000000'
# passages: offsets into both files; the two slices of a passage say the same
# once spaces and punctuation are dropped (the segmented copy has spaces)
expect compare-passages 0 "$R" compare --format jsonl "$DATA/lanzhou-daily/lanjiang-bridge-closure.txt" "$DATA/xinghe-portal/lanjiang-bridge.txt"
if python3 - "$T/out" "$DATA/lanzhou-daily/lanjiang-bridge-closure.txt" "$DATA/xinghe-portal/lanjiang-bridge.txt" <<'PY'
import sys, json, unicodedata
d = json.loads(open(sys.argv[1]).read())
a, b = open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()
def fold(t):
    t = unicodedata.normalize("NFKC", t.decode("utf-8")).casefold()
    return "".join(c for c in t if unicodedata.category(c)[0] not in "ZPC")
assert d["passages"], d
assert max(p["code_points"] for p in d["passages"]) > 200, d["passages"]
for p in d["passages"]:
    x, y = fold(a[p["a"][0]:p["a"][1]]), fold(b[p["b"][0]:p["b"][1]])
    assert x == y and len(x) == p["code_points"], (x, y, p)
# what is left: in order, inside the files, not overlapping a passage
for side, text in (("a", a), ("b", b)):
    spans = sorted([p[side] for p in d["passages"]] + d["only_" + side])
    assert all(s[1] <= t[0] for s, t in zip(spans, spans[1:])), spans
    assert spans[-1][1] <= len(text)
PY
then ok compare-passages-fold-alike; else bad compare-passages-fold-alike "a passage's two slices differ"; fi
expect compare-passages-text 0 "$R" compare --min-passage 30 "$DATA/lanzhou-daily/lanjiang-bridge-closure.txt" "$DATA/xinghe-portal/lanjiang-bridge.txt" && has compare-passages-listed "$T/out" '^shared passages of 30 code points or more' && has compare-only-b "$T/out" '^only in B'
expect compare-bad-min-passage 2 "$R" compare --min-passage 0 "$T/in/a.txt" "$T/in/a.txt"
expect compare-one-arg 2 "$R" compare "$T/in/a.txt"
expect sign 0 "$R" sign "$T/in/a.txt"
awk -F'\t' '{ exit !(NF == 5 && length($4) == 16 && split($5, m, ",") == 128) }' "$T/out" && ok sign-columns || bad sign-columns "$(head -c 200 "$T/out")"
expect sign-jsonl 0 "$R" sign --format jsonl --folded --perms 16 "$T/in/a.txt"
python3 -c "import json; d=json.loads(open('$T/out').read()); assert len(d['minhash'])==16 and d['folded'].startswith('alphastory')" && ok sign-jsonl-parses || bad sign-jsonl-parses "$(cat "$T/out")"

# --- a wire's feed: headlines given apart, figures ---------------------------
# two dividend notices alike but for the company, named in the headline:
# one text (joined) unless the headline is read with it; a third with
# other figures is another item either way
printf '%s\n' \
  '{"id":"d1","title":"ACME TOOL CORP SETS QUARTERLY","date":"1987-03-02","text":"Qtly div 10 cts vs 10 cts prior\nPay April 15\nRecord March 30"}' \
  '{"id":"d2","title":"ZANE HOMES INC SETS QUARTERLY","date":"1987-03-09","text":"Qtly div 10 cts vs 10 cts prior\nPay April 15\nRecord March 30"}' \
  '{"id":"d3","title":"COLE FOODS SETS QUARTERLY","date":"1987-03-09","text":"Qtly div 25 cts vs 25 cts prior\nPay April 15\nRecord March 30"}' >"$T/wire.jsonl"
W="scan -q --no-boilerplate --containment 0 --threshold 0.75 --date-field date"
expect title-field 0 "$R" $W --title-field title --pairs "$T/tp" "$T/wire.jsonl"
[ ! -s "$T/tp" ] && ok title-field-apart || bad title-field-apart "$(cat "$T/tp")"
expect title-field-none 0 "$R" $W --pairs "$T/tp" "$T/wire.jsonl"
grep -q '^d1	d2	1.000000' "$T/tp" && ! grep -q 'd3' "$T/tp" && ok figures-apart || bad figures-apart "$(cat "$T/tp")"
expect no-figures 0 "$R" $W --threshold 0.5 --no-figures --pairs "$T/tp" "$T/wire.jsonl"
grep -q 'd3' "$T/tp" && ok no-figures-joins || bad no-figures-joins "$(cat "$T/tp")"
expect no-headlines 0 "$R" $W --no-headlines --title-field title "$T/wire.jsonl"
expect templates-summary 0 "$R" scan --no-boilerplate --threshold 0.5 "$T/wire.jsonl" && has templates-summary-line "$T/out" 'apart by their figures'

# --- the real seed page: segmented and unsegmented copies are identical ---------
SEED=../shared/seeds/portal-reprint-zh.txt
if [ -f "$SEED" ]; then
  tr -d ' \n' <"$SEED" >"$T/flat.txt"
  expect seed-desegmented 0 "$R" compare --no-furniture --format jsonl "$SEED" "$T/flat.txt"
  has seed-desegmented-jaccard "$T/out" '"jaccard":1.000000'
  # its headline is its title, not the tool's line above the page
  expect seed-title 0 "$R" sign --format jsonl "$SEED"
  has seed-title-headline "$T/out" '"page_title":"马斯克等千名科技人士发公开信：暂停训练比GPT-4更强大的AI系统"'
  has seed-date "$T/out" '"page_date":"2023-03-29 15:42"'
else
  echo "skip - seed page (no ../shared)"
fi
exit 0
