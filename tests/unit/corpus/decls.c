struct s { int m; struct t *n; int (*fp)(void *); unsigned b : 3; };
typedef int (*fn_t)(int);
enum e { A, B = 2, C = (1 << 3) };
static inline struct page *f(gfp_t g) { return g ? 0 : f(g); }
__printf(1, 2) int pr(const char *fmt, ...) __cold;
static struct s v = { .m = 1, .n = NULL };
