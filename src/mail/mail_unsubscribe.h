/*
 * mail_unsubscribe: the one-click unsubscribe address of a reminder (RFC 8058).
 *
 * The address is reusable and needs no session: PUBLIC-URL/unsubscribe?person=ID&kind=KIND
 * &mac=HEX, where mac is the HMAC-SHA-256 (libsodium) of "ID:KIND" under the server's
 * secret STORE_SECRET_UNSUBSCRIBE_HMAC, as 32 hex digits (128 bits). Only the person and
 * the kind are in it, so anyone holding the mail may turn that one reminder off, and
 * nothing else; the page and the POST check the mac before they do anything.
 */
#ifndef CERTTRACK_MAIL_UNSUBSCRIBE_H
#define CERTTRACK_MAIL_UNSUBSCRIBE_H

#include <stdbool.h>
#include <stdint.h>

#include "../store/store.h"

/* The mac's length in hex digits, with its NUL. */
#define MAIL_UNSUBSCRIBE_MAC_SIZE 33

/* The mac of person_id and kind (borrowed) into mac. */
enum ct_status mail_unsubscribe_mac(struct store *store, int64_t person_id, const char *kind,
                                    char mac[MAIL_UNSUBSCRIBE_MAC_SIZE],
                                    struct ct_err *err) CT_MUST_CHECK;

/* The whole address for person_id and kind into url (size bytes), on the public-url.
 * kind is letters, digits and '-' (else CT_ERR_INPUT naming "kind"). */
enum ct_status mail_unsubscribe_url(struct store *store, int64_t person_id, const char *kind,
                                    char *url, size_t size, struct ct_err *err) CT_MUST_CHECK;

/* *valid is true when mac (borrowed, any text) is the mac of person_id and kind; compared
 * in constant time. */
enum ct_status mail_unsubscribe_check(struct store *store, int64_t person_id, const char *kind,
                                      const char *mac, bool *valid,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
