#!/bin/sh
# One spatch run over some of a step's files, each file on its own as
# spatch --dir treats it (as make coccicheck does), rewritten in place:
# cocci-apply.sh's local job, one per GNU parallel slot.
#
#   cocci-chunk.sh COCCI DIR FILE...
#
# Run at the top of the tree: the FILEs (paths from there) are copied under
# DIR (made anew), spatch rewrites the copies, and those it changed are
# copied back. What the report rules print goes to stdout, paths as from the
# top ("./" dropped). Exit 0, or spatch's status.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../../lib/lib.sh"

[ $# -ge 3 ] || die "usage: $prog COCCI DIR FILE..."
cocci=$1 dir=$2
shift 2
rm -rf "$dir"
snapshot "$dir" "$@"
options=$(cocci_options "$cocci")
# shellcheck disable=SC2086
(cd "$dir" && spatch --very-quiet --no-show-diff $options --no-scanner \
	-D patch -D report --in-place --sp-file "$cocci" --dir .) >"$dir.out" || exit
sed 's|^\./||' "$dir.out"
for f in "$@"; do
	cmp -s "$dir/$f" "$f" || cp "$dir/$f" "$f" || die "cannot copy spatch's rewrite of $f back"
done
rm -rf "$dir" "$dir.out"
