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

// Report rules name each function literally: spatch then parses only the
// files that contain it, where a set of identifiers makes it parse them all.
@initialize:python@
@@
def found(p, old, mode):
    msg = "use %s() instead of %s()" % (old[2:], old)
    if mode == "org":
        coccilib.org.print_todo(p[0], msg)
    else:
        print("%s:%s:%d: warning: %s" % (p[0].file, p[0].line, int(p[0].column) + 1, msg))

@node depends on org || report@
position p;
@@
 __alloc_pages_node@p(...)

@node_noprof depends on org || report@
position p;
@@
 __alloc_pages_node_noprof@p(...)

@script:python depends on org@
p << node.p;
@@
found(p, "__alloc_pages_node", "org")

@script:python depends on org@
p << node_noprof.p;
@@
found(p, "__alloc_pages_node_noprof", "org")

@script:python depends on report@
p << node.p;
@@
found(p, "__alloc_pages_node", "report")

@script:python depends on report@
p << node_noprof.p;
@@
found(p, "__alloc_pages_node_noprof", "report")
