# make series: the migration as a patch series in $(O)/series/, committed on
# $(BRANCH) from $(BASE) in a worktree under $(O) (scripts/series/series.sh).
# Included by the top Makefile, which sets and exports KDIR, O, J, V, STEPS.

.PHONY: series

# Unset, series.sh takes its defaults: BASE, KDIR's HEAD; BRANCH, the
# spec's branch: or api-migrate/$(MIGRATION); TRAILERS, none; FORCE, unset.
export BASE BRANCH TRAILERS COMMITS FORCE

series: $(DEPS_STAMP) $(KDIR_DEP)
	$(call locked,series,scripts/series/series.sh)
