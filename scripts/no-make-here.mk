# The toolkit's folders are no place to run make: its targets are in the
# top directory's Makefile, and here GNU make's built-in rules would turn
# a NAME.sh or NAME.c into a program NAME ("make apply" in scripts/apply/
# would leave a file scripts/apply/apply). Each folder's GNUmakefile links
# here.
MAKEFLAGS += -rR
.DEFAULT_GOAL := no-make-here
no-make-here:
	@echo "make: error: $(CURDIR) has no targets; run make in the toolkit's top directory" >&2; exit 2
%:: no-make-here
	@:
