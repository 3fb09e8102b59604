#!/bin/sh
# Say, for a commit message, what the change staged in the current tree (a
# kernel git work tree) moves between headers: which declarations, from and
# to which header, which files include the destination now and where
# MAINTAINERS lists it; and which functions are no longer exported. Prints one paragraph per destination, wrapped to 72
# columns; nothing when nothing moved.
#
#   series-moved.sh
#
# Computed from the diff against HEAD: a declaration moved into header H
# when H's added lines hold all of it (cmove --list gives its lines) and a
# header that declared it at HEAD no longer does.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -eq 0 ] || die "usage: $prog (run at the top of a kernel git work tree)"
cmove=${O:?O is not set}/bin/cmove
make_work_dir

# names DIR FILE: the names FILE (relative to DIR) declares, one a line.
names() {
	"$cmove" --list "$1" "$2" | sed -n 's/^[^:]*:[0-9]*-[0-9]*: [a-z-]* //p' | sort -u
}

# join: "a", "a and b", "a, b and c" from lines on stdin.
join() {
	awk '{ w[n++] = $0 }
	END {
		for (i = 0; i < n; i++)
			printf "%s%s", w[i], (i == n - 1 ? "" : i == n - 2 ? " and " : ", ")
	}'
}

git diff --cached --name-status --no-renames HEAD -- '*.h' >"$work/status" ||
	die "git diff failed in $(pwd)"

# What each header that lost lines no longer declares: "HEADER NAME".
awk '$1 == "M" || $1 == "D" { print $2 }' "$work/status" >"$work/sources"
: >"$work/removed"
while read -r src; do
	mkdir -p "$work/head/${src%/*}" && git show "HEAD:$src" >"$work/head/$src" &&
	names "$work/head" "$src" >"$work/before" || die "cannot list the declarations of HEAD:$src"
	if [ -f "$src" ]; then names . "$src"; fi >"$work/after" || die "cannot list the declarations of $src"
	comm -23 "$work/before" "$work/after" | sed "s|^|$src |" >>"$work/removed"
done <"$work/sources"

awk '$1 == "A" || $1 == "M" { print $1, $2 }' "$work/status" >"$work/dests"
while read -r st dest; do
	# The lines the change adds to dest; the declarations that lie in them
	# and left another header, each as prose names it: "struct x", "f()",
	# "MACRO()", "MACRO"; "SOURCE<TAB>NAME".
	git diff --no-ext-diff --no-textconv --cached -U0 HEAD -- "$dest" | awk '/^@@ / {
		split(substr($3, 2), a, ",")
		n = (2 in a) ? a[2] : 1
		for (i = 0; i < n; i++) print a[1] + i
	}' >"$work/added" &&
	"$cmove" --list . "$dest" >"$work/decls" || die "cannot list the declarations of $dest"
	awk -v removed="$work/removed" '
		BEGIN { while ((getline l < removed) > 0) { split(l, f, " "); from[f[2]] = f[1] } }
		FILENAME == ARGV[1] { added[$1] = 1; next }
		FILENAME == ARGV[2] { text[FNR] = $0; next }
		{
			split($1, r, /[:-]/)
			kind = $2; name = $3
			for (i = r[2]; i <= r[3]; i++) if (!(i in added)) next
			if (!(name in from)) next
			prose = name
			if (kind == "function")
				prose = name "()"
			for (i = r[2]; i <= r[3]; i++) {
				if (kind == "macro" && text[i] ~ ("^#[ \t]*define[ \t]+" name "\\("))
					prose = name "()"
				if (kind == "type" && prose == name &&
				    match(text[i], "(struct|union|enum)[ \t]+" name "([^A-Za-z0-9_]|$)"))
					prose = substr(text[i], RSTART, RLENGTH)
			}
			sub(/[^A-Za-z0-9_()]$/, "", prose)
			if (!seen[prose]++) print from[name] "\t" prose
		}' "$work/added" "$dest" "$work/decls" >"$work/moved" || die "cannot read $dest"
	[ -s "$work/moved" ] || continue
	from=$(cut -f1 "$work/moved" | awk '!seen[$0]++' | join)
	new=
	[ "$st" = A ] && new="the new "

	# Who includes it now, and where MAINTAINERS lists it.
	git diff --no-ext-diff --no-textconv --cached -U0 HEAD | awk -v inc="${dest##*/}" -v dest="$dest" '
		/^\+\+\+ b\// { file = substr($0, 7) }
		/^\+#[ \t]*include[ \t]*"/ && file != dest {
			split($0, q, "\""); n = split(q[2], p, "/")
			if (p[n] == inc && !seen[file]++) print file
		}' >"$work/users"
	section=
	if git diff --no-ext-diff --no-textconv --cached -U0 HEAD -- MAINTAINERS | grep -qxF "+F:	$dest"; then
		section=$(awk -v line="F:	$dest" '
			NF && blank { title = $0 }
			{ blank = (NF == 0) }
			$0 == line { print title; exit }' MAINTAINERS)
	fi

	{
		printf 'Moved from %s to %s%s: %s.' "$from" "$new" "$dest" "$(cut -f2 "$work/moved" | join)"
		case $(wc -l <"$work/users") in
		0) ;;
		1) printf ' %s includes it now.' "$(cat "$work/users")" ;;
		*) printf ' %s include it now.' "$(join <"$work/users")" ;;
		esac
		[ -n "$section" ] && printf ' MAINTAINERS lists it under %s.' "$section"
		printf '\n\n'
	} | awk -f "$TOOLKIT/scripts/series/wrap.awk" >>"$work/text"
done <"$work/dests"

# Exports the change removes and does not add elsewhere: what moved into a
# private header is no interface for modules.
git diff --no-ext-diff --no-textconv --cached -U0 HEAD | sed -n 's/^\([-+]\)EXPORT_SYMBOL[A-Z_]*(\([A-Za-z0-9_]*\).*/\1 \2/p' |
	awk '$1 == "-" { gone[$2] = 1 } $1 == "+" { back[$2] = 1 }
	     END { for (n in gone) if (!(n in back)) print n "()" }' | sort >"$work/unexported"
if [ -s "$work/unexported" ]; then
	n=$(wc -l <"$work/unexported")
	{
		if [ "$n" -eq 1 ]; then
			printf '%s is no longer exported: no module may call it now that only its own directory declares it, and none in the tree does.' "$(cat "$work/unexported")"
		else
			printf '%s are no longer exported: no module may call them now that only their own directory declares them, and none in the tree does.' "$(join <"$work/unexported")"
		fi
		printf '\n\n'
	} | awk -f "$TOOLKIT/scripts/series/wrap.awk" >>"$work/text"
fi
[ -f "$work/text" ] && sed '$d' "$work/text"
exit 0
