#!/bin/sh
# Every semantic patch follows the kernel's scripts/coccinelle conventions,
# so it also runs unchanged under "make coccicheck".
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

for cocci in "$TOOLKIT"/cocci/*/*.cocci; do
	name=${cocci#"$TOOLKIT"/}
	test_expect_success "$name: SPDX line first" "
		head -n 1 '$cocci' | grep -qx '// SPDX-License-Identifier: GPL-2.0-only'
	"
	test_expect_success "$name: /// description and Confidence" "
		grep -q '^/// [A-Za-z]' '$cocci' &&
		grep -qE '^// Confidence: (High|Moderate|Low)$' '$cocci'
	"
	test_expect_success "$name: the four virtual modes, a rule for each" "
		for mode in patch context org report; do
			grep -qx \"virtual \$mode\" '$cocci' &&
			grep -qE \"depends on (.*[^a-z])?\$mode([^a-z]|\\\$)\" '$cocci' || exit 1
		done
	"
	test_expect_success "$name: spatch parses it in every mode" "
		for mode in patch context org report; do
			spatch --very-quiet --parse-cocci -D \$mode --sp-file '$cocci' >/dev/null || exit 1
		done
	"
done

test_done
