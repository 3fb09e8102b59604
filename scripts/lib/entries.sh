# shellcheck shell=sh
# Read a migration's drivers-migrated/NAME/ entries (sourced; POSIX sh); see
# drivers-migrated/README.md.

: "${ENTRIES_DIR:?ENTRIES_DIR is not set: the drivers-migrated/ directory of the migration}"

# entry_list: every entry file, sorted.
entry_list() {
	for e in "$ENTRIES_DIR"/*.txt; do
		case ${e##*/} in _*) continue ;; esac
		[ -f "$e" ] && echo "$e"
	done
}

# entry_field FILE NAME: the value of header NAME.
entry_field() {
	sed -n "/^\$/q; s/^$2: //p" "$1"
}

# entry_body FILE: the commit body, after the first blank line.
entry_body() {
	sed '1,/^$/d' "$1"
}

# entry_for PATH: the entry whose Path pattern matches PATH, if any.
entry_for() {
	for e in $(entry_list); do
		pattern=$(entry_field "$e" Path)
		# shellcheck disable=SC2254
		case $1 in $pattern) echo "$e"; return 0 ;; esac
	done
	return 1
}
