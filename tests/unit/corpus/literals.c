/* a comment /* not nested */
// line \
continued */
static const char *s = "a\"b\\" L"w" u8"x";
static char c = '\'', d = '"';
const char *t = "split\
string";
int x = 0x1fULL + .5e+3 + a->b.c;
