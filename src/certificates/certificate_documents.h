/*
 * certificate_documents: everything an awarded certificate's documents say, gathered
 * from the store once: the certificate, the program, the settings (public URL, issuer),
 * the final report's acceptance and, for the Strategic Track, the signed plan's goals
 * with the library goals they served. From it come the PDF's face, the credential and
 * the revocation status list; the command line and the server both use it.
 */
#ifndef CERTTRACK_CERTIFICATE_DOCUMENTS_H
#define CERTTRACK_CERTIFICATE_DOCUMENTS_H

#include <jansson.h>

#include "certificate_pdf.h"
#include "credential.h"
#include "../core/arena.h"
#include "../store/store_award.h"
#include "../store/store_settings.h"

struct certificate_documents {
    struct certificate_record record;
    const struct program *program; /* borrowed from the store's programs; NULL if unknown */
    char public_url[STORE_SETTING_SIZE];
    char issuer_name[STORE_SETTING_SIZE];
    char verify_url[STORE_SETTING_SIZE + 64]; /* PUBLIC/verify/CODE */
    struct civil_date report_accepted;        /* unset when the track has no accepted report */
    struct credential_alignment *alignment;   /* owned by arena */
    size_t alignment_count;
    struct arena arena;
};

/* Gathers the documents of record (borrowed, copied) from store into documents, which
 * the caller releases with certificate_documents_release (also after a failure). */
enum ct_status certificate_documents_load(struct store *store,
                                          const struct certificate_record *record,
                                          struct certificate_documents *documents,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Frees what documents owns; it is then empty. */
void certificate_documents_release(struct certificate_documents *documents);

/* The certificate's face for the PDF; its strings are borrowed from documents. */
void certificate_documents_face(const struct certificate_documents *documents,
                                struct certificate_face *face);

/* The credential's facts; borrowed from documents. */
void certificate_documents_facts(const struct certificate_documents *documents,
                                 struct credential_facts *facts);

/* The signed credential (compact VC-JWT) into *jwt (caller frees). key is borrowed. */
enum ct_status certificate_documents_credential(const struct certificate_documents *documents,
                                                const json_t *key, char **jwt,
                                                struct ct_err *err) CT_MUST_CHECK;

/* The JWK Set of key's public half (key borrowed), its "kid" the key's address under the
 * public-url setting (credential_key_id), as /.well-known/jwks.json and 'certtrack
 * certificate jwks' give it: *key_set gets it (caller json_decrefs). */
enum ct_status certificate_key_set(struct store *store, const json_t *key, json_t **key_set,
                                   struct ct_err *err) CT_MUST_CHECK;

/* The revocation status list credential, valid from valid_from ("YYYY-MM-DDThh:mm:ssZ",
 * borrowed), signed with key (its header's kid the key's address, credential_key_id;
 * typ "vc+jwt", as the W3C's VC-JOSE-COSE secures a credential that is not an Open
 * Badge): *jwt gets the compact JWS (caller frees). */
enum ct_status certificate_status_list(struct store *store, const json_t *key,
                                       const char *valid_from, char **jwt,
                                       struct ct_err *err) CT_MUST_CHECK;

#endif
