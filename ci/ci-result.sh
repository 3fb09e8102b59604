# shellcheck shell=sh
# The result of one check of one commit, as check/run-check.sh left it in the
# commit's directory (sourced by ci/summary.sh and ci/junit.sh).

# result DIR CHECK: ok, skip, FAILED (findings) or ERROR (it could not run).
result() {
	if [ -f "$1/$2.skip" ]; then
		echo skip
	else
		case $(cat "$1/$2.rc" 2>/dev/null) in
		0) echo ok ;;
		1) echo FAILED ;;
		*) echo ERROR ;;
		esac
	fi
}

# tap_point N DIR CHECK: the TAP test point N for CHECK of the commit in
# DIR, named by its short hash and subject ("#" escaped: "# SKIP" or
# "# TODO" in a subject would be read as a directive); a failure is
# followed by its findings as TAP comments.
tap_point() {
	_name=$(printf '%s %s: %s' "$(cat "$2/short")" "$(cat "$2/subject")" "$3" | sed 's/#/\\#/g')
	case $(result "$2" "$3") in
	ok) printf 'ok %d - %s\n' "$1" "$_name" ;;
	skip) printf 'ok %d - %s # SKIP %s\n' "$1" "$_name" "$(cat "$2/$3.skip")" ;;
	*)
		printf 'not ok %d - %s\n' "$1" "$_name"
		findings "$2/$3.out" | head -n 40 | sed 's/^/# /'
		printf '# full output: %s\n' "$2/$3.out" ;;
	esac
}

# findings FILE: what a reader of a failed check's output needs: its
# compiler-style errors and warnings, each once, else its last lines (why
# it could not run).
findings() {
	{ grep -a ': \(fatal \)\{0,1\}\(error\|warning\): ' "$1" || tail -n 5 "$1"; } |
		sed 's/^ *//' | awk '!seen[$0]++'
}
