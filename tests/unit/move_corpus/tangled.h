struct s {
#ifdef X
int a; };
#else
int b; };
#endif
int after; /* tail
 comment */
#if Y
int open;
