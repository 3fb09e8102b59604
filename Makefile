# Kernel API-migration toolkit: every entry point. Logic lives in scripts/,
# check/, ci/ and src/; a migration is data under cocci/NAME/ and
# drivers-migrated/NAME/. This file only wires variables to them.

TOOLKIT := $(CURDIR)

# The default tree: build/linux-$(KVER), Debian's linux-source-$(KVER).
# Without KVER, the newest version Debian ships, as make kernel first found
# it (build/kver); a fresh checkout asks Debian unstable, once, and only for
# a target that works on the default tree.
NO_TREE_GOALS := deps migrations tools test-tools test-quick unit-tools san-tools \
	fuzz-tools cmove-san cmove-fuzz clean
# TARBALL=.../linux-source-X.Y.tar.xz: X.Y, with no need to ask Debian.
ifeq ($(KVER),)
KVER := $(patsubst linux-source-%.tar.xz,%,$(filter linux-source-%.tar.xz,$(notdir $(TARBALL))))
endif
ifeq ($(KVER),)
KVER := $(shell cat build/kver 2>/dev/null)
endif
ifeq ($(KVER)$(filter command line environment,$(origin KDIR)),)
ifneq ($(if $(MAKECMDGOALS),$(filter-out $(NO_TREE_GOALS) kernel-%,$(MAKECMDGOALS)),all),)
KVER := $(shell mkdir -p build && scripts/setup/kernel-source.sh newest >build/kver.new && \
	mv build/kver.new build/kver && cat build/kver)
ifeq ($(KVER),)
$(error make: error: cannot tell which linux-source Debian ships (see above); pass KVER=X.Y or KDIR=)
endif
endif
endif
DEFAULT_KDIR := $(TOOLKIT)/build/linux-$(KVER)
KDIR ?= $(DEFAULT_KDIR)
O ?= out
J ?= $(shell nproc)
V ?= 0
STEPS ?=
# The migration every target runs; cocci/default names the default.
MIGRATION ?= $(shell cat cocci/default)

# KDIR may have spaces: only the scripts use it, quoted ($(abspath) would
# split it). O may not: make's targets are made of it. O and KDIR must not
# hold one another (the scripts check again, with symbolic links resolved).
ifeq ($(words $(KDIR)),1)
override KDIR := $(abspath $(KDIR))
else ifneq ($(KDIR),)
ifeq ($(filter /%,$(firstword $(KDIR))),)
override KDIR := $(CURDIR)/$(KDIR)
endif
endif
ifneq ($(words $(O)),1)
$(error make: error: O='$(O)' is empty or has a space, and make builds its targets under O; pass O= a path without spaces)
endif
override O := $(abspath $(O))
ifneq ($(words $(O)),1)
$(error make: error: O=$(O) has a space (the toolkit's path has one); pass O= a path without spaces)
endif
APART := $(if $(KDIR),$(shell . scripts/lib/lib.sh && prog=make && require_apart '$(KDIR)' '$(O)' 2>&1))
ifneq ($(APART),)
$(error $(APART))
endif
# J and V are checked once, here, before anything runs.
ifeq ($(shell printf '%s\n' '$(J)' | grep -xE '[1-9][0-9]{0,3}'),)
$(error make: error: J=$(J) is not a number of parallel jobs; pass J= a whole number from 1 to 9999, such as J=$(shell nproc))
endif
ifneq ($(filter-out 0 1,$(V))$(word 2,$(V)),)
$(error make: error: V=$(V) is not 0 or 1; pass V=1 to see what the scripts decide, V=0 (the default) not to)
endif
export TOOLKIT KDIR O J V STEPS MIGRATION

# The default tree is provisioned on demand; any other KDIR must exist.
ifeq ($(KDIR),$(DEFAULT_KDIR))
KDIR_DEP := kernel
else
KDIR_DEP :=
endif

# Every target installs what it needs: deps is cheap when nothing is missing.
DEPS_STAMP := $(O)/.deps-ok

# $(call locked,TARGET,SCRIPT): SCRIPT under the run lock on O, taken before
# the tools are built (scripts/run-locked.sh).
locked = MAKE='$(MAKE)' scripts/run-locked.sh $(1) $(2)

.PHONY: all deps kernel apply migrations bench test test-quick clean

# The main job on the default tree: the series on $(BRANCH) (a worktree under
# $(O); KDIR's checkout untouched), then make check of its head. Both can run
# again and again.
all: $(DEPS_STAMP) $(KDIR_DEP) tools
	$(MAKE) --no-print-directory series
	$(MAKE) --no-print-directory check

deps:
	@mkdir -p $(O)
	scripts/setup/deps.sh
	@touch $(DEPS_STAMP)

# What the targets run; the kernel sources and the test tools come with the
# targets that need them.
$(DEPS_STAMP): scripts/setup/deps.sh
	@mkdir -p $(O)
	scripts/setup/deps.sh tools
	@touch $@

# TARBALL: a linux-source tarball of your own instead of Debian's.
kernel: $(DEPS_STAMP)
	@[ -d '$(DEFAULT_KDIR)/.git' ] || { \
		tarball=$${TARBALL:-$$(scripts/setup/kernel-source.sh tarball '$(KVER)')} && \
		scripts/setup/kernel.sh "$$tarball" '$(DEFAULT_KDIR)'; }

# Another version's tree beside the default (make kernel-6.12, kernel-6.1).
kernel-%: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory kernel KVER=$*

apply: $(DEPS_STAMP) $(KDIR_DEP)
	$(call locked,apply,scripts/apply/apply.sh)

# The migrations there are, with their one-line summaries.
migrations:
	@scripts/migrations.sh

include src/lib/lib.mk
include src/cscan/cscan.mk
include src/cmove/cmove.mk
include check/check.mk
include scripts/series/series.mk
include ci/ci.mk

# The project's own tests: unit, SmPL fixtures and the real-tree integration
# tests, all under prove, in two chains side by side, each in name order:
# the tests of the older trees (those that set TEST_KVER=: 6.12 and 6.1),
# and those of the default tree. The tests of one tree share its scratch
# clone and build directories, so they never run side by side; two trees'
# tests do, and keep both cores busy where one test alone does not. The
# tests that say "# Own files only." on a line of their own (they use
# nothing but their own files) are dealt out to the two chains in turn.
# The programs the tests build are made first, so that no two tests make
# the same file. The failing tests' output is repeated after prove's
# summary, where the end of a long log shows it.
comma := ,
empty :=
space := $(empty) $(empty)
OWN_FILES_TESTS := $(shell grep -lx '\# Own files only\.' tests/*.t)
OLD_TREE_TESTS := $(filter-out $(OWN_FILES_TESTS),$(shell grep -l '^TEST_KVER=' tests/*.t))
# $(call every_other,FIRST,LIST): the 1st, 3rd, ... words of LIST (FIRST=1)
# or the 2nd, 4th, ... (FIRST=2).
every_other = $(shell printf '%s\n' $(2) | awk 'NR % 2 == $(1) % 2')
OLD_TREE_CHAIN := $(sort $(OLD_TREE_TESTS) $(call every_other,2,$(OWN_FILES_TESTS)))
seq_rule = $(if $(1),--rules='seq={$(subst $(space),$(comma),$(strip $(1)))}')
PROVE = prove --timer -j2 $(call seq_rule,$(OLD_TREE_CHAIN)) --rules='seq=**' tests/ || \
	{ cat '$(O)/test/failures.log' 2>/dev/null; exit 1; }

# The three trees and the test programs are made side by side: the
# packages come first, in one apt-get run (apt takes one at a time).
# What a first run writes (trees, clones, worktrees, builds: 25 GB on a
# clean clone, and a margin): refused at once when the disk has less, not
# half-way.
TEST_SPACE_GB := 30
test: $(DEPS_STAMP)
	@[ -d '$(O)/test' ] || tests/lib/free-space.sh '$(O)' $(TEST_SPACE_GB)
	scripts/setup/deps.sh tests
	@$(MAKE) --no-print-directory -j4 --output-sync=target kernel \
		$(filter-out kernel-$(KVER),kernel-6.12 kernel-6.1) test-tools
	@rm -f '$(O)/test/failures.log'
	$(PROVE)

# The inner loop: everything that needs no kernel tree.
test-quick: $(DEPS_STAMP) tools
	scripts/setup/deps.sh tests
	@$(MAKE) --no-print-directory test-tools
	@rm -f '$(O)/test/failures.log'
	KERNEL_TESTS=0 $(PROVE)

.PHONY: test-tools
test-tools: tools unit-tools san-tools fuzz-tools cmove-san cmove-fuzz

# The steps against make coccicheck and git grep, the scanner against git
# grep, on the default tree or KDIR (RUNS=3, BENCH="MIGRATION:STEP ...").
bench: $(DEPS_STAMP) $(KDIR_DEP) tools
	scripts/bench/bench.sh

# Not while a run uses O (scripts/lib/lib.sh, lock_runs).
clean:
	@scripts/clean.sh
