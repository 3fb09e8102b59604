// SPDX-License-Identifier: GPL-2.0-only
/// Use alloc_pages_node(nid, gfp, order) rather than
/// __alloc_pages(gfp, order, nid, NULL): __alloc_pages() is becoming internal
/// to mm/. A call with a nodemask has no public equivalent and is only
/// reported, for a human to decide.
///
// Confidence: High
// Comments: the arguments are reordered; calls with a nodemask are left alone.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@depends on patch@
expression gfp, order, nid;
@@
(
- __alloc_pages(gfp, order, nid, NULL)
+ alloc_pages_node(nid, gfp, order)
|
- __alloc_pages_noprof(gfp, order, nid, NULL)
+ alloc_pages_node_noprof(nid, gfp, order)
)

@depends on context@
expression gfp, order, nid, mask;
@@
* \(__alloc_pages\|__alloc_pages_noprof\)(gfp, order, nid, mask)

@initialize:python@
@@
def message(f, mask):
    node = f.replace("__alloc_pages", "alloc_pages_node", 1)
    if mask == "NULL":
        return "use %s(nid, gfp, order) instead of %s(gfp, order, nid, NULL)" % (node, f)
    return "%s() with nodemask '%s' has no public equivalent; left for a human" % (f, mask)

@r depends on org || report@
identifier f = {__alloc_pages, __alloc_pages_noprof};
expression gfp, order, nid, mask;
position p;
@@
 f@p(gfp, order, nid, mask)

@script:python depends on org@
f << r.f;
mask << r.mask;
p << r.p;
@@
coccilib.org.print_todo(p[0], message(f, mask))

@script:python depends on report@
f << r.f;
mask << r.mask;
p << r.p;
@@
print("%s:%s:%d: warning: %s" % (p[0].file, p[0].line, int(p[0].column) + 1, message(f, mask)))
