#ifndef __LIB_COND_H
#define __LIB_COND_H

#if defined(CONFIG_A)
int a1(void);
#elif defined(CONFIG_B)
int b1(void);
int keep_b(void);
#else
int c1(void);
#endif

#ifdef CONFIG_OUTER
int keep_o(void);
#ifdef CONFIG_INNER
int in1(void);
int in2(void);
#endif
#endif

#endif
