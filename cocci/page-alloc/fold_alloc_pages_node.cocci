// SPDX-License-Identifier: GPL-2.0-only
/// Fold __alloc_pages_node() into alloc_pages_node(), its only user once
/// every caller has moved to alloc_pages_node(). The node check stays a
/// CONFIG_DEBUG_VM check, VM_WARN_ON_ONCE() for VM_BUG_ON(): without
/// CONFIG_DEBUG_VM it compiles to nothing, as before. For include/linux/gfp.h.
///
// Confidence: High
// Comments: handles both the _noprof forms (v6.10+) and the plain ones.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@fold depends on patch@
identifier nid, gfp, order;
@@
 alloc_pages_node_noprof(int nid, gfp_t gfp, unsigned int order)
 {
 ...
- return __alloc_pages_node_noprof(nid, gfp, order);
+ VM_WARN_ON_ONCE(nid < 0 || nid >= MAX_NUMNODES);
+ warn_if_node_offline(nid, gfp);
+
+ return __alloc_pages_noprof(gfp, order, nid, NULL);
 }

@depends on fold@
@@
- __alloc_pages_node_noprof(...) { ... }

@depends on fold@
@@
- #define __alloc_pages_node(...) alloc_hooks(__alloc_pages_node_noprof(__VA_ARGS__))

// Before allocation profiling (v6.10) the functions had the plain names.
@fold_plain depends on patch@
identifier nid, gfp, order;
@@
 alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
 {
 ...
- return __alloc_pages_node(nid, gfp, order);
+ VM_WARN_ON_ONCE(nid < 0 || nid >= MAX_NUMNODES);
+ warn_if_node_offline(nid, gfp);
+
+ return __alloc_pages(gfp, order, nid, NULL);
 }

@depends on fold_plain@
@@
- __alloc_pages_node(...) { ... }

@depends on context@
@@
* \(__alloc_pages_node_noprof\|__alloc_pages_node\)(...) { ... }

@def depends on org || report@
position p;
@@
 \(__alloc_pages_node_noprof@p\|__alloc_pages_node@p\)(...) { ... }

@script:python depends on org@
p << def.p;
@@
coccilib.org.print_todo(p[0], "fold into alloc_pages_node() once it has no other user")

@script:python depends on report@
p << def.p;
@@
print("%s:%s:%d: note: fold into alloc_pages_node() once it has no other user" %
      (p[0].file, p[0].line, int(p[0].column) + 1))
