#!/bin/sh
# Run one check (check/plugins.sh) on REV, for make check and make ci, and
# leave netdev NIPA's files in DIR: NAME.out (what it printed), NAME.rc (0
# passed, 1 findings, 2 it could not run), NAME.first (its first error, one
# line), NAME.skip (why it did not apply, when it did not) and NAME.time
# (seconds); the check's own files are in DIR/NAME/.
#
#   run-check.sh [--live] NAME TREE BASE REV DIR
#
# --live (make check, one check at a time): the check's stderr, its
# progress, goes on to ours, and what it printed follows when it ends.
# Else (make ci, four checks at once) both go to NAME.out only.
# Exits 0 whatever the check's result.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=check/plugins.sh
. "$TOOLKIT/check/plugins.sh"

live=0
[ "${1:-}" = --live ] && { live=1; shift; }
[ $# -eq 5 ] || die "usage: $prog [--live] NAME TREE BASE REV DIR"
name=$1 tree=$2 base=$3 rev=$4 dir=$5
folder=$(check_list | awk -v n="$name" '$1 == n { print $2 }')
[ -n "$folder" ] || die "unknown check '$name'; known: $(check_names)"
out=$dir/$name
rm -rf "$out" "$dir/$name".* && mkdir -p "$out" || die "cannot create $out"

start=$(date +%s)
if [ $live = 1 ]; then
	CHECK_NAME=$name "$TOOLKIT/check/$folder/run" "$tree" "$base" "$rev" "$out" >"$dir/$name.out"
else
	CHECK_NAME=$name "$TOOLKIT/check/$folder/run" "$tree" "$base" "$rev" "$out" >"$dir/$name.out" 2>&1
fi
rc=$?
[ $rc -le 2 ] || rc=2
[ ! -f "$out/skip" ] || { cp "$out/skip" "$dir/$name.skip" && rc=0; }
echo $rc >"$dir/$name.rc"
echo $(($(date +%s) - start)) >"$dir/$name.time"

# The first error: the check's own choice, else the first compiler-style
# error, else warning (a checkpatch warning fails too), else the last line,
# which for a check that could not run says why.
: >"$dir/$name.first"
[ $rc -eq 0 ] || {
	cat "$out/first" 2>/dev/null
	grep -m 1 ':[0-9]*:[0-9]*: \(fatal \)\{0,1\}error: ' "$dir/$name.out"
	grep -m 1 ':[0-9]*:[0-9]*: warning: ' "$dir/$name.out"
	tail -n 1 "$dir/$name.out"
} 2>/dev/null | grep -m 1 . >"$dir/$name.first"
[ $live = 0 ] || cat "$dir/$name.out"
exit 0
