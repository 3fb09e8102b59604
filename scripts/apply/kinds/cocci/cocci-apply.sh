#!/bin/sh
# Apply a step's semantic patches to the given files in the current tree, in
# place, with byte-minimal results: spatch treats each file on its own.
#
#   cocci-apply.sh COCCI... -- FILE...
#
# The semantic patches become one (cocci-combine.awk), run in patch and
# report mode at once over the FILEs (GNU parallel, J runs at a time): the
# rewrites go in place, and the report rules, which follow the patch rules,
# print on stdout what is left for a human. spatch re-prints what it
# rewrites (a call under a cast gains a space after the cast), so a change
# that is only identifiers renamed is redone token by token from the file
# as it was (cocci-minimize.awk, rename-files.sh); spatch's other rewrites
# (argument reordering) stay. The warnings are printed at their positions
# in the result, sorted.
#
# SSHLOGIN (GNU parallel's --sshlogin syntax, logins separated by commas):
# the spatch runs happen there, each file transferred, rewritten and
# returned; every login must reach a machine with spatch, rsync and perl,
# or nothing is run (exit 2, the login named).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../../lib/lib.sh"

usage="usage: $prog COCCI... -- FILE..."
coccis=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	[ -r "$1" ] || die "$1 not found"
	coccis="$coccis $1"
	shift
done
if [ $# -lt 2 ] || [ -z "$coccis" ]; then die "$usage"; fi
shift
require_cmd spatch coccinelle
require_cmd parallel parallel

make_work_dir
# shellcheck disable=SC2086
awk -f "$TOOLKIT/scripts/apply/kinds/cocci/cocci-combine.awk" $coccis >"$work/all.cocci" || exit 2
printf '%s\n' "$@" >"$work/files"

# check_logins: every login of SSHLOGIN reaches a machine with spatch,
# rsync and perl (what GNU parallel runs there), else exit 2 naming it.
check_logins() {
	printf '%s\n' "$SSHLOGIN" | tr ',' '\n' | sed 's|^[0-9]*/||; /^ *$/d' >"$work/logins"
	while read -r login; do
		[ "$login" = : ] && continue
		case $login in
		*" "*) ssh=$login ;;
		*) ssh="ssh $login" ;;
		esac
		$ssh -n -o BatchMode=yes -o ConnectTimeout=10 true >/dev/null 2>&1 ||
			die "SSHLOGIN: cannot log in with '$ssh'; nothing was changed"
		# One session for the three (each costs the remote shell's start).
		# shellcheck disable=SC2016
		missing=$($ssh -n -o BatchMode=yes \
			'for c in spatch rsync perl; do command -v $c >/dev/null || { echo $c; exit; }; done' 2>/dev/null)
		[ -z "$missing" ] ||
			die "SSHLOGIN: '$login' has no $missing; install coccinelle, rsync and perl there; nothing was changed"
	done <"$work/logins"
}
if [ -n "${SSHLOGIN:-}" ]; then
	require_cmd rsync rsync
	require_cmd ssh openssh-client
	check_logins
fi

# Progress: GNU parallel's bar on a terminal, else one line.
jobs=${J:-2}
if [ -t 2 ] || [ "${STEP_TTY:-0}" = 1 ]; then
	bar=--bar
else
	bar=
	files=files
	[ $# -eq 1 ] && files='file'
	printf '%s: spatch over %d %s, %s jobs%s\n' "${STEP_NAME:-$prog}" $# "$files" "$jobs" \
		"${SSHLOGIN:+ on $SSHLOGIN}" >&2
fi

snapshot "$work/old" "$@"
per=$((($# + jobs - 1) / jobs))
[ "$per" -le 64 ] || per=64
# The patch rules rewrite each file in place, the report rules print what
# is left. Here: the files in J runs (at most 64 files a run, for the bar),
# each file on its own (scripts/apply/kinds/cocci/cocci-chunk.sh), since each spatch run pays
# about a second to start. On SSHLOGIN: one run per file, each file
# transferred there and back.
run_spatch() {
	if [ -z "${SSHLOGIN:-}" ]; then
		# shellcheck disable=SC2086
		parallel $bar -j "$jobs" -n "$per" -a "$work/files" \
			"$TOOLKIT/scripts/apply/kinds/cocci/cocci-chunk.sh" "$work/all.cocci" "$work/chunk{#}" {}
		return
	fi
	# shellcheck disable=SC2086,SC2046
	parallel $bar -j "$jobs" --sshlogin "$SSHLOGIN" --workdir ... --transferfile {} --return {} \
		--cleanup --basefile "$work/all.cocci" -a "$work/files" \
		spatch --very-quiet --no-show-diff $(cocci_options "$work/all.cocci") -D patch -D report \
		--in-place --sp-file "$work/all.cocci" {}
}
run_spatch >"$work/report" || die "spatch failed on$coccis; rerun with J=1 to see which file"

# Byte-minimal: what is only a rename is done by position on the file as it
# was; the rest of spatch's rewrite applies on top.
: >"$work/renames"
: >"$work/changed"
n=0
for f in "$@"; do
	cmp -s "$work/old/$f" "$f" && continue
	n=$((n + 1))
	echo "$n $f" >>"$work/changed"
	: >"$work/rest.$n"
	diff -U0 --label "a/$f" --label "b/$f" "$work/old/$f" "$f" >"$work/diff"
	awk -v path="$f" -v renames="$work/renames" -v rest="$work/rest.$n" \
		-f "$TOOLKIT/scripts/apply/kinds/cocci/cocci-minimize.awk" "$work/diff" || exit 2
	cp "$work/old/$f" "$f" || die "cannot restore $f"
done
if [ -s "$work/renames" ]; then
	# The lines spatch's other rewrites replace are theirs: "path line" of
	# each old line the rest hunks name.
	while read -r n f; do
		sed -n 's/^@@ -\([0-9]*\)\(,\([0-9]*\)\)\{0,1\} .*/\1 \3/p' "$work/rest.$n" |
			awk -v f="$f" '{ c = $2 == "" ? 1 : $2; for (i = 0; i < c; i++) print f, $1 + i }'
	done <"$work/changed" >"$work/rewritten"
	"$TOOLKIT/scripts/apply/rename-files.sh" "$work/renames" &&
		LC_ALL=C awk -v keep="$work/rewritten" -f "$TOOLKIT/scripts/apply/rename-rows.awk" -f "$TOOLKIT/scripts/apply/realign.awk" "$work/renames" || exit 2
fi
while read -r n f; do
	grep -q '^@@ ' "$work/rest.$n" || continue
	git apply --unidiff-zero "$work/rest.$n" || die "cannot apply spatch's rewrite of $f"
done <"$work/changed"
# shellcheck disable=SC2046
squeeze_changed "$work/old" $(cut -d' ' -f2- "$work/changed")

# The warnings at their positions in the result.
while read -r n f; do
	awk -v mode=map -v path="$f" -f "$TOOLKIT/scripts/apply/kinds/cocci/cocci-minimize.awk" \
		"$work/renames" "$work/rest.$n" "$work/report" >"$work/report.new" &&
		mv "$work/report.new" "$work/report" || exit 2
done <"$work/changed"
sort -t: -k1,1 -k2,2n -k3,3n "$work/report"
exit 0
