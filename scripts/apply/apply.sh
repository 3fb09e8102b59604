#!/bin/sh
# make apply: run the migration's steps over KDIR.
#
#   apply.sh [--scratch]
#
# The steps run one after another in O's scratch git worktree of KDIR,
# $O/scratch, at KDIR's HEAD, each committed there, so a failing step is
# reset without touching anything of the user's. The per-step patches land in
# $O/apply/NN-STEP.patch; unless --scratch is given, their sum is then
# applied to KDIR's working tree in one "git apply", after checking that
# KDIR is clean. That write is all or nothing: every path it touches is
# saved first, and a failure or an interrupt part-way puts them back (files
# restored, files and directories it created removed) and says so.
#
# Environment: MIGRATION, KDIR, O, J, V, STEPS (default: every step, in
# order). Exit 0 applied, 1 a step failed (nothing applied) or left findings
# (applied; the findings printed compiler-style), 2 usage or environment.
# How a step runs: scripts/lib/steps.sh.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/../lib/spec.sh"
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "$0")/../lib/steps.sh"

scratch=0
case "${1:-}" in
--scratch) scratch=1 ;;
"") ;;
*) die "usage: $prog [--scratch]" ;;
esac

absolute_o
require_kdir "$KDIR"
require_cmd git git
lock_runs apply
[ "$scratch" = 1 ] || require_clean "$KDIR"
spec_load "$KDIR" "${STEPS:-}"
steps_selected
step_findings=0
if migration_done "$KDIR"; then
	info "nothing to change: KDIR is already migrated (no code names $done_names)"
	exit 0
fi

out=$O/apply
tree=$O/scratch
mkdir -p "$out" || die "cannot create $out"
rm -f "$out"/*.patch

base=$(git -C "$KDIR" rev-parse HEAD)
scratch_worktree "$base"

# Commits in the scratch tree are ours: fixed identity, no user hooks.
commit() {
	git -C "$tree" add -A &&
	git -C "$tree" -c user.name=api-migrate -c user.email=api-migrate@localhost \
		-c core.hooksPath=/dev/null commit -q --no-verify -m "$1"
}

# A step's edits are committed when the next step starts (it runs on them,
# and a failure resets it to them) or at the end when they are read from
# the commits; a tree-wide step's commit costs a second.
n=0
patches=
pending=
commit_pending() {
	[ -z "$pending" ] || commit "$pending" || die "cannot commit step $pending in $tree"
	pending=
}
for s in $steps; do
	commit_pending
	n=$((n + 1))
	patch=$(printf '%s/%02d-%s.patch' "$out" "$n" "$s")
	step_run "$tree" "$s" "nothing was applied" "$patch" || continue
	pending=$s
	patches="$patches $patch"
	git -C "$tree" apply --numstat "$patch" |
		while read -r add del path; do
			printf '%s: %s: %s +%s -%s\n' "$prog" "$s" "$path" "$add" "$del"
		done
done

# findings_exit: exit 1 when a step left findings, after saying so.
findings_exit() {
	[ "$step_findings" = 1 ] || exit 0
	printf '%s: error: the steps left calls to a human (warnings above); migrate them by hand\n' "$prog" >&2
	exit 1
}

# One step's patch is the whole patch.
# shellcheck disable=SC2086
set -- $patches
if [ $# -eq 1 ]; then
	cp "$1" "$out/all.patch"
else
	commit_pending
	env "$git_diff_malloc" git -C "$tree" diff --no-ext-diff --no-textconv --binary --no-renames "$base" HEAD >"$out/all.patch"
fi
if [ ! -s "$out/all.patch" ]; then
	info "nothing to change: KDIR is already migrated"
	findings_exit
fi
if [ "$scratch" = 1 ]; then
	commit_pending
	info "migrated tree in $tree (KDIR untouched); patches in $out/"
	findings_exit
fi
# The paths the patch touches, and a copy of each that exists (one cp for
# all: a tree-wide rename touches hundreds); a path that does not is noted
# with the top directory the write would create for it.
saved=$out/saved
rm -rf "$saved" && mkdir -p "$saved" || die "cannot create $saved"
# "ADD<tab>DEL<tab>PATH" ended by a NUL each (the patches have no renames,
# so a path is one file).
git -C "$tree" apply --numstat -z "$out/all.patch" >"$out/numstat" ||
	die "cannot list the paths of $out/all.patch"
tr '\0' '\n' <"$out/numstat" | cut -f 3- >"$out/paths"
: >"$out/new-dirs"
: >"$out/existing"
while IFS= read -r p; do
	if [ -e "$KDIR/$p" ] || [ -L "$KDIR/$p" ]; then
		echo "$p" >>"$out/existing"
		continue
	fi
	d=$(dirname "$p") top=
	while [ "$d" != . ] && [ ! -d "$KDIR/$d" ]; do top=$d d=$(dirname "$d"); done
	[ -z "$top" ] || echo "$top" >>"$out/new-dirs"
done <"$out/paths"
if [ -s "$out/existing" ]; then
	(cd "$KDIR" && tr '\n' '\0' <"$out/existing" | xargs -0 cp -P -p --parents -t "$saved") ||
		die "cannot save the files the patch changes from KDIR=$KDIR in $saved; nothing was applied"
fi

# restore: KDIR's touched paths as saved; prints what could not be put back.
restore() {
	while IFS= read -r p; do
		if [ -e "$saved/$p" ] || [ -L "$saved/$p" ]; then
			cmp -s "$saved/$p" "$KDIR/$p" &&
				[ "$(stat -c %a "$saved/$p")" = "$(stat -c %a "$KDIR/$p")" ] && continue
			rm -f "$KDIR/$p" 2>/dev/null
			cp -P -p "$saved/$p" "$KDIR/$p" 2>/dev/null || echo "$p"
		elif [ -e "$KDIR/$p" ] || [ -L "$KDIR/$p" ]; then
			rm -f "$KDIR/$p" 2>/dev/null || echo "$p"
		fi
	done <"$out/paths"
	sort -u "$out/new-dirs" | while IFS= read -r d; do
		[ ! -e "$KDIR/$d" ] || rm -rf "${KDIR:?}/$d" 2>/dev/null || echo "$d/"
	done
}

# failed WHAT: KDIR put back, and the error says whether it is.
failed() {
	left=$(restore)
	[ -n "$left" ] &&
		die "$1; KDIR=$KDIR could not be fully restored: $(printf %s "$left" | tr "\n" " ") differ from before the run; their copies are in $saved"
	die "$1; KDIR=$KDIR is restored as it was before the run; fix the cause and run make apply again"
}

trap 'failed "interrupted while applying the patch"' INT TERM HUP
git -C "$KDIR" apply "$out/all.patch" 2>"$out/apply.err" || {
	cat "$out/apply.err" >&2
	# git apply checks every hunk before it writes: a patch that does not
	# apply (KDIR changed during the run) has written nothing.
	hint=
	grep -q 'patch does not apply' "$out/apply.err" && hint="; did KDIR change during the run?"
	failed "git apply failed on KDIR=$KDIR ($(grep -m 1 '^error: ' "$out/apply.err" | sed 's/^error: //'))$hint"
}
trap_interrupt
info "applied $(wc -l <"$out/paths") file(s) to $KDIR; patches in $out/"
findings_exit
