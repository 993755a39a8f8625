/*
 * xapi_batch: the statements of one request body (POST and PUT /xapi/statements), one
 * statement object or an array of them, each read and checked (xapi_statement.h) and
 * each with its own text from the body, as the LRS stores it.
 */
#ifndef CERTTRACK_XAPI_BATCH_H
#define CERTTRACK_XAPI_BATCH_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "xapi_statement.h"
#include "xapi_version.h"
#include "../core/err.h"

/* The most statements one request may carry. */
#define XAPI_BATCH_MAX 1000

/* A request body of statements: one statement object or an array of them. */
struct xapi_batch {
    struct xapi_statement *statements; /* owned, count of them */
    char **raw;                        /* each statement's own text from the body, owned */
    size_t *raw_length;
    size_t count;
    bool is_array; /* the body was an array (POST answers ids for either) */
    json_t *root;  /* owned */
};

/* Reads body (borrowed, length bytes) as one
 * statement or an array of at most XAPI_BATCH_MAX, every one checked: the first one
 * refused fails the whole batch (its index in where). Two statements with the same id
 * in one batch are refused too. *batch is released by the caller with
 * xapi_batch_release, also after a failure. */
enum ct_status xapi_batch_read(const char *body, size_t length, enum xapi_version version,
                               struct xapi_batch *batch, struct ct_err *err) CT_MUST_CHECK;

/* Frees the batch's contents; the struct is then empty. NULL is a no-op. */
void xapi_batch_release(struct xapi_batch *batch);

#endif
