// SPDX-License-Identifier: GPL-2.0-only
/// Use timer_delete() and timer_delete_sync() rather than del_timer() and
/// del_timer_sync(), their old names, which include/linux/timer.h keeps
/// only as wrappers.
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
- del_timer
+ timer_delete
|
- del_timer_sync
+ timer_delete_sync
)
  (...)

@depends on context@
@@
* \(del_timer\|del_timer_sync\)(...)

// Report rules name each function literally: spatch then parses only the
// files that contain it, where a set of identifiers makes it parse them all.
@initialize:python@
@@
def found(p, old, new, mode):
    msg = "use %s() instead of %s()" % (new, old)
    if mode == "org":
        coccilib.org.print_todo(p[0], msg)
    else:
        print("%s:%s:%d: warning: %s" % (p[0].file, p[0].line, int(p[0].column) + 1, msg))

@plain depends on org || report@
position p;
@@
 del_timer@p(...)

@sync depends on org || report@
position p;
@@
 del_timer_sync@p(...)

@script:python depends on org@
p << plain.p;
@@
found(p, "del_timer", "timer_delete", "org")

@script:python depends on org@
p << sync.p;
@@
found(p, "del_timer_sync", "timer_delete_sync", "org")

@script:python depends on report@
p << plain.p;
@@
found(p, "del_timer", "timer_delete", "report")

@script:python depends on report@
p << sync.p;
@@
found(p, "del_timer_sync", "timer_delete_sync", "report")
