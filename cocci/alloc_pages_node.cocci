// SPDX-License-Identifier: GPL-2.0-only
/// Use alloc_pages_node() rather than __alloc_pages_node(): the double
/// underscore variant is becoming internal to mm/. alloc_pages_node() takes
/// the same arguments and also accepts NUMA_NO_NODE.
///
// Confidence: High
// Comments: only the function name changes; arguments stay as they are.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@depends on patch@
@@
(
- __alloc_pages_node
+ alloc_pages_node
|
- __alloc_pages_node_noprof
+ alloc_pages_node_noprof
)
  (...)

@depends on context@
@@
* \(__alloc_pages_node\|__alloc_pages_node_noprof\)(...)

@r depends on org || report@
identifier f = {__alloc_pages_node, __alloc_pages_node_noprof};
position p;
@@
 f@p(...)

@script:python depends on org@
f << r.f;
p << r.p;
@@
coccilib.org.print_todo(p[0], "use %s() instead of %s()" % (f[2:], f))

@script:python depends on report@
f << r.f;
p << r.p;
@@
print("%s:%s:%d: warning: use %s() instead of %s()" %
      (p[0].file, p[0].line, int(p[0].column) + 1, f[2:], f))
