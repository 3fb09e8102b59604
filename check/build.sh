#!/bin/sh
# Build some objects of a kernel tree for allmodconfig, in a persistent build
# directory, and print the compiler's diagnostics compiler-style, paths
# relative to the tree.
#
#   build.sh [--arch ARCH [--cross PREFIX]] TREE OBJDIR [TARGET...]
#
#   build.sh --variant OPTION TREE OBJDIR [TARGET...]
#
# ARCH defaults to x86_64; PREFIX is CROSS_COMPILE (aarch64-linux-gnu-).
# OPTION: a line of check/config-variants, the configuration that turns on
# an option allmodconfig leaves off (its compiler, its scripts/config
# arguments).
# TARGET: an object (mm/slub.o), a directory (mm/), or "all" (the whole
# tree); without one, only the configuration is made. CONFIG_WERROR is off:
# warnings are reported, for the caller to compare with a base, as netdev's
# NIPA does. The build directory keeps its configuration and objects across
# runs, so a rebuild only compiles what changed, and the configuration is
# made again only when a Kconfig file changed. Every object's diagnostics
# are kept beside it (check/cc-diag.sh), so the report covers the targets'
# objects whether they were recompiled or not.
#
# Left in OBJDIR: diagnostics (the targets' warnings and errors, each once),
# objects (the targets' objects), failed (those that did not build),
# built (the objects that built), built-diagnostics (their diagnostics),
# warned (those of them with a warning), build.log. CC (ccache, distcc) and
# J pass through; for a cross build CC may be a launcher and gcc ("ccache
# gcc"), which becomes "ccache PREFIXgcc".
# Exit: 0 built, 1 a target failed, 2 environment, 3 the compiler is older
# than the tree supports (the reason in OBJDIR/unsupported; nothing built).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=check/lib.sh
. "$(dirname "$0")/lib.sh"

arch=x86_64
cross=
variant=
while :; do
	case ${1:-} in
	--arch) arch=${2:?--arch needs an ARCH}; shift 2 ;;
	--cross) cross=${2:?--cross needs a PREFIX}; shift 2 ;;
	--variant) variant=${2:?--variant needs an OPTION}; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || die "usage: $prog [--arch ARCH [--cross PREFIX] | --variant OPTION] TREE OBJDIR [TARGET...]"
compiler=gcc
configs=
if [ -n "$variant" ]; then
	line=$(config_variant "$variant") ||
		die "no configuration for $variant in $TOOLKIT/check/config-variants"
	read -r _ compiler configs <<EOF
$line
EOF
fi
tree=$(cd "$1" 2>/dev/null && pwd -P) || die "no kernel tree at $1"
objdir=$2
shift 2
[ -f "$tree/Makefile" ] && [ -f "$tree/scripts/config" ] || die "$tree is not a kernel source tree"

# CC's launcher ("ccache gcc") is kept for a cross compiler or a variant's.
if [ -z "$cross" ] && [ "$compiler" = gcc ]; then
	cc=${CC:-gcc}
else
	case ${CC:-} in
	*" gcc") cc="${CC% gcc} $cross$compiler" ;;
	*) cc=$cross$compiler ;;
	esac
fi
require_cmd make make
for word in $cc; do
	case $word in
	-*) ;;
	*-gcc) require_cmd "$word" "gcc-$(basename "$word" -gcc)" ;;
	*) require_cmd "$word" "${word##*/}" ;;
	esac
done
for tool in flex bison bc perl; do require_cmd $tool $tool; done
mkdir -p "$objdir" && objdir=$(cd "$objdir" && pwd -P) || die "cannot create $objdir"

# The C locale: the same diagnostics whatever the user's (gcc quotes names
# with 'x', not with UTF-8 quotes), so that BASE's cached ones compare.
# LC_ALL would not do: the kernel's Makefile unexports it. The flags of a
# make that runs this script ("make -s ci") are not Kbuild's: they would
# silence the "  CC" lines that build.log and the progress count read.
kmake() {
	LANG=C LC_CTYPE=C LC_MESSAGES=C env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$tree" O="$objdir" ARCH="$arch" ${cross:+CROSS_COMPILE="$cross"} \
		CC="$TOOLKIT/check/cc-diag.sh $cc" -j"${J:-2}" "$@"
}

# One allmodconfig per build directory, made again when a checkout changed a
# Kconfig file since.
if [ ! -f "$objdir/.config" ] ||
	[ -n "$(find "$tree" -name 'Kconfig*' -newer "$objdir/.config" -print 2>/dev/null | head -n 1)" ]; then
	info "configuring $arch allmodconfig in $objdir (CONFIG_WERROR off${variant:+, $configs})" >&2
	# shellcheck disable=SC2086
	kmake -s allmodconfig >"$objdir/config.log" 2>&1 &&
	"$tree/scripts/config" --file "$objdir/.config" -d WERROR $configs &&
	kmake -s olddefconfig >>"$objdir/config.log" 2>&1 ||
		{
			rm -f "$objdir/.config"
			# A compiler older than the tree's minimum (7.2's KMSAN wants
			# clang 17; bookworm has 14) cannot build it: exit 3, the
			# reason in OBJDIR/unsupported, for the caller's "not covered".
			have=$(sed -n 's/^\*\*\* *Your \(.*\) version: *\([^ ]*\)$/\1 \2/p' "$objdir/config.log")
			need=$(sed -n 's/^\*\*\* *Minimum [^ ]* version: *\([^ ]*\)$/\1/p' "$objdir/config.log")
			if grep -q 'C compiler is too old' "$objdir/config.log" && [ -n "$have" ] && [ -n "$need" ]; then
				echo "its compiler is $have; the tree needs $need or newer" >"$objdir/unsupported"
				info "$arch${variant:+ with $variant}: $(cat "$objdir/unsupported")" >&2
				exit 3
			fi
			die "$arch allmodconfig failed; see $objdir/config.log"
		}
	[ -z "$variant" ] || grep -qE "^CONFIG_$variant=[ym]$" "$objdir/.config" ||
		{ rm -f "$objdir/.config"; die "CONFIG_$variant is still off after '$configs'; fix its line in check/config-variants"; }
fi
[ $# -gt 0 ] || exit 0

# diagfile OBJ: where cc-diag.sh keeps what the compiler said about OBJ.
diagfile() {
	case $1 in
	*/*) printf '%s/%s/.%s.diag\n' "$objdir" "${1%/*}" "${1##*/}" ;;
	*) printf '%s/.%s.diag\n' "$objdir" "$1" ;;
	esac
}
# compiled TARGET...: the objects of the targets that are compiled from a .c
# or .S file of the tree or the build directory (not linked from others):
# an object target itself; under a directory target, or anywhere for "all",
# every one with a .o or a diagnostics file.
compiled() {
	for target; do
		case $target in
		*.o) printf '%s\n' "$target"; continue ;;
		all) dir=. ;;
		*) dir=${target%/} ;;
		esac
		(cd "$objdir" && find "$dir" \( -name '*.o' -o -name '.*.o.diag' \) 2>/dev/null)
	done | sed 's|^\./||; s|^\(.*/\)\{0,1\}\.\([^/]*\.o\)\.diag$|\1\2|' | sort -u |
		while read -r obj; do
			src=${obj%.o}
			for s in "$tree/$src.c" "$tree/$src.S" "$objdir/$src.c" "$objdir/$src.S"; do
				[ -f "$s" ] && { printf '%s\n' "$obj"; break; }
			done
		done
}

# An object compiled without the wrapper (by a plain build in the same
# directory) has no diagnostics file: it is compiled again.
compiled "$@" | while read -r obj; do
	[ -f "$objdir/$obj" ] && [ ! -f "$(diagfile "$obj")" ] && rm -f "$objdir/$obj"
done

# The build, with a count of the compiled objects when someone watches.
log=$objdir/build.log
kmake -k "$@" >"$log" 2>&1 &
pid=$!
if [ -t 2 ]; then
	while kill -0 $pid 2>/dev/null; do
		printf '\r%s: %s: %d compiled' "$prog" "$arch" "$(grep -c '^  CC ' "$log")" >&2
		sleep 1
	done
	printf '\r%s: %s: %d compiled\n' "$prog" "$arch" "$(grep -c '^  CC ' "$log")" >&2
fi
wait $pid
rc=$?
# Kbuild prepares the build directory (configuration, generated headers,
# host programs) as part of the build. A failure there is no object's: when
# the build fails, make prepare on its own tells the two apart (a make
# prepare before every build would cost seconds each time).
if [ $rc -ne 0 ]; then
	kmake -s prepare >"$objdir/prepare.log" 2>&1 ||
		die "make prepare failed in $objdir; see $objdir/prepare.log"
fi

# The targets' objects: those the compiler was run on, now or before.
compiled "$@" | while read -r obj; do
	[ -f "$(diagfile "$obj")" ] && printf '%s\n' "$obj"
done >"$objdir/objects"

# Failed: objects whose compiler reported an error, and objects make gave
# up on for any other reason (no rule, objtool).
{
	while read -r obj; do
		f=$(diagfile "$obj")
		[ -f "$f" ] && grep -q ': \(error\|fatal error\): ' "$f" && printf '%s\n' "$obj"
	done <"$objdir/objects"
	sed -n -e 's/^make\[[0-9]*\]: \*\*\* \[.*: \([^] ]*\.o\)\] Error [0-9]*$/\1/p' \
		-e "s/.*No rule to make target '\([^']*\.o\)'.*/\1/p" "$log"
} | sort -u >"$objdir/failed"

# diagnostics_of: the diagnostics of the objects read from stdin, relative
# to the tree, each once.
diagnostics_of() {
	while read -r obj; do
		f=$(diagfile "$obj")
		[ -f "$f" ] && cat "$f"
	done |
		sed -n -e "s#^$tree/##" \
			-e 's#^\(\./\)\{0,1\}\([^: ]*:[0-9]*:[0-9]*: \(warning\|error\|fatal error\): .*\)#\2#p' |
		sort -u
}
diagnostics_of <"$objdir/objects" >"$objdir/diagnostics"
# Those of the objects that built: the warnings of a failed compile (a
# header cut short makes gcc warn about what follows) are not new warnings.
grep -vxF -f "$objdir/failed" "$objdir/objects" >"$objdir/built"
diagnostics_of <"$objdir/built" >"$objdir/built-diagnostics"
# Those with a warning: the only ones whose base a comparison needs.
while read -r obj; do
	grep -q ': warning: ' "$(diagfile "$obj")" && printf '%s\n' "$obj"
done <"$objdir/built" >"$objdir/warned"

cat "$objdir/diagnostics"
warnings=$(grep -c ': warning: ' "$objdir/diagnostics")
errors=$(grep -c ': \(error\|fatal error\): ' "$objdir/diagnostics")
objects=$(wc -l <"$objdir/objects")
if [ $rc -ne 0 ]; then
	[ "$errors" -gt 0 ] || tail -n 20 "$log" >&2
	printf 'build: FAILED: %d error(s), %d warning(s), %d object(s) failed of %d in %d target(s); log: %s\n' \
		"$errors" "$warnings" "$(wc -l <"$objdir/failed")" "$objects" $# "$log"
	exit 1
fi
printf 'build: ok: %d object(s) in %d target(s), %d warning(s); log: %s\n' "$objects" $# "$warnings" "$log"
