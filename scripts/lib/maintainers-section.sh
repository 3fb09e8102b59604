#!/bin/sh
# The MAINTAINERS section that covers FILE most specifically: among the
# sections get_maintainer.pl names for it, the one whose F: pattern matching
# FILE is longest (THE REST never counts). Prints "PATTERN<TAB>TITLE", or
# nothing when only THE REST covers FILE. Runs at the top of a kernel tree.
#
#   maintainers-section.sh FILE
#
# F: patterns are globs whose "*" does not cross a "/"; a trailing slash
# means everything below (get_maintainer.pl's reading of them).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $prog FILE"
[ -f MAINTAINERS ] && [ -f scripts/get_maintainer.pl ] ||
	die "no MAINTAINERS or scripts/get_maintainer.pl in $(pwd); run at the top of a kernel tree"
sections=$(perl scripts/get_maintainer.pl --no-git --no-git-fallback --sections -f "$1") ||
	die "get_maintainer.pl failed on $1"

printf '%s\n' "$sections" | awk -v f="$1" '
	function glob2re(g,    r) {
		r = g
		gsub(/[.+^$(){}|]/, "\\\\&", r)
		gsub(/\*/, "[^/]*", r)
		gsub(/\?/, "[^/]", r)
		return "^" r (g ~ /\/$/ ? "" : "$")
	}
	NF == 0 { title = ""; next }
	title == "" { title = $0; next }
	title != "THE REST" && /^F:\t/ {
		pat = substr($0, 4)
		if (f ~ glob2re(pat) && length(pat) > best) { best = length(pat); pick = pat "\t" title }
	}
	END { if (pick != "") print pick }'
