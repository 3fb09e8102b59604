#!/bin/sh
# make series: the migration as a patch series, ready to mail.
#
#   series.sh
#
# The steps run as make apply runs them (scripts/steps.sh), in a git
# worktree of KDIR at BASE under $O/series-tree, and each is committed there
# with a message in our words (scripts/series-text/); the callers step
# becomes one commit per subsystem (series-callers.sh). BRANCH then points
# at the last commit, and git format-patch writes the series with a cover
# letter into $O/series/, which series-cover.sh, series-recipients.sh and
# series-checkpatch.sh finish. KDIR's checkout, index and other branches are
# never touched; the same inputs give byte-identical patches.
#
# Environment: KDIR, O, J, V, STEPS; BASE (default: KDIR's HEAD); BRANCH
# (default: api-migrate/page-alloc); TRAILERS (extra trailers for every
# commit, "Token: value", separated by newlines or ';').
#
# Exit: 0 series written and checkpatch-clean, 1 a step failed or checkpatch
# has findings, 2 usage or environment errors.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "$0")/lib/steps.sh"

[ $# -eq 0 ] || die "usage: $prog (takes KDIR, O, BASE, BRANCH, TRAILERS, STEPS from the environment)"
absolute_o
require_kdir "$KDIR"
require_cmd git git
require_cmd perl perl
lock_runs series
steps_selected

BRANCH=${BRANCH:-api-migrate/page-alloc}
git check-ref-format --branch "$BRANCH" >/dev/null 2>&1 ||
	die "BRANCH=$BRANCH is not a valid branch name; pass another BRANCH="
base=$(git -C "$KDIR" rev-parse --verify -q "${BASE:-HEAD}^{commit}") ||
	die "BASE=${BASE:-HEAD} is not a commit of KDIR=$KDIR; pass BASE=<commit>"
checked_out=$(git -C "$KDIR" worktree list --porcelain |
	awk -v ref="branch refs/heads/$BRANCH" '/^worktree / { wt = substr($0, 10) } $0 == ref { print wt }')
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
# reproducible.
date=$(git -C "$KDIR" log -1 --format=%cd --date=raw "$base")
GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date
GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$date
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE
export GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE

out=$O/series
tree=$O/series-tree
rm -rf "$out" && mkdir -p "$out" || die "cannot create $out"
make_work_dir
SERIES_BASE=$base
export SERIES_BASE

# Always detached: BRANCH only moves at the end.
worktree_at "$tree" "$base"
for f in scripts/checkpatch.pl scripts/get_maintainer.pl MAINTAINERS; do
	[ -f "$tree/$f" ] || die "BASE=${BASE:-HEAD} has no $f; the series needs a kernel tree that has it"
done

for s in $steps; do
	before=$(git -C "$tree" rev-parse HEAD)
	step_run "$tree" "$s" "no series was written" || continue
	git -C "$tree" add -A || die "cannot stage step $s in $tree"
	case $s in
	callers) (cd "$tree" && "$TOOLKIT/scripts/series-callers.sh") ;;
	*) (cd "$tree" && "$TOOLKIT/scripts/series-message.sh" "$s" >"$work/msg" &&
		"$TOOLKIT/scripts/series-commit.sh" "$work/msg") ;;
	esac || die "cannot commit step $s in $tree; no series was written"
	git -C "$tree" log --reverse --format=%s "$before..HEAD" |
		while IFS= read -r subject; do info "$s: $subject"; done
done

head=$(git -C "$tree" rev-parse HEAD)
git -C "$tree" branch -f "$BRANCH" "$head" ||
	die "cannot point BRANCH=$BRANCH at $head; pass another BRANCH="
if [ "$head" = "$base" ]; then
	info "nothing to change: BASE is already migrated; no series written ($BRANCH is BASE)"
	exit 0
fi

# Only what makes the series: no threading (Message-Ids), no To/Cc or extra
# headers from the user's format.* configuration, git's own diff prefixes.
git -C "$tree" -c diff.noprefix=false -c diff.mnemonicPrefix=false -c diff.relative=false \
	format-patch -q --cover-letter --cover-from-description=message --base="$base" \
	--numbered --no-thread --no-to --no-cc --no-add-header --no-notes --suffix=.patch \
	--encode-email-headers -o "$out" "$base..$head" >/dev/null ||
	die "git format-patch failed in $tree"

cover=$out/0000-cover-letter.patch
set --
for p in "$out"/*.patch; do
	[ "$p" = "$cover" ] || set -- "$@" "$p"
done
"$TOOLKIT/scripts/series-cover.sh" "$tree" "$BRANCH" "$cover" &&
	"$TOOLKIT/scripts/series-recipients.sh" "$tree" "$cover" "$@" || exit 2
"$TOOLKIT/scripts/series-checkpatch.sh" "$tree" "$@"
rc=$?
[ $rc -le 1 ] || exit $rc
info "$# patch(es) and a cover letter in $out/; $BRANCH is at $(git -C "$tree" rev-parse --short "$head")"
[ $rc -eq 0 ] || printf '%s: error: checkpatch.pl has findings on the series (listed above)\n' "$prog" >&2
exit $rc
