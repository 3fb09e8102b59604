#!/bin/sh
# Give a new file its MAINTAINERS line, in the section that covers its
# sibling most specifically (the longest F: pattern that matches it, among
# the sections get_maintainer.pl names), at its sorted place among the F:
# lines. Runs at the top of a kernel tree; does nothing when a line is there.
#
#   maintainers-add.sh NEW_FILE SIBLING_FILE
. "$(dirname "$0")/lib.sh"

[ $# -eq 2 ] || die "usage: $prog NEW_FILE SIBLING_FILE"
new=$1 sibling=$2
[ -f MAINTAINERS ] && [ -f scripts/get_maintainer.pl ] ||
	die "no MAINTAINERS or scripts/get_maintainer.pl in $(pwd); run at the top of a kernel tree"
grep -q "^F:	$new\$" MAINTAINERS && exit 0

sections=$(perl scripts/get_maintainer.pl --no-git --no-git-fallback --sections -f "$sibling") ||
	die "get_maintainer.pl failed on $sibling"

# The section whose F: pattern matching the sibling is longest. F: patterns
# are globs, where a trailing slash means everything below.
title=$(printf '%s\n' "$sections" | awk -v f="$sibling" '
	function glob2re(g,    r) {
		r = g
		gsub(/[.+^$(){}|]/, "\\\\&", r)
		gsub(/\*/, "[^/]*", r)
		gsub(/\?/, "[^/]", r)
		return "^" r (g ~ /\/$/ ? "" : "$")
	}
	NF == 0 { title = ""; next }
	title == "" { title = $0; next }
	/^F:\t/ {
		pat = substr($0, 4)
		if (f ~ glob2re(pat) && length(pat) > best) { best = length(pat); pick = title }
	}
	END { print pick }')
[ -n "$title" ] || die "no MAINTAINERS section covers $sibling"
[ "$title" = "THE REST" ] && die "only THE REST covers $sibling; add the MAINTAINERS line by hand"

awk -v title="$title" -v line="F:	$new" '
	$0 == title { in_section = 1 }
	in_section && !done && /^F:\t/ && $0 > line { print line; done = 1 }
	in_section && !done && (NF == 0 || (/^[A-Z]:\t/ && $0 !~ /^F:\t/ && seen_f)) { print line; done = 1 }
	in_section && /^F:\t/ { seen_f = 1 }
	in_section && NF == 0 { in_section = 0 }
	{ print }
	END { if (!done) print line }' MAINTAINERS > MAINTAINERS.new &&
	mv MAINTAINERS.new MAINTAINERS || die "cannot update MAINTAINERS"
info "MAINTAINERS: $new added to $title"
