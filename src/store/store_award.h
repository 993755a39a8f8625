/*
 * store_award: awarding a certificate for a complete track.
 */
#ifndef CERTTRACK_STORE_AWARD_H
#define CERTTRACK_STORE_AWARD_H

#include "store.h"

#define CERTIFICATE_NUMBER_SIZE 32
#define VERIFICATION_CODE_SIZE  33

/* The least size of the revocation status list, in places (16 KiB of bits): an award
 * draws a certificate's place at random from at least this many. */
#define STORE_STATUS_LIST_MIN 131072

struct award_result {
    int64_t certificate_id;
    char number[CERTIFICATE_NUMBER_SIZE];
    char verification_code[VERIFICATION_CODE_SIZE];
    struct civil_date valid_until;
    int64_t next_track_id;
    char next_program[65];
};

/* Awards a submitted track on day, in one transaction: evaluates it as of day; when the
 * engine says complete, issues the certificate (a number, an unguessable verification
 * code, a free place in the revocation status list drawn at random, valid until day plus
 * the program's window), marks the track certified, withdraws the person's other open
 * tracks in the programs the awarded program's ends_on_award lists (the comment naming
 * the certificate), and enrols the person in the program's successor from the next day
 * (unless they have an open track in it already, which next_track_id then names). When it is not
 * complete, refuses with the engine's blocking codes and changes nothing. */
enum ct_status store_award(struct store *store, int64_t actor_id, int64_t track_id,
                           struct civil_date day, struct award_result *result,
                           struct ct_err *err) CT_MUST_CHECK;

/* A certificate the State Library issued before certtrack, as its records hold it. */
struct certificate_import {
    int64_t person_id;
    const char *program; /* a loaded program's id */
    struct civil_date issued;
    const char *number; /* as issued; an award never reuses it */
};

/* Keeps an imported certificate (provenance "imported", no credits counted, valid for the
 * program's window from its issue day) on a certified track of its own, so that
 * prerequisites see it like an awarded one; audited; all or nothing. A number
 * held already is refused by the database (CT_ERR_INPUT). */
enum ct_status store_certificate_import(struct store *store, int64_t actor_id,
                                        const struct certificate_import *import,
                                        int64_t *certificate_id, struct ct_err *err) CT_MUST_CHECK;

/* Revokes a certificate on day with a reason (required). A revoked certificate no longer
 * counts as a prerequisite; it cannot be revoked twice. */
enum ct_status store_certificate_revoke(struct store *store, int64_t actor_id,
                                        int64_t certificate_id, struct civil_date day,
                                        const char *reason, struct ct_err *err) CT_MUST_CHECK;

/* A new verification code: 32 characters from 160 random bits (libsodium), in the
 * alphabet certificate codes use, into out. */
enum ct_status store_verification_code_make(char out[VERIFICATION_CODE_SIZE],
                                            struct ct_err *err) CT_MUST_CHECK;

/* A certificate as stored, with one version of its documents
 * (store_certificate_versions.h): the newest, or the one a verification code names. */
struct certificate_record {
    int64_t id;
    int64_t person_id;
    int64_t track_id;
    char number[CERTIFICATE_NUMBER_SIZE];
    char verification_code[VERIFICATION_CODE_SIZE]; /* the version's */
    char person_name[256]; /* the name the version prints (the holder's, when issued) */
    char person_email[256];
    char person_subject_uuid[37]; /* the holder's random subject id (schema_v9.sql.h) */
    char program[65];             /* the program's id */
    int64_t credit_halves;
    struct civil_date issued;
    struct civil_date valid_until;
    struct civil_date revoked;         /* unset when not revoked */
    char revoked_reason[512];          /* "" when not revoked */
    int64_t status_index;              /* its place in the revocation status list */
    int64_t version;                   /* the version of its documents, from 1 */
    struct civil_date document_issued; /* the day the version was issued (a reissue's) */
    struct civil_date superseded;      /* the day a newer version replaced it; unset: newest */
};

/* Finds the certificate numbered number (borrowed), with its newest documents, into
 * *record; *found says whether there is one (record is then left zeroed). */
enum ct_status store_certificate_find(struct store *store, const char *number,
                                      struct certificate_record *record, bool *found,
                                      struct ct_err *err) CT_MUST_CHECK;

/* The same, found by a verification code (borrowed) of any version of its documents:
 * the record then is that version's (its code, the name it printed, when it was
 * superseded). */
enum ct_status store_certificate_find_by_code(struct store *store, const char *code,
                                              struct certificate_record *record, bool *found,
                                              struct ct_err *err) CT_MUST_CHECK;

/* The same, found by its id (the newest documents). */
enum ct_status store_certificate_find_by_id(struct store *store, int64_t id,
                                            struct certificate_record *record, bool *found,
                                            struct ct_err *err) CT_MUST_CHECK;

/* The status-list places (status_index) of every revoked certificate, ascending: *ids
 * (caller frees; NULL when none) holds *count of them. */
enum ct_status store_certificates_revoked(struct store *store, int64_t **ids, size_t *count,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
