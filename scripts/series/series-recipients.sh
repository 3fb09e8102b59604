#!/bin/sh
# Who a patch goes to, for b4 prep -c (its send-auto-to-cmd and
# send-auto-cc-cmd, scripts/lib/b4.sh): the tree's get_maintainer.pl on the
# patch on stdin, with b4's default options and FLAG (--nol: the people,
# for To:; --nom: the lists, for Cc:). A treewide commit ("treewide:" in its
# subject) changes an API across every subsystem: its recipients are the
# API's, get_maintainer.pl on the headers SERIES_API names (the spec's
# api:, else the headers its move steps change), not the hundreds of
# sections its files belong to. Run at the top of the tree.
#
#   series-recipients.sh FLAG < PATCH
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -eq 1 ] || die "usage: $prog --nol|--nom < PATCH"
make_work_dir
cat >"$work/patch"
gm="perl scripts/get_maintainer.pl --nogit --nogit-fallback --nogit-chief-penguins --norolestats $1"
subject=$(awk 'NF == 0 { exit } /^Subject: / { print; exit }' "$work/patch")
set --
for f in ${SERIES_API:-}; do [ -f "$f" ] && set -- "$@" -f "$f"; done
# Not exec: the temporary directory goes with the script's exit.
case $subject in
*"treewide:"*)
	if [ $# -gt 0 ]; then
		$gm "$@"
		exit
	fi ;;
esac
$gm <"$work/patch"
