#!/bin/sh
# bench/peer.sh: reprint side by side with the Go MinHash-LSH peer
# (ekzhu/minhash-lsh, Debian package; driver in ../shared/peers/minhashlsh_go)
# on one corpus of the peers' benchmark (../shared/peers/README.md).
#
# Measures, alternating the two tools RUNS times (reprint, peer, reprint, ...),
# wall time and peak RSS from /usr/bin/time (Debian package `time`), the
# medians per tool and the ratio peer/reprint; then, outside the timed part,
# precision and recall of both against the exact ground truth
# (../shared/peers/evaluate.py). Both tools use the same similarity: lowercase,
# whitespace runs to one space, character 5-grams, Jaccard >= 0.8.
#
# Usage: bench/peer.sh CORPUS_DIR [RUNS]      (make bench-peer PEERS=DIR)
#   CORPUS_DIR  docs.jsonl ("id" and "text" per line), with gt.pkl and
#               planted.tsv from ../shared/peers/groundtruth.py for the scores
#   RUNS        timed runs of each tool (3)
# Outputs go to bench/out/peer-NAME/ (NAME: the corpus directory's name); the
# Markdown report goes to stdout and to bench/out/peer-DATE.md, progress to
# stderr. Needs ./reprint (make reprint), python3, /usr/bin/time, and Go with
# golang-github-ekzhu-minhash-lsh-dev. Skips (exit 0) without ../shared.
set -eu

usage() {
	echo "usage: bench/peer.sh CORPUS_DIR [RUNS]" >&2
	exit 2
}
case $# in 1 | 2) ;; *) usage ;; esac
RUNS=${2:-3}
case $RUNS in '' | *[!0-9]*) usage ;; esac
[ "$RUNS" -ge 1 ] || usage
if [ ! -f "$1/docs.jsonl" ]; then
	echo "peer.sh: no $1/docs.jsonl. The peers' corpus (../shared/peers/README.md), WORK absolute:" >&2
	echo "  ../shared/peers/get_debian_text.sh WORK" >&2
	echo "  python3 ../shared/peers/make_corpus.py WORK/raw WORK    # WORK/S, WORK/M, WORK/L" >&2
	echo "  python3 ../shared/peers/groundtruth.py WORK/L           # gt.pkl, for the scores" >&2
	exit 2
fi
CORPUS=$(cd "$1" && pwd)
NAME=$(basename "$CORPUS")

# everything below is relative to the project root
cd "$(dirname "$0")/.."
# shellcheck source=bench/common.sh
. bench/common.sh
SHARED=../shared/peers
PEER_SRC=$SHARED/minhashlsh_go
OUT=bench/out/peer-$NAME
BIN=bench/out/minhashlsh_go

if [ ! -f "$PEER_SRC/main.go" ]; then
	echo "peer.sh: skipped: $PEER_SRC/main.go not found (../shared is not next to this project)" >&2
	exit 0
fi
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/ekzhu/minhash-lsh ]; then
	echo "peer.sh: the Go peer needs Go and the minhash-lsh package:" >&2
	echo "  sudo apt-get install golang-go golang-github-ekzhu-minhash-lsh-dev" >&2
	exit 2
fi
if [ ! -x /usr/bin/time ]; then
	echo "peer.sh: needs /usr/bin/time: sudo apt-get install time" >&2
	exit 2
fi
if [ ! -x ./reprint ]; then
	echo "peer.sh: no ./reprint: run make reprint" >&2
	exit 2
fi
command -v python3 >/dev/null 2>&1 || {
	echo "peer.sh: needs python3" >&2
	exit 2
}

mkdir -p "$OUT"
echo "building $BIN" >&2
ABS_BIN=$(pwd)/$BIN
(cd "$PEER_SRC" && GOPATH=/usr/share/gocode GO111MODULE=off go build -o "$ABS_BIN" .)

# the run (1..RUNS) of TOOL whose wall time is the median (the lower middle
# one for an even count)
median_run() {
	k=1
	while [ "$k" -le "$RUNS" ]; do
		echo "$(wall "$1-$k") $k"
		k=$((k + 1))
	done | sort -n | sed -n "$(((RUNS + 1) / 2))p" | cut -d' ' -f2
}

# --- timed part: alternate the tools ------------------------------------------
k=1
while [ "$k" -le "$RUNS" ]; do
	timed "reprint-$k" ./reprint scan -q --stats --norm lower-space --ngram 5 \
		--threshold 0.8 --pair-fields ids --pairs "$OUT/reprint.pairs" "$CORPUS/docs.jsonl" || exit 1
	echo "run $k/$RUNS: reprint $(wall "reprint-$k") s, $(mb "$(rss "reprint-$k")") MB" >&2
	timed "peer-$k" "$BIN" "$CORPUS/docs.jsonl" "$OUT/minhashlsh" || exit 1
	echo "run $k/$RUNS: minhash-lsh (Go) $(wall "peer-$k") s, $(mb "$(rss "peer-$k")") MB" >&2
	k=$((k + 1))
done

# --- figures ------------------------------------------------------------------
# docs and text MB as reprint counts them (the UTF-8 bytes of the texts)
rmed=$(median_run reprint)
pmed=$(median_run peer)
docs=$(sed -n 's/^stats: .*, \([0-9]*\) docs.*/\1/p' "$OUT/reprint-$rmed.err")
text_mb=$(sed -n 's/^stats: \([0-9.]*\) MB.*/\1/p' "$OUT/reprint-$rmed.err")
file_mb=$(wc -c <"$CORPUS/docs.jsonl" | awk '{ printf "%.1f", $1 / 1e6 }')
rwall=$(k=1; while [ "$k" -le "$RUNS" ]; do wall "reprint-$k"; k=$((k + 1)); done | median)
pwall=$(k=1; while [ "$k" -le "$RUNS" ]; do wall "peer-$k"; k=$((k + 1)); done | median)
rrss=$(k=1; while [ "$k" -le "$RUNS" ]; do rss "reprint-$k"; k=$((k + 1)); done | median)
prss=$(k=1; while [ "$k" -le "$RUNS" ]; do rss "peer-$k"; k=$((k + 1)); done | median)

# --- quality (not timed) ------------------------------------------------------
EVAL=
if [ -f "$CORPUS/gt.pkl" ] && [ -f "$CORPUS/planted.tsv" ]; then
	echo "scoring against $NAME/gt.pkl" >&2
	python3 bench/ids_to_lines.py "$CORPUS/docs.jsonl" "$OUT/reprint.pairs" "$OUT/reprint.lines.pairs"
	python3 "$SHARED/evaluate.py" "$CORPUS" "$OUT/reprint.lines.pairs" reprint >"$OUT/eval-reprint.json"
	python3 "$SHARED/evaluate.py" "$CORPUS" "$OUT/minhashlsh.pairs" minhash-lsh >"$OUT/eval-peer.json"
	python3 "$SHARED/evaluate.py" "$CORPUS" "$OUT/minhashlsh.est.pairs" minhash-lsh-est >"$OUT/eval-peer-est.json"
	EVAL=1
else
	echo "peer.sh: no gt.pkl or planted.tsv in $CORPUS: precision and recall skipped" >&2
	echo "  (python3 $SHARED/groundtruth.py $CORPUS makes the truth)" >&2
fi
# eval_row LABEL FILE: one Markdown table row from evaluate.py's JSON line
eval_row() {
	python3 -c 'import json, sys
d = json.loads(open(sys.argv[2]).readline())
f = lambda k: "-" if d.get(k) is None else str(d[k])
print("| %s | %s | %s | %s | %s | %s |" % (sys.argv[1], f("pairs"), f("precision"),
      f("recall_gt"), f("recall_planted_ge_T"), f("planted_ge_T")))' "$1" "$2"
}

# --- report -------------------------------------------------------------------
report=bench/out/peer-$(date -u +%Y%m%d-%H%M%S).md
{
	heading "reprint vs ekzhu/minhash-lsh (Go) on $NAME"
	echo
	echo "Corpus \`$NAME\`: $docs docs, $text_mb MB of text ($file_mb MB of JSONL). Same similarity for"
	echo "both: lowercase, whitespace runs to one space, character 5-grams, Jaccard >= 0.8."
	echo "Alternating runs (reprint, peer, ...), wall and peak RSS from \`/usr/bin/time\`:"
	echo
	echo "- reprint (all cores): \`reprint scan -q --stats --norm lower-space --ngram 5 --threshold 0.8 --pair-fields ids --pairs reprint.pairs docs.jsonl\`"
	echo "- peer (one goroutine; MinHash-128, MinhashLSH(0.8), add all then query all): \`minhashlsh_go docs.jsonl minhashlsh\`"
	echo
	echo "| run | reprint wall s | reprint RSS MB | minhash-lsh wall s | minhash-lsh RSS MB |"
	echo "|---|---|---|---|---|"
	k=1
	while [ "$k" -le "$RUNS" ]; do
		echo "| $k | $(wall "reprint-$k") | $(mb "$(rss "reprint-$k")") | $(wall "peer-$k") | $(mb "$(rss "peer-$k")") |"
		k=$((k + 1))
	done
	echo
	echo "Medians of $RUNS:"
	echo
	echo "| tool | wall s | RSS MB | MB/s | docs/s |"
	echo "|---|---|---|---|---|"
	echo "| reprint | $rwall | $(mb "$rrss") | $(div "$text_mb" "$rwall") | $(div "$docs" "$rwall" | cut -d. -f1) |"
	echo "| ekzhu/minhash-lsh (Go) | $pwall | $(mb "$prss") | $(div "$text_mb" "$pwall") | $(div "$docs" "$pwall" | cut -d. -f1) |"
	echo
	echo "Wall time minhash-lsh / reprint: **$(div "$pwall" "$rwall")x**; peak RSS reprint $(mb "$rrss") MB,"
	echo "minhash-lsh $(mb "$prss") MB (minhash-lsh / reprint $(div "$prss" "$rrss")x)."
	echo
	echo "reprint \`--stats\` (run $rmed, the median) and the peer's own stage times (run $pmed):"
	echo
	echo '```'
	cat "$OUT/reprint-$rmed.err"
	cat "$OUT/peer-$pmed.err"
	echo '```'
	if [ -n "$EVAL" ]; then
		echo
		echo "Against the exact truth (\`../shared/peers/evaluate.py\`; recall planted: planted"
		echo "reprints with exact J >= 0.8):"
		echo
		echo "| tool | pairs | precision | recall, all true pairs | recall, planted J >= 0.8 | planted J >= 0.8 |"
		echo "|---|---|---|---|---|---|"
		eval_row reprint "$OUT/eval-reprint.json"
		eval_row "ekzhu/minhash-lsh, LSH candidates" "$OUT/eval-peer.json"
		eval_row "same, signature estimate >= 0.8" "$OUT/eval-peer-est.json"
	fi
} >"$report"
cat "$report"
echo "(saved in $report; outputs in $OUT)" >&2
