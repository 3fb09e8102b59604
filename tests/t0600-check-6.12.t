#!/bin/sh
# make check on the Debian 6.12 tree: the migration, committed in a scratch
# worktree on the baseline, passes; three mutations, each a throwaway commit
# on top of it, fail with the file named and the kind of failure said:
# (a) a call of the removed __alloc_pages_node() in an x86 driver, caught
# by the api check and by the build; (b) a syntax error in mm/page_alloc.h,
# a failed build; (c) an unused variable in a file the migration touched, a
# new warning.
#
# One check directory (worktree, build directory, base cache) serves every
# test and survives between runs: $O/test/check-6.12. Commits have fixed
# dates, so their hashes, and the cached base diagnostics, carry over.
. "$(dirname "$0")/lib/tap.sh"

[ "${KERNEL_TESTS:-1}" = 0 ] && test_skip_all "KERNEL_TESTS=0"
[ -d "$KDIR_DEFAULT/.git" ] || test_skip_all "no kernel tree at $KDIR_DEFAULT (make kernel)"
kdir=$(scratch_worktree check) || exit 1
baseline=$(git -C "$kdir" rev-parse HEAD)
co=$O/test/check-6.12
commit() {
	git -C "$kdir" add -A &&
	GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
		git -C "$kdir" -c user.name=t -c user.email=t@t commit -qm "$1"
}
# check [VAR=VALUE...]: check.sh on the scratch tree; stdout in $TRASH/out,
# stderr in $TRASH/err, exit status in $TRASH/rc.
check() {
	env KDIR="$kdir" O="$co" BRANCH=t0600/none "$@" "$TOOLKIT/check/check.sh" \
		>"$TRASH/out" 2>"$TRASH/err"
	echo $? >"$TRASH/rc"
}
summary() { sed -n '/^make check: REV /,$p' "$TRASH/out"; }
driver=drivers/platform/x86/intel/smartconnect.c

test_expect_success 'make apply on the baseline, committed' '
	make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$TRASH/o" >"$TRASH/apply" 2>&1 &&
	commit migrated &&
	git -C "$kdir" rev-parse HEAD >"$TRASH/migrated"
'
migrated=$(cat "$TRASH/migrated" 2>/dev/null)

test_expect_success 'make check passes on the migrated tree (BASE: its parent, the baseline)' '
	make -s -C "$TOOLKIT" check KDIR="$kdir" O="$co" BRANCH=t0600/none >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "check.sh: REV $(git -C "$kdir" rev-parse --short HEAD) against BASE $(git -C "$kdir" rev-parse --short "$baseline") in .*" "$TRASH/err" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: ok" &&
	summary | grep -E "^  leaks +ok$" &&
	summary | grep -E "^  api +ok$" &&
	summary | grep -E "^  build x86_64 +ok: [0-9]+ object\(s\)$" &&
	summary | grep -E "^  warnings x86_64 +ok: none new$"
'

test_expect_success 'the files x86_64 allmodconfig does not build are named' '
	if command -v powerpc64-linux-gnu-gcc || command -v powerpc64le-linux-gnu-gcc ||
		command -v powerpc-linux-gnu-gcc; then
		summary | grep -E "^  build powerpc +ok"
	else
		summary | grep -x "    arch/powerpc/platforms/cell/ras.c: ARCH=powerpc: no powerpc64-linux-gnu-gcc (Debian package gcc-powerpc64-linux-gnu)"
	fi
'

test_expect_success 'a warm re-check builds nothing at BASE' '
	check REV="$migrated" BASE="$baseline" &&
	test "$(cat "$TRASH/rc")" -eq 0 &&
	grep "BASE .* diagnostics from " "$TRASH/err" &&
	! grep "building BASE" "$TRASH/err"
'

test_expect_success 'without REV, the series branch is checked against its merge-base with HEAD' '
	git -C "$kdir" branch -f t0600/series "$migrated" &&
	git -C "$kdir" checkout -q --detach "$baseline" &&
	env KDIR="$kdir" O="$co" BRANCH=t0600/series "$TOOLKIT/check/check.sh" >"$TRASH/out" 2>"$TRASH/err"
	rc=$?
	git -C "$kdir" checkout -q --detach "$migrated" &&
	git -C "$kdir" branch -D t0600/series >/dev/null &&
	test $rc -eq 0 &&
	grep "check.sh: REV $(git -C "$kdir" rev-parse --short "$migrated") against BASE $(git -C "$kdir" rev-parse --short "$baseline") in " "$TRASH/err"
'

# (a) Right before the driver's device table, a function calling the
# removed __alloc_pages_node(); the driver references nothing else changed.
test_expect_success '(a) a call of __alloc_pages_node(): api and build fail, the driver named' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	line=$(grep -n "^static const struct acpi_device_id smartconnect_ids" "$kdir/$driver" | cut -d: -f1) &&
	sed -i "${line}i\\
static __maybe_unused struct page *smartconnect_page(void)\\
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

# (b) A missing semicolon inside mm/page_alloc.h: every mm/ file that
# includes it fails, and the error is in the header.
test_expect_success '(b) a syntax error in mm/page_alloc.h: the build fails, the header named' '
	git -C "$kdir" reset -q --hard "$migrated" &&
	sed -i "s/^#endif.*__MM_PAGE_ALLOC_H.*/static inline int page_alloc_broken(void) { return 0 }\\n&/" \
		"$kdir/mm/page_alloc.h" &&
	grep -q page_alloc_broken "$kdir/mm/page_alloc.h" &&
	commit "mutation: syntax error in mm/page_alloc.h" &&
	check &&
	test "$(cat "$TRASH/rc")" -eq 1 &&
	at=$(grep -n page_alloc_broken "$kdir/mm/page_alloc.h" | cut -d: -f1) &&
	summary | grep -E "^  build x86_64 +FAILED: [0-9]+ of [0-9]+ object\(s\)$" &&
	summary | grep -x "    mm/page_alloc.o" &&
	summary | grep "^      mm/page_alloc.h:$at:[0-9]*: error: expected .;. before .}. token" &&
	summary | grep -E "^  (leaks|api) +ok$" | wc -l | grep -qx 2 &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: build x86_64"
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
	summary | grep -x "    $f:$line:13: warning: unused variable .vmx_unused. \[-Wunused-variable\]" &&
	grep -x "$f:$line:13: warning: unused variable .vmx_unused. \[-Wunused-variable\]" "$TRASH/out" &&
	tail -n 1 "$TRASH/out" | grep -x "make check: FAILED: new warnings x86_64"
'

test_expect_success 'make check fails with make'"'"'s status on a finding' '
	! make -s -C "$TOOLKIT" check KDIR="$kdir" O="$co" BRANCH=t0600/none >"$TRASH/out" 2>&1 &&
	grep -x "make check: FAILED: new warnings x86_64" "$TRASH/out"
'

git -C "$kdir" reset -q --hard "$baseline"
test_done
