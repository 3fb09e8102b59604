#!/bin/sh
# make series: the migration as a patch series, ready to mail.
#
#   series.sh
#
# The steps run as make apply runs them (scripts/lib/steps.sh), in O's
# scratch worktree of KDIR, $O/scratch, at BASE, and each is committed there
# with the message its spec names (series-message.sh); a step whose spec
# says "commits: per-subsystem" becomes one commit per subsystem
# (series-subsystems.sh). series-b4.sh then makes them a b4-prep series on
# BRANCH (b4's cover-letter commit, with the subject and body of the spec's
# cover: file, To:/Cc: from b4 prep -c) and b4 writes the patches into
# $O/series/, which series-checkpatch.sh checks. A BRANCH with work make
# series did not write is refused before anything runs (series-guard.sh).
# KDIR's checkout, index and other branches are never touched; the same
# inputs give the same commits and byte-identical patches.
#
# Environment: MIGRATION, KDIR, O, J, V, STEPS; BASE (default: KDIR's
# HEAD); BRANCH (default: the spec's branch:, else api-migrate/MIGRATION);
# COMMITS (one or per-subsystem, for the steps whose message has @PREFIX@);
# TRAILERS (extra trailers for every commit, "Token: value", separated by
# newlines or ';'); FORCE (1: rewrite a BRANCH that has work make series did
# not write, or is on another BASE).
#
# Exit: 0 series written and checkpatch-clean, 1 a step failed or checkpatch
# has findings, 2 usage or environment errors.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/../lib/spec.sh"
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "$0")/../lib/steps.sh"
# shellcheck source=scripts/lib/b4.sh
. "$(dirname "$0")/../lib/b4.sh"
# shellcheck source=check/checkpatch/cache.sh
. "$TOOLKIT/check/checkpatch/cache.sh"

[ $# -eq 0 ] || die "usage: $prog (takes KDIR, O, BASE, BRANCH, TRAILERS, STEPS, FORCE from the environment)"
absolute_o
require_kdir "$KDIR"
require_cmd git git
require_cmd perl perl
require_cmd b4 b4
lock_runs series
spec_load
steps_selected
step_findings=0

case ${COMMITS:-one} in
one | per-subsystem) ;;
*) die "COMMITS=$COMMITS: write COMMITS=one or COMMITS=per-subsystem" ;;
esac
BRANCH=$(series_branch)
# The cover letter's text: subject, blank line, body.
cover_text=$SPEC_DIR/$(spec_get 0 cover)
git check-ref-format --branch "$BRANCH" >/dev/null 2>&1 ||
	die "BRANCH=$BRANCH is not a valid branch name; pass another BRANCH="
base=$(git -C "$KDIR" rev-parse --verify -q "${BASE:-HEAD}^{commit}") ||
	die "BASE=${BASE:-HEAD} is not a commit of KDIR=$KDIR; pass BASE=<commit>"
out=$O/series
tree=$O/scratch
# $tree has BRANCH checked out only while series-b4.sh runs.
checked_out=$(git -C "$KDIR" worktree list --porcelain |
	awk -v ref="branch refs/heads/$BRANCH" -v tree="$tree" '/^worktree / { wt = substr($0, 10) } $0 == ref && wt != tree { print wt }')
[ -z "$checked_out" ] ||
	die "BRANCH=$BRANCH is checked out in $checked_out; check out another branch there or pass BRANCH=<name>"

# Author, committer and Signed-off-by: the identity git uses in KDIR.
name=$(git -C "$KDIR" config user.name) && email=$(git -C "$KDIR" config user.email) &&
	[ -n "$name" ] && [ -n "$email" ] ||
	die "no git identity for KDIR=$KDIR; set it with: git config user.name 'Your Name'; git config user.email you@example.org"
SERIES_SIGNOFF="Signed-off-by: $name <$email>"

# TRAILERS: one "Token: value" per line or ';'-separated item.
SERIES_TRAILERS=$(printf '%s\n' "${TRAILERS:-}" | tr ';' '\n' |
	sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | sed '/^$/d')
bad=$(printf '%s\n' "$SERIES_TRAILERS" | sed '/^$/d' | grep -v -E '^[A-Za-z][A-Za-z0-9-]*: [^[:space:]]' | head -n 1)
[ -z "$bad" ] ||
	die "TRAILERS: '$bad' is not a trailer; write 'Token: value', several separated by newlines or ';'"
export SERIES_SIGNOFF SERIES_TRAILERS

# Fixed dates, BASE's committer date, make the commits and so the patches
# reproducible. b4 0.12 looks for its cover-letter commit only among the
# commits of the last year (git log --since=1.year): for a BASE older than
# 300 days the committer date is today's midnight (UTC) instead.
date=$(git -C "$KDIR" log -1 --format=%cd --date=raw "$base")
cdate=$date
now=$(date +%s)
[ "${date%% *}" -ge $((now - 300 * 86400)) ] || cdate="$((now - now % 86400)) +0000"
GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date
GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$cdate
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE
export GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE

SERIES_BASE=$base
# Whose API it is, for a treewide commit's recipients (series-recipients.sh):
# the spec's api: headers, else those its move steps take declarations from.
SERIES_API=$(spec_get 0 api | tr '\n' ' ')
[ -n "$SERIES_API" ] ||
	SERIES_API=$(awk -F'\t' '$2 == "from" { print $3 }' "$SPEC_PARSED" | sort -u | tr '\n' ' ')
export SERIES_BASE BRANCH SERIES_API
# What the new series keeps of BRANCH's: its b4 revision and change-id.
series_id=$("$TOOLKIT/scripts/series/series-guard.sh") || exit 2
make_work_dir

# Always detached: BRANCH only moves at the end.
scratch_worktree "$base"
for f in scripts/checkpatch.pl scripts/get_maintainer.pl MAINTAINERS; do
	[ -f "$tree/$f" ] || die "BASE=${BASE:-HEAD} has no $f; the series needs a kernel tree that has it"
done
spec_check_tree "$tree" "$steps"
# The patches are written beside the last ones and take their place only
# when complete (swap_out): an interrupted run leaves them as they were.
new_out=$out.new
rm -rf "$new_out" && mkdir -p "$new_out" || die "cannot create $new_out"
swap_out() {
	rm -rf "$out.old" &&
	{ [ ! -e "$out" ] || mv "$out" "$out.old"; } &&
	mv "$new_out" "$out" && rm -rf "$out.old" || die "cannot move $new_out to $out"
}
# Nothing to do: no patches (an empty $out, as below when no step changed).
if migration_done "$tree"; then
	swap_out
	info "nothing to change: BASE is already migrated (no code names $done_names); no series written"
	exit 0
fi

for s in $steps; do
	before=$(git -C "$tree" rev-parse HEAD)
	step_run "$tree" "$s" "no series was written" || continue
	git -C "$tree" add -A || die "cannot stage step $s in $tree"
	case $(step_commits "$s") in
	per-subsystem) (cd "$tree" && "$TOOLKIT/scripts/series/series-subsystems.sh" "$s") ;;
	*) (cd "$tree" && "$TOOLKIT/scripts/series/series-message.sh" "$s" >"$work/msg" &&
		"$TOOLKIT/scripts/series/series-commit.sh" "$work/msg") ;;
	esac || die "cannot commit step $s in $tree; no series was written"
	git -C "$tree" log --reverse --format=%s "$before..HEAD" |
		while IFS= read -r subject; do info "$s: $subject"; done
done

head=$(git -C "$tree" rev-parse HEAD)
if [ "$head" = "$base" ]; then
	git -C "$tree" branch -f "$BRANCH" "$head" && git -C "$tree" update-ref "refs/series-made/$BRANCH" "$head" ||
		die "cannot point BRANCH=$BRANCH at $head; pass another BRANCH="
	swap_out
	info "nothing to change: BASE is already migrated; no series written ($BRANCH is BASE)"
	exit 0
fi

# shellcheck disable=SC2086
"$TOOLKIT/scripts/series/series-b4.sh" "$tree" "$head" "$new_out" "$cover_text" $series_id || exit 2
swap_out
set --
for p in "$out"/*.patch; do
	case ${p##*/} in 0000-*) ;; *) set -- "$@" "$p" ;; esac
done
"$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" "$@" >"$work/checkpatch"
rc=$?
cat "$work/checkpatch"
[ $rc -le 1 ] || exit $rc
# make check of the series (make's next step) need not check it again.
checkpatch_keep "$(checkpatch_entry "$KDIR" "$base" "$(git -C "$KDIR" rev-parse "$BRANCH")" head)" "" $rc "$work/checkpatch"
cover=$(b4_cover_commit "$KDIR" "$BRANCH")
to=$(git -C "$KDIR" log -1 --format=%B "$cover" | grep -c '^To: ')
cc=$(git -C "$KDIR" log -1 --format=%B "$cover" | grep -c '^Cc: ')
[ $((to + cc)) -le 30 ] ||
	info "the cover letter has $to To: and $cc Cc: recipients; trim them with b4 prep --edit-cover before b4 send"
info "$# patch(es) and a cover letter in $out/; $BRANCH is at $(git -C "$KDIR" rev-parse --short "$BRANCH"), b4 series $(b4_tracking "$KDIR" "$cover" change-id) v$(b4_tracking "$KDIR" "$cover" revision)"
[ $rc -eq 0 ] || printf '%s: error: checkpatch.pl has findings on the series (listed above)\n' "$prog" >&2
if [ "$step_findings" = 1 ]; then
	printf '%s: error: the steps left calls to a human (warnings above); migrate them by hand\n' "$prog" >&2
	rc=1
fi
exit $rc
