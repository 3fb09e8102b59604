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

// Under a cast the whole cast is rewritten: replacing only the call makes
// spatch print a space after the cast.
@depends on patch@
type T;
expression gfp, order, nid;
@@
(
- (T)__alloc_pages(gfp, order, nid, NULL)
+ (T)alloc_pages_node(nid, gfp, order)
|
- (T)__alloc_pages_noprof(gfp, order, nid, NULL)
+ (T)alloc_pages_node_noprof(nid, gfp, order)
)

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

// Report rules name each function literally: spatch then parses only the
// files that contain it, where a set of identifiers makes it parse them all.
@initialize:python@
@@
def found(p, old, mask, mode):
    node = old.replace("__alloc_pages", "alloc_pages_node", 1)
    if mask == "NULL":
        msg = "use %s(nid, gfp, order) instead of %s(gfp, order, nid, NULL)" % (node, old)
    else:
        msg = "%s() with nodemask '%s' has no public equivalent; left for a human" % (old, mask)
    if mode == "org":
        coccilib.org.print_todo(p[0], msg)
    else:
        print("%s:%s:%d: warning: %s" % (p[0].file, p[0].line, int(p[0].column) + 1, msg))

@pages depends on org || report@
expression gfp, order, nid, mask;
position p;
@@
 __alloc_pages@p(gfp, order, nid, mask)

@pages_noprof depends on org || report@
expression gfp, order, nid, mask;
position p;
@@
 __alloc_pages_noprof@p(gfp, order, nid, mask)

@script:python depends on org@
p << pages.p;
mask << pages.mask;
@@
found(p, "__alloc_pages", mask, "org")

@script:python depends on org@
p << pages_noprof.p;
mask << pages_noprof.mask;
@@
found(p, "__alloc_pages_noprof", mask, "org")

@script:python depends on report@
p << pages.p;
mask << pages.mask;
@@
found(p, "__alloc_pages", mask, "report")

@script:python depends on report@
p << pages_noprof.p;
mask << pages_noprof.mask;
@@
found(p, "__alloc_pages_noprof", mask, "report")
