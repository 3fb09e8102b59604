#!/bin/sh
# The compile units a change affects, for the build check. Prints, one a
# line, paths relative to TREE:
#   - every .c and .S file the change adds or modifies;
#   - DIR (a directory target) for each "build: DIR when PATHSPEC..." of
#     the migration's spec whose PATHSPECs the change touches;
#   - every .c file that references in code a symbol whose declaration or
#     definition the change touched in a header: the declarations of each
#     changed .h file (cmove --list, comments included), on both sides,
#     whose lines overlap the lines "git diff -U0" changed on that side.
#     A changed .c file's own declarations are left out: another unit sees
#     them only through a header (or by including the .c file, which
#     covered.sh builds through its includer), so a function body that
#     changed there does not change how its callers compile.
#
#   affected.sh TREE BASE REV
#
# TREE is a git work tree with REV checked out: the references are searched
# there. Exit 0, or 2 on a usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"

[ $# -eq 3 ] || die "usage: $prog TREE BASE REV"
tree=$1 base=$2 rev=$3
cmove=${O:?O is not set}/bin/cmove
[ -x "$cmove" ] || die "$cmove not built; run 'make tools'"
make_work_dir
spec_load

git -C "$tree" diff --name-status --no-renames "$base" "$rev" >"$work/status" ||
	die "cannot diff $base..$rev in $tree"

# Changed compile units that REV still has.
awk '$1 != "D" && $2 ~ /\.[cS]$/ { print $2 }' "$work/status" >"$work/units"
spec_get 0 build | while read -r dir _ pathspecs; do
	# shellcheck disable=SC2086
	git -C "$tree" diff --quiet "$base" "$rev" -- $pathspecs || echo "$dir"
done >>"$work/units"

# extents SIDE COMMIT FILE: FILE's declarations at COMMIT, appended to
# $work/SIDE.extents as "FILE START END NAME KIND" (cmove --list prints
# "FILE:START-END: KIND NAME").
extents() {
	mkdir -p "$work/$1/$(dirname "$3")" || die "cannot create $work/$1"
	git -C "$tree" show "$2:$3" >"$work/$1/$3" 2>/dev/null || return 0
	"$cmove" --list "$work/$1" "$3" >"$work/list" || exit 2
	sed -n 's/^\(.*\):\([0-9]*\)-\([0-9]*\): \([a-z-]*\) \(.*\)$/\1 \2 \3 \5 \4/p' "$work/list" >>"$work/$1.extents"
}

# containing SIDE [KIND]: the names of SIDE's declarations (of KIND) that
# contain one of the "FILE LINE" lines read from stdin.
containing() {
	awk -v kind="${2:-}" 'FILENAME != "-" { if (kind == "" || $5 == kind) { n++; f[n] = $1; lo[n] = $2; hi[n] = $3; name[n] = $4 }; next }
	     { for (i = 1; i <= n; i++) if (f[i] == $1 && lo[i] <= $2 && $2 <= hi[i]) print name[i] }' \
		"$work/$1.extents" -
}

# Touched declarations: those on the hunks' old lines on the base side and
# on their new lines on the rev side ("@@ -A[,B] +C[,D] @@"; a B or D of 0
# is a pure insertion or deletion, which has no lines on that side).
awk '$2 ~ /\.h$/ { print $2 }' "$work/status" >"$work/headers"
: >"$work/base.extents"
: >"$work/rev.extents"
: >"$work/lines"
while read -r file; do
	extents base "$base" "$file"
	extents rev "$rev" "$file"
	git -C "$tree" diff --no-ext-diff --no-textconv -U0 --no-renames "$base" "$rev" -- "$file" |
		sed -n 's/^@@ -\([0-9,]*\) +\([0-9,]*\) @@.*/\1 \2/p' |
		awk -v file="$file" '
		function span(s, side,   a, i) {
			if (split(s, a, ",") == 1) a[2] = 1
			for (i = a[1]; i < a[1] + a[2]; i++) print side, file, i
		}
		{ span($1, "base"); span($2, "rev") }' >>"$work/lines"
done <"$work/headers"
{
	sed -n 's/^base //p' "$work/lines" | containing base
	sed -n 's/^rev //p' "$work/lines" | containing rev
} | sort -u >"$work/symbols"

# A macro of a changed header that uses a touched name is touched too, since
# it expands to that name where it is used (as foo() may expand to
# foo_noprof()). To a fixed point, within the changed headers.
# (An inline function is compiled as it is in every file that includes its
# header, so its callers need no rebuild of their own.)
while read -r h; do [ -f "$tree/$h" ] && echo "$h"; done <"$work/headers" >"$work/rev-headers"
while [ -s "$work/rev-headers" ] && [ -s "$work/symbols" ]; do
	# shellcheck disable=SC2046
	cscan refs "$tree" $(cat "$work/symbols") -- $(cat "$work/rev-headers") >"$work/hrefs" || exit 2
	sed 's/^\([^:]*\):\([0-9]*\):.*/\1 \2/' "$work/hrefs" | containing rev macro |
		sort -u | comm -13 "$work/symbols" - >"$work/more"
	[ -s "$work/more" ] || break
	sort -u -o "$work/symbols" "$work/symbols" "$work/more"
done

if [ -s "$work/symbols" ]; then
	verbose "touched: $(tr '\n' ' ' <"$work/symbols")"
	# shellcheck disable=SC2046
	cscan refs -l "$tree" $(cat "$work/symbols") >"$work/refs" || exit 2
	grep '\.c$' "$work/refs" >>"$work/units"
fi
sort -u "$work/units"
