#!/bin/sh
# make bench: cscan leak over KDIR against its anchor, git grep -w of one
# symbol over the same tree. Warm cache: one warm-up run each, then the
# median of 5 runs each. Prints both medians and the ratio; exit 0.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

require_kdir "${KDIR:-}"
cscan=${O:-$TOOLKIT/out}/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
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
cscan_ms=$(median_ms "$cscan" leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h \
	${J:+-j "$J"} "$KDIR")
grep_ms=$(median_ms git -C "$KDIR" grep -w ALLOC_CPUSET)
info "cscan leak KDIR:                   ${cscan_ms} ms (median of $runs)"
info "git -C KDIR grep -w ALLOC_CPUSET:  ${grep_ms} ms (median of $runs)"
awk -v p="$prog" -v a="$cscan_ms" -v b="$grep_ms" 'BEGIN {
	printf "%s: ratio cscan/git-grep: %.2f\n", p, (b > 0 ? a / b : 0)
}'
exit 0
