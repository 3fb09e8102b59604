#!/bin/sh
# Give a new file its MAINTAINERS line, in the section that covers its
# sibling most specifically (scripts/lib/maintainers-section.sh), at its sorted
# place among the F: lines. Runs at the top of a kernel tree; does nothing
# when a line is there.
#
#   maintainers-add.sh NEW_FILE SIBLING_FILE
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../../lib/lib.sh"

[ $# -eq 2 ] || die "usage: $prog NEW_FILE SIBLING_FILE"
new=$1 sibling=$2
[ -f MAINTAINERS ] || die "no MAINTAINERS in $(pwd); run at the top of a kernel tree"
grep -q "^F:	$new\$" MAINTAINERS && exit 0

section=$("$TOOLKIT/scripts/lib/maintainers-section.sh" "$sibling") || exit
title=${section#*	}
[ -n "$section" ] || die "only THE REST covers $sibling; add the MAINTAINERS line by hand"

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
