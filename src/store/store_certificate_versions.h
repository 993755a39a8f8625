/*
 * store_certificate_versions: the versions of a certificate's documents (schema_v21.sql.h).
 * A certificate keeps its number, award day, expiry and place in the revocation status
 * list for good; its documents (the PDF and the signed credential) are issued again
 * after a name change, each time with a new verification code and the holder's name as
 * it is then. Version 1 is the award's (or the import's); the newest version is the one
 * not superseded, and its code is the certificate's own (store_award.h). An older
 * version's code still finds the certificate, saying when it was superseded.
 */
#ifndef CERTTRACK_STORE_CERTIFICATE_VERSIONS_H
#define CERTTRACK_STORE_CERTIFICATE_VERSIONS_H

#include "store.h"
#include "store_award.h"

/* The longest reason a reissue keeps. */
#define CERTIFICATE_REISSUE_REASON_MAX 500

/* One version of a certificate's documents. */
struct certificate_version {
    int64_t id;
    int64_t version; /* 1, 2, ... */
    char verification_code[VERIFICATION_CODE_SIZE];
    char printed_name[256];
    struct civil_date issued;                         /* the day the version was issued */
    char reason[CERTIFICATE_REISSUE_REASON_MAX + 12]; /* "awarded", "imported", or why */
    char issued_by[256];          /* who reissued it; "" for version 1 or the system */
    struct civil_date superseded; /* unset: the newest */
};

/* Every version of certificate certificate_id, the newest first: *versions (caller
 * frees; NULL when none) holds *count of them. */
enum ct_status store_certificate_versions(struct store *store, int64_t certificate_id,
                                          struct certificate_version **versions, size_t *count,
                                          struct ct_err *err) CT_MUST_CHECK;

/* The holder's name as it is now (people.name) of certificate certificate_id, into out
 * (size bytes); *found false when there is no such certificate. */
enum ct_status store_certificate_holder_name(struct store *store, int64_t certificate_id, char *out,
                                             size_t size, bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

/* A reissue: all borrowed. */
struct certificate_reissue {
    int64_t certificate_id;
    const char *printed_name; /* the name the new version prints; not "" */
    const char *reason;       /* why; not "", at most CERTIFICATE_REISSUE_REASON_MAX bytes */
    struct civil_date day;    /* the new version's issue day, the old one's superseded day */
};

struct certificate_reissue_result {
    int64_t version_id;
    int64_t version;
    char verification_code[VERIFICATION_CODE_SIZE]; /* the new version's */
    char old_code[VERIFICATION_CODE_SIZE];          /* the version superseded */
};

/* Issues a new version of the certificate's documents in one transaction (nested in the
 * caller's when there is one): marks the newest version superseded on day by the new one,
 * keeps the new one (the next number, a new verification code, the printed name, the
 * reason, actor_id as who reissued, 0 for the system), makes its code the certificate's,
 * and audits "reissue" with actor_id twice: the certificate (its code before and after)
 * and the new version (its name, reason and day). Refused (CT_ERR_INPUT, where
 * naming it): "reason" or "name" empty or too long, "certificate" not there or revoked.
 * The number, award day, expiry and status-list place do not change. */
enum ct_status store_certificate_reissue(struct store *store, int64_t actor_id,
                                         const struct certificate_reissue *reissue,
                                         struct certificate_reissue_result *result,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
