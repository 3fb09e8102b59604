# Split a git patch into N parts of about equal length, cut only where a
# file's diff starts, for checkpatch.pl runs side by side:
#
#   awk -v n=N -v total=LINES -v out=PREFIX -f patch-split.awk PATCH
#
# writes PREFIX.1 .. PREFIX.K (K <= N; fewer when the patch has fewer files).
BEGIN { part = 1 }
/^diff --git / && NR > 1 && part < n && NR - 1 >= part * total / n { close(file); part++ }
{ file = out "." part; print > file }
