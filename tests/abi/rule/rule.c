#include "rule.h"

int rule_one(const rule_options *opts) { return opts->a; }
#if defined(RULE_RETYPE)
int rule_two(long x) { return (int)x; }
#elif !defined(RULE_REMOVE)
int rule_two(int x) { return x; }
#endif
#ifdef RULE_ADD
int rule_three(int x) { return x + 1; }
#endif
