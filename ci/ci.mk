# make ci: make check's checks on every commit of RANGE (ci/ci.sh). Included
# by the top Makefile, which sets and exports KDIR, O (absolute), J and V;
# RANGE, BRANCH and CC pass through from the command line or the
# environment.

.PHONY: ci

ci: $(DEPS_STAMP) $(KDIR_DEP)
	$(call locked,ci,ci/ci.sh)
