# shellcheck shell=sh
# bench/common.sh: what the benchmark scripts share (sourced, POSIX sh).
# The caller sets OUT, the directory of its outputs, before using timed.

# timed TAG CMD...: CMD under /usr/bin/time (Debian package `time`); its
# stderr to $OUT/TAG.err, "wall_s rss_kb" to $OUT/TAG.time; returns 1, with
# the tail of both on stderr, when CMD fails
timed() {
	t_tag=$1
	shift
	if ! /usr/bin/time -f '%e %M' -o "$OUT/$t_tag.time" "$@" 2>"$OUT/$t_tag.err"; then
		echo "$(basename "$0"): failed: $*" >&2
		tail -n 20 "$OUT/$t_tag.err" "$OUT/$t_tag.time" >&2
		return 1
	fi
}
# wall seconds and peak RSS (KB) of a timed run
wall() { tail -n 1 "$OUT/$1.time" | cut -d' ' -f1; }
rss() { tail -n 1 "$OUT/$1.time" | cut -d' ' -f2; }
# KB as MB; A / B (printf format, %.2f by default), "-" when B is 0
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b > 0) printf f, a / b; else print "-" }'; }
# median of the numbers on stdin (mean of the middle two for an even count)
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# heading TITLE: a report's first lines: date, commit (noting uncommitted
# changes to what is measured), machine
heading() {
	h_dirty=
	if [ -n "$(git status --porcelain --untracked-files=no -- src include bench Makefile 2>/dev/null)" ]; then
		h_dirty=" (with uncommitted changes)"
	fi
	echo "## $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$h_dirty${1:+: $1}"
	echo
	echo "Machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), $(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB"
}
