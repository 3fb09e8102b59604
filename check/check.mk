# check/: the C scanner and the check targets (filled in by the scanner work).
.PHONY: tools
tools:
