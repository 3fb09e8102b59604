#!/bin/sh
# drivers-migrated/: every entry is well formed, the six known subsystems are
# there, and on the 6.12 tree each caller belongs to exactly one entry with
# the number of call sites it states.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"
. "$TOOLKIT/scripts/lib/lib.sh"
ENTRIES_DIR=$TOOLKIT/drivers-migrated/page-alloc
# shellcheck source=scripts/lib/entries.sh
. "$TOOLKIT/scripts/lib/entries.sh"

for e in $(entry_list); do
	name=${e#"$TOOLKIT"/}
	test_expect_success "$name: headers Path, Prefix, Call-sites, then a body" "
		sed -n '1,/^\$/p' '$e' | cut -d: -f1 >'$TRASH/headers' &&
		printf 'Path\nPrefix\nCall-sites\n\n' >'$TRASH/want' &&
		test_cmp '$TRASH/want' '$TRASH/headers' &&
		entry_field '$e' Prefix | grep -qE '^[A-Za-z0-9/_.: -]+:\$' &&
		entry_field '$e' Call-sites | grep -qE '^[1-9][0-9]*\$' &&
		test -n \"\$(entry_body '$e')\"
	"
	test_expect_success "$name: body lines fit in 72 columns, no trailing space" "
		! entry_body '$e' | grep -nE '.{73}|[[:space:]]\$'
	"
done

test_expect_success 'the six known subsystems and their prefixes' '
	for e in $(entry_list); do entry_field "$e" Prefix; done | sort >"$TRASH/prefixes" &&
	printf "%s\n" "KVM: VMX:" "net/funeth:" "perf/x86/intel:" "powerpc/cell:" \
		"sgi-xp:" "x86/virt:" | sort >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/prefixes"
'

test_expect_success 'entry_for finds an entry by path, and none for mm/' '
	test "$(entry_for arch/x86/kvm/vmx/nested.c)" = "$ENTRIES_DIR/kvm-vmx.txt" &&
	! entry_for mm/slub.c
'

if [ "${KERNEL_TESTS:-1}" = 0 ] || [ ! -d "$KDIR_DEFAULT/.git" ]; then
	test_done
	exit
fi

# The call sites of 6.12, found by the semantic patches' report mode.
test_expect_success 'on 6.12 every caller outside mm/ and include/ has one entry' '
	(cd "$KDIR_DEFAULT" &&
	 for c in "$TOOLKIT"/cocci/page-alloc/*.cocci; do
		spatch --very-quiet --no-includes --include-headers -D report \
			--sp-file "$c" --dir . -j "${J:-2}" || exit 1
	 done) | sed "s|^\./||" | cut -d: -f1 | grep -v -E "^(mm|include)/" >"$TRASH/sites" &&
	test -s "$TRASH/sites" &&
	while read -r path; do
		entry_for "$path" >/dev/null || { echo "no entry for $path"; exit 1; }
	done <"$TRASH/sites"
'

for e in $(entry_list); do
	name=${e#"$TOOLKIT"/}
	test_expect_success "$name: its call sites on 6.12, if it has any, match Call-sites" "
		n=0 &&
		while read -r path; do
			if [ \"\$(entry_for \"\$path\")\" = '$e' ]; then n=\$((n + 1)); fi
		done <'$TRASH/sites' &&
		{ [ \$n -eq 0 ] || [ \$n -eq \$(entry_field '$e' Call-sites) ]; }
	"
done

test_expect_success 'x86/virt has no caller in 6.12 (arch/x86/virt/hw.c is newer)' '
	! grep -q "^arch/x86/virt/" "$TRASH/sites"
'

test_done
