#!/bin/sh
# Run TREE's scripts/checkpatch.pl --terse --show-types on each PATCH, J
# jobs at a time (GNU parallel), and print its findings,
# "PATCH:LINE: LEVEL:TYPE: MESSAGE", as one run on each whole PATCH prints
# them, in the same order. A long patch (a tree-wide commit: hundreds of
# files, and checkpatch asks get_maintainer.pl about each) is checked in up
# to J parts side by side, cut where a file's diff starts; each part has the
# patch's message and trailer, so that the checks of the whole patch (the
# message, Signed-off-by, a diffstat naming MAINTAINERS) see what they see
# in the whole patch, and findings are mapped back to PATCH's lines
# (scripts/lib/patch-split.awk, check/checkpatch/checkpatch-join.awk).
#
#   checkpatch-parts.sh TREE PATCH...
#
# Exit: 0 checkpatch ran on every part (findings or not), 2 it did not (its
# stderr, a python traceback from the SPDX check, is passed on).
# /usr/bin comes first in PATH: checkpatch's SPDX check needs Debian's
# python3-ply, which a pyenv or venv python3 does not see.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../scripts/lib/lib.sh"

[ $# -ge 2 ] || die "usage: $prog TREE PATCH..."
tree=$1
shift
[ -f "$tree/scripts/checkpatch.pl" ] || die "no scripts/checkpatch.pl in $tree"
require_cmd parallel parallel
make_work_dir
jobs=${J:-2}
case $jobs in '' | *[!0-9]* | 0) die "J=$jobs: pass a number of jobs, 1 or more" ;; esac

# Patch I's parts are $work/pI.K, their lines' places in it in $work/map
# ("I PART LINE PATCH_LINE"). A part is 1000 lines at least: each costs
# checkpatch.pl's start and a read of the message, a file about a second
# (get_maintainer.pl --status for its "obsolete" check).
i=0
: >"$work/map"
for p in "$@"; do
	i=$((i + 1))
	printf '%s\n' "$p" >>"$work/patches"
	lines=$(wc -l <"$p") || die "cannot read $p"
	parts=$((lines / 1000 + 1))
	[ "$parts" -le "$jobs" ] || parts=$jobs
	# checkpatch looks up each __setup() in the patch's
	# kernel-parameters.txt, wherever in the patch: such a patch stays whole.
	grep -q '^+++ b/Documentation/admin-guide/kernel-parameters.txt$' "$p" && parts=1
	if [ "$parts" -eq 1 ]; then
		printf '%s\n' "$p" >>"$work/jobs"
		continue
	fi
	awk -v n="$parts" -v total="$lines" -v out="$work/p$i" -v map="$work/map.$i" \
		-f "$TOOLKIT/scripts/lib/patch-split.awk" "$p" &&
		sed "s/^/$i /" "$work/map.$i" >>"$work/map" || die "cannot split $p in $work"
	k=1
	while [ -f "$work/p$i.$k" ]; do
		printf '%s\n' "$work/p$i.$k" >>"$work/jobs"
		k=$((k + 1))
	done
	verbose "$p: checkpatch.pl in $((k - 1)) parts side by side"
done

# checkpatch.pl exits 0 clean, 1 with findings, anything else when it died.
(cd "$tree" && PATH=/usr/bin:$PATH parallel -k -j "$jobs" --joblog "$work/joblog" -a "$work/jobs" \
	perl scripts/checkpatch.pl --terse --show-types --color=never {}) >"$work/out" 2>"$work/err"
# A clean run writes nothing on stderr: anything there means some check did
# not run.
cat "$work/err" >&2
died=$(awk 'NR > 1 && ($7 > 1 || $8 != 0) { n++ } END { print n + 0 }' "$work/joblog")
ran=$(($(wc -l <"$work/joblog") - 1))
fix="its SPDX check needs Debian's python3-ply and python3-git ('make deps')"
[ "$died" -eq 0 ] && [ "$ran" -eq "$(wc -l <"$work/jobs")" ] ||
	die "checkpatch.pl failed on $died of $ran run(s) (its messages above); $fix"
[ ! -s "$work/err" ] || die "checkpatch.pl printed errors (above), so some of its checks did not run; $fix"
awk -v parts="$work/p" -f "$TOOLKIT/check/checkpatch/checkpatch-join.awk" "$work/patches" "$work/map" "$work/out"
