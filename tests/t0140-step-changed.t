#!/bin/sh
# How make apply makes a step's patch (scripts/lib/steps.sh): a step whose
# kind lists the files it creates in $STEP_NEW_FILES (blank lines allowed)
# and the same step that lists nothing give the same patch, a file
# changed, one created and one deleted (an ignored file and one made and
# removed again left out); so does a user's git configuration that changes
# diffs. A migration of our
# own (a script step) in a copy of the toolkit, on a tiny git tree shaped
# like a kernel's. Then a dirty KDIR is refused also when the scratch tree
# is already there, and the run changes nothing.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

isolate_git_config

tk=$TRASH/toolkit
mig=$tk/cocci/fixture
toolkit_copy "$tk" &&
mkdir -p "$mig" && : >"$mig/msg.txt" || exit 1
cat >"$mig/migration" <<'EOF' || exit 1
summary: one script twice, once listing the files it changed
cover: msg.txt
step listed
kind: script
message: msg.txt
run: edit.sh
step unlisted
kind: script
message: msg.txt
run: edit.sh
EOF
cat >"$mig/edit.sh" <<'EOF' || exit 1
#!/bin/sh
# A change, a new file, a deleted file, an ignored new file and one made
# and removed again; the new file listed in the step named so, with a
# blank line.
sed -i 's/old_name/new_name/' mm/one.c && printf 'int fresh;\n' >mm/fresh.c && rm mm/gone.c &&
	: >mm/junk.o && : >mm/transient.c && rm mm/transient.c || exit 1
[ "$STEP_NAME" != listed ] || printf '%s\n' '' mm/fresh.c >"$STEP_NEW_FILES"
EOF
chmod +x "$mig/edit.sh" || exit 1

kdir=$TRASH/linux
mkdir -p "$kdir/mm" "$kdir/include/linux" &&
echo "# Makefile" >"$kdir/Makefile" &&
echo "*.o" >"$kdir/.gitignore" &&
printf 'int old_name;\nint kept;\n' >"$kdir/mm/one.c" &&
printf 'int gone;\n' >"$kdir/mm/gone.c" &&
git -C "$kdir" init -q &&
git -C "$kdir" add -A &&
git -C "$kdir" -c user.name=t -c user.email=t@t commit -q -m baseline || exit 1

# apply VAR=VALUE... [--scratch]: the copy's apply.sh on the tiny tree;
# output in $TRASH/out, err.
apply() {
	env TOOLKIT="$tk" MIGRATION=fixture KDIR="$kdir" O="$TRASH/o" CACHE=0 "$@" \
		>"$TRASH/out" 2>"$TRASH/err"
}

test_expect_success 'listed: the patch has the change, the new file and the deletion' '
	apply STEPS=listed "$tk/scripts/apply/apply.sh" --scratch &&
	cp "$TRASH/o/apply/01-listed.patch" "$TRASH/listed.patch" &&
	git -C "$kdir" apply --numstat "$TRASH/listed.patch" >"$TRASH/numstat" &&
	printf "1\t0\tmm/fresh.c\n0\t1\tmm/gone.c\n1\t1\tmm/one.c\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/numstat" &&
	git -C "$kdir" apply --summary "$TRASH/listed.patch" >"$TRASH/summary" &&
	printf " create mode 100644 mm/fresh.c\n delete mode 100644 mm/gone.c\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/summary"
'

test_expect_success 'unlisted: the same patch, byte for byte' '
	apply STEPS=unlisted "$tk/scripts/apply/apply.sh" --scratch &&
	test_cmp "$TRASH/listed.patch" "$TRASH/o/apply/01-unlisted.patch"
'

# A user's configuration that would change git's diffs: no a/ b/ prefixes,
# an external diff program, more context, colour always.
test_expect_success 'a user configuration that changes diffs: the same patch' '
	printf "[diff]\n\tnoprefix = true\n\texternal = /bin/false\n\tcontext = 9\n[color]\n\tui = always\n" \
		>"$TRASH/user.gitconfig" &&
	apply GIT_CONFIG_GLOBAL="$TRASH/user.gitconfig" STEPS=listed "$tk/scripts/apply/apply.sh" --scratch &&
	test_cmp "$TRASH/listed.patch" "$TRASH/o/apply/01-listed.patch"
'

test_expect_success 'applied to KDIR: the three files as the step left them' '
	apply STEPS=listed "$tk/scripts/apply/apply.sh" &&
	git -C "$kdir" status --porcelain >"$TRASH/status" &&
	printf " D mm/gone.c\n M mm/one.c\n?? mm/fresh.c\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/status" &&
	printf "int new_name;\nint kept;\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$kdir/mm/one.c"
'

test_expect_success 'KDIR now dirty, the scratch tree there: refused, exit 2, nothing changed' '
	test -e "$TRASH/o/scratch/.git" &&
	(cd "$kdir" && cat mm/one.c mm/fresh.c) >"$TRASH/before" &&
	expect_exit 2 apply STEPS=listed "$tk/scripts/apply/apply.sh" &&
	cat >"$TRASH/want" <<-EOF &&
	apply.sh: error: KDIR=$kdir has uncommitted changes; commit or stash them first:
	   D mm/gone.c
	   M mm/one.c
	  ?? mm/fresh.c
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	(cd "$kdir" && cat mm/one.c mm/fresh.c) >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after" &&
	git -C "$kdir" status --porcelain >"$TRASH/status2" &&
	test_cmp "$TRASH/status" "$TRASH/status2"
'

test_done
