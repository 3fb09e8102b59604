#define A(x) \
	do { } while (0) /* a
 b */
#endif
#else
int c;
"unterminated
/* open