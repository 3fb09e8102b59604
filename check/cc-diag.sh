#!/bin/sh
# The compiler wrapper check/build.sh puts in front of CC: runs the compiler
# unchanged and, when it compiles an object (-o DIR/NAME.o), keeps what the
# compiler said about it in DIR/.NAME.o.diag, beside Kbuild's own .NAME.o.cmd.
# An incremental build then still knows the diagnostics of the objects it did
# not need to recompile.
#
#   cc-diag.sh COMPILER [ARG...]
out=
prev=
for arg; do
	[ "$prev" = -o ] && out=$arg
	prev=$arg
done
case $out in
*/*.o) diag=${out%/*}/.${out##*/}.diag ;;
*.o) diag=.$out.diag ;;
*) exec "$@" ;;
esac

"$@" 2>"$diag.tmp"
rc=$?
cat "$diag.tmp" >&2
mv -f "$diag.tmp" "$diag"
exit $rc
