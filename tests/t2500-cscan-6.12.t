#!/bin/sh
# cscan on the Debian 6.12 tree as shipped: no leak (notes only, for the
# comments in include/linux/mm.h and kernel/cgroup/cpuset.c and the include
# in lib/vsprintf.c), refs finds the five caller files, and the api check
# finds them plus include/linux/gfp.h. Expected lines are computed here
# from the tree with grep.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
kdir=$(kernel_tree) || exit 1
cscan=$O/bin/cscan
# leak ARGS...: cscan leak with the page allocator's private headers.
leak() {
	"$cscan" leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$@"
}

# grep_at FILE WORD: "FILE:LINE" for each line of FILE with WORD as a word.
grep_at() {
	grep -nw "$2" "$kdir/$1" | cut -d: -f1 | sed "s|^|$1:|"
}

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'leak: exit 0, notes at the mentions and the include' '
	expect_exit 0 leak "$kdir" >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/err" &&
	{
		grep_at include/linux/mm.h ALLOC_NO_WATERMARKS &&
		grep_at kernel/cgroup/cpuset.c ALLOC_CPUSET &&
		grep -n "^#include \"../mm/internal.h\"" "$kdir/lib/vsprintf.c" |
			cut -d: -f1 | sed "s|^|lib/vsprintf.c:|"
	} >"$TRASH/want" &&
	test "$(wc -l <"$TRASH/want")" -eq 4 &&
	sed "\$d" "$TRASH/out" >"$TRASH/findings" &&
	grep -c ": note: " "$TRASH/findings" >"$TRASH/count" &&
	echo 4 >"$TRASH/four" &&
	test_cmp "$TRASH/four" "$TRASH/count" &&
	cut -d: -f1,2 "$TRASH/findings" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -q "^kernel/cgroup/cpuset.c:[0-9]*:[0-9]*: note: comment mentions ALLOC_CPUSET" \
		"$TRASH/findings" &&
	grep -q "^lib/vsprintf.c:[0-9]*:10: note: includes mm/internal.h, exposing mm-private ALLOC_CMA, ALLOC_CPUSET," \
		"$TRASH/findings"
'

test_expect_success 'leak: the summary counts every .c and .h file outside mm/' '
	n=$(cd "$kdir" && find . -path ./mm -prune -o -name ".?*" -prune -o -type f \
		\( -name "*.c" -o -name "*.h" \) -print | wc -l) &&
	echo "cscan leak: 0 errors, 4 notes in $n files" >"$TRASH/want" &&
	tail -n 1 "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'leak: the derived set is the ALLOC_* macros of mm/internal.h' '
	leak --list-symbols "$kdir" | sed "\$d" | cut -d" " -f1 >"$TRASH/have" &&
	sed -n "s/^#define[[:space:]]\{1,\}\(ALLOC_[A-Z_]*\).*/\1/p" "$kdir/mm/internal.h" |
		sort -u >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

cat >"$TRASH/callers" <<'EOF'
arch/powerpc/platforms/cell/ras.c
arch/x86/events/intel/ds.c
arch/x86/kvm/vmx/vmx.c
drivers/misc/sgi-xp/xpc_uv.c
drivers/net/ethernet/fungible/funeth/funeth_rx.c
EOF
syms="__alloc_pages_node __alloc_pages_node_noprof __alloc_pages __alloc_pages_noprof"

test_expect_success 'refs -l: the five caller files outside mm/ and include/' '
	"$cscan" refs -l "$kdir" $syms --exclude mm/ --exclude include/ >"$TRASH/have" &&
	test_cmp "$TRASH/callers" "$TRASH/have"
'

test_expect_success 'refs: kernel/cgroup/cpuset.c names __alloc_pages in comments only' '
	grep -q "__alloc_pages()" "$kdir/kernel/cgroup/cpuset.c" &&
	"$cscan" refs -l "$kdir" $syms >"$TRASH/all" &&
	! grep -q "^kernel/" "$TRASH/all" &&
	grep -qx include/linux/gfp.h "$TRASH/all"
'

test_expect_success 'refs: one line per call, as many as git grep finds in the callers' '
	"$cscan" refs "$kdir" $syms --exclude mm/ --exclude include/ >"$TRASH/refs" &&
	(cd "$kdir" && git grep -ow -e __alloc_pages_node -- $(cat "$TRASH/callers")) |
		wc -l >"$TRASH/want" &&
	wc -l <"$TRASH/refs" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'check/scan.sh api: exit 1, errors in the callers and include/linux/gfp.h' '
	expect_exit 1 env KDIR="$kdir" O="$O" "$TOOLKIT/check/scan.sh" api >"$TRASH/out" 2>"$TRASH/err" &&
	grep ": error: " "$TRASH/out" | cut -d: -f1 | sort -u >"$TRASH/have" &&
	{ cat "$TRASH/callers" && echo include/linux/gfp.h; } | sort >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -q "is private to mm/; use a public interface outside it$" "$TRASH/out" &&
	grep -q "^scan.sh: error: confined symbols used outside their directories" "$TRASH/err"
'

test_expect_success 'check/scan.sh leaks: exit 0' '
	env KDIR="$kdir" O="$O" "$TOOLKIT/check/scan.sh" leaks >"$TRASH/out" &&
	tail -n 1 "$TRASH/out" | grep -q "^cscan leak: 0 errors, 4 notes in "
'

test_expect_success 'check/scan.sh leaks: a bad KDIR is exit 2' '
	expect_exit 2 env KDIR="$TRASH/nope" O="$O" "$TOOLKIT/check/scan.sh" leaks 2>"$TRASH/err" &&
	grep -q "does not exist" "$TRASH/err"
'

test_done
