# A patch turned around: what it adds it removes and the other way round,
# line for line, so that a finding on line N of one is a finding on line N
# of the other. The mail headers and the message stay as they are.
#
#   awk -f patch-reverse.awk PATCH > REVERSED
/^diff --git / { indiff = 1 }
!indiff { print; next }
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
	next
}
/^\+/ { print "-" substr($0, 2); next }
/^-/ { print "+" substr($0, 2); next }
{ print }
