/*
 * buf: a growable text buffer with a size limit.
 *
 * Used to build text output (summaries, tables) without strcat or sprintf. Every
 * buffer has a limit; an append that would pass it fails with CT_ERR_TOO_LARGE and
 * leaves the contents as they were. After any failed append the buffer stays usable.
 *
 *   struct buf out;
 *   buf_init(&out, 1 << 20);
 *   if (buf_printf(&out, "%d credits", n) != CT_OK) ...
 *   buf_release(&out);
 */
#ifndef CERTTRACK_BUF_H
#define CERTTRACK_BUF_H

#include <stddef.h>

#include "err.h"

struct buf {
    char *data;    /* NUL-terminated contents, or NULL before the first append */
    size_t length; /* bytes in data, without the NUL */
    size_t capacity;
    size_t limit; /* the most bytes data may hold, without the NUL */
};

/* Sets up an empty buffer; allocates nothing. */
void buf_init(struct buf *b, size_t limit);

/* Frees the contents; the buffer is then as after buf_init with the same limit. */
void buf_release(struct buf *b);

/* Appends length bytes of data (borrowed). */
enum ct_status buf_append(struct buf *b, const char *data, size_t length) CT_MUST_CHECK;

/* Appends a NUL-terminated string (borrowed). */
enum ct_status buf_append_str(struct buf *b, const char *text) CT_MUST_CHECK;

/* Appends formatted text. */
enum ct_status buf_printf(struct buf *b, const char *format, ...) CT_MUST_CHECK
    __attribute__((format(printf, 2, 3)));

/* Appends count copies of the byte c. */
enum ct_status buf_append_repeat(struct buf *b, char c, size_t count) CT_MUST_CHECK;

/* The contents, never NULL (an empty buffer gives ""). Borrowed: valid until the next
 * change to the buffer. */
const char *buf_str(const struct buf *b);

/* Hands the contents to the caller, who frees them with free(); the buffer is left
 * empty. Returns NULL only when allocation of an empty string fails. */
char *buf_take(struct buf *b);

#endif
