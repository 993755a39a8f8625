#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

enum ct_status ct_err_set(struct ct_err *err, enum ct_status status, const char *where,
                          const char *format, ...)
{
    if (err == NULL) {
        return status;
    }
    err->status = status;
    snprintf(err->where, sizeof err->where, "%s", where != NULL ? where : "");
    va_list args;
    va_start(args, format);
    vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
    return status;
}

enum ct_status ct_err_nomem(struct ct_err *err)
{
    return ct_err_set(err, CT_ERR_NOMEM, NULL, "out of memory");
}

void ct_err_prefix_where(struct ct_err *err, const char *prefix)
{
    if (err == NULL || prefix == NULL || prefix[0] == '\0') {
        return;
    }
    char joined[2 * sizeof err->where + 4];
    if (err->where[0] != '\0') {
        snprintf(joined, sizeof joined, "%s: %s", prefix, err->where);
    } else {
        snprintf(joined, sizeof joined, "%s", prefix);
    }
    size_t length = strlen(joined);
    if (length >= sizeof err->where) {
        length = sizeof err->where - 1;
    }
    memcpy(err->where, joined, length);
    err->where[length] = '\0';
}

void ct_err_format(const struct ct_err *err, char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    if (err->where[0] != '\0') {
        snprintf(out, size, "%s: %s", err->where, err->message);
    } else {
        snprintf(out, size, "%s", err->message);
    }
}

const char *ct_status_name(enum ct_status status)
{
    switch (status) {
    case CT_OK:
        return "ok";
    case CT_ERR_INPUT:
        return "bad input";
    case CT_ERR_NOMEM:
        return "out of memory";
    case CT_ERR_TOO_LARGE:
        return "too large";
    case CT_ERR_IO:
        return "input/output error";
    }
    return "unknown error";
}
