#!/bin/sh
# Run TREE's scripts/checkpatch.pl on each PATCH, J at a time, and print its
# findings compiler-style, "PATCH:LINE:1: error|warning: MESSAGE [TYPE]"
# (checkpatch gives no column), then a summary line.
#
#   series-checkpatch.sh TREE PATCH...
#
# A finding checkpatch also makes on the line an added line replaces, or on
# a removed line of the same text (the line moved), is a note, "(as on the
# line it replaces)": a rename or a move keeps the style of the line it
# renames or moves, and is not the cause of it.
#
# Exit: 0 no error and no warning, 1 findings, 2 checkpatch did not run.
# /usr/bin comes first in PATH: checkpatch's SPDX check needs Debian's
# python3-ply, which a pyenv or venv python3 does not see.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../scripts/lib/lib.sh"

[ $# -ge 2 ] || die "usage: $prog TREE PATCH..."
tree=$1
shift
[ -f "$tree/scripts/checkpatch.pl" ] || die "no scripts/checkpatch.pl in $tree"
make_work_dir

# checkpatch.pl on each patch, a long one in parts side by side.
"$TOOLKIT/check/checkpatch/checkpatch-parts.sh" "$tree" "$@" >"$work/out" || exit 2
awk 'match($0, /:[0-9]+: (ERROR|WARNING|CHECK):[A-Za-z0-9_]+: /) {
	file = substr($0, 1, RSTART - 1)
	rest = substr($0, RSTART + 1)
	split(rest, f, ": ")
	split(f[2], st, ":")
	sev = st[1] == "ERROR" ? "error" : st[1] == "WARNING" ? "warning" : "note"
	print file ":" f[1] ":1: " sev ": " substr(rest, length(f[1]) + length(f[2]) + 5) " [" st[2] "]"
}' "$work/out" >"$work/findings"

# A finding on a line the patch changes that checkpatch makes on the line it
# replaces too is the old line's (a renamed call in a file indented with
# spaces, a file MAINTAINERS marks obsolete): a note, not counted.
# checkpatch on each reversed patch with findings says: on the reversed
# diffs of the files with errors or warnings (and of those whose removed
# lines they may have moved), with the patch's message and trailer, cut
# out as checkpatch-parts.sh cuts its parts (scripts/lib/patch-split.awk), its
# findings mapped back to the reversed patch's lines
# (check/checkpatch/checkpatch-join.awk): the time follows the files with findings,
# not the size of the patch.
for p in "$@"; do
	grep -F "$p:" "$work/findings" | grep -q ':1: \(error\|warning\): ' &&
		printf '%s\n' "$p"
done >"$work/found-in"
if [ -s "$work/found-in" ]; then
	i=0
	: >"$work/cut-map"
	while IFS= read -r p; do
		i=$((i + 1))
		awk -f "$TOOLKIT/check/checkpatch/patch-reverse.awk" "$p" >"$work/reversed.$i.patch" ||
			die "cannot reverse $p in $work"
		P=$p awk 'index($0, ENVIRON["P"] ":") == 1 {
			split(substr($0, length(ENVIRON["P"]) + 2), f, ":")
			if (f[3] ~ /^ (error|warning)$/) print f[1]
		}' "$work/findings" >"$work/lines.$i" &&
		kept=$(awk -v n=1 -v keep="$work/lines.$i" -v out="$work/cut$i" -v map="$work/cut-map.$i" \
			-f "$TOOLKIT/scripts/lib/patch-split.awk" "$work/reversed.$i.patch") &&
		sed "s/^/$i /" "$work/cut-map.$i" >>"$work/cut-map" || die "cannot cut the reversed $p in $work"
		verbose "$p: checkpatch.pl on the reversed diffs of ${kept% *} of ${kept#* } file(s)"
		printf '%s\n' "$work/reversed.$i.patch" >>"$work/reversed"
		printf '%s\n' "$work/cut$i.1" >>"$work/cuts"
	done <"$work/found-in"
	# shellcheck disable=SC2046
	(set -f && IFS='
' && exec "$TOOLKIT/check/checkpatch/checkpatch-parts.sh" "$tree" $(cat "$work/cuts")) >"$work/cuts.out" ||
		exit 2
	awk -v parts="$work/cut" -f "$TOOLKIT/check/checkpatch/checkpatch-join.awk" \
		"$work/reversed" "$work/cut-map" "$work/cuts.out" >"$work/reversed.out" ||
		die "cannot map the reversed patches' findings back in $work"
	i=0
	while IFS= read -r p; do
		i=$((i + 1))
		grep -F "$work/reversed.$i.patch:" "$work/reversed.out" |
			sed -n 's/^.*:\([0-9]*\): [A-Z]*:\([A-Za-z0-9_]*\): .*/\1 \2/p' >"$work/old" &&
		grep -F "$p:" "$work/findings" | sed -n 's/^.*:\([0-9]*\):1: [a-z]*: .* \[\([A-Za-z0-9_]*\)\]$/\1 \2/p' >"$work/new" &&
		awk -f "$TOOLKIT/check/checkpatch/checkpatch-kept.awk" "$p" "$work/old" "$work/new" |
			sed "s|^|$p |" || exit 2
	done <"$work/found-in" >"$work/kept" || die "cannot compare the findings with the reversed patches'"
	awk 'FILENAME == ARGV[1] { kept[$1 ":" $2 ":1", $3] = 1; next }
	     match($0, /:[0-9]+:1: (error|warning): /) && match($0, /\[[A-Za-z0-9_]+\]$/) {
		split($0, f, ": ")
		type = substr($0, RSTART + 1, RLENGTH - 2)
		if ((f[1], type) in kept) {
			sub(/: (error|warning): /, ": note: ")
			$0 = $0 " (as on the line it replaces)"
		}
	     }
	     { print }' "$work/kept" "$work/findings" >"$work/findings.new" &&
		mv "$work/findings.new" "$work/findings"
fi
cat "$work/findings"
errors=$(grep -c ':1: error: ' "$work/findings")
warnings=$(grep -c ':1: warning: ' "$work/findings")
info "checkpatch.pl on $# patch(es): $errors error(s), $warnings warning(s)"
[ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
