/*
 * err: the one error type of certtrack.
 *
 * Every function that can fail returns an enum ct_status (CT_OK is 0) and, where the
 * caller may want to tell the user what went wrong, fills a struct ct_err that the
 * caller passes in. The detail names the place ("activities[3].date") and the reason
 * ("not a date: \"2023-02-30\"").
 */
#ifndef CERTTRACK_ERR_H
#define CERTTRACK_ERR_H

#include <stddef.h>

#define CT_MUST_CHECK __attribute__((warn_unused_result))

enum ct_status {
    CT_OK = 0,
    CT_ERR_INPUT,     /* the input (record, program file, argument) is wrong */
    CT_ERR_NOMEM,     /* an allocation failed */
    CT_ERR_TOO_LARGE, /* an input or a built value is over its size limit */
    CT_ERR_IO,        /* reading or writing a file failed */
};

struct ct_err {
    enum ct_status status;
    char where[256];   /* field path or file name; may be empty */
    char message[512]; /* what is wrong, for a person */
};

/* Sets *err (when err is not NULL) and returns status, so that a caller can write
 * `return ct_err_set(err, CT_ERR_INPUT, "as_of", "not a date: \"%s\"", text);`.
 * where is copied (borrowed); NULL means no place. */
enum ct_status ct_err_set(struct ct_err *err, enum ct_status status, const char *where,
                          const char *format, ...) __attribute__((format(printf, 4, 5)));

/* Sets *err to CT_ERR_NOMEM with a standard message and returns CT_ERR_NOMEM. */
enum ct_status ct_err_nomem(struct ct_err *err);

/* Puts prefix and ": " before err->where (e.g. a file name before a field path). */
void ct_err_prefix_where(struct ct_err *err, const char *prefix);

/* Writes "where: message" (or just "message" when where is empty) into out, which has
 * room for size bytes; the result is always NUL-terminated. */
void ct_err_format(const struct ct_err *err, char *out, size_t size);

/* A short name of a status ("bad input", "out of memory", ...); never NULL. */
const char *ct_status_name(enum ct_status status);

#endif
