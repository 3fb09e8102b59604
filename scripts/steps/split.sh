#!/bin/sh
# Step "split": create mm/page_alloc.h and move the page allocator's
# internals into it from mm/internal.h: the ALLOC_* flags, struct
# alloc_context, and every other declaration of mm/internal.h that only
# mm/page_alloc.c uses. The mm/ files that use what moved include the new
# header; MAINTAINERS lists it.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

internal=mm/internal.h
private=mm/page_alloc.h
make_work_dir

[ -f $internal ] || { info "skipped: no $internal in this tree"; exit 0; }
"${O:?}/bin/cmove" --list . $internal >"$work/decls" || exit 2
# "mm/internal.h:START-END: KIND NAME" -> "START END KIND NAME"
sed -n 's/^[^:]*:\([0-9]*\)-\([0-9]*\): \([a-z-]*\) \(.*\)$/\1 \2 \3 \4/p' "$work/decls" >"$work/extents"

awk '$3 == "macro" && $4 ~ /^ALLOC_/ { print $4 }' "$work/extents" | sort -u >"$work/flags"
if [ ! -s "$work/flags" ]; then
	if [ -f $private ]; then
		info "skipped: $private exists and $internal has no ALLOC_* flags left"
	else
		info "skipped: $internal defines no ALLOC_* flags"
	fi
	exit 0
fi
awk '$3 == "type" && $4 == "alloc_context"' "$work/extents" | grep -q . ||
	die "$internal has ALLOC_* flags but no struct alloc_context; this kernel is not one the step knows"

# Which files use each declaration of internal.h, in code, tree-wide.
awk '{ print $4 }' "$work/extents" | sort -u >"$work/names"
# shellcheck disable=SC2046
cscan refs . $(cat "$work/names") >"$work/refs" || exit 2
# "path:line:col: SYM" -> "SYM path"
sed 's/^\([^:]*\):[0-9]*:[0-9]*: \(.*\)$/\2 \1/' "$work/refs" | sort -u >"$work/users"

# The candidates: the flags, alloc_context, and what page_alloc.c alone uses.
awk -v internal=$internal '
	$2 == internal { next }
	{ files[$1] = files[$1] " " $2 }
	END { for (s in files) if (files[s] == " mm/page_alloc.c") print s }' "$work/users" |
	cat - "$work/flags" | sort -u >"$work/moving"
echo alloc_context >>"$work/moving"

# A declaration that stays in internal.h and uses a candidate keeps that
# candidate there too (internal.h must not need page_alloc.h); repeat until
# nothing changes.
grep "^$internal:" "$work/refs" | sed 's/^[^:]*:\([0-9]*\):[0-9]*: /\1 /' >"$work/internal-refs"
while :; do
	sort -u "$work/moving" -o "$work/moving"
	awk 'FILENAME == ARGV[1] { moving[$1] = 1; next }
	     FILENAME == ARGV[2] { n++; lo[n] = $1; hi[n] = $2; name[n] = $4; next }
	     moving[$2] {
		owner = ""
		for (i = 1; i <= n; i++) if ($1 >= lo[i] && $1 <= hi[i]) owner = name[i]
		if (owner == "" || !moving[owner]) print $2
	     }' "$work/moving" "$work/extents" "$work/internal-refs" | sort -u >"$work/blocked"
	[ -s "$work/blocked" ] || break
	if grep -qx -f "$work/blocked" "$work/flags" || grep -qx alloc_context "$work/blocked"; then
		die "$internal itself uses $(grep -x -f "$work/flags" "$work/blocked" | head -n 1; grep -x alloc_context "$work/blocked") outside what moves; split it by hand"
	fi
	grep -vx -f "$work/blocked" "$work/moving" >"$work/moving.new"
	mv "$work/moving.new" "$work/moving"
done
verbose "moving: $(echo $(cat "$work/moving"))"

# shellcheck disable=SC2046
"$O/bin/cmove" --scope mm/ --include linux/mmzone.h . $internal $private $(cat "$work/moving") || exit
"$TOOLKIT/scripts/maintainers-add.sh" $private mm/page_alloc.c
