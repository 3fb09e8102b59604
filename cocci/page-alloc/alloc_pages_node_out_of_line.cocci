// SPDX-License-Identifier: GPL-2.0-only
/// Turn the inline alloc_pages_node() of include/linux/gfp.h into a
/// prototype, so that gfp.h no longer needs __alloc_pages() and it can
/// become internal to mm/; its body goes out of line into mm/page_alloc.c.
/// Expects the shape left by fold_alloc_pages_node.cocci.
///
// Confidence: High
// Comments: handles both the _noprof forms (v6.10+) and the plain ones.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// Only the exact shape that fold_alloc_pages_node.cocci leaves becomes a
// prototype: the step move-alloc-pages adds that body, out of line, to
// mm/page_alloc.c (alloc_pages_node.c.in, by out-of-line.sh).
@shape depends on patch@
typedef gfp_t;
identifier f, core, nid, gfp, order;
position p;
@@
 static inline struct page *f@p(int nid, gfp_t gfp, unsigned int order)
 {
 if (nid == NUMA_NO_NODE)
	nid = numa_mem_id();
 VM_WARN_ON_ONCE(nid < 0 || nid >= MAX_NUMNODES);
 warn_if_node_offline(nid, gfp);
 return core(gfp, order, nid, NULL);
 }

// The prototype's name comes from a script: spatch refuses to put a
// definition's own name back in the + code that replaces it.
@script:python proto depends on shape@
f << shape.f;
core << shape.core;
g;
@@
if f in ("alloc_pages_node", "alloc_pages_node_noprof") and \
   core == f.replace("alloc_pages_node", "__alloc_pages"):
    coccinelle.g = cocci.make_ident(f)
else:
    cocci.include_match(False)

@depends on patch@
identifier shape.f, shape.nid, shape.gfp, shape.order, proto.g;
position shape.p;
@@
+ struct page *g(int nid, gfp_t gfp, unsigned int order);
- static inline struct page *f@p(int nid, gfp_t gfp, unsigned int order) { ... }

@depends on context@
@@
* static inline struct page *\(alloc_pages_node_noprof\|alloc_pages_node\)(...) { ... }

@inline_def depends on org || report@
position p;
@@
 static inline struct page *\(alloc_pages_node_noprof@p\|alloc_pages_node@p\)(...) { ... }

@script:python depends on org@
p << inline_def.p;
@@
coccilib.org.print_todo(p[0], "make alloc_pages_node() out of line so that __alloc_pages() can leave gfp.h")

@script:python depends on report@
p << inline_def.p;
@@
print("%s:%s:%d: note: make alloc_pages_node() out of line so that __alloc_pages() can leave gfp.h" %
      (p[0].file, p[0].line, int(p[0].column) + 1))

