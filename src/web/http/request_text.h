/*
 * request_text: every text a request carries, checked once where it is read.
 *
 * A value certtrack reads (a form field's name and value, a query argument, the path,
 * the headers and cookies it uses, an upload's file name) must be UTF-8 text without a
 * NUL byte: a NUL would silently cut the value, and bytes that are not text cannot be
 * stored, audited or shown. The server refuses such a request with 400 before any page
 * runs, naming the field, and so nothing is saved.
 */
#ifndef CERTTRACK_REQUEST_TEXT_H
#define CERTTRACK_REQUEST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "request.h"

/* What is wrong with the request's text, when something is. */
struct request_text_problem {
    const char *kind; /* "field", "query argument", "header", "cookie", "address", ... */
    char name[96];    /* its name: "title", "as_of", "Accept"; "" when it has none */
    const char *what; /* "is not UTF-8 text", "holds a NUL byte" */
};

/* True when every text of request (borrowed) is UTF-8 without NUL; else false with
 * *problem filled. */
bool request_text_check(const struct web_request *request, struct request_text_problem *problem);

/* True when the length bytes at text are UTF-8 without a NUL. */
bool request_text_is_text(const char *text, size_t length);

/* Unescapes a URI component in place as libmicrohttpd does, except that "%00" becomes the
 * byte 0xFF, which is no UTF-8: the checks above then refuse it instead of a NUL cutting
 * the value short. Returns the new length. (For MHD_OPTION_UNESCAPE_CALLBACK.) */
size_t request_text_unescape(char *text);

#endif
