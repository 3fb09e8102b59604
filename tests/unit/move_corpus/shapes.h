#ifndef A_H
#define A_H
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
int after_guard(void);

__printf(1, 2)
void logit(const char *fmt, ...);

/* doc */
__must_check
int checked(void);
static inline pte_t __pte_thing(pte_t pte, fpb_t flags)
{
	return pte;
}
gfp_t __gfp_thing(int x);
extern struct foo bar, *baz[3];
extern int (*hookp)(int);
static const char *const names[] = { "a", "b" };
DECLARE_PER_CPU(int, cpu_var);
#endif
