# shellcheck shell=sh
# b4 as make series runs it (sourced after lib.sh; POSIX sh): Debian's b4
# 0.12, offline, with the configuration that shapes the series pinned.
#
# b4 never reaches the network here: every run gets --offline-mode (b4's
# own switch, which turns off what checks b4.can_network), and http(s)
# proxies pointing at a closed local port (127.0.0.1:9, the discard port),
# so that a code path that does not check it (0.12 has some: b4 prep
# --reroll/-F, b4 send's web endpoint; make series uses none) fails instead
# of fetching. The prep commands make series runs (-e, -c, -p,
# --show-info) read only the repository and scripts/get_maintainer.pl.

# The b4 tracking commit's marker (b4/ez.py: MAGIC_MARKER).
b4_marker='--- b4-submit-tracking ---'

# b4_run ARG...: b4 in the current directory, offline, the cover letter in
# a commit at the start of the series (b4's default strategy, pinned so
# that a user's b4.prep-cover-strategy does not change the branch), To:
# and Cc: from the tree's get_maintainer.pl with b4's default options
# (scripts/series/series-recipients.sh: a treewide commit's are its API's).
b4_run() {
	_n=${GIT_CONFIG_COUNT:-0}
	# b4 splits the command as a shell would: quoted, for a path with spaces.
	_gm="'$TOOLKIT/scripts/series/series-recipients.sh'"
	env "GIT_CONFIG_KEY_$_n=b4.prep-cover-strategy" "GIT_CONFIG_VALUE_$_n=commit" \
		"GIT_CONFIG_KEY_$((_n + 1))=b4.send-auto-to-cmd" "GIT_CONFIG_VALUE_$((_n + 1))=$_gm --nol" \
		"GIT_CONFIG_KEY_$((_n + 2))=b4.send-auto-cc-cmd" "GIT_CONFIG_VALUE_$((_n + 2))=$_gm --nom" \
		GIT_CONFIG_COUNT=$((_n + 3)) \
		http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
		HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
		ALL_PROXY=http://127.0.0.1:9 all_proxy=http://127.0.0.1:9 no_proxy= NO_PROXY= \
		b4 --offline-mode "$@"
}

# b4_cover_commit REPO REV: the b4 cover-letter commit of the series at
# REV (the newest commit with the marker; unlike b4, at any age); nothing
# when there is none.
b4_cover_commit() {
	git -C "$1" log -F --grep="$b4_marker" --format=%H -1 "$2" --
}

# b4_tracking REPO COMMIT KEY: a value of the tracking data in b4's cover
# commit, "revision" or "change-id" (json.dumps(indent=2): one key a line).
b4_tracking() {
	git -C "$1" log -1 --format=%B "$2" |
		sed -n "/^$b4_marker\$/,\$s/^ *\"$3\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" | head -n 1
}

# b4_replay REPO FROM TO ONTO: the commits FROM..TO copied onto ONTO, each
# with its tree, message and author; the committer is GIT_COMMITTER_*.
# Prints the last copy.
b4_replay() {
	_prev=$4
	for _c in $(git -C "$1" rev-list --reverse "$2..$3"); do
		_who=$(git -C "$1" log -1 --format='%an%n%ae%n%ad' --date=raw "$_c") || return 1
		_prev=$(git -C "$1" cat-file commit "$_c" | sed '1,/^$/d' |
			GIT_AUTHOR_NAME=$(printf '%s\n' "$_who" | sed -n 1p) \
			GIT_AUTHOR_EMAIL=$(printf '%s\n' "$_who" | sed -n 2p) \
			GIT_AUTHOR_DATE=$(printf '%s\n' "$_who" | sed -n 3p) \
			git -C "$1" commit-tree "$_c^{tree}" -p "$_prev") || return 1
	done
	echo "$_prev"
}
