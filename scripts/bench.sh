#!/bin/sh
# make bench: the migration's leak check (cscan leak) over KDIR against its
# anchor, git grep -w of the first symbol the spec confines, over the same
# tree. Warm cache: one warm-up run each, then the median of 5 runs each.
# Prints both medians and the ratio; exit 0.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/lib/spec.sh"

require_kdir "${KDIR:-}"
O=${O:-$TOOLKIT/out}
[ -x "$O/bin/cscan" ] || die "$O/bin/cscan not built; run 'make tools'"
spec_load
sym=$(spec_get 0 confine | awk '{ print $1; exit }')
[ -n "$sym" ] || die "$SPEC confines no symbol: nothing for git grep to look for"
runs=5

# now_ms: wall clock in milliseconds (GNU date).
now_ms() {
	date +%s%3N
}

# median_ms CMD...: run CMD once to warm up, then $runs times; print the median.
median_ms() {
	"$@" >/dev/null 2>&1
	i=0
	times=
	while [ "$i" -lt "$runs" ]; do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1
		t1=$(now_ms)
		times="$times $((t1 - t0))"
		i=$((i + 1))
	done
	printf '%s\n' $times | sort -n | sed -n "$(((runs + 1) / 2))p"
}

case $(now_ms) in
*[!0-9]*) die "date +%s%3N is not supported here; bench needs GNU date (coreutils)" ;;
esac
cscan_ms=$(median_ms "$TOOLKIT/check/leaks.sh")
grep_ms=$(median_ms git -C "$KDIR" grep -w "$sym")
info "cscan leak KDIR: ${cscan_ms} ms (median of $runs)"
info "git -C KDIR grep -w $sym: ${grep_ms} ms (median of $runs)"
awk -v p="$prog" -v a="$cscan_ms" -v b="$grep_ms" 'BEGIN {
	printf "%s: ratio cscan/git-grep: %.2f\n", p, (b > 0 ? a / b : 0)
}'
exit 0
