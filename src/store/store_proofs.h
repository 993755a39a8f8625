/*
 * store_proofs: the files a learner sends as proof of a claimed activity (an attendance
 * certificate, an unofficial transcript), kept in the database (activity_proofs) so that
 * every server reads them, with their SHA-256, the type read from their content, their
 * size and the name they were sent under. A proof stays with its activity: nothing here
 * deletes one. Who may see a proof is the rule of store_proof_viewer_allowed.
 */
#ifndef CERTTRACK_STORE_PROOFS_H
#define CERTTRACK_STORE_PROOFS_H

#include "store.h"

#define PROOF_SHA256_HEX_SIZE 65

struct proof_new {
    int64_t activity_id;
    const void *bytes; /* borrowed for the call */
    size_t size;       /* more than 0 */
    const char *content_type;
    const char *file_name;
    int64_t uploaded_by; /* the person who sent it */
};

/* Keeps the proof with its activity, audited (entity activity_proofs, "create", with the
 * hash, type, size and name but not the bytes); its hash goes to sha256 (hex) and its
 * row id to *id. */
enum ct_status store_proof_add(struct store *store, const struct proof_new *proof, int64_t *id,
                               char sha256[PROOF_SHA256_HEX_SIZE],
                               struct ct_err *err) CT_MUST_CHECK;

/* What a page shows of a proof, without its bytes. */
struct proof_info {
    int64_t id;
    int64_t activity_id;
    char sha256[PROOF_SHA256_HEX_SIZE];
    char content_type[128];
    int64_t size;
    char file_name[256];
    char uploaded_at[32];
};

/* The proofs of the activity and of every earlier version of its claim (the activities
 * it replaces, one after another), oldest first: rows (started as
 * {.size = sizeof(struct proof_info)}; the caller releases it). */
enum ct_status store_proofs_of_activity(struct store *store, int64_t activity_id,
                                        struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* Who may see an activity's proofs (and the claim itself, with them): its learner, the
 * learner's verifier, and a coordinator (coordinator true); *allowed is false for anyone
 * else and when there is no such activity. */
enum ct_status store_proof_viewer_allowed(struct store *store, int64_t activity_id,
                                          int64_t viewer_id, bool coordinator, bool *allowed,
                                          struct ct_err *err) CT_MUST_CHECK;

/* A proof with its bytes. */
struct proof_file {
    struct proof_info info;
    unsigned char *bytes; /* info.size bytes; the caller frees it with free() */
};

/* The proof with this id when viewer_id may see it (store_proof_viewer_allowed): *found
 * is false when there is none or the viewer may not see it (the same answer, so that a
 * proof's existence is not told). */
enum ct_status store_proof_read(struct store *store, int64_t proof_id, int64_t viewer_id,
                                bool coordinator, struct proof_file *file, bool *found,
                                struct ct_err *err) CT_MUST_CHECK;

#endif
