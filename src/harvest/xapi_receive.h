/*
 * xapi_receive: what an LRS does with the statements of one request. They are read and
 * checked (xapi_batch.h, xapi_statement.h), each without an id is given a new random one, and then
 * they are stored with what each means for credit (store/store_xapi.h): all of them or,
 * when any is malformed or conflicts with one stored before, none.
 */
#ifndef CERTTRACK_XAPI_RECEIVE_H
#define CERTTRACK_XAPI_RECEIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../store/store.h"
#include "xapi_batch.h"
#include "xapi_uuid.h"
#include "xapi_version.h"

struct xapi_receipt {
    struct xapi_batch batch; /* owned: the statements read */
    enum xapi_version version;
    size_t count;
    char (*ids)[XAPI_UUID_SIZE]; /* owned: the statements' ids, in order */
    size_t added;                /* statements stored now (the others were stored before) */
    bool conflict;               /* refused: an id stored before with other content (HTTP 409) */
};

/* Receives body (length bytes, borrowed) from site_id as xAPI version. statement_id is
 * the id a PUT names (the body is then one statement, whose own id, if any, must be the
 * same), or NULL for a POST (one statement or an array). now_ms (milliseconds since
 * 1970) stands for the time of a statement without a timestamp. A refusal is
 * CT_ERR_INPUT naming the field (with receipt->conflict for a conflict) or
 * CT_ERR_TOO_LARGE (too many statements). The caller releases *receipt with
 * xapi_receipt_release, also after a failure. */
enum ct_status xapi_receive(struct store *store, int64_t site_id, enum xapi_version version,
                            const char *body, size_t length, const char *statement_id,
                            int64_t now_ms, struct xapi_receipt *receipt,
                            struct ct_err *err) CT_MUST_CHECK;

/* xapi_receive in two steps, so that a server can read and check statements on many
 * threads and store them one request at a time: xapi_receive_read reads and checks
 * body and gives ids (nothing stored; refusals as xapi_receive's, but no conflict),
 * xapi_receive_store stores what it read. */
enum ct_status xapi_receive_read(const char *body, size_t length, enum xapi_version version,
                                 const char *statement_id, struct xapi_receipt *receipt,
                                 struct ct_err *err) CT_MUST_CHECK;
enum ct_status xapi_receive_store(struct store *store, int64_t site_id, int64_t now_ms,
                                  struct xapi_receipt *receipt, struct ct_err *err) CT_MUST_CHECK;

/* Frees the receipt's statements and ids; the struct is then empty. NULL is a no-op. */
void xapi_receipt_release(struct xapi_receipt *receipt);

#endif
