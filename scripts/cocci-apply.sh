#!/bin/sh
# Apply one semantic patch to the given files in the current tree, in place,
# with byte-minimal results.
#
#   cocci-apply.sh COCCI FILE...
#
# spatch re-prints what it rewrites: a call under a cast gains a space after
# the cast. So renames come from the semantic patch's report mode, whose
# "use NEW() instead of OLD()" lines carry the identifier's exact position,
# and are done token by token; the patch mode then does what is not a pure
# rename (argument reordering). Whatever the report mode still finds after
# that is printed on stdout, as warnings for a human to look at.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -ge 2 ] || die "usage: $prog COCCI FILE..."
cocci=$1
shift
[ -r "$cocci" ] || die "$cocci not found"
require_cmd spatch coccinelle
require_cmd parallel parallel

make_work_dir

bar=
[ -t 1 ] && bar=--bar
spatch_opts="--very-quiet --no-includes --include-headers --sp-file $cocci"

printf '%s\n' "$@" > "$work/files"

# spatch_each MODE: spatch in MODE over every file, J at a time ($extra
# adds options).
spatch_each() {
	mode=$1
	# shellcheck disable=SC2086
	parallel $bar -j "${J:-2}" -a "$work/files" \
		spatch $spatch_opts -D "$mode" $extra {} || return 2
}

extra=
spatch_each report > "$work/report" || die "spatch report mode failed on $cocci"

# Renames: "path:line:col: warning: use NEW() instead of OLD()".
sed -n 's/^\([^:]*\):\([0-9]*\):\([0-9]*\): warning: use \([A-Za-z0-9_]*\)() instead of \([A-Za-z0-9_]*\)()$/\1 \2 \3 \5 \4/p' \
	"$work/report" | sort -u > "$work/renames"
"$(dirname "$0")/rename-files.sh" "$work/renames" || exit 2

extra=--in-place
snapshot "$work/old" "$@"
spatch_each patch > "$work/patch.log" || die "spatch patch mode failed on $cocci"
squeeze_changed "$work/old" "$@"
extra=
spatch_each report | sort -t: -k1,1 -k2,2n -k3,3n
exit 0
