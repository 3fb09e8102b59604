# make check: the leak and api checks and the x86_64 allmodconfig build of
# REV against BASE (check/check.sh). Included by the top Makefile, which
# sets and exports KDIR, O (absolute), J and V; BASE, REV, BRANCH, FULL and
# CC pass through from the command line or the environment.

.PHONY: check

check: $(DEPS_STAMP) $(KDIR_DEP)
	$(call locked,check,check/check.sh)

.PHONY: check-leaks check-api

check-leaks: $(DEPS_STAMP) $(KDIR_DEP) tools
	check/scan.sh leaks

check-api: $(DEPS_STAMP) $(KDIR_DEP) tools
	check/scan.sh api
