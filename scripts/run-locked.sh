#!/bin/sh
# The run lock on O, taken before the toolkit's programs are built: a
# second run on the same O is refused before it builds or writes anything,
# and the run that started first is the one that goes on.
#
#   run-locked.sh TARGET SCRIPT [ARG...]
#
# Takes O's lock for "make TARGET" (lock_runs' own, on descriptor 8), has
# $(MAKE) build the tools, then becomes SCRIPT, which keeps the descriptor:
# its lock_runs finds O locked by this run (API_MIGRATE_O_LOCKED) and takes
# only KDIR's lock. MAKE: the make that runs the target.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -ge 2 ] || die "usage: $prog TARGET SCRIPT [ARG...]"
target=$1
shift
# Its messages are the script's: it stands in for it.
prog=${1##*/}
mkdir -p "${O:?}" || die "cannot create O=$O"
lock_file 8 "$O/.lock" "make $target" "O=$O" "pass another O="
API_MIGRATE_O_LOCKED=$O
export API_MIGRATE_O_LOCKED
# The make of "make -jN TARGET" shares no jobserver with this recipe (it
# names no $(MAKE), so that make -n runs nothing): the tools' make runs its
# own.
MAKEFLAGS=$(printf '%s\n' "${MAKEFLAGS:-}" | sed 's/ *--jobserver-[a-z]*=[^ ]*//g')
export MAKEFLAGS
${MAKE:-make} -C "$TOOLKIT" --no-print-directory tools || exit 2
exec "$@"
