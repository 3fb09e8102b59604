# shellcheck shell=sh
# Sourced after tap.sh by the tests that work on small trees of their own:
# base, the tree ($TRASH/base unless the test set it); put FILE writes stdin
# to base/FILE; fresh NAME copies the base tree to $TRASH/NAME and prints
# its path. cmove is the build under test (CMOVE: another one, such as the
# sanitized build).
: "${base:=$TRASH/base}"
# shellcheck disable=SC2034
cmove=${CMOVE:-$O/bin/cmove}

put() {
	mkdir -p "$(dirname "$base/$1")" && cat >"$base/$1"
}

fresh() {
	rm -rf "${TRASH:?}/$1" && cp -a "$base" "$TRASH/$1" && echo "$TRASH/$1"
}
