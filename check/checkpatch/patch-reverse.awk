# A patch turned around: what it adds it removes and the other way round,
# line for line, so that a finding on line N of one is a finding on line N
# of the other. The mail headers, the message and the trailer after the
# last hunk (format-patch's "-- " signature) stay as they are: a hunk ends
# when its header's line counts are used up.
#
#   awk -f patch-reverse.awk PATCH > REVERSED
/^diff --git / && !left { indiff = 1 }
!indiff { print; next }
# Inside a hunk: each line takes its share of the header's counts.
left > 0 {
	if (/^\+/) { print "-" substr($0, 2); new_left-- }
	else if (/^-/) { print "+" substr($0, 2); old_left-- }
	else if (/^\\/) { print; next }
	else { print; old_left--; new_left-- }
	left = old_left > 0 || new_left > 0
	next
}
/^--- / { minus = substr($0, 5); next }
/^\+\+\+ / {
	plus = substr($0, 5)
	sub(/^b\//, "a/", plus)
	sub(/^a\//, "b/", minus)
	print "--- " plus
	print "+++ " minus
	next
}
/^@@ / {
	# @@ -A,B +C,D @@ rest  ->  @@ -C,D +A,B @@ rest
	split($0, f, " ")
	old = substr(f[2], 2); new = substr(f[3], 2)
	rest = substr($0, index($0, f[3]) + length(f[3]))
	print "@@ -" new " +" old rest
	old_left = count(old); new_left = count(new)
	left = old_left > 0 || new_left > 0
	next
}
{ print }

# count(RANGE): the line count of a hunk range "A,B" (B), or "A" (1).
function count(range,    p) {
	p = index(range, ",")
	return p ? substr(range, p + 1) + 0 : 1
}
