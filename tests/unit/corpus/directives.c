#include "local.h"
#include <linux/mm.h>
#define ALLOC_X(a) ((a)->m.n | \
	ALLOC_CPUSET)
#if defined(CONFIG_Y) && Y > 2
# error "can't"
#endif
