#!/bin/sh
# make series on the default tree, Debian's 7.2 (a scratch clone, so the branch it
# makes stays there): the commits and their subjects in order, their bodies,
# Signed-off-by and TRAILERS, the b4 cover letter and its To/Cc, checkpatch.pl,
# KDIR left as it was, byte-identical patches from a second run, and git am
# of the series onto BASE giving the tree make apply gives. The b4 parts
# (show-info, prep -p, reruns, revisions, no network) are t0730's.
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL

use_scratch_clone
rm -rf "$o/series"
base=$baseline
branch=api-migrate/page-alloc
out=$o/series
series() { make -s -C "$TOOLKIT" series KDIR="$kdir" O="$o" "$@"; }
trailers='Assisted-by: api-migrate:test coccinelle
Reviewed-by: Rita Reviewer <rita@example.org>;Tested-by: Tom Tester <tom@example.org>'
# The message lines of patch FILE (unfolded headers, no diff).
headers() { awk 'NF == 0 { exit } /^[ \t]/ { line = line $0; next } { if (line != "") print line; line = $0 } END { print line }' "$1"; }

test_expect_success 'without a git identity: exit 2 and one line naming git config' '
	expect_exit 2 series >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "series.sh: error: no git identity for KDIR=$kdir; set it with: git config user.name .Your Name.; git config user.email you@example.org" \
		"$TRASH/err" &&
	test "$(grep -c "^series.sh: " "$TRASH/err")" -eq 1 &&
	test ! -e "$out"
'

git -C "$kdir" config user.name "Ada Tester"
git -C "$kdir" config user.email ada@example.org
# KDIR's own state, which make series must leave alone: a staged change, an
# unstaged one, an untracked file, and the branches.
echo "/* staged */" >>"$kdir/mm/slub.c" && git -C "$kdir" add mm/slub.c
echo "/* unstaged */" >>"$kdir/mm/slub.c"
echo untracked >"$kdir/untracked.txt"
kdir_state() {
	git -C "$kdir" rev-parse HEAD
	git -C "$kdir" symbolic-ref -q HEAD || echo detached
	git -C "$kdir" status --porcelain=v1 --untracked-files=all
	git -C "$kdir" ls-files -s | git hash-object --stdin
	git -C "$kdir" diff | git hash-object --stdin
	git -C "$kdir" for-each-ref --format='%(refname) %(objectname)' refs/heads/ |
		grep -v "^refs/heads/$branch "
}
kdir_state >"$TRASH/state.before"

start=$(date +%s)
test_expect_success 'make series succeeds and names the patches' '
	series TRAILERS="$trailers" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^series.sh: 10 patch(es) and a cover letter in $out/; $branch is at " "$TRASH/out" &&
	grep -q "^series-checkpatch.sh: checkpatch.pl on 10 patch(es): 0 error(s), 0 warning(s)\$" "$TRASH/out" &&
	grep -qx "series.sh: callers: KVM: VMX: Use higher-level allocator API" "$TRASH/out" &&
	test "$(grep -c -E "^series.sh: (nolock|split|move-buddy|callers|remove-node|move-alloc-pages): " "$TRASH/out")" -eq 10
'
echo "# make series: $(($(date +%s) - start))s"

cat >"$TRASH/subjects" <<'EOF'
mm/page_alloc: rename ALLOC_TRYLOCK -> ALLOC_NOLOCK
mm: Split out internal page_alloc.h
mm: Move the buddy allocator's helpers to mm/page_alloc.h
perf/x86/intel: Use higher-level allocator API
KVM: VMX: Use higher-level allocator API
x86/virt: Use higher-level allocator API
sgi-xp: Use higher-level allocator API
net/funeth: Use higher-level allocator API
mm: Remove __alloc_pages_node()
mm: Move __alloc_pages() to mm/page_alloc.h
EOF

# The series' commits, after b4's cover-letter commit.
commits() { git -C "$kdir" rev-list --reverse "$base..$branch" | sed 1d; }

test_expect_success "$branch: b4's cover commit on BASE, then the commits, subjects exact and in order" '
	cover=$(git -C "$kdir" rev-list --reverse "$base..$branch" | sed -n 1p) &&
	test "$(git -C "$kdir" rev-parse "$cover^")" = "$base" &&
	git -C "$kdir" log -1 --format=%B "$cover" | grep -qx -- "--- b4-submit-tracking ---" &&
	test -z "$(git -C "$kdir" diff-tree --no-commit-id -r "$cover")" &&
	for c in $(commits); do git -C "$kdir" log -1 --format=%s "$c"; done >"$TRASH/have" &&
	test_cmp "$TRASH/subjects" "$TRASH/have" &&
	! grep -E ".{76}" "$TRASH/have"
'

test_expect_success 'one commit per subsystem: each caller file in its own commit' '
	for c in $(commits | sed -n 4,8p); do
		git -C "$kdir" diff-tree --no-commit-id --name-only -r "$c"
	done >"$TRASH/have" &&
	printf "%s\n" arch/x86/events/intel/ds.c arch/x86/kvm/vmx/vmx.c \
		arch/x86/virt/hw.c drivers/misc/sgi-xp/xpc_uv.c \
		drivers/net/ethernet/fungible/funeth/funeth_rx.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'the patch files: a cover letter and one per commit, numbered' '
	ls "$out" >"$TRASH/files" &&
	test "$(wc -l <"$TRASH/files")" -eq 11 &&
	test "$(sed -n 1p "$TRASH/files")" = 0000-mm-make-__alloc_pages-and-__alloc_pages_node-private-to-mm.patch &&
	for p in "$out"/0*.patch; do headers "$p" | sed -n "s/^Subject: //p"; done >"$TRASH/have" &&
	{ echo "[PATCH 00/10] $(sed -n 1p "$TOOLKIT/cocci/page-alloc/cover.txt")" &&
	  awk "{ printf \"[PATCH %02d/10] %s\n\", NR, \$0 }" "$TRASH/subjects"; } >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

# The body of commit N (1-based) of the series, without its trailers.
body() {
	git -C "$kdir" log -1 --format=%b "$(commits | sed -n "${1}p")" |
		sed '/^Assisted-by: /,$d'
}

test_expect_success 'a caller commit: the rationale, then its entry body' '
	body 5 >"$TRASH/have" &&
	{ cat "$TOOLKIT/drivers-migrated/page-alloc/_rationale-node.txt" && echo &&
	  sed "1,/^\$/d" "$TOOLKIT/drivers-migrated/page-alloc/kvm-vmx.txt" && echo; } >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'the split commit lists what moved, computed from the diff' '
	body 2 | tr "\n" " " >"$TRASH/have" &&
	grep -q "Moved from mm/internal.h to the new mm/page_alloc.h: " "$TRASH/have" &&
	grep -q "struct alloc_context" "$TRASH/have" &&
	git -C "$kdir" show "$(commits | sed -n 1p):mm/internal.h" | sed -n "s/^#define \(ALLOC_[A-Z_]*\).*/\1/p" | sort -u >"$TRASH/flags" &&
	test "$(wc -l <"$TRASH/flags")" -ge 10 &&
	while read -r flag; do grep -q "$flag[,. ]" "$TRASH/have" || { echo "no $flag"; exit 1; }; done <"$TRASH/flags" &&
	grep -q "MAINTAINERS lists it under MEMORY MANAGEMENT" "$TRASH/have"
'

test_expect_success 'the remove-node commit: VM_WARN_ON_ONCE() for VM_BUG_ON(), because of checkpatch' '
	body 9 | tr "\n" " " >"$TRASH/have" &&
	grep -q "VM_WARN_ON_ONCE()" "$TRASH/have" &&
	grep -q "had VM_BUG_ON()" "$TRASH/have" &&
	grep -q "checkpatch.pl rejects new BUG_ON() variants" "$TRASH/have"
'

test_expect_success 'every commit ends with TRAILERS, then Signed-off-by; author and dates fixed' '
	{ printf "%s\n" "$trailers" | tr ";" "\n" &&
	  echo "Signed-off-by: Ada Tester <ada@example.org>"; } >"$TRASH/want" &&
	for c in $(commits); do
		git -C "$kdir" log -1 --format=%B "$c" | sed "/^\$/d" | tail -n 4 >"$TRASH/have" &&
		test_cmp "$TRASH/want" "$TRASH/have" || exit 1
	done &&
	git -C "$kdir" log --format="%an <%ae> %ad %cn <%ce> %cd" "$base..$branch" | sort -u >"$TRASH/have" &&
	d=$(git -C "$kdir" log -1 --format=%cd "$base") &&
	echo "Ada Tester <ada@example.org> $d Ada Tester <ada@example.org> $d" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'the cover letter: subject, summary, shortlog, diffstat, base-commit, change-id' '
	c=$(ls "$out"/0000-*.patch) &&
	{ sed 1,2d "$TOOLKIT/cocci/page-alloc/cover.txt" && echo && echo ---; } >"$TRASH/want" &&
	awk "body && /^Ada Tester \(10\):\$/ { exit } body { print } NF == 0 { body = 1 }" "$c" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	sed "s/^/      /" "$TRASH/subjects" >"$TRASH/want" &&
	awk "/^Ada Tester \(10\):\$/ { f = 1; next } f && NF == 0 { exit } f" "$c" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -qxF "$(git -C "$kdir" diff --shortstat "$base" "$branch")" "$c" &&
	grep -qx "base-commit: $base" "$c" &&
	grep -qE "^change-id: [0-9]{8}-api-migrate-page-alloc-[0-9a-f]{12}\$" "$c" &&
	test "$(sed -n "/^base-commit: /{n;p;}" "$c" | cut -d" " -f1)" = change-id: &&
	d=$(git -C "$kdir" log -1 --format=%cd --date=rfc2822 "$base") &&
	for p in "$out"/*.patch; do
		test "$(headers "$p" | grep -c "^Date: ")" -eq 1 &&
		headers "$p" | grep -qx "Date: $d" || { echo "Date: in $p"; exit 1; }
	done &&
	! grep -qi "^Message-Id:" "$out"/*.patch
'

test_expect_success 'mm/page_alloc.h is created in the series' '
	grep -A 1 -x "diff --git a/mm/page_alloc.h b/mm/page_alloc.h" "$out"/0002-*.patch |
		grep -qx "new file mode 100644" &&
	grep -qx "+++ b/mm/page_alloc.h" "$out"/0002-*.patch
'

test_expect_success 'To: and Cc: from b4 prep -c in the cover commit: maintainers in To:, lists in Cc:' '
	cover=$(git -C "$kdir" rev-list --reverse "$base..$branch" | sed -n 1p) &&
	git -C "$kdir" log -1 --format=%B "$cover" >"$TRASH/cover" &&
	grep -qx "To: Andrew Morton <akpm@linux-foundation.org>" "$TRASH/cover" &&
	grep -qx "To: Paolo Bonzini <pbonzini@redhat.com>" "$TRASH/cover" &&
	grep -qx "Cc: linux-mm@kvack.org" "$TRASH/cover" &&
	grep -qx "Cc: kvm@vger.kernel.org" "$TRASH/cover" &&
	! grep "^Cc: .*<" "$TRASH/cover" &&
	! grep -q "^To: .*@vger.kernel.org" "$TRASH/cover" &&
	{ sed -n 1p "$TOOLKIT/cocci/page-alloc/cover.txt" && echo &&
	  sed 1,2d "$TOOLKIT/cocci/page-alloc/cover.txt"; } >"$TRASH/want" &&
	sed -n "1,$(wc -l <"$TRASH/want")p" "$TRASH/cover" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

# A finding on a line a commit moves unchanged (move-buddy's helpers) is a
# note: a move does not rewrite the code it moves.
test_expect_success 'checkpatch.pl: 0 errors, 0 warnings on every patch' '
	"$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$o/scratch" $(ls "$out"/*.patch | sed 1d) >"$TRASH/cp" &&
	tail -n 1 "$TRASH/cp" | grep -x "series-checkpatch.sh: checkpatch.pl on 10 patch(es): 0 error(s), 0 warning(s)"
'

test_expect_success 'KDIR: HEAD, index, status and branches as they were; BRANCH is new, recorded' '
	kdir_state >"$TRASH/state.after" &&
	test_cmp "$TRASH/state.before" "$TRASH/state.after" &&
	test "$(git -C "$kdir" rev-parse "refs/series-made/$branch")" = "$(git -C "$kdir" rev-parse --verify -q "refs/heads/$branch")"
'

test_expect_success 'a second run: the same commits, byte-identical files' '
	rm -rf "$TRASH/first" && cp -R "$out" "$TRASH/first" &&
	head=$(git -C "$kdir" rev-parse "$branch") &&
	series TRAILERS="$trailers" >"$TRASH/out2" 2>"$TRASH/err2" &&
	test "$(git -C "$kdir" rev-parse "$branch")" = "$head" &&
	(cd "$TRASH/first" && ls) >"$TRASH/first.ls" &&
	(cd "$out" && ls) >"$TRASH/second.ls" &&
	test_cmp "$TRASH/first.ls" "$TRASH/second.ls" &&
	for f in $(cat "$TRASH/first.ls"); do cmp "$TRASH/first/$f" "$out/$f" || exit 1; done
'

test_expect_success 'git am of the series onto BASE gives the tree make apply gives' '
	git -C "$kdir" reset -q --hard && git -C "$kdir" clean -q -fd &&
	make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" >"$TRASH/apply.out" 2>&1 &&
	want=$(git -C "$o/scratch" rev-parse "HEAD^{tree}") &&
	git -C "$o/scratch" checkout -q --detach "$base" &&
	git -C "$o/scratch" am -q $(ls "$out"/*.patch | sed 1d) &&
	test "$(git -C "$o/scratch" rev-parse "HEAD^{tree}")" = "$want" &&
	test -f "$o/scratch/mm/page_alloc.h"
'

test_expect_success 'from the migrated tree: each step named as skipped, nothing to change' '
	series BASE="$branch" BRANCH=api-migrate/again >"$TRASH/out3" 2>&1 &&
	for s in nolock split callers remove-node move-alloc-pages; do
		grep -qx "series.sh: $s: skipped: no change" "$TRASH/out3" || exit 1
	done &&
	grep -q "^series.sh: nothing to change: BASE is already migrated" "$TRASH/out3" &&
	test -z "$(ls "$out")" &&
	test "$(git -C "$kdir" rev-parse api-migrate/again)" = "$(git -C "$kdir" rev-parse "$branch")"
'

# An interrupt while b4 works (a b4 that sends SIGTERM to series.sh, whose
# pid it reads from a file, at "b4 prep -c"; SIGTERM, since a job a script
# starts in the background ignores SIGINT, and series.sh ends on both
# alike): one line saying so, exit 2, O/series as the last run left it, no
# scratch branch left in KDIR (b4 prep -c runs while the series is on it).
fake=$TRASH/bin
mkdir -p "$fake"
cat >"$fake/b4" <<EOF_B4
#!/bin/sh
case " \$* " in
*" prep -c "*) kill -TERM "\$(cat "$TRASH/series.pid")"; sleep 5; exit 1 ;;
esac
exec /usr/bin/b4 "\$@"
EOF_B4
chmod +x "$fake/b4"
test_expect_success 'interrupted while b4 works: said, exit 2, the last patches kept, no scratch branch' '
	git -C "$kdir" checkout -q --detach "$base" &&
	series BRANCH=api-migrate/t0700 >/dev/null 2>&1 &&
	(cd "$out" && ls && cat ./*.patch | cksum) >"$TRASH/before" &&
	{
		env PATH="$fake:$PATH" KDIR="$kdir" O="$o" BRANCH=api-migrate/t0700 "$TOOLKIT/scripts/series/series.sh" \
			>"$TRASH/out" 2>"$TRASH/err" </dev/null &
	} &&
	echo $! >"$TRASH/series.pid" &&
	{ wait $!; rc=$?; } &&
	test $rc -eq 2 &&
	grep -x "series.sh: error: interrupted" "$TRASH/err" &&
	(cd "$out" && ls && cat ./*.patch | cksum) >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after" &&
	test -z "$(git -C "$kdir" for-each-ref refs/heads/series-b4-scratch/)"
'

test_done
