#!/bin/sh
# make check on today's kernel (the default tree, a scratch clone): the
# migration, committed on the baseline, passes; three mutations, each a
# throwaway commit on top of it, fail with the file named and the kind of
# failure said: (a) a call of the removed __alloc_pages_node() in an x86
# driver, caught by the api check and by the build; (c) an unused variable
# in a file the migration touched, a new warning; (b) an unclosed parameter
# list in mm/page_alloc.h, a failed build whose cause, the header, make
# check and make ci name first. (b) comes last: it breaks all of mm/, which
# the next run of a check then rebuilds.
#
# The clone's O is t0650's: its check of the series head left the worktree
# and the build directories at the same tree as make apply's, so the first
# check builds nothing again. Commits have fixed dates, so their hashes,
# and the cached base diagnostics, carry over between runs. The cross
# compilers are t0650's to show; the KMSAN configuration, which 7.2 builds
# only with a newer clang than Debian's, t0600's on 6.12.
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
baseline=$(git -C "$kdir" rev-parse HEAD)
co=$o
# commit SUBJECT: every change, committed as a patch checkpatch accepts
# (make check runs it too), signed off, with a body.
commit() {
	git -C "$kdir" add -A &&
	GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
		git -C "$kdir" -c user.name="Check Tester" -c user.email=check@example.org commit -q -s \
		-m "$1" -m "A test of make check and make ci."
}
# check [VAR=VALUE...]: check.sh on the scratch tree; stdout in $TRASH/out,
# stderr in $TRASH/err, exit status in $TRASH/rc.
check() {
	env KDIR="$kdir" O="$co" BRANCH=t0660/none "$@" "$TOOLKIT/check/check.sh" \
		>"$TRASH/out" 2>"$TRASH/err"
	echo $? >"$TRASH/rc"
}
summary() { sed -n '/^make check: REV /,$p' "$TRASH/out"; }
driver=drivers/platform/x86/toshiba_haps.c

test_expect_success 'make apply on the baseline, committed' '
	make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" >"$TRASH/apply" 2>&1 &&
	commit migrated &&
	git -C "$kdir" rev-parse HEAD >"$TRASH/migrated"
'
migrated=$(cat "$TRASH/migrated" 2>/dev/null)

test_expect_success 'make check passes on the migrated tree (BASE: its parent, the baseline)' '
	make -s -C "$TOOLKIT" check KDIR="$kdir" O="$co" BRANCH=t0660/none >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "check.sh: REV $(git -C "$kdir" rev-parse --short HEAD) against BASE $(git -C "$kdir" rev-parse --short "$baseline") in .*" "$TRASH/err" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: ok" &&
	summary | grep -E "^  leaks +ok$" &&
	summary | grep -E "^  api +ok$" &&
	summary | grep -E "^  checkpatch +ok$" &&
	summary | grep -E "^  build x86_64 +ok: [0-9]+ object\(s\)$" &&
	summary | grep -E "^  warnings x86_64 +ok: none new$" &&
	! summary | grep "no cross compiler"
'

test_expect_success 'without REV, the series branch is checked against its merge-base with HEAD' '
	git -C "$kdir" branch -f t0660/series "$migrated" &&
	git -C "$kdir" checkout -q --detach "$baseline" &&
	{ env KDIR="$kdir" O="$co" BRANCH=t0660/series "$TOOLKIT/check/check.sh" >"$TRASH/out" 2>"$TRASH/err"; rc=$?; } &&
	git -C "$kdir" checkout -q --detach "$migrated" &&
	git -C "$kdir" branch -D t0660/series >/dev/null &&
	test $rc -eq 0 &&
	grep "check.sh: REV $(git -C "$kdir" rev-parse --short "$migrated") against BASE $(git -C "$kdir" rev-parse --short "$baseline") in " "$TRASH/err" &&
	grep -c "no warning at REV; BASE $(git -C "$kdir" rev-parse --short "$baseline") not built" "$TRASH/err" >"$TRASH/built" &&
	test "$(cat "$TRASH/built")" -eq "$(summary | grep -c "^  build [^ ]*  *ok: ")" &&
	! grep "building BASE" "$TRASH/err"
'

# (a) Right before the driver's device table, a function calling the
# removed __alloc_pages_node(); the driver references nothing else changed.
test_expect_success '(a) a call of __alloc_pages_node(): api and build fail, the driver named' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	line=$(grep -n "^static const struct acpi_device_id haps_device_ids" "$kdir/$driver" | cut -d: -f1) &&
	sed -i "${line}i\\
static __maybe_unused struct page *haps_page(void)\\
{\\
	return __alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 0);\\
}\\
" "$kdir/$driver" &&
	commit "mutation: __alloc_pages_node() in a driver" &&
	call=$((line + 2)) &&
	check &&
	test "$(cat "$TRASH/rc")" -eq 1 &&
	grep -x "$driver:$call:9: error: __alloc_pages_node is private to mm/; use a public interface outside it" "$TRASH/out" &&
	grep "^$driver:$call:16: error: implicit declaration of function .__alloc_pages_node." "$TRASH/out" &&
	summary | grep -E "^  api +FAILED: 1 error\(s\) in $driver$" &&
	summary | grep -E "^  build x86_64 +FAILED: 1 of [0-9]+ object\(s\)$" &&
	summary | grep -x "    ${driver%.c}.o" &&
	summary | grep "^      $driver:$call:16: error: implicit declaration of function .__alloc_pages_node." &&
	summary | grep -E "^  leaks +ok$" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: api, build x86_64.*"
'

# (c) An unused variable in alloc_vmcs_cpu(), which the migration changed.
test_expect_success '(c) an unused variable in a touched file: a new warning, exit 1' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	f=arch/x86/kvm/vmx/vmx.c &&
	line=$(grep -n "^struct vmcs \*alloc_vmcs_cpu(" "$kdir/$f" | cut -d: -f1) &&
	line=$((line + 2)) &&
	sed -i "${line}i\\
	int vmx_unused;" "$kdir/$f" &&
	commit "mutation: unused variable" &&
	check &&
	test "$(cat "$TRASH/rc")" -eq 1 &&
	summary | grep -E "^  build x86_64 +ok: [0-9]+ object\(s\)$" &&
	summary | grep -E "^  warnings x86_64 +FAILED: 1 new$" &&
	# Built, or on a second run of this script in the same O, read from
	# the cache of base diagnostics (the commits have fixed dates).
	short=$(git -C "$kdir" rev-parse --short "$migrated") &&
	grep -x -e "compare.sh: x86_64: building BASE $short: 1 object(s) that warn at REV" \
		-e "compare.sh: x86_64: BASE $short diagnostics from .*" "$TRASH/err" &&
	test -f "$co/check/kbuild/$(basename "$kdir")/x86_64.base/${f%.c}.o" &&
	summary | grep -x "    $f:$line:13: warning: unused variable .vmx_unused. \[-Wunused-variable\]" &&
	grep -x "$f:$line:13: warning: unused variable .vmx_unused. \[-Wunused-variable\]" "$TRASH/out" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: new warnings x86_64"
'

test_expect_success 'make check fails with make'"'"'s status on a finding; BASE from the cache' '
	! make -s -C "$TOOLKIT" check KDIR="$kdir" O="$co" BRANCH=t0660/none >"$TRASH/out" 2>&1 &&
	grep -x "make check: FAILED: new warnings x86_64" "$TRASH/out" &&
	grep "^compare.sh: x86_64: BASE $(git -C "$kdir" rev-parse --short "$migrated") diagnostics from " "$TRASH/out" &&
	! grep "building BASE" "$TRASH/out"
'

# (d) A comment in the driver that ends in a space: the build passes,
# checkpatch (which make check runs on the patches of BASE..REV) fails,
# and the verdict says so.
test_expect_success '(d) trailing whitespace: checkpatch fails, the patch named' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	sed -i "1a /* A comment of t0660. */ " "$kdir/$driver" &&
	commit "platform/x86: toshiba_haps: A comment" &&
	check &&
	test "$(cat "$TRASH/rc")" -eq 1 &&
	patch="$co/check/$(basename "$kdir")/checkpatch/patches/0001-platform-x86-toshiba_haps-A-comment.patch" &&
	grep -x "$patch:[0-9]*:1: error: trailing whitespace \[TRAILING_WHITESPACE\]" "$TRASH/out" &&
	summary | grep -xF "  checkpatch             FAILED: 1 error(s) in $patch" &&
	summary | grep -E "^  build x86_64 +ok: 1 object\(s\)$" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: checkpatch"
'

# (b) An unclosed parameter list at the end of mm/page_alloc.h: every mm/
# file that includes it fails, with errors in its own text and in the
# headers it includes next, none in mm/page_alloc.h; the header is named
# first as the cause, with the count. The commit is one checkpatch accepts,
# so that make ci's verdict on it is the build's.
test_expect_success '(b) an unclosed parameter list in mm/page_alloc.h: the header named first, with the count' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	sed -i "s/^#endif.*__MM_PAGE_ALLOC_H.*/int page_alloc_broken(int order,\\n&/" "$kdir/mm/page_alloc.h" &&
	grep -q "^int page_alloc_broken(int order,$" "$kdir/mm/page_alloc.h" &&
	commit "mm: Declare page_alloc_broken()" &&
	n=$(git -C "$kdir" grep -l "^#include \"page_alloc.h\"" -- "mm/*.c" | wc -l) &&
	test "$n" -ge 2 &&
	echo "$n" >"$TRASH/n" &&
	cause="mm/page_alloc.h: error: $n objects that include it fail to build (changed in REV)" &&
	check &&
	summary &&
	test "$(cat "$TRASH/rc")" -eq 1 &&
	grep -m 1 ": error: " "$TRASH/out" | grep -xF "$cause" &&
	summary | grep -A 1 -E "^  build x86_64 +FAILED: $n of [0-9]+ object\(s\)$" | tail -n 1 | grep -xF "    $cause" &&
	test "$(summary | grep -c "^    mm/[^ ]*\.o$")" -eq "$n" &&
	summary | grep -E "^  (leaks|api) +ok$" | wc -l | grep -qx 2 &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: build x86_64"
'

test_expect_success '(b) make ci on that commit: its build verdict names the header first, with the count' '
	n=$(cat "$TRASH/n") &&
	cause="mm/page_alloc.h: error: $n objects that include it fail to build (changed in REV)" &&
	short=$(git -C "$kdir" rev-parse --short HEAD) &&
	expect_exit 1 env KDIR="$kdir" O="$co" RANGE="$migrated..HEAD" "$TOOLKIT/ci/ci.sh" \
		>"$TRASH/ci" 2>"$TRASH/ci.err" &&
	grep -x "ok 3 - $short mm: Declare page_alloc_broken(): checkpatch" "$TRASH/ci" &&
	grep -A 1 -x "not ok 4 - $short mm: Declare page_alloc_broken(): build" "$TRASH/ci" |
		tail -n 1 | grep -xF "# $cause" &&
	grep -xF "# make ci: FAILED: first failing commit 1/1 $short \"mm: Declare page_alloc_broken()\": build: $cause" "$TRASH/ci"
'

git -C "$kdir" reset -q --hard "$baseline"
test_done
