/*
 * audit_proofs_test.c: signed heads of the audit log's Merkle tree and the proofs between them
 * (rectify/audit.h) as a C host uses them. A head is taken, the log grows, and the first head is
 * proved consistent with the log and checked with the trusted public key; another key, an
 * altered signature or root, a malformed head and an event beyond the head are refused.
 *
 *   audit_proofs_test
 *
 * The keys are fixed test keys (made with `openssl genpkey -algorithm ed25519`), never used
 * elsewhere. Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static const char *const private_key = "-----BEGIN PRIVATE KEY-----\n"
                                       "MC4CAQAwBQYDK2VwBCIEIJvEoP6Kzs9/R0HrJtmc/Ox4du8u9xepc/ZW5BJJy1aq\n"
                                       "-----END PRIVATE KEY-----\n";
static const char *const public_key = "-----BEGIN PUBLIC KEY-----\n"
                                      "MCowBQYDK2VwAyEATPb1IPMjBedZt0NwXRd+bhVaSyoqS8k5Bt0OEycLkds=\n"
                                      "-----END PUBLIC KEY-----\n";
static const char *const other_public_key = "-----BEGIN PUBLIC KEY-----\n"
                                            "MCowBQYDK2VwAyEAhINTra+LW+BRjQkH+fBO/pZQsKP1bcSUhvzec4lUOCE=\n"
                                            "-----END PUBLIC KEY-----\n";

static int has(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* A copy of text with the hex digit after `"key":"` plus offset changed. */
static char *altered(const char *text, const char *key, size_t offset)
{
    char *copy = malloc(strlen(text) + 1);
    char *at;
    strcpy(copy, text);
    at = strstr(copy, key);
    if (!at) return copy;
    at += strlen(key) + offset;
    *at = *at == '0' ? '1' : '0';
    return copy;
}

int main(void)
{
    char dir[] = "/tmp/rectify-audit-proofs-XXXXXX";
    char path[600];
    rectify_db *db = NULL;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    char *head1 = NULL, *head2 = NULL, *proof = NULL, *report = NULL, *bad = NULL;

    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/proofs.db", dir);
    oo.actor = "admin";
    MUST(rectify_db_open(&db, path, &oo));
    MUST(rectify_user_add(db, "alice", NULL));
    MUST(rectify_user_add(db, "bob", NULL));

    CHECK(rectify_audit_head(&head1, db, private_key) == RECTIFY_OK);
    CHECK(has(head1, "\"algorithm\":\"ed25519\"") && has(head1, "\"signature\":\""));
    CHECK(rectify_audit_verify_head(&report, db, head1, public_key) == RECTIFY_OK);
    CHECK(has(report, "\"intact\":true"));
    rectify_free(report);
    report = NULL;

    /* The log grows; the first head is still extended by it, with a proof. */
    MUST(rectify_user_add(db, "carol", NULL));
    MUST(rectify_user_add(db, "dave", NULL));
    MUST(rectify_audit_head(&head2, db, private_key));
    CHECK(strcmp(head1, head2) != 0);
    CHECK(rectify_audit_prove_consistency(&proof, db, head1, NULL) == RECTIFY_OK);
    CHECK(has(proof, "\"from_size\":") && has(proof, "\"to_size\":") && has(proof, "\"proof\":[\""));
    rectify_free(proof);
    proof = NULL;
    CHECK(rectify_audit_verify_head(&report, db, head1, public_key) == RECTIFY_OK);
    rectify_free(report);
    report = NULL;

    /* Between two kept heads: the proof ends at the later head, whatever was written since. */
    MUST(rectify_user_add(db, "erin", NULL));
    CHECK(rectify_audit_prove_consistency(&proof, db, head1, head2) == RECTIFY_OK);
    CHECK(has(proof, "\"to_root\":\"") &&
          strncmp(strstr(proof, "\"to_root\":\"") + strlen("\"to_root\":\""), strstr(head2, "\"root\":\"") + strlen("\"root\":\""),
                  64) == 0);
    rectify_free(proof);
    proof = NULL;
    CHECK_FAILS(rectify_audit_prove_consistency(&proof, db, head2, head1), RECTIFY_E_ARGUMENT);
    CHECK(proof == NULL && has(rectify_errmsg(), "give the earlier head first"));

    /* An inclusion proof of event 1 in the first head; events outside a head are refused. */
    CHECK(rectify_audit_prove_inclusion(&proof, db, 1, head1) == RECTIFY_OK);
    CHECK(has(proof, "\"event_id\":1,\"leaf_index\":0,"));
    /* It carries the event as hashed, so a checker can tie the hash to what happened. */
    CHECK(has(proof, "\"event\":{\"id\":1,") && has(proof, "\"prev_hash\":\"0000000000"));
    rectify_free(proof);
    proof = (char *)1;
    CHECK_FAILS(rectify_audit_prove_inclusion(&proof, db, 0, head1), RECTIFY_E_ARGUMENT);
    CHECK(proof == NULL);
    CHECK_FAILS(rectify_audit_prove_inclusion(&proof, db, 1000, head1), RECTIFY_E_ARGUMENT);
    CHECK(has(rectify_errmsg(), "event 1000 is not in the head"));

    /* Another key, an altered signature, an altered root: refused as tampered, with a report. */
    CHECK_FAILS(rectify_audit_verify_head(&report, db, head1, other_public_key), RECTIFY_E_TAMPERED);
    CHECK(has(report, "\"intact\":false") && has(rectify_errmsg(), "signed with another key"));
    rectify_free(report);
    report = NULL;
    bad = altered(head1, "\"signature\":\"", 5);
    CHECK_FAILS(rectify_audit_verify_head(&report, db, bad, public_key), RECTIFY_E_TAMPERED);
    CHECK(has(rectify_errmsg(), "signature does not verify"));
    rectify_free(report);
    report = NULL;
    free(bad);
    bad = altered(head1, "\"root\":\"", 0);
    CHECK_FAILS(rectify_audit_verify_head(&report, db, bad, public_key), RECTIFY_E_TAMPERED);
    rectify_free(report);
    report = NULL;
    /* A root the log does not have: no consistency proof. */
    CHECK_FAILS(rectify_audit_prove_consistency(&proof, db, bad, NULL), RECTIFY_E_TAMPERED);
    CHECK(has(rectify_errmsg(), "do not have the root"));
    free(bad);

    /* Malformed input: named, and nothing handed out. */
    proof = (char *)1;
    CHECK_FAILS(rectify_audit_prove_consistency(&proof, db, "{\"size\":-1}", NULL), RECTIFY_E_ARGUMENT);
    CHECK(proof == NULL && has(rectify_errmsg(), "from_head: \"size\""));
    CHECK_FAILS(rectify_audit_prove_consistency(&proof, db, "not json", NULL), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_audit_prove_consistency(&proof, db, NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_audit_head(&proof, db, "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"),
                RECTIFY_E_ARGUMENT);
    CHECK(proof == NULL && has(rectify_errmsg(), "private key: is not an Ed25519 private key"));
    CHECK_FAILS(rectify_audit_head(&proof, db, public_key), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_audit_verify_head(&report, db, head1, private_key), RECTIFY_E_ARGUMENT);
    CHECK(report == NULL && has(rectify_errmsg(), "public key: is not an Ed25519 public key"));

    rectify_free(head1);
    rectify_free(head2);
    rectify_db_close(db);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0) return 2;
    return check_report();
}
