/* A library of two functions and an options struct, built four ways by test_rule.sh to show
   how check_abi.sh judges a change: -DRULE_ADD adds a function, -DRULE_REMOVE removes one,
   -DRULE_RETYPE changes a parameter's type, -DRULE_GROW grows the struct. */
#ifndef RULE_H
#define RULE_H

typedef struct rule_options {
    unsigned version;
    int a;
#ifdef RULE_GROW
    int b;
#endif
} rule_options;

int rule_one(const rule_options *opts);
#if defined(RULE_RETYPE)
int rule_two(long x);
#elif !defined(RULE_REMOVE)
int rule_two(int x);
#endif
#ifdef RULE_ADD
int rule_three(int x);
#endif

#endif
