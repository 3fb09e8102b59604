# The result of one check of one commit, as ci/ci-check.sh left it in the
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

# findings FILE: what a reader of a failed check's output needs: its
# compiler-style errors and warnings, each once, else its last lines (why
# it could not run).
findings() {
	{ grep ': \(fatal \)\{0,1\}\(error\|warning\): ' "$1" || tail -n 5 "$1"; } |
		sed 's/^ *//' | awk '!seen[$0]++'
}
